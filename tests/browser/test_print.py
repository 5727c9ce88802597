"""Printing a lesson from Chromium: print media, A4, no navigation, the quiz as a worksheet with its answer key."""
from __future__ import annotations

import math

import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from hocvuso import lessons

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def lesson() -> lessons.Lesson:
    """A Vietnamese lesson with a multiple-choice question and trainer notes, whichever the curriculum has."""
    catalogue = lessons.load_catalogue(str(ROOT / "docs"))
    found = [x for x in catalogue.lessons if x.lang == "vi" and any(q.kind == "quiz" for q in x.questions)
             and x.trainer_notes]
    assert found, "no lesson with a quiz"
    return sorted(found, key=lambda x: x.path)[0]


@pytest.fixture(scope="module")
def other_title(lesson) -> str:
    """A lesson title that only the navigation could put on this page."""
    catalogue = lessons.load_catalogue(str(ROOT / "docs"))
    return next(x.title for x in catalogue.lessons
                if x.lang == "vi" and x.audience != lesson.audience and x.title not in lesson.markdown)


def test_printed_lesson_is_a_clean_worksheet(page, base_url, lesson, other_title, tmp_path):
    page.goto(base_url + lesson.url)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".hvs-toolbar", ".md-search",
                     ".hvs-trainer"):
        assert not page.locator(selector).first.is_visible(), selector
    quiz = next(q for q in lesson.questions if q.kind == "quiz")
    for option in quiz.options:
        assert page.get_by_text(option.text, exact=False).first.is_visible(), option.text
    assert page.locator(".hvs-key").is_visible()
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    assert size >= 16  # 12 pt

    pdf = tmp_path / "lesson.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    box = PdfReader(pdf).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((595.28, 841.89), abs=1)  # A4
    text = unicodedata.normalize("NFC", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                                       text=True, check=True).stdout)
    text = " ".join(text.split())
    assert lesson.title in text
    assert "Đáp án" in text
    for option in quiz.options:
        assert " ".join(option.text.split()) in text
    assert other_title not in text  # the navigation did not print
    assert "In tờ hướng dẫn" not in text  # nor the toolbar


def test_print_shows_link_addresses_and_opens_details_without_javascript(page, base_url, lesson):
    page.goto(base_url + lesson.url)
    page.evaluate("""() => {
        const box = document.querySelector('.md-typeset');
        box.insertAdjacentHTML('beforeend',
          '<p><a id="hvs-ext" href="https://dichvucong.gov.vn/p/home">Cổng</a> <a id="hvs-int" href="#top">lên</a></p>' +
          '<details id="hvs-d"><summary>Xem thêm</summary><p id="hvs-inside">Nội dung ẩn</p></details>');
    }""")
    assert not page.locator("#hvs-inside").is_visible()  # closed on screen
    page.emulate_media(media="print")
    assert page.locator("#hvs-inside").is_visible()  # open on paper, no script involved
    after = page.evaluate("getComputedStyle(document.getElementById('hvs-ext'), '::after').content")
    assert "https://dichvucong.gov.vn/p/home" in after
    inner = page.evaluate("getComputedStyle(document.getElementById('hvs-int'), '::after').content")
    assert "#top" not in inner  # only addresses a reader can type


def test_handout_index_page_links_open_pdfs_and_pass_axe(page, base_url):
    from conftest import axe_violations

    page.goto(base_url + "tai-lieu-in/index.html")
    links = page.locator(".hvs-handouts a[href$='.pdf']")
    assert links.count() >= 2
    for href in {links.nth(0).get_attribute("href"), links.nth(links.count() - 1).get_attribute("href")}:
        response = page.request.get(base_url + "tai-lieu-in/" + href)
        assert response.ok and response.body()[:5] == b"%PDF-", href
    assert axe_violations(page) == []


def _page_fill(pdf: Path) -> list[tuple[float, str]]:
    """Per page: how far down its text reaches (0..1 of the page height), and its text."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    out = []
    for page in html.split("<page ")[1:]:
        height = float(page.split('height="', 1)[1].split('"', 1)[0])
        bottoms = [float(y) for y in __import__("re").findall(r'yMax="([\d.]+)"', page)]
        words = __import__("re").findall(r">([^<]+)</word>", page)
        out.append((max(bottoms, default=0) / height, unicodedata.normalize("NFC", " ".join(words))))
    return out


@pytest.mark.parametrize("rel", ["nguoi-cao-tuoi/goi-video-zalo.html", "en/nguoi-cao-tuoi/goi-video-zalo.html"])
def test_a_printed_lesson_starts_its_text_on_page_1_and_fills_its_pages(page, base_url, tmp_path, rel):
    """A tall picture kept whole used to push its section to page 2, leaving page 1 half empty."""
    cat = lessons.load_catalogue(str(ROOT / "docs"))
    lesson = next(x for x in cat.lessons if x.url == rel)
    page.goto(base_url + rel)
    page.emulate_media(media="print")
    pdf = tmp_path / "lesson.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    pages = _page_fill(pdf)
    first_section = lesson.sections[0][0]
    assert first_section in pages[0][1]
    second = lesson.sections[1][0]  # the section with the picture starts on page 1 too
    assert second in pages[0][1], pages[0][1][-200:]
    for n, (fill, _) in enumerate(pages[:-1], 1):
        # 0.95 is the foot margin; a question kept whole may move to the next page.
        assert fill > 0.7, f"page {n} of {len(pages)} is only {fill:.0%} full"
    assert len(pages) <= math.ceil(sum(fill for fill, _ in pages) / 0.8)  # no more pages than the text needs
