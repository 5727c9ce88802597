"""A reader on a 412 px phone: learning-path cards tappable whole with competency names, the lesson's own text on the
first screen at every text size, and nothing that asks the phone to scan itself."""
from __future__ import annotations

import functools
from pathlib import Path

import pytest

from hocvuso import lessons

ROOT = Path(__file__).resolve().parents[2]
KEY = "hvs:v1:aids"
# A phone's screen under the browser's own bars (412 × 915 CSS px, less about 110 px of address and tab bars).
PHONE = {"width": 412, "height": 800}


@functools.lru_cache(maxsize=1)
def catalogue():
    return lessons.load_catalogue(str(ROOT / "docs"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_tap_anywhere_on_a_path_card_opens_its_lesson(page, base_url, lang):
    found = catalogue().by_audience("nguoi-cao-tuoi", lang)
    prefix = "" if lang == "vi" else "en/"
    page.goto(f"{base_url}{prefix}nguoi-cao-tuoi/index.html")
    card = page.locator(".hvs-path__item").nth(1)
    # Competencies by name, the code as small print, never bare codes.
    comp = card.locator(".hvs-path__comp")
    names = [catalogue().competencies[c].names[lang] for c in found[1].competencies]
    assert all(n in comp.inner_text() for n in names), comp.inner_text()
    assert comp.locator("small").all_inner_texts() == list(found[1].competencies)
    assert card.locator(".hvs-path__meta").inner_text().split(" · ")[0] == (
        f"{found[1].duration} phút" if lang == "vi" else f"{found[1].duration} min")
    # The description, the facts and the card's padding open the lesson too.
    for target in (".hvs-path__desc", ".hvs-path__comp", ".hvs-path__meta"):
        page.goto(f"{base_url}{prefix}nguoi-cao-tuoi/index.html")
        part = page.locator(".hvs-path__item").nth(1).locator(target)
        part.scroll_into_view_if_needed()
        box = part.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # as a finger does
        page.wait_for_url("**/" + found[1].url)
    page.goto(f"{base_url}{prefix}nguoi-cao-tuoi/index.html")
    page.locator(".hvs-path__item").nth(1).scroll_into_view_if_needed()
    box = page.locator(".hvs-path__item").nth(1).bounding_box()
    page.mouse.click(box["x"] + box["width"] - 6, box["y"] + box["height"] - 6)  # its corner
    page.wait_for_url("**/" + found[1].url)
    # One link per card, for keyboards and screen readers alike.
    page.go_back()
    assert page.locator(".hvs-path__item").nth(0).locator("a").count() == 1
    assert page.js_errors == []


@pytest.mark.parametrize("size", [0, 1, 2, 3])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_lessons_own_text_is_on_the_first_screen_at_every_text_size(context, page, base_url, lang, size):
    """Title, facts and buttons leave room for the objectives on a phone, even at the largest text."""
    context.add_init_script(f"localStorage.setItem('{KEY}', JSON.stringify({{size: {size}}}))")
    page.set_viewport_size(PHONE)
    late = []
    # The two with the longest titles: the most lines above the text.
    for lesson in sorted(catalogue().by_audience("nguoi-cao-tuoi", lang), key=lambda x: -len(x.title))[:2]:
        page.goto(base_url + lesson.url)
        # the first objective's first line lies within the first screen
        bottom = page.evaluate("""() => { const li = document.querySelector('.hvs-objectives li');
            return li.getBoundingClientRect().top + parseFloat(getComputedStyle(li).lineHeight); }""")
        if bottom > PHONE["height"]:
            late.append((lesson.url, round(bottom)))
    assert not late, late


def test_a_phone_never_asks_to_scan_its_own_screen(page, base_url):
    lesson = catalogue().by_audience("nguoi-cao-tuoi", "vi")[0]
    page.goto(base_url + lesson.url)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert page.locator(".hvs-present-qr").is_hidden()
    assert "Quét mã" not in page.locator("body").inner_text()
    # The projector's title screen still has it, for the class to scan.
    page.goto(base_url + lesson.url + "?mode=present")
    page.set_viewport_size({"width": 1280, "height": 720})
    assert page.locator(".hvs-present-qr svg").is_visible()
