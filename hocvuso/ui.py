"""The site's own words, one catalogue per language (hocvuso/words/<lang>.yml), for Python, templates and JS.

YAML, not Python, so a translator edits `name: "text"` lines without touching code: one file per language,
comments beside the words, no quoting rules beyond "text in double quotes". Python reads it with `words(lang)`;
the lesson partials get it as `words` (hocvuso/render.py), the theme's templates as
`config.extra.hvs_words[lang]` under both engines (the plugin's on_config, engines.zensical_config), and
the browser code reads its words from data-* attributes the templates and blocks write from it.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

WORDS_DIR = Path(__file__).resolve().parent / "words"
LANGS = ("vi", "en")  # the first is the site's first language: a word missing in another language shows in it
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class WordsError(ValueError):
    """A catalogue file that cannot be read as names and texts (says which file and line)."""


def _check(tree: Any, path: Path, where: str = "") -> None:
    if not isinstance(tree, dict):
        raise WordsError(f"{path}: {where or 'the file'} should be a list of `name: \"text\"` lines")
    for key, value in tree.items():
        name = f"{where}.{key}" if where else str(key)
        if not isinstance(key, str):  # YAML reads a bare yes/no/on/off as true/false
            raise WordsError(f"{path}: the name {key!r} under {where or 'the top'} is not a word; write it in quotes")
        if isinstance(value, dict):
            _check(value, path, name)
        elif not isinstance(value, str):
            raise WordsError(f"{path}: `{name}` should be a text in double quotes, not {value!r}")
        elif any(c in value for c in '"<>'):  # the theme's engines write words into HTML unescaped
            raise WordsError(f"{path}: `{name}` has one of \" < > in its text; write quotation marks as “ ”")


def load_file(path: Path) -> dict[str, Any]:
    """One catalogue file as nested dicts of texts, or WordsError naming the file and line."""
    try:
        tree = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise WordsError(f"{path}{line}: not readable as `name: \"text\"` lines "
                         f"({getattr(exc, 'problem', None) or exc}); check the quotes on that line") from exc
    _check(tree, path)
    return tree


def _merged(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merged(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return out


@functools.lru_cache(maxsize=None)
def _words(lang: str) -> dict[str, Any]:
    first = load_file(WORDS_DIR / f"{LANGS[0]}.yml")
    return first if lang == LANGS[0] else _merged(first, load_file(WORDS_DIR / f"{lang}.yml"))


def words(lang: str) -> dict[str, Any]:
    """The site's words in one language (another language than ours gives Vietnamese): shared, do not change it."""
    return _words(lang if lang in LANGS else LANGS[0])


def all_words() -> dict[str, dict[str, Any]]:
    """Every language's words, as plain data for a template context (the theme's `config.extra.hvs_words`)."""
    import copy

    return {lang: copy.deepcopy(words(lang)) for lang in LANGS}


def address(audience: str | None, lang: str) -> str:
    """How a lesson of this audience says "you" (lower case): "bác" to the elderly, "bạn" to others, "you"."""
    said = words(lang)["address"]
    return said.get(audience or "", said["default"])


def month_year(updated: str | None) -> str:
    """'2026-11' -> '11/2026' (the way both languages show it here)."""
    if not updated:
        return ""
    year, month = updated.split("-")[:2]
    return f"{int(month)}/{year}"
