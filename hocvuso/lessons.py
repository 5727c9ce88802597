"""The lesson model: front matter, blocks and validation, read once per build.

Everything here is plain Python on top of PyYAML: no MkDocs, no Markdown. A lesson
file becomes a frozen `Lesson`; every mistake becomes a `Problem` with the file, the
line, a stable code and a fix, and a build reports all of them before it stops.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from . import questions
from .errors import READING

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"

# The five audience folders, in the order the site shows them, with their names.
AUDIENCES: dict[str, dict[str, str]] = {
    "nen-tang": {"vi": "Nền tảng chung", "en": "Foundations"},
    "can-bo": {"vi": "Cán bộ, công chức", "en": "Officials"},
    "hoc-sinh": {"vi": "Học sinh", "en": "Students"},
    "nguoi-lao-dong": {"vi": "Người lao động", "en": "Workers"},
    "nguoi-cao-tuoi": {"vi": "Người cao tuổi", "en": "Older people"},
}
# Pages that are not audiences, in navigation order after the audiences.
OTHER_SECTIONS: dict[str, dict[str, str]] = {
    "khung-nang-luc": {"vi": "Khung năng lực số", "en": "Competency framework"},
    "tai-lieu-in": {"vi": "Tài liệu in", "en": "Handouts"},
    "giang-vien": {"vi": "Dành cho giảng viên", "en": "For trainers"},
    "tac-gia": {"vi": "Dành cho tác giả", "en": "For authors"},
}
LEVELS: dict[str, dict[str, str]] = {
    "co-ban": {"vi": "Cơ bản", "en": "Basic"},
    "trung-binh": {"vi": "Trung bình", "en": "Intermediate"},
    "nang-cao": {"vi": "Nâng cao", "en": "Advanced"},
}
# Blocks a lesson may use: ours, and the pymdownx ones the site enables.
OUR_BLOCKS = {"quiz", "order", "fill", "trainer", "handout"}
QUESTION_BLOCKS = ("quiz", "order", "fill")
PAGE_BLOCKS = {"learning-path", "competency-grid", "handout-index", "problem-codes"}
PYMDOWNX_BLOCKS = {
    "admonition", "note", "tip", "warning", "danger", "info", "example", "details",
    "tab", "html", "caption", "figure-caption", "define",
}
REQUIRED_KEYS: dict[str, type | tuple[type, ...]] = {
    "title": str,
    "description": str,
    "order": int,
    "duration": int,
    "level": str,
    "competencies": list,
    "objectives": list,
}
OPTIONAL_KEYS: dict[str, type | tuple[type, ...]] = {
    "updated": (str, _dt.date),
    "sources": list,
}
# Keys Material or MkDocs understand on any page; allowed, not required.
THEME_KEYS = {"hide", "search", "template", "icon", "status", "tags", "subtitle"}
TWIN_KEYS = ("order", "duration", "level", "competencies")
DATA_FILE = "_data/competencies.yml"


@dataclass(frozen=True)
class Problem:
    """One author mistake: where it is, what is wrong and how to fix it."""

    path: str
    line: int
    code: str
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} — {self.fix} [{self.code}]"


@dataclass(frozen=True)
class Block:
    """A `/// name | title` block as written in the Markdown source."""

    name: str
    title: str
    options: dict[str, Any]
    body: tuple[str, ...]
    line: int  # 1-based line of the opening fence
    end_line: int


@dataclass(frozen=True)
class Lesson:
    """One lesson in one language, parsed and validated once per build."""

    path: str  # relative to docs/, with forward slashes
    audience: str
    slug: str
    lang: str
    title: str
    description: str
    order: int
    duration: int
    level: str
    competencies: tuple[str, ...]
    objectives: tuple[str, ...]
    updated: str | None
    sources: tuple[tuple[str, str], ...]
    blocks: tuple[Block, ...]
    questions: tuple[Any, ...]
    sections: tuple[tuple[str, int], ...]  # (## heading, line)
    markdown: str = field(repr=False, default="")
    source: str = field(repr=False, default="")  # the whole file, for checks that report any line (guards.py)

    @property
    def url(self) -> str:
        """Site-relative address of the built page (use_directory_urls: false)."""
        prefix = "" if self.lang == DEFAULT_LANG else f"{self.lang}/"
        return f"{prefix}{self.audience}/{self.slug}.html"

    @property
    def handout(self) -> Block | None:
        return next((b for b in self.blocks if b.name == "handout"), None)

    @property
    def trainer_notes(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.name == "trainer")


@dataclass(frozen=True)
class Competency:
    code: str
    names: dict[str, str]

    @property
    def domain(self) -> str:
        return self.code.split(".")[0]


@dataclass
class Catalogue:
    """All lessons of a docs folder, both languages, with the problems found."""

    docs_dir: str
    lessons: list[Lesson]
    competencies: dict[str, Competency]
    problems: list[Problem]

    def by_audience(self, audience: str, lang: str) -> list[Lesson]:
        found = [x for x in self.lessons if x.audience == audience and x.lang == lang]
        return sorted(found, key=lambda x: (x.order, x.slug))

    def get(self, audience: str, slug: str, lang: str) -> Lesson | None:
        for lesson in self.lessons:
            if (lesson.audience, lesson.slug, lesson.lang) == (audience, slug, lang):
                return lesson
        return None

    def for_path(self, src_path: str) -> Lesson | None:
        src_path = src_path.replace(os.sep, "/")
        return next((x for x in self.lessons if x.path == src_path), None)


# ---------------------------------------------------------------- front matter

_FM_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)
_FENCE_RE = re.compile(r"^(?P<slashes>/{3,})[ \t]*(?P<name>[A-Za-z][\w-]*)?[ \t]*(?:\|[ \t]*(?P<title>.*?))?[ \t]*$")
_H2_RE = re.compile(r"^##[ \t]+(.+?)[ \t#]*$")
_CODE_FENCE_RE = re.compile(r"^[ \t]*(```|~~~)")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter YAML or None, body, line where the body starts)."""
    m = _FM_RE.match(text)
    if not m:
        return None, text, 1
    fm = m.group(1) or ""
    return fm, text[m.end():], text[: m.end()].count("\n") + 1


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~20x faster than the Python parser


def load_yaml(text: str) -> tuple[Any, dict[str, int]]:
    """Parse YAML once: (data, 0-based line of each top-level key). Raises yaml.YAMLError."""
    loader = _YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, _value in node.value:
            lines[str(key.value)] = key.start_mark.line
    return data, lines


def parse_front_matter(path: str, text: str) -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    """Parse the YAML front matter; return data, 1-based key lines and problems."""
    fm, _body, _start = split_front_matter(text)
    if fm is None:
        return {}, {}, [Problem(path, 1, "front-matter-missing",
                                "the file has no front matter",
                                "start the file with a '---' line, the keys title, description, order, "
                                "duration, level, competencies, objectives, and a closing '---' line")]
    try:
        data, key_lines = load_yaml(fm)
        data = data or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        reason = getattr(exc, "problem", None) or "invalid YAML"
        return {}, {}, [Problem(path, line, "front-matter-yaml",
                                f"the front matter is not valid YAML ({reason})",
                                "check the indentation and put text that contains ':' or '#' in quotes")]
    if not isinstance(data, dict):
        return {}, {}, [Problem(path, 2, "front-matter-yaml", "the front matter is not a list of 'key: value' lines",
                                "write one 'key: value' per line between the two '---' lines")]
    lines = {k: v + 2 for k, v in key_lines.items()}
    return data, lines, []


# ---------------------------------------------------------------- blocks

def scan_blocks(path: str, body: str, first_line: int) -> tuple[list[Block], list[Problem]]:
    """Find top-level `///` blocks in a Markdown body, with their options and lines."""
    blocks: list[Block] = []
    problems: list[Problem] = []
    lines = body.split("\n")
    i = 0
    in_code = False
    while i < len(lines):
        raw = lines[i]
        if _CODE_FENCE_RE.match(raw):
            in_code = not in_code
        m = None if in_code else _FENCE_RE.match(raw)
        if not m or not m.group("name"):
            i += 1
            continue
        slashes, name = m.group("slashes"), m.group("name")
        title = (m.group("title") or "").strip()
        start = first_line + i
        # Options: indented YAML lines directly after the header.
        j = i + 1
        opt_lines: list[str] = []
        while j < len(lines) and lines[j].startswith(("    ", "\t")) and lines[j].strip():
            opt_lines.append(lines[j])
            j += 1
        options: dict[str, Any] = {}
        if opt_lines:
            try:
                loaded = yaml.safe_load("\n".join(x.strip() for x in opt_lines))
            except yaml.YAMLError:
                loaded = None
            if isinstance(loaded, dict):
                options = loaded
            else:
                # Not options after all (an indented first paragraph); keep it as body.
                j = i + 1
        k = j
        depth = 0
        while k < len(lines):
            fm = _FENCE_RE.match(lines[k])
            if fm and fm.group("slashes") == slashes:
                if fm.group("name"):
                    depth += 1
                elif depth:
                    depth -= 1
                else:
                    break
            k += 1
        if k >= len(lines):
            problems.append(Problem(path, start, "block-unclosed",
                                    f"the '{name}' block is never closed",
                                    f"add a line with only '{slashes}' where the block ends"))
        body_lines = tuple(lines[j:k])
        blocks.append(Block(name, title, options, body_lines, start, first_line + min(k, len(lines) - 1)))
        i = k + 1
    return blocks, problems


def scan_sections(body: str, first_line: int) -> list[tuple[str, int]]:
    sections = []
    in_code = False
    for n, line in enumerate(body.split("\n")):
        if _CODE_FENCE_RE.match(line):
            in_code = not in_code
        m = None if in_code else _H2_RE.match(line)
        if m:
            sections.append((m.group(1), first_line + n))
    return sections


# ---------------------------------------------------------------- one lesson

def _type_name(t: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "a whole number", list: "a list", _dt.date: "a date"}
    if isinstance(t, tuple):
        return " or ".join(names.get(x, x.__name__) for x in t)
    return names.get(t, t.__name__)


def _check_keys(path: str, data: dict[str, Any], lines: dict[str, int],
                competencies: dict[str, Competency]) -> list[Problem]:
    out: list[Problem] = []
    for key, typ in REQUIRED_KEYS.items():
        if key not in data or data[key] in (None, "", []):
            out.append(Problem(path, 1, "key-missing", f"the front matter has no '{key}'",
                               f"add a line '{key}: …' between the '---' lines (see /tac-gia/)"))
            continue
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, typ):
            out.append(Problem(path, lines.get(key, 1), "key-type",
                               f"'{key}' should be {_type_name(typ)}, not {value!r}",
                               f"write '{key}' as {_type_name(typ)}, e.g. {_EXAMPLES[key]}"))
    for key, typ in OPTIONAL_KEYS.items():
        if key in data and not isinstance(data[key], typ):
            out.append(Problem(path, lines.get(key, 1), "key-type",
                               f"'{key}' should be {_type_name(typ)}, not {data[key]!r}",
                               f"write '{key}' as {_type_name(typ)}, e.g. {_EXAMPLES[key]}"))
    for key in data:
        if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS and key not in THEME_KEYS:
            out.append(Problem(path, lines.get(key, 1), "key-unknown", f"unknown front-matter key '{key}'",
                               "check its spelling; the keys are " + ", ".join([*REQUIRED_KEYS, *OPTIONAL_KEYS])))
    for key in ("order", "duration"):
        v = data.get(key)
        if isinstance(v, int) and not isinstance(v, bool) and v < 1:
            out.append(Problem(path, lines.get(key, 1), "key-range", f"'{key}' must be 1 or more, not {v}",
                               f"write a positive whole number for '{key}'"))
    level = data.get("level")
    if isinstance(level, str) and level not in LEVELS:
        out.append(Problem(path, lines.get("level", 1), "level-unknown", f"unknown level '{level}'",
                           "write one of: " + ", ".join(LEVELS)))
    comps = data.get("competencies")
    if isinstance(comps, list):
        for code in comps:
            if str(code) not in competencies or "." not in str(code):
                out.append(Problem(path, lines.get("competencies", 1), "competency-unknown",
                                   f"unknown competency code '{code}'",
                                   "use a component code from /khung-nang-luc/ such as \"4.2\" (in quotes)"))
    for key in ("objectives",):
        items = data.get(key)
        if isinstance(items, list) and not all(isinstance(x, str) and x.strip() for x in items):
            out.append(Problem(path, lines.get(key, 1), "key-type", f"every item of '{key}' must be a sentence",
                               f"write each item of '{key}' as '  - a sentence' on its own line"))
    sources = data.get("sources")
    if isinstance(sources, list):
        for item in sources:
            if not (isinstance(item, dict) and isinstance(item.get("title"), str)
                    and isinstance(item.get("url"), str) and item["url"].startswith(("https://", "http://"))):
                out.append(Problem(path, lines.get("sources", 1), "source-invalid",
                                   f"a source must have a title and a full url, not {item!r}",
                                   "write '  - title: Name of the source' and '    url: https://…'"))
    updated = data.get("updated")
    if isinstance(updated, str) and not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", updated):
        out.append(Problem(path, lines.get("updated", 1), "key-type", f"'updated' should look like 2026-11, not {updated!r}",
                           "write the year and month the facts were checked, e.g. 'updated: 2026-11'"))
    return out


_EXAMPLES = {
    "title": "'title: Gọi video bằng Zalo'",
    "description": "'description: One sentence about the lesson.'",
    "order": "'order: 3'",
    "duration": "'duration: 15' (minutes)",
    "level": "'level: co-ban'",
    "competencies": "'competencies: [\"2.1\", \"4.2\"]'",
    "objectives": "a list of '  - …' lines",
    "updated": "'updated: 2026-11'",
    "sources": "a list of '  - title: …' with '    url: https://…'",
}


def lang_of(path: str) -> str:
    return "en" if path.endswith(".en.md") else DEFAULT_LANG


def base_of(path: str) -> str:
    """'a/b.en.md' -> 'a/b.md'."""
    return path[: -len(".en.md")] + ".md" if path.endswith(".en.md") else path


def parse_lesson(path: str, text: str, competencies: dict[str, Competency]) -> tuple[Lesson | None, list[Problem]]:
    """Parse one lesson file (path relative to docs/) into a Lesson and its problems."""
    data, lines, problems = parse_front_matter(path, text)
    _fm, body, body_line = split_front_matter(text)
    if problems:
        return None, problems
    problems += _check_keys(path, data, lines, competencies)
    blocks, block_problems = scan_blocks(path, body, body_line)
    problems += block_problems
    parsed_questions = []
    for block in blocks:
        if block.name in QUESTION_BLOCKS:
            question, qproblems = questions.parse_block(path, block.name, block.title, block.options,
                                                       block.body, block.line, lang_of(path))
            problems += qproblems
            if question is not None:
                parsed_questions.append(question)
        elif block.name in ("trainer", "handout"):
            for key in block.options:
                problems.append(Problem(path, block.line + 1, "block-option-unknown",
                                        f"the '{block.name}' block has no option '{key}'",
                                        f"remove the line '{key}: …' under '/// {block.name}'"))
            if not any(x.strip() for x in block.body):
                problems.append(Problem(path, block.line, "block-empty", f"the '{block.name}' block is empty",
                                        f"write its content between '/// {block.name}' and '///'"))
        elif block.name not in PYMDOWNX_BLOCKS and block.name not in PAGE_BLOCKS:
            problems.append(Problem(path, block.line, "block-unknown", f"unknown block '/// {block.name}'",
                                    "use one of: " + ", ".join(sorted(OUR_BLOCKS))))
    handouts = [b for b in blocks if b.name == "handout"]
    if not handouts:
        problems.append(Problem(path, body_line, "handout-missing", "the lesson has no handout block",
                                "add '/// handout', the numbered key points for the printed page, and '///'"))
    elif len(handouts) > 1:
        problems.append(Problem(path, handouts[1].line, "handout-duplicate", "the lesson has more than one handout block",
                                "join them into one '/// handout' block"))
    if not parsed_questions and not any(b.name in QUESTION_BLOCKS for b in blocks):
        problems.append(Problem(path, body_line, "quiz-missing", "the lesson has no self-check question",
                                "add at least one '/// quiz | question' block (see /tac-gia/)"))
    if any(p.code in ("key-missing", "key-type") and p.path == path for p in problems):
        return None, problems
    parts = path.split("/")
    slug = parts[-1][: -len(".en.md")] if path.endswith(".en.md") else parts[-1][: -len(".md")]
    updated = data.get("updated")
    if isinstance(updated, _dt.date):
        updated = updated.strftime("%Y-%m")
    lesson = Lesson(
        path=path, audience=parts[0], slug=slug, lang=lang_of(path),
        title=data["title"].strip(), description=data["description"].strip(),
        order=data["order"], duration=data["duration"], level=data["level"],
        competencies=tuple(str(c) for c in data["competencies"]),
        objectives=tuple(str(o).strip() for o in data["objectives"]),
        updated=updated,
        sources=tuple((s["title"], s["url"]) for s in data.get("sources") or [] if isinstance(s, dict)),
        blocks=tuple(blocks), questions=tuple(parsed_questions),
        sections=tuple(scan_sections(body, body_line)), markdown=body, source=text,
    )
    return lesson, problems


# ---------------------------------------------------------------- competency data

def load_competencies(docs_dir: str) -> tuple[dict[str, Competency], list[Problem]]:
    """Read docs/_data/competencies.yml: the framework's domains and components."""
    path = Path(docs_dir) / DATA_FILE
    if not path.exists():
        return {}, [Problem(DATA_FILE, 1, "data-missing", "the competency framework data file is missing",
                            f"restore docs/{DATA_FILE} from the project")]
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, [Problem(DATA_FILE, mark.line + 1 if mark else 1, "data-yaml",
                            "the competency data is not valid YAML", "check its indentation")]
    out: dict[str, Competency] = {}
    for domain in data.get("domains", []):
        out[str(domain["code"])] = Competency(str(domain["code"]), dict(domain["name"]))
        for comp in domain.get("competencies", []):
            out[str(comp["code"])] = Competency(str(comp["code"]), dict(comp["name"]))
    return out, []


# ---------------------------------------------------------------- the catalogue

def _markdown_files(docs_dir: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in sorted(files):
            if name.endswith(".md"):
                rel = os.path.relpath(os.path.join(root, name), docs_dir).replace(os.sep, "/")
                found.append(rel)
    return found


def _looks_like_lesson(data: dict[str, Any]) -> bool:
    return any(k in data for k in ("order", "duration", "objectives", "competencies"))


def build_catalogue(docs_dir: str) -> Catalogue:
    """Parse and validate every page under docs_dir (both languages)."""
    competencies, problems = load_competencies(docs_dir)
    lessons: list[Lesson] = []
    files = _markdown_files(docs_dir)
    present = set(files)
    for rel in files:
        READING.set(rel)
        text = Path(docs_dir, rel).read_text(encoding="utf-8")
        parts = rel.split("/")
        name = parts[-1]
        is_index = name in ("index.md", "index.en.md")
        in_audience = len(parts) == 2 and parts[0] in AUDIENCES
        if in_audience and not is_index:
            lesson, found = parse_lesson(rel, text, competencies)
            problems += found
            if lesson:
                lessons.append(lesson)
        else:
            data, _lines, found = parse_front_matter(rel, text)
            if found and found[0].code == "front-matter-yaml":
                problems += found
            if data and _looks_like_lesson(data) and not is_index:
                problems.append(Problem(rel, 1, "lesson-outside-audience",
                                        f"this lesson is not in an audience folder",
                                        "move it into one of: " + ", ".join(f"docs/{a}/" for a in AUDIENCES)))
        # Every page needs its twin in the other language.
        if rel.endswith(".en.md"):
            if base_of(rel) not in present:
                problems.append(Problem(rel, 1, "twin-orphan", f"English page without a Vietnamese original",
                                        f"add {base_of(rel)} or rename this file"))
        else:
            twin = rel[:-3] + ".en.md"
            if twin not in present:
                problems.append(Problem(rel, 1, "twin-missing", f"the English twin {twin} is missing",
                                        f"create docs/{twin} with the same order, duration, level and competencies "
                                        "(scripts/new_lesson writes both files)"))
    problems += _check_twins(lessons)
    problems += _check_orders(lessons)
    return Catalogue(docs_dir, lessons, competencies, _dedupe(problems))


def _check_twins(lessons: list[Lesson]) -> list[Problem]:
    by_path = {x.path: x for x in lessons}
    out = []
    for lesson in lessons:
        if lesson.lang != "en":
            continue
        original = by_path.get(base_of(lesson.path))
        if not original:
            continue
        for key in TWIN_KEYS:
            a, b = getattr(original, key), getattr(lesson, key)
            if a != b:
                shown = list(b) if isinstance(b, tuple) else b
                want = list(a) if isinstance(a, tuple) else a
                out.append(Problem(lesson.path, 1, "twin-mismatch",
                                   f"'{key}' is {shown!r} here but {want!r} in {original.path}",
                                   f"make '{key}' the same in both files"))
        if len([q for q in original.questions]) != len(lesson.questions):
            out.append(Problem(lesson.path, 1, "twin-questions",
                               f"{len(lesson.questions)} questions here but {len(original.questions)} in {original.path}",
                               "translate every question block so both languages have the same quiz"))
    return out


def _check_orders(lessons: list[Lesson]) -> list[Problem]:
    out = []
    seen: dict[tuple[str, str, int], Lesson] = {}
    for lesson in sorted(lessons, key=lambda x: x.path):
        key = (lesson.audience, lesson.lang, lesson.order)
        if key in seen:
            out.append(Problem(lesson.path, 1, "order-duplicate",
                               f"order {lesson.order} is also used by {seen[key].path}",
                               "give each lesson of an audience its own 'order' number"))
        else:
            seen[key] = lesson
    return out


def _dedupe(problems: Iterable[Problem]) -> list[Problem]:
    out, seen = [], set()
    for p in problems:
        if str(p) not in seen:
            seen.add(str(p))
            out.append(p)
    return sorted(out, key=lambda p: (p.path, p.line, p.code))


_CACHE: dict[str, tuple[tuple, Catalogue]] = {}


def _signature(docs_dir: str) -> tuple:
    sig = []
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.endswith((".md", ".yml")):
                st = os.stat(os.path.join(root, name))
                sig.append((root, name, st.st_mtime_ns, st.st_size))
    return tuple(sorted(sig))


def load_catalogue(docs_dir: str) -> Catalogue:
    """The catalogue of docs_dir, parsed once and reused until a file changes."""
    docs_dir = os.path.abspath(docs_dir)
    sig = _signature(docs_dir)
    hit = _CACHE.get(docs_dir)
    if hit and hit[0] == sig:
        return hit[1]
    catalogue = build_catalogue(docs_dir)
    _CACHE[docs_dir] = (sig, catalogue)
    return catalogue
