"""WCAG 2.2 AA in Chromium: axe-core over every page kind, both languages, every colour scheme; keyboard; targets."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import axe_violations

from hocvuso import lessons

ROOT = Path(__file__).resolve().parents[2]
SCHEMES = ("default", "slate", "hvs-contrast")


def _first_lesson(lang: str) -> str:
    found = sorted(x.url for x in lessons.load_catalogue(str(ROOT / "docs")).lessons if x.lang == lang)
    if not found:
        pytest.skip("no lesson yet")
    return found[0]


def _pages(lang: str) -> list[str]:
    prefix = "" if lang == "vi" else "en/"
    kinds = ["index.html", *(f"{a}/index.html" for a in lessons.AUDIENCES),
             *(f"{s}/index.html" for s in lessons.OTHER_SECTIONS)]
    return [prefix + k for k in kinds] + ["LESSON"]


def _scheme(page, scheme: str) -> None:
    """Switch colour scheme as Material's toggle does, without the fade (axe would measure mid-way)."""
    page.add_style_tag(content="*, ::before, ::after { transition: none !important; }")
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_axe_finds_nothing_on_any_page_kind(page, base_url, lang):
    failures = {}
    for rel in _pages(lang):
        rel = _first_lesson(lang) if rel == "LESSON" else rel
        page.goto(base_url + rel)
        found = axe_violations(page)
        if found:
            failures[rel] = found
    assert not failures, json.dumps(failures, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("scheme", ["slate", "hvs-contrast"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_axe_finds_nothing_in_dark_and_high_contrast(page, base_url, lang, scheme):
    prefix = "" if lang == "vi" else "en/"
    failures = {}
    for rel in [prefix + "index.html", prefix + "tac-gia/index.html", _first_lesson(lang)]:
        page.goto(base_url + rel)
        _scheme(page, scheme)
        # High contrast promises AAA: text at 7:1 (axe's color-contrast-enhanced) on top of AA.
        found = axe_violations(page, ("wcag2a", "wcag2aa", "wcag21aa", "wcag22aa")
                               + (("wcag2aaa",) if scheme == "hvs-contrast" else ()))
        if found:
            failures[rel] = found
    assert not failures, json.dumps(failures, indent=1, ensure_ascii=False)


def test_axe_with_search_and_text_size_open(page, base_url):
    page.goto(base_url + _first_lesson("vi"))
    page.click(".hvs-size [data-step='1']")
    page.click(".hvs-contrast")
    assert axe_violations(page) == []
    page.click(".hvs-search__open")
    page.fill("#hvs-search-q", "an toan")
    page.wait_for_selector(".hvs-search__results a")
    for scheme in SCHEMES:
        _scheme(page, scheme)
        assert axe_violations(page) == [], scheme
    # The dialog has an accessible name, unlike plain Material's search.
    name = page.evaluate("document.getElementById(document.querySelector('.hvs-search')"
                         ".getAttribute('aria-labelledby')).textContent.trim()")
    assert name == "Tìm bài học"


FOCUS = """() => { const f = document.activeElement;
    // Material's palette toggle is a hidden radio input: its ring is drawn on the label beside it.
    const e = f.matches('.md-option') ? f.nextElementSibling : f, s = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    return [f.tagName + '.' + f.className + '#' + (f.id || f.getAttribute('href') || ''),
            ring && r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight]; }"""


def _focus_visible(page) -> bool:
    return page.evaluate(FOCUS)[1]


@pytest.mark.parametrize("scheme", ["default", "hvs-contrast"])
def test_keyboard_walk_skip_link_and_visible_focus(page, base_url, scheme):
    lesson = _first_lesson("vi")
    page.goto(base_url + lesson)
    _scheme(page, scheme)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('hvs-skip')")
    page.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'")  # it fades in
    assert _focus_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "hvs-main"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('article')"), "the skip link lands in the lesson"

    # From the top: every stop shows its focus, and the walk reaches the header controls and the lesson.
    page.goto(base_url + lesson)
    _scheme(page, scheme)
    seen, invisible = [], []
    for _ in range(400):
        page.keyboard.press("Tab")
        key, visible = page.evaluate(FOCUS)
        if key in seen[:3] or key.startswith("BODY"):
            break
        seen.append(key)
        if not visible:
            invisible.append(key)
    assert not invisible, invisible
    joined = " ".join(seen)
    for wanted in ("hvs-skip", "hvs-lang", "hvs-size__step", "hvs-contrast", "hvs-search__open",
                   "md-footer__link"):
        assert wanted in joined, (wanted, seen)
    assert sum("#" in k and "ARTICLE" not in k for k in seen) > 5


def test_our_controls_are_at_least_44_px(context, page, base_url):
    context.add_init_script("""Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
        getVoices: () => [{lang: 'vi-VN', name: 'v'}], addEventListener() {}, speak() {}, cancel() {},
        pause() {}, resume() {}}});""")
    page.goto(base_url + _first_lesson("vi"))
    selectors = [".hvs-skip", ".hvs-lang", ".hvs-size button", ".hvs-contrast", ".hvs-search__open",
                 ".hvs-listen__play", ".md-header__option[data-md-component=palette] label:not([hidden])"]
    small = {}
    for sel in selectors:
        for box in page.eval_on_selector_all(sel, "els => els.map(e => e.getBoundingClientRect())"
                                                  ".map(r => [r.width, r.height])"):
            if box[0] < 44 or box[1] < 44:
                small[sel] = box
    page.keyboard.press("Escape")
    page.click(".hvs-search__open")
    page.fill("#hvs-search-q", "an toan")
    page.wait_for_selector(".hvs-search__results a")
    for sel in ["#hvs-search-q", ".hvs-search__close", ".hvs-search__results a"]:
        for box in page.eval_on_selector_all(sel, "els => els.map(e => e.getBoundingClientRect())"
                                                  ".map(r => [r.width, r.height])"):
            if box[1] < 44 or box[0] < 44:
                small[sel] = box
    assert not small, small


def test_controls_keep_44_px_whatever_the_font(context, page, base_url):
    """Explicit minimum sizes, not font luck: with every text at 6 px, each control is still 44 × 44 px."""
    context.add_init_script("""Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
        getVoices: () => [{lang: 'vi-VN', name: 'v'}], addEventListener() {}, speak() {}, cancel() {},
        pause() {}, resume() {}}});""")
    page.goto(base_url + _first_lesson("vi"))
    page.add_style_tag(content="body * { font-size: 6px !important; line-height: 1 !important; }")
    selectors = [".hvs-skip", ".hvs-lang", ".hvs-size button", ".hvs-contrast", ".hvs-search__open",
                 ".hvs-listen__play", ".md-header__option[data-md-component=palette] label:not([hidden])",
                 ".hvs-toolbar .md-button:not([hidden])", ".hvs-quiz__check", ".hvs-quiz__move button",
                 ".hvs-quiz__input", ".md-footer__link"]
    small, seen = {}, set()
    for sel in selectors:
        for box in page.eval_on_selector_all(sel, "els => els.filter(e => e.checkVisibility())"
                                                  ".map(e => e.getBoundingClientRect()).map(r => [r.width, r.height])"):
            seen.add(sel)
            if box[0] < 44 or box[1] < 44:
                small[sel] = box
    assert seen == set(selectors), set(selectors) - seen
    assert not small, small
