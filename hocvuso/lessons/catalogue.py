"""The catalogue of a docs folder: every file read once, lessons parsed, twins and orders compared.

`build_catalogue` reads and checks the whole tree; `load_catalogue` keeps the result until a file
changes (the preview checks the tree on every save).
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Iterable

from .. import safety
from ..errors import READING
from ..problems import Problem
from . import lesson as _lesson
from .front_matter import parse_front_matter, split_front_matter
from .model import AUDIENCES, DATA_FILE, DEFAULT_LANG, LANGS, TWIN_KEYS, Catalogue, Competency, Lesson, base_of


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
    known = (repr(competencies), id(_lesson.parse_lesson))  # (a test may swap the parser)
    hit = _PARSED.get(rel)
    if hit and hit[0] == text and hit[1] == known:
        return hit[2], list(hit[3])
    lesson, found = _lesson.parse_lesson(rel, text, competencies)
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
    texts: dict[str, str] = {}
    for rel in files:
        READING.set(rel)
        text, found = safety.read_markdown(Path(docs_dir, rel), rel)
        if text is not None:
            texts[rel] = text
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
    return Catalogue(docs_dir, lessons, competencies, _dedupe(problems), texts)


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
    mine, theirs = list(twin.asked), list(original.asked)
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


_CACHE: dict[str, tuple[str, Catalogue]] = {}


def _signature(docs_dir: str) -> tuple:
    sig = []
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.endswith((".md", ".yml")):
                st = os.stat(os.path.join(root, name))
                sig.append((root, name, st.st_mtime_ns, st.st_size))
    return tuple(sorted(sig))


def tree_signature(docs_dir: str) -> str:
    """A short digest of every Markdown and YAML file's name, time and size: changes when the tree does."""
    return hashlib.sha1(repr(_signature(os.path.abspath(docs_dir))).encode()).hexdigest()[:16]


def load_catalogue(docs_dir: str, signature: str | None = None) -> Catalogue:
    """The catalogue of docs_dir, parsed once and reused until a file changes.

    `signature`: the tree's `tree_signature`, when the caller knows it (a build hands it to every page it
    renders): a catalogue made from that tree is reused without looking at the files again.
    """
    docs_dir = os.path.abspath(docs_dir)
    hit = _CACHE.get(docs_dir)
    if signature and hit and hit[0] == signature:
        return hit[1]
    sig = tree_signature(docs_dir)
    if hit and hit[0] == sig:
        return hit[1]
    catalogue = build_catalogue(docs_dir)
    _CACHE[docs_dir] = (sig, catalogue)
    return catalogue
