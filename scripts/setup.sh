# Sourced by scripts/serve and scripts/test: make .venv and install what the project needs.
# Usage: . scripts/setup.sh [requirements file]
set -e
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REQ="${1:-requirements.txt}"
PY="${PYTHON:-python3}"
if [ ! -x "$ROOT/.venv/bin/python" ]; then
  echo "setup: creating .venv with $($PY --version)"
  "$PY" -m venv "$ROOT/.venv"
fi
# Reinstall only when a requirements file changed since the last install.
STAMP="$ROOT/.venv/.installed-$(basename "$REQ")"
SUM="$(cat "$ROOT"/requirements*.txt "$ROOT/pyproject.toml" | sha1sum | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$SUM" ]; then
  echo "setup: installing $REQ"
  "$ROOT/.venv/bin/python" -m pip install -q --disable-pip-version-check -r "$ROOT/$REQ"
  echo "$SUM" > "$STAMP"
fi
export NO_MKDOCS_2_WARNING=1
export PATH="$ROOT/.venv/bin:$PATH"
cd "$ROOT"
