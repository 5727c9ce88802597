"""The lesson model, read once per build: plain Python on PyYAML, no MkDocs, no Markdown.

A lesson file becomes a frozen `Lesson`; every mistake becomes a `Problem` with the file, the line,
a stable code and a fix, and a build reports all of them before it stops. By concern:

- `model`: Lesson, Block, Competency, Catalogue and the constants (audiences, levels, keys, blocks);
- `front_matter`: the front matter split from the body, parsed (libyaml) and its keys checked;
- `scan`: a body's top-level blocks, sections and question fences (grammar: hocvuso/fences.py);
- `lesson`: one file into a Lesson (`parse_lesson`);
- `catalogue`: the whole docs folder (`build_catalogue`, `load_catalogue`), twins, orders.

The names below are the ones the rest of the package imports as `from .lessons import X`.
"""
from ..problems import Problem
from .catalogue import build_catalogue, load_catalogue, load_competencies, tree_signature
from .front_matter import parse_front_matter, split_front_matter
from .lesson import parse_lesson
from .model import (AUDIENCES, DATA_FILE, DEFAULT_LANG, LANGS, LEVELS, OPTIONAL_KEYS, OTHER_SECTIONS, OUR_BLOCKS,
                    PAGE_BLOCKS, PYMDOWNX_BLOCKS, QUESTION_BLOCKS, REQUIRED_KEYS, THEME_KEYS, TWIN_KEYS, Block,
                    Catalogue, Competency, Lesson, base_of, lang_of)
from .scan import scan_blocks, scan_sections

__all__ = [
    "AUDIENCES", "DATA_FILE", "DEFAULT_LANG", "LANGS", "LEVELS", "OPTIONAL_KEYS", "OTHER_SECTIONS", "OUR_BLOCKS",
    "PAGE_BLOCKS", "PYMDOWNX_BLOCKS", "QUESTION_BLOCKS", "REQUIRED_KEYS", "THEME_KEYS", "TWIN_KEYS", "Block",
    "Catalogue", "Competency", "Lesson", "Problem", "base_of", "build_catalogue", "lang_of", "load_catalogue",
    "load_competencies", "parse_front_matter", "parse_lesson", "scan_blocks", "scan_sections", "split_front_matter",
    "tree_signature",
]
