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

from . import questions, safety, ui
from .errors import READING, author_lang

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"


def _named(group: str, keys: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """{key: {lang: name}}: the keys are the program's, their names are words (hocvuso/words/<lang>.yml)."""
    return {key: {lang: ui.words(lang)[group][key] for lang in LANGS} for key in keys}


# The five audience folders, in the order the site shows them, with their names.
AUDIENCES: dict[str, dict[str, str]] = _named("audiences", ("nen-tang", "can-bo", "hoc-sinh", "nguoi-lao-dong",
                                                            "nguoi-cao-tuoi"))
# Pages that are not audiences, in navigation order after the audiences.
OTHER_SECTIONS: dict[str, dict[str, str]] = _named("sections", ("khung-nang-luc", "tai-lieu-in", "giang-vien",
                                                               "tac-gia"))
LEVELS: dict[str, dict[str, str]] = _named("levels", ("co-ban", "trung-binh", "nang-cao"))
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
    """One author mistake: where it is, what is wrong and how to fix it, in English and in Vietnamese.

    `message`/`fix` are English; `vi` holds the Vietnamese (message, fix). Shown in the author's language
    (Vietnamese unless HOCVUSO_LANG=en or `--lang en`); a problem written without its Vietnamese words
    falls back to the registry's explanation of its code, still in Vietnamese.
    """

    path: str
    line: int
    code: str
    message: str
    fix: str
    vi: tuple[str, str] | None = field(default=None, compare=False)

    def words(self, lang: str | None = None) -> tuple[str, str]:
        """(what is wrong, how to fix it) in `lang` (default: the author's language)."""
        lang = lang or author_lang()
        if lang != "vi":
            return self.message, self.fix
        if self.vi:
            return self.vi
        from .problems import CODES  # late: the registry is data, imported when a message is shown

        entry = CODES.get(self.code)
        return (entry.meaning["vi"].rstrip(". "), entry.fix["vi"].rstrip(". ")) if entry else (self.message, self.fix)

    def text(self, lang: str | None = None) -> str:
        message, fix = self.words(lang)
        return f"{self.path}:{self.line}: {message} — {fix} [{self.code}]"

    def __str__(self) -> str:
        return self.text()


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
    lines: tuple[tuple[str, int], ...] = field(repr=False, compare=False, default=())  # (front-matter key, line)
    body_line: int = field(repr=False, compare=False, default=1)  # line of `markdown`'s first line

    def line_of(self, key: str) -> int:
        """The line of a front-matter key, to point a problem at what the author must change."""
        return dict(self.lines).get(key, 1)
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


def _key_lines(node) -> dict[str, int]:
    """Line (relative to the YAML, 0-based) of each top-level key, from the parsed node tree."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[str(key.value)] = key.start_mark.line
            if isinstance(value, yaml.SequenceNode):  # 'sources[0]': each item's own line
                for n, item in enumerate(value.value):
                    lines[f"{key.value}[{n}]"] = item.start_mark.line
    return lines


def parse_front_matter(path: str, text: str) -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    """Parse the YAML front matter; return data, 1-based key lines and problems."""
    fm, _body, _start = split_front_matter(text)
    if fm is None:
        return {}, {}, [Problem(path, 1, "front-matter-missing",
                                "the file has no front matter",
                                "start the file with a '---' line, the keys title, description, order, "
                                "duration, level, competencies, objectives, and a closing '---' line",
                                ("tệp không có phần đầu bài (các dòng `tên: giá trị` nằm giữa hai dòng `---`)",
                                 "mở đầu tệp bằng một dòng `---`, rồi các dòng title, description, order, duration, "
                                 "level, competencies, objectives, rồi một dòng `---` nữa (xem /tac-gia/)"))]
    try:
        data, node = safety.load_yaml_node(fm)  # parsed once: data and each key's line
        data = data or {}
    except safety.YamlError as exc:
        code = "front-matter-alias" if exc.alias else "front-matter-yaml"
        return {}, {}, [Problem(path, exc.line + 2, code,
                                f"the front matter is not valid YAML ({exc.reason})",
                                "write each value out in full" if code == "front-matter-alias" else
                                "check the indentation and put text that contains ':' or '#' in quotes",
                                (f"phần đầu bài (giữa hai dòng `---`) viết sai: {exc.vi[0]}", exc.vi[1]))]
    if not isinstance(data, dict):
        return {}, {}, [Problem(path, 2, "front-matter-yaml", "the front matter is not a list of 'key: value' lines",
                                "write one 'key: value' per line between the two '---' lines",
                                ("phần đầu bài không phải là các dòng `tên: giá trị`",
                                 "giữa hai dòng `---`, viết mỗi dòng một `tên: giá trị`, ví dụ `order: 3`"))]
    lines = {k: v + 2 for k, v in _key_lines(node).items()}
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
                loaded = safety.load_yaml("\n".join(x.strip() for x in opt_lines))
            except safety.YamlError:
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
                                    f"add a line with only '{slashes}' where the block ends",
                                    (f"khối `{name}` mở ở dòng này nhưng không có dòng đóng",
                                     f"thêm một dòng chỉ có `{slashes}` ở chỗ khối kết thúc")))
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
                               f"add a line '{key}: …' between the '---' lines (see /tac-gia/)",
                               (f"phần đầu bài thiếu dòng `{key}`",
                                f"thêm dòng {_EXAMPLES_VI[key]} vào giữa hai dòng `---` (xem /tac-gia/)")))
            continue
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, typ):
            out.append(Problem(path, lines.get(key, 1), "key-type",
                               f"'{key}' should be {_type_name(typ)}, not {_shown(value)}",
                               f"write '{key}' as {_type_name(typ)}, e.g. {_EXAMPLES[key]}",
                               (f"`{key}` phải là {_type_name_vi(typ)}, không phải {_shown(value)}",
                                f"viết `{key}` là {_type_name_vi(typ)}, ví dụ {_EXAMPLES_VI[key]}")))
    for key, typ in OPTIONAL_KEYS.items():
        if key in data and not isinstance(data[key], typ):
            out.append(Problem(path, lines.get(key, 1), "key-type",
                               f"'{key}' should be {_type_name(typ)}, not {_shown(data[key])}",
                               f"write '{key}' as {_type_name(typ)}, e.g. {_EXAMPLES[key]}",
                               (f"`{key}` phải là {_type_name_vi(typ)}, không phải {_shown(data[key])}",
                                f"viết `{key}` là {_type_name_vi(typ)}, ví dụ {_EXAMPLES_VI[key]}")))
    for key in data:
        if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS and key not in THEME_KEYS:
            out.append(Problem(path, lines.get(key, 1), "key-unknown", f"unknown front-matter key '{key}'",
                               "check its spelling; the keys are " + ", ".join([*REQUIRED_KEYS, *OPTIONAL_KEYS]),
                               (f"phần đầu bài có tên `{key}` mà máy không biết",
                                "xem lại chính tả (viết bằng tiếng Anh, không dấu); các tên được dùng là " +
                                ", ".join([*REQUIRED_KEYS, *OPTIONAL_KEYS]))))
    for key in ("order", "duration"):
        v = data.get(key)
        if isinstance(v, int) and not isinstance(v, bool) and v < 1:
            out.append(Problem(path, lines.get(key, 1), "key-range", f"'{key}' must be 1 or more, not {v}",
                               f"write a positive whole number for '{key}'",
                               (f"`{key}` phải từ 1 trở lên, không phải {v}",
                                f"viết một số nguyên từ 1 trở lên, ví dụ `{key}: {_EXAMPLE_NUMBER[key]}`")))
    level = data.get("level")
    if isinstance(level, str) and level not in LEVELS:
        out.append(Problem(path, lines.get("level", 1), "level-unknown", f"unknown level '{level}'",
                           "write one of: " + ", ".join(LEVELS),
                           (f"không có mức độ `{level}`",
                            "viết một trong các mức: " + ", ".join(f"`{k}` ({v['vi']})" for k, v in LEVELS.items()))))
    comps = data.get("competencies")
    if isinstance(comps, list):
        for code in comps:
            if str(code) not in competencies or "." not in str(code):
                out.append(Problem(path, lines.get("competencies", 1), "competency-unknown",
                                   f"unknown competency code '{code}'",
                                   "use a component code from /khung-nang-luc/ such as \"4.2\" (in quotes)",
                                   (f"không có mã năng lực `{code}`",
                                    "dùng một mã năng lực thành phần trong /khung-nang-luc/, viết trong ngoặc kép, "
                                    "ví dụ `\"4.2\"`")))
    for key in ("objectives",):
        items = data.get(key)
        if isinstance(items, list) and not all(isinstance(x, str) and x.strip() for x in items):
            out.append(Problem(path, lines.get(key, 1), "key-type", f"every item of '{key}' must be a sentence",
                               f"write each item of '{key}' as '  - a sentence' on its own line",
                               (f"mỗi mục của `{key}` phải là một câu",
                                f"viết mỗi mục của `{key}` trên một dòng riêng: `  - một câu`")))
    sources = data.get("sources")
    if isinstance(sources, list):
        for n, item in enumerate(sources):
            if not (isinstance(item, dict) and isinstance(item.get("title"), str)
                    and isinstance(item.get("url"), str) and safety.is_web_address(item["url"])):
                out.append(Problem(path, lines.get(f"sources[{n}]", lines.get("sources", 1)), "source-invalid",
                                   f"a source must have a title and a full http(s) address, not {_shown(item)}",
                                   "write '  - title: Name of the source' and '    url: https://…'",
                                   (f"một nguồn phải có tên và địa chỉ đầy đủ bắt đầu bằng http(s), không phải "
                                    f"{_shown(item)}",
                                    "viết `  - title: Tên nguồn` rồi dòng dưới `    url: https://…`")))
    out += _check_updated(path, data.get("updated"), lines.get("updated", 1))
    return out


def _shown(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: short, whatever the author wrote."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_updated(path: str, updated: Any, line: int) -> list[Problem]:
    """'updated' is a real year and month (and day): 2026-11 or 2026-11-05."""
    if not isinstance(updated, str):
        return []
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", updated)
    if not m:
        return [Problem(path, line, "key-type", f"'updated' should look like 2026-11, not {_shown(updated)}",
                        "write the year and month the facts were checked, e.g. 'updated: 2026-11'",
                        (f"`updated` phải có dạng 2026-11, không phải {_shown(updated)}",
                         "viết năm và tháng bạn kiểm tra thông tin, ví dụ `updated: 2026-11`"))]
    try:
        _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError:
        return [Problem(path, line, "date-invalid", f"'updated: {updated}' is not a real date",
                        "write a month from 01 to 12 (and a day that month has), e.g. 'updated: 2026-11'",
                        (f"`updated: {updated}` không phải là một ngày có thật",
                         "viết tháng từ 01 đến 12 (và ngày có trong tháng đó), ví dụ `updated: 2026-11`"))]
    return []


def _type_name_vi(t: type | tuple[type, ...]) -> str:
    names = {str: "chữ", int: "một số nguyên", list: "một danh sách", _dt.date: "một ngày"}
    if isinstance(t, tuple):
        return " hoặc ".join(names.get(x, x.__name__) for x in t)
    return names.get(t, t.__name__)


_EXAMPLE_NUMBER = {"order": 3, "duration": 15}
_EXAMPLES_VI = {
    "title": "`title: Gọi video bằng Zalo`",
    "description": "`description: Một câu nói về bài học.`",
    "order": "`order: 3`",
    "duration": "`duration: 15` (số phút)",
    "level": "`level: co-ban`",
    "competencies": "`competencies: [\"2.1\", \"4.2\"]`",
    "objectives": "`objectives:` rồi các dòng `  - …` bên dưới",
    "updated": "`updated: 2026-11`",
    "sources": "`sources:` rồi các dòng `  - title: …` và `    url: https://…`",
}
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
    problems += safety.markdown_problems(path, body, body_line)
    blocks, block_problems = scan_blocks(path, body, body_line)
    problems += block_problems
    nested = _nested_questions(path, body, body_line, blocks)
    problems += nested
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
                                        f"remove the line '{key}: …' under '/// {block.name}'",
                                        (f"khối `{block.name}` không có tùy chọn `{key}`",
                                         f"xóa dòng `{key}: …` dưới `/// {block.name}`")))
            if not any(x.strip() for x in block.body):
                problems.append(Problem(path, block.line, "block-empty", f"the '{block.name}' block is empty",
                                        f"write its content between '/// {block.name}' and '///'",
                                        (f"khối `{block.name}` để trống",
                                         f"viết nội dung vào giữa dòng `/// {block.name}` và dòng `///`")))
        elif block.name not in PYMDOWNX_BLOCKS and block.name not in PAGE_BLOCKS:
            problems.append(Problem(path, block.line, "block-unknown", f"unknown block '/// {block.name}'",
                                    "use one of: " + ", ".join(sorted(OUR_BLOCKS)),
                                    (f"không có khối `/// {block.name}`",
                                     "xem lại chính tả; các khối của bài học là " + ", ".join(sorted(OUR_BLOCKS)))))
    handouts = [b for b in blocks if b.name == "handout"]
    if not handouts:
        problems.append(Problem(path, body_line, "handout-missing", "the lesson has no handout block",
                                "add '/// handout', the numbered key points for the printed page, and '///'",
                                ("bài học chưa có khối tờ in (`/// handout`)",
                                 "thêm dòng `/// handout`, các ý chính đánh số cho tờ in, rồi dòng `///`")))
    elif len(handouts) > 1:
        problems.append(Problem(path, handouts[1].line, "handout-duplicate", "the lesson has more than one handout block",
                                "join them into one '/// handout' block",
                                ("bài học có hơn một khối tờ in (`/// handout`)",
                                 "gộp lại thành một khối `/// handout` duy nhất")))
    if not parsed_questions and not nested and not any(b.name in QUESTION_BLOCKS for b in blocks):
        problems.append(Problem(path, body_line, "quiz-missing", "the lesson has no self-check question",
                                "add at least one '/// quiz | question' block (see /tac-gia/)",
                                ("bài học chưa có câu hỏi tự kiểm tra nào",
                                 "thêm ít nhất một khối `/// quiz | câu hỏi` (xem /tac-gia/)")))
    if any(p.code in ("key-missing", "key-type") and p.path == path for p in problems):
        return None, problems
    parts = path.split("/")
    slug = parts[-1][: -len(".en.md")] if path.endswith(".en.md") else parts[-1][: -len(".md")]
    updated = data.get("updated")
    if isinstance(updated, _dt.date):
        updated = updated.strftime("%Y-%m")
    elif isinstance(updated, str):
        updated = updated[:7]  # the page shows the month
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
        lines=tuple(lines.items()), body_line=body_line,
    )
    return lesson, problems


def _question_fences(lesson: Lesson) -> list[int]:
    """Lines of every question block the author wrote, nested or not (nested ones are reported on their own)."""
    out, in_code = [], False
    for n, line in enumerate(lesson.markdown.split("\n")):
        if _CODE_FENCE_RE.match(line):
            in_code = not in_code
        elif not in_code and _QUESTION_FENCE_RE.match(line):
            out.append(lesson.body_line + n)
    return out


# A question fence after indentation, a list marker or a quote mark ('> ').
_QUESTION_FENCE_RE = re.compile(r"^(?P<before>[ \t>*+\-\d.)]*)/{3,}[ \t]*(?P<name>quiz|order|fill)\b")


def _nested_questions(path: str, body: str, first_line: int, blocks: list[Block]) -> list[Problem]:
    """Question blocks inside another block, a list or a quote: refused, since only top-level ones are checked
    and counted (a nested quiz would render as text while the page still waits for its answer)."""
    inside = {n for b in blocks for n in range(b.line + 1, b.end_line)}
    out = []
    in_code = False
    for n, line in enumerate(body.split("\n")):
        if _CODE_FENCE_RE.match(line):
            in_code = not in_code
        m = None if in_code else _QUESTION_FENCE_RE.match(line)
        if m and (m.group("before") or first_line + n in inside):
            nested = first_line + n in inside
            where = "inside another block" if nested else "indented or inside a list or quote"
            where_vi = "trong một khối khác" if nested else "lùi vào trong, hoặc trong một danh sách hay trích dẫn"
            out.append(Problem(path, first_line + n, "question-nested",
                               f"the '{m.group('name')}' block is {where}, where it cannot be checked",
                               f"move '/// {m.group('name')}' and its closing '///' to the start of the line, "
                               "outside any other block or list",
                               (f"khối `{m.group('name')}` nằm {where_vi}, nên máy không kiểm tra được",
                                f"đưa dòng `/// {m.group('name')}` và dòng đóng `///` của nó ra sát lề trái, "
                                "ngoài mọi khối hay danh sách khác")))
    return out


# ---------------------------------------------------------------- competency data

def load_competencies(docs_dir: str) -> tuple[dict[str, Competency], list[Problem]]:
    """Read docs/_data/competencies.yml: the framework's domains and components."""
    path = Path(docs_dir) / DATA_FILE
    if not path.exists():
        return {}, [Problem(DATA_FILE, 1, "data-missing", "the competency framework data file is missing",
                            f"restore docs/{DATA_FILE} from the project",
                            ("thiếu tệp dữ liệu khung năng lực số", f"lấy lại tệp docs/{DATA_FILE} từ dự án"))]
    text, problems = safety.read_markdown(path, DATA_FILE)
    if text is None:
        return {}, problems
    try:
        data = safety.load_yaml(text) or {}
    except safety.YamlError as exc:
        return {}, [Problem(DATA_FILE, exc.line + 1, "data-yaml",
                            f"the competency data is not valid YAML ({exc.reason})", "check its indentation",
                            (f"tệp dữ liệu khung năng lực viết sai: {exc.vi[0]}", exc.vi[1]))]
    out: dict[str, Competency] = {}
    try:
        for domain in data.get("domains", []):
            out[str(domain["code"])] = Competency(str(domain["code"]), dict(domain["name"]))
            for comp in domain.get("competencies", []):
                out[str(comp["code"])] = Competency(str(comp["code"]), dict(comp["name"]))
    except (AttributeError, KeyError, TypeError, ValueError):
        return {}, [Problem(DATA_FILE, 1, "data-yaml", "the competency data is not a list of domains with "
                            "codes, names and competencies", f"restore docs/{DATA_FILE} from the project",
                            ("tệp dữ liệu khung năng lực không đúng dạng (các lĩnh vực, mỗi lĩnh vực có mã, tên và "
                             "các năng lực)", f"lấy lại tệp docs/{DATA_FILE} từ dự án"))]
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


_PARSED: dict[str, tuple[str, tuple, Lesson | None, tuple[Problem, ...]]] = {}


def _parse_lesson_once(rel: str, text: str, competencies: dict[str, Competency]) -> tuple[Lesson | None, list[Problem]]:
    """parse_lesson, remembered while the file's text and the competencies stay the same (the preview
    re-reads the tree at every save; only the saved lesson is parsed again). Lessons are immutable."""
    known = (repr(competencies), id(parse_lesson))  # (a test may swap the parser)
    hit = _PARSED.get(rel)
    if hit and hit[0] == text and hit[1] == known:
        return hit[2], list(hit[3])
    lesson, found = parse_lesson(rel, text, competencies)
    _PARSED[rel] = (text, known, lesson, tuple(found))
    return lesson, found


def build_catalogue(docs_dir: str) -> Catalogue:
    """Parse and validate every page under docs_dir (both languages)."""
    competencies, problems = load_competencies(docs_dir)
    tree = safety.tree_problems(docs_dir)  # symlinks, file names, active files: never read what leaves docs/
    problems += tree
    refused = {p.path for p in tree if p.code == "symlink-outside"}
    lessons: list[Lesson] = []
    files = [f for f in _markdown_files(docs_dir) if f not in refused]
    present = set(files)
    for rel in files:
        READING.set(rel)
        text, found = safety.read_markdown(Path(docs_dir, rel), rel)
        problems += found
        parts = rel.split("/")
        name = parts[-1]
        is_index = name in ("index.md", "index.en.md")
        in_audience = len(parts) == 2 and parts[0] in AUDIENCES
        if text is None:
            pass
        elif in_audience and not is_index:
            problems += [x for x in [safety.lesson_name_problem(rel)] if x]
            try:
                lesson, found = _parse_lesson_once(rel, text, competencies)
            except Exception as err:  # noqa: BLE001 - a bug of ours must still name the file, never a traceback
                lesson, found = None, [Problem(rel, 1, "internal-error",
                                               f"the check failed on this file ({type(err).__name__}: {err})"[:200],
                                               "report it to the project with this file attached",
                                               ("máy kiểm tra bị lỗi khi đọc tệp này (lỗi của phần mềm, không phải "
                                                "của bạn)", "báo cho nhóm dự án và gửi kèm tệp này"))]
            problems += found
            if lesson:
                lessons.append(lesson)
        else:
            data, _lines, found = parse_front_matter(rel, text)
            if found and found[0].code in ("front-matter-yaml", "front-matter-alias"):
                problems += found
            if in_audience:  # an audience's own page is written by the same strangers as its lessons
                _fm, body, body_line = split_front_matter(text)
                problems += safety.markdown_problems(rel, body, body_line)
            if data and _looks_like_lesson(data) and not is_index:
                problems.append(Problem(rel, 1, "lesson-outside-audience",
                                        f"this lesson is not in an audience folder",
                                        "move it into one of: " + ", ".join(f"docs/{a}/" for a in AUDIENCES),
                                        ("bài học này không nằm trong thư mục của một nhóm người học",
                                         "chuyển nó vào một trong các thư mục: " +
                                         ", ".join(f"docs/{a}/ ({v['vi']})" for a, v in AUDIENCES.items()))))
        # Every page needs its twin in the other language.
        if rel.endswith(".en.md"):
            if base_of(rel) not in present:
                problems.append(Problem(rel, 1, "twin-orphan", f"English page without a Vietnamese original",
                                        f"add {base_of(rel)} or rename this file",
                                        ("trang tiếng Anh này không có bản gốc tiếng Việt",
                                         f"thêm tệp {base_of(rel)} hoặc đổi tên tệp này")))
        else:
            twin = rel[:-3] + ".en.md"
            if twin not in present:
                problems.append(Problem(rel, 1, "twin-missing", f"the English twin {twin} is missing",
                                        f"create docs/{twin} with the same order, duration, level and competencies "
                                        "(scripts/new_lesson writes both files)",
                                        (f"thiếu bản tiếng Anh {twin}",
                                         f"tạo tệp docs/{twin} với cùng order, duration, level và competencies "
                                         "(scripts/new_lesson tạo sẵn cả hai tệp)")))
    problems += _check_twins(lessons, {(p.path, p.line) for p in problems})
    problems += _check_orders(lessons)
    return Catalogue(docs_dir, lessons, competencies, _dedupe(problems))


def _check_twins(lessons: list[Lesson], wrong: set[tuple[str, int]] = frozenset()) -> list[Problem]:
    """The English twin's order, duration, level and competencies equal the Vietnamese ones. A key already
    reported wrong in the Vietnamese file (`wrong`: its path and line) is not compared: one mistake, one problem."""
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
            if a != b and (original.path, original.line_of(key)) not in wrong:
                shown = list(b) if isinstance(b, tuple) else b
                want = list(a) if isinstance(a, tuple) else a
                # The Vietnamese file is the original: the twin is the file to change.
                out.append(Problem(lesson.path, lesson.line_of(key), "twin-mismatch",
                                   f"'{key}' is {shown!r} here but {want!r} in {original.path}",
                                   f"make '{key}' the same in both files",
                                   (f"`{key}` ở đây là {shown!r} nhưng ở {original.path} là {want!r}",
                                    f"sửa `{key}` ở tệp này thành {want!r} cho giống bản tiếng Việt")))
        out += _twin_questions(original, lesson)
    return out


def _twin_questions(original: Lesson, twin: Lesson) -> list[Problem]:
    """Both languages ask as many questions. Blocks are counted, not parsed questions, so a mistake
    inside a Vietnamese quiz is reported once, in its own file, and not again on the English twin."""
    mine, theirs = _question_fences(twin), _question_fences(original)
    if len(mine) == len(theirs) or not mine or not theirs:  # none at all in one: its quiz-missing says so
        return []
    if len(mine) > len(theirs):
        line, what = mine[len(theirs)], "this question has no Vietnamese original"
        what_vi = "câu hỏi này không có bản gốc tiếng Việt"
    else:
        line = mine[-1]
        what = f"the question on line {theirs[len(mine)]} of {original.path} is not translated here"
        what_vi = f"câu hỏi ở dòng {theirs[len(mine)]} của {original.path} chưa được dịch ở đây"
    return [Problem(twin.path, line, "twin-questions",
                    f"{len(mine)} questions here but {len(theirs)} in {original.path}: {what}",
                    "translate every question block so both languages have the same quiz",
                    (f"ở đây có {len(mine)} câu hỏi nhưng {original.path} có {len(theirs)}: {what_vi}",
                     "dịch mọi khối câu hỏi để hai thứ tiếng có cùng các câu hỏi"))]


def _check_orders(lessons: list[Lesson]) -> list[Problem]:
    """A second lesson with an audience's order number, at its 'order' line; once per lesson, not per language
    (the English twin copies the Vietnamese number, and twin-mismatch follows it when that one changes)."""
    out = []
    seen: dict[tuple[str, str, int], Lesson] = {}
    repeated: set[str] = set()
    for lesson in sorted(lessons, key=lambda x: (LANGS.index(x.lang) if x.lang in LANGS else 9, x.path)):
        key = (lesson.audience, lesson.lang, lesson.order)
        if key not in seen:
            seen[key] = lesson
            continue
        repeated.add(lesson.path)
        if lesson.lang != DEFAULT_LANG and base_of(lesson.path) in repeated:
            continue
        out.append(Problem(lesson.path, lesson.line_of("order"), "order-duplicate",
                           f"order {lesson.order} is also used by {seen[key].path}",
                           "give each lesson of an audience its own 'order' number (the same one in its twin)",
                           (f"số thứ tự `order: {lesson.order}` đã được dùng ở {seen[key].path}",
                            "cho mỗi bài của cùng nhóm người học một số `order` riêng (bản tiếng Anh dùng cùng số)")))
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
