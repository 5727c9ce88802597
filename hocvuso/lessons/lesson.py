"""One lesson file into a `Lesson`: front matter, safety of the Markdown, blocks and questions, checked.

Every question block's body is parsed here into a `questions.Question`, once per build: the check
phase reports its problems and the render phase shows the same Question (hocvuso/quiz.py).
"""
from __future__ import annotations

import datetime as _dt

from .. import questions, safety
from ..problems import Problem
from .front_matter import check_keys, parse_front_matter, split_front_matter
from .model import OUR_BLOCKS, PAGE_BLOCKS, PYMDOWNX_BLOCKS, QUESTION_BLOCKS, Competency, Lesson, lang_of
from .scan import nested_questions, question_lines, scan_blocks, scan_sections


def parse_lesson(path: str, text: str, competencies: dict[str, Competency]) -> tuple[Lesson | None, list[Problem]]:
    """Parse one lesson file (path relative to docs/) into a Lesson and its problems."""
    data, lines, problems = parse_front_matter(path, text)
    _fm, body, body_line = split_front_matter(text)
    if problems:
        return None, problems
    problems += check_keys(path, data, lines, competencies)
    problems += safety.markdown_problems(path, body, body_line)
    blocks, block_problems = scan_blocks(path, body, body_line)
    problems += block_problems
    nested = nested_questions(path, body, body_line, blocks)
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
        lines=tuple(lines.items()), body_line=body_line, asked=tuple(question_lines(body, body_line)),
    )
    return lesson, problems
