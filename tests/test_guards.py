"""The guards: template text left in a lesson, an H1 in the body, twins whose answers or handouts differ."""
from __future__ import annotations

from conftest import FIXTURES, ROOT

from hocvuso import guards
from hocvuso.lessons import Catalogue, build_catalogue, load_competencies, parse_lesson
from hocvuso.scaffold import DEFAULT_TITLE, TEMPLATE_EN, TEMPLATE_VI

SITE = FIXTURES / "handouts" / "site" / "docs" / "nguoi-cao-tuoi"
GOOD = (SITE / "goi-dien.md").read_text(encoding="utf-8")
GOOD_EN = (SITE / "goi-dien.en.md").read_text(encoding="utf-8")
COMPETENCIES, _ = load_competencies(str(ROOT / "docs"))


def _problems(vi: str = GOOD, en: str = GOOD_EN) -> list:
    lessons = []
    for path, text in (("nguoi-cao-tuoi/bai.md", vi), ("nguoi-cao-tuoi/bai.en.md", en)):
        lesson, problems = parse_lesson(path, text, COMPETENCIES)
        assert lesson is not None and problems == [], problems
        lessons.append(lesson)
    return guards.guard_problems(Catalogue("docs", lessons, COMPETENCIES, []))


def _found(problems) -> set[tuple[str, int, str]]:
    return {(p.path, p.line, p.code) for p in problems}


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


def test_valid_twins_have_no_guard_problem():
    assert _problems() == []


def test_the_projects_lessons_pass_every_guard():
    catalogue = build_catalogue(str(ROOT / "docs"))
    assert len(catalogue.lessons) >= 80
    assert [str(p) for p in guards.guard_problems(catalogue)] == []


# ---------------------------------------------------------------- template-leftover

def test_a_fresh_template_reports_every_placeholder_line():
    vi = TEMPLATE_VI.format(title=DEFAULT_TITLE["vi"], order=1, updated="2026-01")
    en = TEMPLATE_EN.format(title=DEFAULT_TITLE["en"], order=1, updated="2026-01")
    problems = _problems(vi, en)
    assert {p.code for p in problems} == {"template-leftover"}
    found = _found(problems)
    for path, text, needles in (
        ("nguoi-cao-tuoi/bai.md", vi, ["Tên bài học", "Một câu nói bài học", "Bước thứ nhất.", "Đáp án đúng",
                                       "Câu hỏi tự kiểm tra?", "Chưa đúng: giải thích", "Điều cần nhớ thứ hai."]),
        ("nguoi-cao-tuoi/bai.en.md", en, ["Lesson title", "The first step.", "The right answer",
                                          "Notes for the trainer", "The second thing to remember."]),
    ):
        for needle in needles:
            assert (path, _line_of(text, needle), "template-leftover") in found, (path, needle)
    # Headings and structural keys may stay as the template wrote them.
    for needle in ("## Vì sao cần biết?", "## Các bước", "level: co-ban", "duration: 10", "/// handout"):
        assert ("nguoi-cao-tuoi/bai.md", _line_of(vi, needle), "template-leftover") not in found, needle
    message = next(str(p) for p in problems if p.line == _line_of(vi, "Bước thứ nhất."))
    assert message == (f"nguoi-cao-tuoi/bai.md:{_line_of(vi, 'Bước thứ nhất.')}: template text left in the lesson: "
                       "'1. Bước thứ nhất.' — write your own words here, or delete the line [template-leftover]")


def test_leftovers_are_found_when_retyped_but_not_inside_code_or_when_rewritten():
    vi = GOOD.replace("## Gọi video\n", "## Gọi video\n\n- [ ]  đáp án   ĐÚNG\n\n```\nBước thứ nhất.\n```\n\n"
                                         "1. Bước thứ nhất: mở Zalo.\n")
    found = _found(_problems(vi=vi))
    assert found == {("nguoi-cao-tuoi/bai.md", _line_of(vi, "đáp án   ĐÚNG"), "template-leftover")}


# ---------------------------------------------------------------- heading-h1

def test_an_h1_in_the_body_is_reported_at_its_line():
    vi = GOOD.replace("## Gọi video\n", "# Gọi điện video\n\n## Gọi video\n\n#Hashtag\n\nTiêu đề\n=====\n\n"
                                         "```\n# một dòng lệnh\n```\n\n### Nhỏ\n\n    # thụt lề\n\n"
                                         "Hai dòng\nliền nhau\n===\n")
    found = _found(_problems(vi=vi))
    assert found == {("nguoi-cao-tuoi/bai.md", _line_of(vi, "# Gọi điện video"), "heading-h1"),
                     ("nguoi-cao-tuoi/bai.md", _line_of(vi, "#Hashtag"), "heading-h1"),
                     ("nguoi-cao-tuoi/bai.md", _line_of(vi, "Tiêu đề"), "heading-h1")}


# ---------------------------------------------------------------- twin-answers

def test_twin_answers_marked_differently_is_reported_at_the_english_question():
    en = GOOD_EN.replace("- [ ] The phone button", "- [x] The phone button").replace("- [x] The camera", "- [ ] The camera")
    problems = _problems(en=en)
    assert _found(problems) == {("nguoi-cao-tuoi/bai.en.md", _line_of(en, "/// quiz"), "twin-answers")}
    assert "question 1 marks option(s) 1 right here but 2 in nguoi-cao-tuoi/bai.md" in str(problems[0])


def test_twin_answers_other_number_of_options_or_steps_or_another_kind():
    fewer = GOOD_EN.replace("- [ ] The message button\n", "")
    assert "has 2 options here but 3" in str(_problems(en=fewer)[0])
    steps = GOOD_EN.replace("3. Press the camera button\n", "3. Press the camera button\n4. Talk\n")
    problems = _problems(en=steps)
    assert _found(problems) == {("nguoi-cao-tuoi/bai.en.md", _line_of(steps, "/// order"), "twin-answers")}
    assert "question 2 has 4 steps here but 3" in str(problems[0])
    kind = GOOD_EN.replace("/// fill | Which number do you call to report danger to the police?\n- 113",
                           "/// quiz | Which number do you call to report danger to the police?\n- [x] 113\n- [ ] 115")
    assert "question 3 is a 'quiz' block here but a 'fill' block" in str(_problems(en=kind)[0])


def test_twin_fill_answers_may_differ():
    en = GOOD_EN.replace("- 113\n", "- 113\n- one one three\n")
    assert _problems(en=en) == []


# ---------------------------------------------------------------- twin-handout

def test_twin_handout_with_other_points_is_reported_at_the_english_handout():
    en = GOOD_EN.replace("3. Press the **camera** button to make a video call.\n",
                         "3. Press the **camera** button.\n4. Wait for the answer.\n")
    problems = _problems(en=en)
    assert _found(problems) == {("nguoi-cao-tuoi/bai.en.md", _line_of(en, "/// handout"), "twin-handout")}
    assert "the handout has 4 numbered points here but 3 in nguoi-cao-tuoi/bai.md" in str(problems[0])


def test_twin_handout_counts_numbered_points_not_wording():
    en = GOOD_EN.replace("If you cannot hear well, press the speaker button.",
                         "If you cannot hear well, press the speaker button. Ask for help.\n\n- a bullet is no point")
    assert _problems(en=en) == []
