"""`python -m hocvuso …`: the project's one command line (see hocvuso/cli.py)."""
import sys

from .cli import main

sys.exit(main())
