"""Pages without Material's JavaScript bundle: assets/js/core.js does what this site used of it.

Material's bundle (35 KB gzip) cost a cheap phone seconds of main thread per page; main.html loads it only
where a feature needs it (instant navigation). These tests check that the pages that go without it still
start our scripts and keep Material's toggle, header, contents, keys and drawer working.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hocvuso import lessons

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')


def _lesson(lang: str = "vi") -> lessons.Lesson:
    """A lesson with several sections (for the contents) and a next page."""
    found = [x for x in lessons.load_catalogue(str(ROOT / "docs")).lessons
             if x.lang == lang and x.markdown.count("\n## ") >= 3]
    if not found:
        pytest.skip("no lesson with three sections yet")
    return sorted(found, key=lambda x: x.url)[0]


def test_only_pages_with_code_load_materials_bundle_and_the_others_load_core(site):
    """Material's bundle only where its code-copy button is needed (the guides' command boxes)."""
    pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}
    assert len(pages) > 10
    with_bundle = sorted(rel for rel, html in pages.items() if BUNDLE.search(html))
    with_code = sorted(rel for rel, html in pages.items() if "<pre" in html and "md-content" in html)
    assert with_bundle == with_code and "tac-gia/index.html" in with_bundle
    assert not [rel for rel in with_bundle if rel.split("/")[-2:-1] and rel.split("/")[-2] in
                ("nguoi-cao-tuoi", "hoc-sinh", "can-bo", "nguoi-lao-dong", "nen-tang")], with_bundle  # no lesson
    without_core = [rel for rel, html in pages.items()
                    if rel not in with_bundle and not rel.endswith("offline.html")  # the worker's own page
                    and 'assets/js/core.js"></script>' not in html]
    assert without_core == []


def test_our_scripts_start_without_the_bundle(page, base_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + _lesson().url)
    assert not [u for u in requests if "/javascripts/bundle." in u]
    assert page.evaluate("document.documentElement.className") == "js"
    # Each of our scripts set something up from document$: projector button, search button, quiz check.
    page.wait_for_selector(".hvs-present-open", state="visible")
    page.wait_for_selector(".hvs-search__open", state="visible")
    page.wait_for_selector(".hvs-quiz__check", state="visible")
    assert page.js_errors == []


def _visible_toggle(page):
    return page.locator("[data-md-component=palette] label:not([hidden])")


def test_colour_scheme_toggle_keeps_materials_saved_palette(page, base_url):
    page.goto(base_url + _lesson().url)
    assert _visible_toggle(page).count() == 1
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    _visible_toggle(page).click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert _visible_toggle(page).count() == 1
    # Stored the way Material stores it (scope path + ".__palette"), so a page that loads its bundle agrees.
    saved = json.loads(page.evaluate("localStorage.getItem(new URL('..', location).pathname + '.__palette')"))
    assert saved["index"] == 1 and saved["color"]["scheme"] == "slate"

    page.goto(base_url + "en/index.html")  # another page, the other language
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.evaluate("document.querySelector('[data-md-component=palette] input:checked').id") == "__palette_1"
    assert _visible_toggle(page).get_attribute("for") == "__palette_2"
    # By keyboard: Enter on the focused radio moves to the next scheme.
    page.focus("#__palette_1")
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "hvs-contrast"
    assert page.js_errors == []


def test_corrupt_saved_palette_falls_back_to_the_first_scheme(page, base_url):
    page.goto(base_url + "index.html")
    page.evaluate("localStorage.setItem(new URL('.', location).pathname + '.__palette', '{not json')")
    page.goto(base_url + _lesson().url)
    assert _visible_toggle(page).get_attribute("for") == "__palette_1"
    # (Material's own inline palette script in the header still reports the bad JSON; the page works.)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    _visible_toggle(page).click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"


def test_contents_and_header_title_follow_the_reader(browser, base_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = ctx.new_page()
        page.goto(base_url + _lesson().url)
        toc = page.locator(".md-sidebar--secondary [data-md-component=toc] a")
        title = page.locator(".md-header__title")
        assert toc.count() >= 3
        assert page.locator(".md-sidebar--secondary .md-nav__link--active").count() == 0
        assert "md-header__title--active" not in title.get_attribute("class")
        third = toc.nth(2).get_attribute("href")
        page.evaluate("id => document.getElementById(id).scrollIntoView()", third[1:])
        page.wait_for_function("h => document.querySelector(`.md-sidebar--secondary a[href='${h}']`)"
                               ".classList.contains('md-nav__link--active')", arg=third)
        assert page.locator(".md-sidebar--secondary .md-nav__link--active").count() == 1
        assert page.locator(".md-sidebar--secondary .md-nav__link--passed").count() == 3
        assert "md-header__title--active" in title.get_attribute("class")
        page.evaluate("scrollTo(0, 0)")
        page.wait_for_function("!document.querySelector('.md-header__title--active')")
    finally:
        ctx.close()


def test_n_and_p_keys_turn_the_page(page, base_url):
    lesson = _lesson()
    page.goto(base_url + lesson.url)
    nxt = page.evaluate("document.querySelector('link[rel=next]').href")
    page.keyboard.press("n")
    page.wait_for_url(nxt)
    page.goto(base_url + f"{lesson.audience}/index.html")  # not a lesson: "p" is the previous page
    prev = page.evaluate("document.querySelector('link[rel=prev]').href")
    page.keyboard.press("p")
    page.wait_for_url(prev)
    page.goto(base_url + lesson.url)  # a lesson: "p" is projector mode (present.js)
    page.keyboard.press("p")
    assert page.evaluate("document.documentElement.classList.contains('hvs-mode-present')")
    page.keyboard.press("Escape")
    page.click(".hvs-search__open")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'hvs-search-q'")  # loads on use
    page.keyboard.type("n")  # typed into the search box: no page turn
    assert page.input_value("#hvs-search-q") == "n"
    assert page.url == base_url + lesson.url


def test_drawer_closes_when_its_link_moves_within_the_page(page, base_url):
    page.goto(base_url + _lesson().url)
    page.click(".md-header label[for=__drawer]")
    assert page.evaluate("document.getElementById('__drawer').checked")
    page.click(".md-sidebar--primary label[for=__toc]")  # the lesson's contents inside the drawer
    page.click(".md-sidebar--primary .md-nav--secondary a >> nth=1")
    page.wait_for_function("!document.getElementById('__drawer').checked")


@pytest.mark.parametrize("turn_on", [("  features:\n", "  features:\n    - navigation.instant\n"),
                                     ("plugins:\n", "plugins:\n  - search\n")], ids=["instant", "search"])
def test_materials_bundle_comes_back_where_a_feature_needs_it(tmp_path, turn_on):
    from conftest import FIXTURES, make_project, run_build

    config = make_project(tmp_path, FIXTURES / "quiz" / "docs")
    text = config.read_text(encoding="utf-8")
    assert turn_on[0] in text
    config.write_text(text.replace(*turn_on, 1), encoding="utf-8")
    done = run_build(config, tmp_path / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    html = (tmp_path / "site" / "hoc-sinh" / "bai-mot.html").read_text(encoding="utf-8")
    assert BUNDLE.search(html) and "assets/js/core.js" not in html
    assert 'src="../assets/js/quiz.js"' in html
