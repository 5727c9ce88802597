"""Projector mode, build side: section-length warnings, the title screen's QR code, the built markup."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from hocvuso import cli, lessons, present

ROOT = Path(__file__).resolve().parent.parent

FRONT = """---
title: Bài thử trình chiếu
description: Một bài thử.
order: 1
duration: 10
level: co-ban
competencies: ["4.2"]
objectives:
  - Bạn làm được việc A.
---
"""

QUIZ = """/// quiz | Câu hỏi có bốn chữ?
- [ ] một hai
    Phản hồi dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài.
- [x] ba
    Đúng.

Giải thích dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài.
///
"""


def parse(body: str, path: str = "nguoi-cao-tuoi/thu.md") -> lessons.Lesson:
    competencies, _ = lessons.load_competencies(str(ROOT / "docs"))
    lesson, _problems = lessons.parse_lesson(path, FRONT + body, competencies)
    assert lesson is not None
    return lesson


def words(n: int) -> str:
    return " ".join(["chữ"] * n)


def test_measure_counts_what_the_screen_shows():
    assert present.measure([words(10), "", "1. bước một", "2. bước hai"]) == (14, 2)
    # A link counts its text, an image the room of IMAGE_WORDS words.
    assert present.measure(["Xem [trang này](x.md) ![ảnh](a.png)"]) == (3 + present.IMAGE_WORDS, 0)
    # Question and options count; feedback, explanation, block options and trainer notes do not.
    assert present.measure(QUIZ.split("\n")) == (5 + 3, 2)
    assert present.measure(["/// trainer", words(500), "- a", "///"]) == (0, 0)
    assert present.measure(["/// handout", words(500), "///"]) == (0, 0)


def test_each_question_is_a_screen_the_text_with_the_first():
    """Projector mode shows every question on a screen of its own, the section's text with the first."""
    two = (QUIZ + "\n" + QUIZ.replace("một hai", "một hai ba bốn năm")).split("\n")
    assert present.measure([words(5), *two]) == (5 + 8, 2)  # text and the first question: the fuller screen
    assert present.measure([words(1), *two]) == (11, 2)  # the second question alone is fuller
    assert present.measure([*QUIZ.split("\n"), words(50), *QUIZ.split("\n")]) == (8 + 50, 2)  # text after the first


def test_long_sections_warn_with_line_and_code():
    body = f"\n{words(20)}\n\n## Ngắn\n\n{words(100)}\n\n## Dài\n\n{words(121)}\n\n## Nhiều bước\n\n" + \
           "\n".join(f"{i}. bước" for i in range(1, 10)) + "\n\n" + QUIZ
    lesson = parse(body)
    found = present.long_sections([lesson])
    source = (FRONT + body).split("\n")
    assert [(p.code, p.line) for p in found] == [(present.CODE, source.index("## Dài") + 1),
                                                 (present.CODE, source.index("## Nhiều bước") + 1)]
    assert "121 words" in found[0].message and "11 list items" in found[1].message
    assert "split" in found[0].fix


def test_a_lesson_that_fits_has_no_warning():
    lesson = parse(f"## Một\n\n{words(120)}\n\n## Hai\n\n" + "\n".join(f"- mục {i}" for i in range(6)) + "\n" + QUIZ)
    assert present.long_sections([lesson]) == []


def test_text_before_the_first_heading_is_measured_too():
    lesson = parse(f"\n{words(130)}\n\n## Một\n\nNgắn.\n")
    [warning] = present.long_sections([lesson])
    assert warning.line == FRONT.count("\n") + 1 and "before the first" in warning.message


def test_check_prints_warnings_but_succeeds(tmp_path, capsys):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "_data", docs / "_data")
    (docs / "nguoi-cao-tuoi").mkdir()
    body = f"\n## Dài\n\n{words(200)}\n\n{QUIZ}\n/// handout\n1. Một\n///\n"
    (docs / "nguoi-cao-tuoi" / "thu.md").write_text(FRONT + body, encoding="utf-8")
    (docs / "nguoi-cao-tuoi" / "thu.en.md").write_text(FRONT.replace("Bài thử trình chiếu", "Test") + body,
                                                      encoding="utf-8")
    assert cli.check(str(docs)) == 0
    out = capsys.readouterr().out
    assert "warning: nguoi-cao-tuoi/thu.md:" in out and "[section-too-long]" in out


def test_lesson_qr_is_a_scalable_svg_of_the_absolute_address():
    lesson = parse("## Một\n\nNgắn.\n")
    svg = present.lesson_qr("https://example.org/hvs/", lesson)
    assert svg.startswith("<svg") and 'viewBox="0 0 ' in svg and 'role="img"' in svg
    assert "<title>https://example.org/hvs/nguoi-cao-tuoi/thu.html</title>" in svg
    assert present.lesson_qr("https://example.org/hvs", lesson) == svg
    assert present.lesson_qr("https://example.org/", None) == ""


def test_built_lessons_have_the_title_screen_and_controls(site):
    catalogue = lessons.load_catalogue(str(ROOT / "docs"))
    lesson = next(x for x in catalogue.lessons if x.lang == "en")
    html = (site / lesson.url).read_text(encoding="utf-8")
    qr = re.search(r'<figure class="hvs-present-qr"[^>]*>\s*<svg[^>]*viewBox[^>]*>.*?</svg>', html, re.S)
    assert qr and lesson.url in qr.group(0)
    assert "Scan to open this lesson on your phone" in html
    assert 'class="hvs-present-bar" aria-label="Projector mode"' in html
    assert re.search(r'class="md-button hvs-present-open"[^>]*hidden>Present<', html)
    assert "assets/js/present.js" in html and "assets/css/present.css" in html
    # Pages that are not lessons have no projector markup.
    assert "hvs-present-qr" not in (site / "en/giang-vien/index.html").read_text(encoding="utf-8")
