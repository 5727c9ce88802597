"""The question parser: what authors write in quiz/order/fill blocks, and every mistake with its exact line."""
from __future__ import annotations

import pytest

from hocvuso import questions
from hocvuso.lessons import parse_lesson

FRONT = """---
title: Bài thử
description: Một bài thử.
order: 1
duration: 10
level: co-ban
competencies: ["4.2"]
objectives:
  - Làm được việc A.
---
## Phần một

"""  # the block starts on line 13
HANDOUT = "\n\n/// handout\n1. Ghi nhớ\n///\n"
COMPETENCIES = {"4.2": object()}


def problems_of(block: str) -> list:
    _lesson, problems = parse_lesson("hoc-sinh/bai.md", FRONT + block + HANDOUT, COMPETENCIES)
    return problems


# (block as written, line of the problem in the file, code). Line 13 is the block's opening fence.
BAD = {
    "no-correct": ("/// quiz | Câu hỏi?\n- [ ] Một\n- [ ] Hai\n///", 13, "quiz-no-correct"),
    "no-list": ("/// quiz | Câu hỏi?\nChỉ có chữ, không có lựa chọn.\n///", 13, "list-missing"),
    "empty-option": ("/// quiz | Câu hỏi?\n- [x] Một\n- [ ]\n- [ ] Ba\n///", 15, "option-empty"),
    "nested-list": ("/// quiz | Câu hỏi?\n- [x] Một\n    - [ ] lồng\n- [ ] Hai\n///", 15, "list-nested"),
    "one-option": ("/// quiz | Câu hỏi?\n- [x] Một\n///", 13, "options-too-few"),
    "order-two-steps": ("/// order | Sắp xếp\n1. Một\n2. Hai\n///", 13, "order-too-few"),
    "fill-no-answer": ("/// fill | Số nào?\nGõ câu trả lời.\n///", 13, "fill-no-answer"),
    "fill-empty-answer": ("/// fill | Số nào?\n-\n///", 13, "fill-no-answer"),
    "duplicate": ("/// quiz | Câu hỏi?\n- [x] Một\n- [ ] Hai\n- [ ] Một\n///", 16, "option-duplicate"),
    "duplicate-fill-folded": ("/// fill | Số nào?\n- Một một ba\n- mot mot ba\n///", 15, "option-duplicate"),
    "unknown-option": ("/// quiz | Câu hỏi?\n    shufle: true\n- [x] Một\n- [ ] Hai\n///", 14, "block-option-unknown"),
    "option-type": ("/// quiz | Câu hỏi?\n    shuffle: maybe\n- [x] Một\n- [ ] Hai\n///", 14, "block-option-type"),
    "order-option": ("/// order | Sắp xếp\n    shuffle: true\n1. a\n2. b\n3. c\n///", 14, "block-option-unknown"),
    "no-question": ("/// quiz\n- [x] Một\n- [ ] Hai\n///", 13, "question-missing"),
    "no-box": ("/// quiz | Câu hỏi?\n- [x] Một\n- Hai\n///", 15, "option-no-box"),
    "split-list": ("/// quiz | Câu hỏi?\n- [ ] Một\nSai vì thế.\n- [x] Hai\n///", 16, "list-split"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_block_is_reported_at_its_line(case):
    block, line, code = BAD[case]
    found = [(p.line, p.code) for p in problems_of(block)]
    assert (line, code) in found, found


def test_problem_reads_path_line_problem_fix_code():
    problem = next(p for p in problems_of(BAD["empty-option"][0]) if p.code == "option-empty")
    assert str(problem) == ("hoc-sinh/bai.md:15: an empty answer option — write the option's text after the marker, "
                            "or delete the line [option-empty]")


def test_every_problem_of_a_block_is_reported_not_just_the_first():
    block = "/// quiz | Câu hỏi?\n    shufle: true\n- [ ] Một\n- [ ]\n- [ ] Một\n///"
    codes = {(p.line, p.code) for p in problems_of(block)}
    assert {(14, "block-option-unknown"), (16, "option-empty"), (17, "option-duplicate"),
            (13, "quiz-no-correct")} <= codes


def test_good_blocks_have_no_problems():
    block = ("/// quiz | Mật khẩu nào an toàn nhất?\n    shuffle: true\n\nHãy đọc kỹ.\n\n- [ ] 123456\n"
             "    Sai: dễ đoán.\n- [x] Một câu dài\n\n    Đúng: khó đoán.\n\nGiải thích.\n///\n\n"
             "/// order | Sắp xếp\n1. a\n2. b\n3. c\n///\n\n/// fill | Số nào?\n    exact: true\n- 113\n///")
    lesson, problems = parse_lesson("hoc-sinh/bai.md", FRONT + block + HANDOUT, COMPETENCIES)
    assert problems == []
    quiz, order, fill = lesson.questions
    assert (quiz.kind, quiz.shuffle, quiz.line) == ("quiz", True, 13)
    assert [(o.text, o.correct, o.feedback) for o in quiz.options] == [
        ("123456", False, "Sai: dễ đoán."), ("Một câu dài", True, "Đúng: khó đoán.")]
    assert [o.line for o in quiz.options] == [18, 20]
    assert quiz.context == "Hãy đọc kỹ." and quiz.explanation == "Giải thích."
    assert [o.text for o in order.options] == ["a", "b", "c"]
    assert fill.exact and fill.accepted() == ["113"]


def parse(kind, body, title="Câu hỏi?", options=None):
    question, problems = questions.parse_block("x.md", kind, title, options or {}, body.split("\n"), 1)
    assert problems == []
    return question


def test_multiple_correct_options_make_a_pick_all_question():
    q = parse("quiz", "- [x] a\n- [X] b\n- [ ] c")
    assert q.multiple and [o.text for o in q.correct] == ["a", "b"]
    assert not parse("quiz", "- [x] a\n- [ ] b").multiple


def test_ids_come_from_the_question_text_not_its_position():
    a = parse("quiz", "- [x] a\n- [ ] b", title="Mật khẩu nào an toàn?")
    b = parse("quiz", "- [ ] z\n- [x] y\n- [ ] w", title="Mật khẩu nào an toàn?")
    assert a.id == b.id and a.id.startswith("q-mat-khau-nao-an-toan-")
    assert parse("quiz", "- [x] a\n- [ ] b", title="Câu khác?").id != a.id


def test_order_is_shown_shuffled_the_same_way_every_build():
    q = parse("order", "1. a\n2. b\n3. c\n4. d")
    shown = q.shown()
    assert sorted(shown) == [0, 1, 2, 3] and shown != [0, 1, 2, 3]
    assert shown == parse("order", "1. a\n2. b\n3. c\n4. d").shown()
    assert parse("quiz", "- [x] a\n- [ ] b\n- [ ] c").shown() == [0, 1, 2]
    assert sorted(parse("quiz", "- [x] a\n- [ ] b\n- [ ] c", options={"shuffle": True}).shown()) == [0, 1, 2]


@pytest.mark.parametrize("typed, exact, expected", [
    ("  Mật   Khẩu ", False, "mat khau"),
    ("ĐƯỜNG DÂY NÓNG", False, "duong day nong"),
    ("Mật khẩu", True, "mật khẩu"),
    ("Me\u0302\u0323t", True, "mệt"),  # decomposed input equals the composed form after NFC
])
def test_fold(typed, exact, expected):
    assert questions.fold(typed, exact) == expected


def test_answer_key_text():
    q = parse("quiz", "- [ ] a\n- [x] **b**\n- [x] [c](https://x.vn)")
    assert q.key_text() == "B. b; C. c"
    assert parse("order", "1. a\n2. b\n3. c").key_text() == "1. a → 2. b → 3. c"
    assert parse("fill", "- 113\n- một một ba").key_text() == "113 / một một ba"
