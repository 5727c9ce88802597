"""Checks that guard the author from mistakes a valid lesson can still hold.

A lesson can be well formed and still not be ready: template text left in it, a `# Title` heading
the page already prints, or an English twin whose quiz marks other answers right or whose printed
handout has other points. `guard_problems(catalogue)` finds them, with the line the author must
fix; pipeline.check calls it beside the lesson model's own validation.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import fences
from .lessons import Catalogue, Lesson, base_of
from .problems import Problem
from .scaffold import line_text, placeholder_texts

# As Python-Markdown reads them: "#Title" is a heading, space or not, but not once indented; a '===' line
# underlines the first line of a paragraph, whatever that line holds.
_ATX_H1 = re.compile(r"^#(?!#)")
_SETEXT_H1 = re.compile(r"^=+[ \t]*$")
_MAYBE_H1 = re.compile(r"^(?:#(?!#)|=+[ \t]*$)", re.M)
_NUMBERED = re.compile(r"^[ \t]*\d+[.)][ \t]+\S")


def guard_problems(catalogue: Catalogue) -> list[Problem]:
    """Template leftovers, H1 headings in the body, and twins whose answers or handouts differ."""
    by_path = {x.path: x for x in catalogue.lessons}
    out: list[Problem] = []
    for lesson in catalogue.lessons:
        out += _file_problems(lesson.path, lesson.source)
        original = by_path.get(base_of(lesson.path)) if lesson.lang == "en" else None
        if original is not None:
            out += twin_answers(lesson, original)
            out += twin_handout(lesson, original)
    return out


@lru_cache(maxsize=8192)
def _file_problems(path: str, source: str) -> tuple[Problem, ...]:
    # The preview checks the whole tree on every save; a file that did not change costs a lookup.
    return (*template_leftovers(path, source), *h1_headings(path, source))


@lru_cache(maxsize=1)
def _placeholders() -> frozenset[str]:
    return placeholder_texts()


def _may_hold(placeholders: frozenset[str], source: str) -> bool:
    """Whether a placeholder may be somewhere in the file (the line scan then decides): str methods only."""
    folded = " ".join(unicodedata.normalize("NFC", source).casefold().split())
    return any(text in folded for text in placeholders)


def _lines(source: str):
    """(line number, text, in front matter, in a code fence) for every line of a lesson's file."""
    lines = source.split("\n")
    front = 0  # lines of the front matter, its two '---' lines included (all of them when it never closes)
    if lines[0].strip() == "---":
        front = next((n + 1 for n in range(1, len(lines)) if lines[n].strip() == "---"), len(lines))
    for n in range(front):
        yield n + 1, lines[n], True, False
    for line in fences.walk(lines[front:]):
        yield front + line.n + 1, line.text, False, line.code


def template_leftovers(path: str, source: str) -> list[Problem]:
    """Lines of a lesson file that still hold the `new` template's own text (an untouched template is not a lesson)."""
    placeholders = _placeholders()
    if not _may_hold(placeholders, source):
        return []  # the usual case
    out = []
    for n, line, in_front, in_code in _lines(source):
        if in_code or line.strip() == "---":
            continue
        text = line_text(line, in_front)
        if text and text in placeholders:
            out.append(Problem(path, n, "template-leftover",
                               f"template text left in the lesson: '{line.strip()}'",
                               "write your own words here, or delete the line",
                               vi=(f"dòng này vẫn là chữ mẫu của bài mới: '{line.strip()}'",
                                   "viết nội dung của bạn vào chỗ này, hoặc xóa dòng")))
    return out


def h1_headings(path: str, source: str) -> list[Problem]:
    """`# Title` lines (or a line underlined with '===') in the body: the page prints the title itself."""
    if not _MAYBE_H1.search(source):
        return []
    out = []
    before, previous = "", ""  # the two lines above, "" for a blank line or a block's fence
    for n, line, in_front, in_code in _lines(source):
        if in_front or in_code:
            before, previous = "", ""
            continue
        heading = None
        if _ATX_H1.match(line):
            heading, where = line.strip().lstrip("#").strip(), n
        elif _SETEXT_H1.match(line) and previous.strip() and not before.strip() and not previous.startswith("#"):
            heading, where = previous.strip(), n - 1
        if heading is not None:
            out.append(Problem(path, where, "heading-h1",
                               f"'{heading or '#'}' is a top-level heading: the page already prints the title "
                               "from 'title:'",
                               "delete the line if it repeats the title, or make it a part with '## ' "
                               "(two #)",
                               vi=(f"'{heading or '#'}' là tiêu đề lớn nhất (một dấu #), mà trang đã tự in tên bài "
                                   "lấy từ dòng 'title:'",
                                   "xóa dòng này nếu nó lặp lại tên bài, hoặc đổi thành tiêu đề phần bằng '## ' "
                                   "(hai dấu #)")))
        before, previous = previous, "" if line.startswith("///") else line
    return out


def _correct(question) -> list[int]:
    return [i + 1 for i, o in enumerate(question.options) if o.correct]


def twin_answers(lesson: Lesson, original: Lesson) -> list[Problem]:
    """English questions that differ from the Vietnamese ones in kind, options, right answers or steps.

    Question by question, in the order written; a different number of questions is twin-questions.
    Typed answers (fill) may differ: each language accepts its own words.
    """
    if len(lesson.questions) != len(original.questions):
        return []
    out = []
    for n, (q, vi) in enumerate(zip(lesson.questions, original.questions), 1):
        found = words = None
        if q.kind != vi.kind:
            found = (f"question {n} is a '{q.kind}' block here but a '{vi.kind}' block in {original.path}",
                     f"use '/// {vi.kind}' as the Vietnamese lesson does")
            words = (f"câu hỏi thứ {n} ở đây là khối '{q.kind}', còn trong {original.path} là khối '{vi.kind}'",
                     f"dùng '/// {vi.kind}' như bài tiếng Việt")
        elif q.kind == "quiz" and len(q.options) != len(vi.options):
            found = (f"question {n} has {len(q.options)} options here but {len(vi.options)} in {original.path}",
                     "translate every option, in the same order")
            words = (f"câu hỏi thứ {n} ở đây có {len(q.options)} lựa chọn, còn trong {original.path} có "
                     f"{len(vi.options)}", "dịch đủ mọi lựa chọn, giữ đúng thứ tự")
        elif q.kind == "quiz" and _correct(q) != _correct(vi):
            found = (f"question {n} marks option(s) {_numbers(_correct(q))} right here but "
                     f"{_numbers(_correct(vi))} in {original.path}",
                     "mark the same options with '[x]' in both files, options in the same order")
            words = (f"câu hỏi thứ {n} ở đây đánh dấu đúng lựa chọn {_numbers(_correct(q))}, còn trong "
                     f"{original.path} là lựa chọn {_numbers(_correct(vi))}",
                     "đánh dấu [x] cho cùng những lựa chọn ở cả hai tệp, các lựa chọn giữ cùng thứ tự")
        elif q.kind == "order" and len(q.options) != len(vi.options):
            found = (f"question {n} has {len(q.options)} steps here but {len(vi.options)} in {original.path}",
                     "translate every step, in the same order")
            words = (f"câu hỏi thứ {n} ở đây có {len(q.options)} bước, còn trong {original.path} có "
                     f"{len(vi.options)} bước", "dịch đủ mọi bước, giữ đúng thứ tự")
        if found:
            out.append(Problem(lesson.path, q.line, "twin-answers", *found, vi=words))
    return out


def _numbers(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers))


def _numbered_items(lesson: Lesson) -> int:
    handout = lesson.handout
    if handout is None:
        return 0
    return sum(1 for line in fences.walk(handout.body) if not line.code and _NUMBERED.match(line.text))


def twin_handout(lesson: Lesson, original: Lesson) -> list[Problem]:
    """An English handout with another number of numbered points than the Vietnamese one."""
    if lesson.handout is None or original.handout is None:
        return []
    here, there = _numbered_items(lesson), _numbered_items(original)
    if here == there:
        return []
    return [Problem(lesson.path, lesson.handout.line, "twin-handout",
                    f"the handout has {here} numbered points here but {there} in {original.path}",
                    "translate every point, so both printed pages say the same",
                    vi=(f"tờ hướng dẫn ở đây có {here} ý đánh số, còn trong {original.path} có {there} ý",
                        "dịch đủ mọi ý, để hai tờ in nói như nhau"))]
