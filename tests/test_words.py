"""The catalogue of the site's words (hocvuso/words/<lang>.yml): complete in both languages, safe to write into
HTML, and the only place that holds them: no template, browser script or Python module outside it has a UI word."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from conftest import ROOT, read

from hocvuso import ui

WORDS = ROOT / "hocvuso" / "words"
# Vietnamese letters with diacritics (not × ÷ or typographic signs).
VI_LETTER = re.compile("[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]")
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# The reader's address ("bạn", "bác") is part of a Vietnamese sentence; English says "you" inside its own words.
ADDRESS_ONLY_IN_VI = {"a", "A"}

# Files and names that hold words on purpose, and why. Everything else must read the catalogue.
ALLOWED_FILES = {
    "hocvuso/problems.py": "the registry of problems: messages and fixes for authors, in both languages",
    "hocvuso/errors.py": "the message of an internal error, for authors",
    "hocvuso/cli.py": "the command line's messages and help, for authors",
    "hocvuso/scaffold.py": "`new`: the lesson skeleton it writes into the author's files, and its messages",
    # The checks of untrusted input: every text of theirs is part of a problem message (message, fix) for authors.
    "hocvuso/safety.py": "problem messages for authors",
    "hocvuso/guards.py": "problem messages for authors",
    "hocvuso/images.py": "problem messages for authors",
}
ALLOWED_NAMES = {  # (file, assigned name): why
    ("hocvuso/render.py", "PANEL_TEXT"): "the preview's problems panel, for authors (the lead is changing it)",
    ("hocvuso/lessons.py", "_EXAMPLES"): "examples of front matter lines in problem messages",
}
# Names ending in _vi hold the Vietnamese side of a problem message (the project's convention).
AUTHOR_SUFFIX = "_vi"
# Calls whose texts are messages for authors: a problem (message, fix, (Vietnamese message, fix)), a build stop.
AUTHOR_CALLS = {"Problem", "_problem", "add", "PluginError"}


def _flat(tree: dict, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}.{key}" if prefix else key
        out.update(_flat(value, name) if isinstance(value, dict) else {name: value})
    return out


def _catalogue(lang: str) -> dict[str, str]:
    return _flat(ui.load_file(WORDS / f"{lang}.yml"))


def test_every_word_exists_in_both_languages():
    vi, en = _catalogue("vi"), _catalogue("en")
    assert set(vi) - set(en) == set(), "in vi.yml, missing in en.yml"
    assert set(en) - set(vi) == set(), "in en.yml, missing in vi.yml"
    assert len(vi) > 100


def test_both_languages_fill_in_the_same_places():
    """A translator who drops {n} leaves a number out; an unknown {x} would show as it is."""
    vi, en = _catalogue("vi"), _catalogue("en")
    for key in vi:
        theirs, ours = set(PLACEHOLDER.findall(vi[key])), set(PLACEHOLDER.findall(en[key]))
        assert theirs - ADDRESS_ONLY_IN_VI == ours - ADDRESS_ONLY_IN_VI, key
        assert not ours & ADDRESS_ONLY_IN_VI, key


def test_the_catalogue_names_what_the_program_has():
    """Audiences, sections and levels are the program's keys (folders, `level:` values); the catalogue names them."""
    from hocvuso.lessons import AUDIENCES, LEVELS, OTHER_SECTIONS

    for lang in ui.LANGS:
        w = ui.words(lang)
        assert list(w["audiences"]) == list(AUDIENCES) and list(w["sections"]) == list(OTHER_SECTIONS)
        assert list(w["levels"]) == list(LEVELS) and set(w["address"]) - {"default"} <= set(AUDIENCES)


def test_the_catalogue_names_its_language():
    for lang in ui.LANGS:
        assert ui.words(lang)["lang"] == lang
    assert ui.words("fr") is ui.words("vi")  # another language shows the first one's words


@pytest.mark.parametrize("text, says", [
    ('quiz:\n  no: "✗ Sai"\n', "is not a word"),  # YAML reads a bare no as false
    ("quiz:\n  check: 3\n", "should be a text"),
    ('quiz:\n  check: "Bấm "Kiểm tra""\n', ":2:"),  # a broken line: named by its number
    ('quiz:\n  check: "<b>Kiểm tra</b>"\n', "“ ”"),
    ("- a list\n", "should be a list of"),
])
def test_a_broken_catalogue_says_where(tmp_path, text, says):
    path = tmp_path / "vi.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ui.WordsError) as caught:
        ui.load_file(path)
    assert str(path) in str(caught.value) and says in str(caught.value)


def test_a_missing_translation_shows_the_first_language():
    merged = ui._merged({"quiz": {"check": "Kiểm tra", "retry": "Làm lại"}}, {"quiz": {"check": "Check"}})
    assert merged == {"quiz": {"check": "Check", "retry": "Làm lại"}}


# ---------------------------------------------------------------- nothing outside the catalogue

def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def python_words(rel: str, source: str) -> list[str]:
    """Vietnamese words in a module's strings, leaving out docstrings, author messages and allowed names."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        name = None
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            owner = getattr(getattr(func, "value", None), "id", "")  # too_vi.append(...)
            allowed = name in AUTHOR_CALLS or owner.lower().endswith(AUTHOR_SUFFIX)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.FunctionDef)):
            targets = [node.name] if isinstance(node, ast.FunctionDef) else [
                t.id for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                if isinstance(t, ast.Name)]
            allowed = any((rel, t) in ALLOWED_NAMES or t.lower().endswith(AUTHOR_SUFFIX) for t in targets)
        else:
            continue
        if allowed:
            skip.update(id(x) for x in ast.walk(node) if isinstance(x, ast.Constant))
    return [f"{rel}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            and len(node.value) > 1 and VI_LETTER.search(node.value)]


_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_JINJA_STRING = re.compile(r"\"([^\"]*)\"|'([^']*)'")
_CODE = re.compile(r"<(script|style)\b.*?</\1>", re.S)
_TAG = re.compile(r"<[^>]*>", re.S)
_LABEL_ATTR = re.compile(r"\b(?:aria-label|title|alt|placeholder)=\"([^\"]*)\"")
_ENGLISH = re.compile(r"[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}")
_WORD = re.compile(r"[A-Za-z]{2,}")
KEYS = {"Esc"}  # a key's name on the keyboard, the same in both languages


def template_words(rel: str, text: str) -> list[str]:
    """Words a template writes itself: Vietnamese anywhere outside comments, and English in its text, labels or
    string literals."""
    text = _JINJA_COMMENT.sub("", text)
    found = [f"{rel}: {m.group(0)!r}" for m in re.finditer(r"\S*" + VI_LETTER.pattern + r"\S*", text)]
    for tag in _JINJA.findall(text):
        found += [f"{rel}: {s!r}" for pair in _JINJA_STRING.findall(tag) for s in pair if _ENGLISH.search(s)]
    markup = _JINJA.sub(" ", text)
    for value in _LABEL_ATTR.findall(markup):
        found += [f"{rel}: label {w!r}" for w in _WORD.findall(value) if w not in KEYS]
    visible = re.sub(r"&\w+;", " ", _TAG.sub(" ", _CODE.sub(" ", markup)))
    found += [f"{rel}: text {w!r}" for w in _WORD.findall(visible) if w not in KEYS]
    return found


_JS_TOKEN = re.compile(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`", re.S)
# Text a reader reads: starts with a letter, digit or mark, words and sentence signs only (no selector's . _ [ #).
_SENTENCE = re.compile(r"^(?=[^\W_]|[✓✗])(?:[^\W_]|[ ,.!?…:;’'“”–/✓✗-])*$")
NOT_WORDS = {"use strict"}


def js_words(rel: str, source: str) -> list[str]:
    """UI words in a script's string literals (comments left out): Vietnamese letters, or English sentences."""
    found = []
    for token in _JS_TOKEN.findall(source):
        if token.startswith(("//", "/*")):
            continue
        s = PLACEHOLDER.sub("", token[1:-1]).strip()
        if len(s) > 1 and VI_LETTER.search(s):
            found.append(f"{rel}: {token}")
        elif (s not in NOT_WORDS and _SENTENCE.match(s) and re.search("[A-Za-z]{2,}", s)
              and (" " in s or s[-1] in "!?….")):
            found.append(f"{rel}: {token}")
    return found


def scan(root: Path) -> list[str]:
    """Every UI word outside the catalogue in a tree laid out like this project's."""
    found: list[str] = []
    for path in sorted((root / "hocvuso").glob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel not in ALLOWED_FILES:
            found += python_words(rel, path.read_text(encoding="utf-8"))
    for path in sorted([*(root / "overrides").rglob("*.html"), *(root / "hocvuso" / "templates").glob("*.html")]):
        found += template_words(path.relative_to(root).as_posix(), path.read_text(encoding="utf-8"))
    for path in sorted((root / "overrides").rglob("*.js")):
        found += js_words(path.relative_to(root).as_posix(), path.read_text(encoding="utf-8"))
    return found


def test_no_ui_word_outside_the_catalogue():
    assert scan(ROOT) == []


@pytest.mark.parametrize("kind, rel, text", [
    ("py", "hocvuso/x.py", 'TEXT = {"vi": {"check": "Kiểm tra"}}\n'),
    ("py", "hocvuso/x.py", 'def f(lang):\n    return f"{lang}: Làm lại"\n'),
    ("html", "overrides/partials/x.html", '<button>{{ "Present" if en else "Trình chiếu" }}</button>'),
    ("html", "overrides/partials/x.html", '<button aria-label="Next screen">&rarr;</button>'),
    ("html", "overrides/partials/x.html", "<p>Key points</p>"),
    ("js", "overrides/assets/js/x.js", 'const label = lang === "en" ? "Save for offline" : x;'),
    ("js", "overrides/assets/js/x.js", 'const T = {right: "Correct!"};'),
    ("js", "overrides/assets/js/x.js", 'const T = {right: "Đúng rồi!"};'),
])
def test_the_scan_finds_words_where_they_used_to_be(kind, rel, text):
    """The scan above would fail on the strings the catalogue replaced (one of each kind)."""
    found = {"py": python_words, "html": template_words, "js": js_words}[kind](rel, text)
    assert found, text


@pytest.mark.parametrize("kind, text", [
    ("py", 'def f():\n    """Bài học: docstrings say what code is for."""\n    return Problem("p", 1, "c", "m", "f", '
           '("thông báo", "cách sửa"))\n'),
    ("py", 'text = text.replace("đ", "d")\n'),  # a letter the search folds, not a word
    ("html", '{#- "Nghe bài": read aloud -#}<span class="hvs-listen" data-lang="{{ words.speech }}">'
             '{{ t.play }}</span> (Esc)'),
    ("js", '// "Ghi nhớ" boxes\nconst s = document.querySelector(".hvs-path__item a[href]"), m = d.dataset.none;'),
])
def test_the_scan_leaves_comments_code_and_author_messages(kind, text):
    found = {"py": python_words, "html": template_words, "js": js_words}[kind]("hocvuso/x.py", text)
    assert found == []


# ---------------------------------------------------------------- the built site shows the catalogue's words

def test_the_built_pages_show_the_catalogue_words(site):
    for lang, prefix in (("vi", ""), ("en", "en/")):
        w = ui.words(lang)
        lesson = read(site, f"{prefix}hoc-sinh/mat-khau-manh.html")
        for text in (w["lesson"]["handout_pdf"], w["lesson"]["objectives"], w["present"]["presenter"],
                     w["listen"]["play"], w["blocks"]["handout"], w["quiz"]["check"], w["aids"]["contrast"]):
            assert text in lesson, (lang, text)
        assert f'data-right="{w["quiz"]["right"]}"' in lesson
        assert f'data-score="{w["quiz"]["score"].replace("{A}", w["address"]["default"].capitalize())}"' in lesson
        path = read(site, f"{prefix}nguoi-cao-tuoi/index.html")
        assert f'data-save="{w["path"]["save"]}"' in path and f'data-confirm="{w["path"]["reset_confirm"]}"' in path
        other = "en" if lang == "vi" else "vi"
        assert f'>{ui.words(other)["language_name"]}</a>' in lesson
    elderly = next(p.read_text(encoding="utf-8") for p in sorted((site / "nguoi-cao-tuoi").glob("*.html"))
                   if 'data-kind="' in p.read_text(encoding="utf-8"))
    assert 'data-score="Bác trả lời đúng {k}/{n} câu."' in elderly  # the elderly's lessons say "bác"
