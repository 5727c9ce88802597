"""Projector mode, build side: the title screen's QR code and warnings about sections too long to project.

In projector mode each `##` section of a lesson is one screen. A section that does not fit still
works (it scrolls), but a class at the back of a hall cannot follow a scrolling screen, so
`scripts/check` warns about it. It is a warning, never an error: authors can still build.

What "too long" means (documented for trainers in /giang-vien/): only the text learners see on
the screen counts: paragraphs, steps, and the question and options of a quiz. Trainer notes,
option feedback and quiz explanations do not count (never projected, or only once answered), nor
does the handout box ("Ghi nhớ"), which is a screen of its own. Every question is a screen of its
own too (assets/js/present.js): the section's text shares the first question's screen, and text
after a later question shares that question's screen.
At 1280×720 with the projector's ~30 px type about twelve lines fit under a heading: about
120 words (Vietnamese: syllables) or 8 list items; an image takes the room of about 40 words.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from . import fences, qr
from .lessons import QUESTION_BLOCKS, Lesson, scan_sections
from .problems import Problem

MAX_WORDS = 120
MAX_ITEMS = 8
IMAGE_WORDS = 40
CODE = "section-too-long"

_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_NOISE = re.compile(r"[#>*_`|{}]|\{[^}]*\}")
_WORD = re.compile(r"\w+")


def lesson_qr(site_url: str, lesson: Lesson | None) -> str:
    """Inline SVG QR code of the lesson's absolute address ('' for other pages), scalable by CSS."""
    return qr_for(site_url, lesson.url) if lesson is not None else ""


def qr_for(site_url: str, lesson_url: str) -> str:
    """Inline SVG QR code of a site-relative address made absolute with site_url, scalable by CSS."""
    url = (site_url or "/").rstrip("/") + "/" + lesson_url
    svg = qr.qr_svg(url, title=url)
    # segno writes a fixed width/height; a viewBox lets CSS size it to the projector's screen.
    return re.sub(r'<svg ([^>]*?)width="(\d+)" height="(\d+)"',
                  r'<svg \1width="\2" height="\3" viewBox="0 0 \2 \3" role="img"', svg, count=1)


def _visible_lines(lines: list[str]) -> Iterable[tuple[int, str]]:
    """(question number or 0, line) for each projected line: no trainer notes, quiz feedback or explanations."""
    block: str | None = None
    depth = n = 0
    phase = ""  # inside a question block: "before" the options, "options", then "after" them
    for walked in fences.walk(lines):
        line = walked.text
        m = None if walked.code else fences.fence(line.strip())
        if m:
            if m.name:  # an opening fence (blocks may nest: admonitions, details)
                depth += 1
                if depth == 1:
                    block, phase = m.name, "before"
                    n += block in QUESTION_BLOCKS
                    if block in QUESTION_BLOCKS and m.title:
                        yield n, m.title  # the question itself
            else:
                depth = max(0, depth - 1)
                block = None if depth == 0 else block
            continue
        if block in ("trainer", "handout"):  # never projected / a screen of its own
            continue
        if block in QUESTION_BLOCKS:
            indented = line.startswith((" ", "\t"))
            if _ITEM.match(line):
                phase = "options"
                yield n, line
            elif phase == "before" and not indented:
                yield n, line  # context before the options; indented lines there are block options
            elif phase == "options" and line.strip() and not indented:
                phase = "after"  # the explanation, shown only once answered
            continue
        yield 0, line


def measure(lines: list[str]) -> tuple[int, int]:
    """(words, list items) of the fullest screen one section makes, an image counting as IMAGE_WORDS words.

    Each question is a screen: text before the second question is on the first question's screen,
    text after a later question on that question's screen.
    """
    screens: dict[int, list[int]] = {}
    here = 1
    for n, line in _visible_lines(lines):
        here = max(here, n)
        count = screens.setdefault(here, [0, 0])
        count[1] += bool(_ITEM.match(line))
        text = _NOISE.sub(" ", _LINK.sub(r"\1", _IMAGE.sub(" ", _ITEM.sub("", line, count=1))))
        count[0] += len(_WORD.findall(text)) + len(_IMAGE.findall(line)) * IMAGE_WORDS
    return (max((c[0] for c in screens.values()), default=0), max((c[1] for c in screens.values()), default=0))


def long_sections(lessons: Iterable[Lesson]) -> list[Problem]:
    """Warnings (not errors) for every section likely to need scrolling in projector mode."""
    found: list[Problem] = []
    for lesson in lessons:
        body = lesson.markdown.split("\n")
        heads = scan_sections(lesson.markdown, 0)  # 0-based offsets into the body
        if not heads or not lesson.sections:
            continue
        first_line = lesson.sections[0][1] - heads[0][1]
        starts = [(None, 0)] + [(title, n) for title, n in heads]
        for i, (title, start) in enumerate(starts):
            end = starts[i + 1][1] if i + 1 < len(starts) else len(body)
            part = body[start + (0 if title is None else 1):end]
            words, items = measure(part)
            if words <= MAX_WORDS and items <= MAX_ITEMS:
                continue
            name = f"the section '{title}'" if title else "the text before the first '##' heading"
            name_vi = f"mục `{title}`" if title else "phần chữ trước tiêu đề `##` đầu tiên"
            too, too_vi = [], []
            if words > MAX_WORDS:
                too.append(f"{words} words (more than {MAX_WORDS})")
                too_vi.append(f"{words} chữ (quá {MAX_WORDS})")
            if items > MAX_ITEMS:
                too.append(f"{items} list items (more than {MAX_ITEMS})")
                too_vi.append(f"{items} mục danh sách (quá {MAX_ITEMS})")
            found.append(Problem(
                lesson.path, first_line + start, CODE,
                f"{name} has {' and '.join(too)}, so it will scroll in projector mode",
                "split it with another '## heading' or shorten it (a warning: the site still builds)",
                (f"{name_vi} có {' và '.join(too_vi)}, nên khi chiếu lên màn hình sẽ phải cuộn",
                 "chia nhỏ bằng một tiêu đề `## …` nữa hoặc viết ngắn lại (đây là cảnh báo: trang vẫn được dựng)")))
    return found
