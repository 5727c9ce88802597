"""Lessons and stored values are untrusted (DESIGN §10): in Chromium no payload runs and nothing throws into the page.

The hostile fixture site (tests/fixtures/hostile/site) has a payload in every text a lesson can hold: front matter
(title, description, objectives, sources), headings, question, options, feedback, steps, the handout. Each payload,
if it ever ran, would set window.__pwned or open a dialog. The site's own pages are then loaded with garbage in
Material's and our saved values, and in a browser that blocks site data.
"""
from __future__ import annotations

import functools
import http.server
import json
import threading

import pytest
from conftest import FIXTURES, ROOT, _QuietHandler

from hocvuso import lessons

PAGES = ["index.html", "nguoi-cao-tuoi/index.html", "nguoi-cao-tuoi/doc.html", "khung-nang-luc/index.html",
         "tai-lieu-in/index.html"]


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    """The hostile fixture site (built once per session, tests/conftest.py), served over HTTP."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_QuietHandler, directory=str(hostile_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _watch(page) -> list[str]:
    dialogs: list[str] = []

    def seen(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", seen)
    return dialogs


def _ran(page) -> object:
    return page.evaluate("() => window.__pwned")


@pytest.mark.parametrize("lang", ["", "en/"])
def test_no_payload_runs_on_any_page_of_hostile_lessons(page, hostile_url, lang):
    dialogs = _watch(page)
    for rel in PAGES:
        page.goto(hostile_url + lang + rel)
        page.wait_for_load_state("load")
        # What an inline handler would need to fire: the pointer over, focus on, every element.
        page.evaluate("""() => document.querySelectorAll('body *').forEach(e => {
            for (const type of ['mouseover', 'mouseenter', 'focus', 'animationstart']) e.dispatchEvent(new Event(type));
        })""")
        assert _ran(page) is None, (rel, _ran(page))
    assert dialogs == [] and page.js_errors == [], (dialogs, page.js_errors)


def test_payloads_show_as_the_text_the_author_wrote(page, hostile_url):
    lesson = lessons.load_catalogue(str(FIXTURES / "hostile" / "site" / "docs")).get("nguoi-cao-tuoi", "doc", "vi")
    page.goto(hostile_url + "nguoi-cao-tuoi/doc.html")
    assert page.title() == lesson.title + " - Học vụ số"
    assert page.locator("article h1").inner_text() == lesson.title
    assert page.locator("meta[name=description]").get_attribute("content") == lesson.description
    assert page.locator(".hvs-objectives li").inner_text() == lesson.objectives[0]
    assert page.locator(".hvs-sources a").inner_text() == lesson.sources[0][0]
    assert page.locator(".hvs-sources a").get_attribute("href") == lesson.sources[0][1]
    nav = page.locator(".md-nav--primary .md-nav__link--active").first.inner_text()
    assert "</title><script>" in nav
    assert "<img src=x" in page.locator(".hvs-quiz legend").first.inner_text()
    page.goto(hostile_url + "nguoi-cao-tuoi/index.html")
    assert page.locator(".hvs-path__title a").inner_text() == lesson.title
    assert page.locator(".hvs-path__desc").inner_text() == lesson.description


def test_answering_and_searching_hostile_lessons_runs_nothing(page, hostile_url):
    dialogs = _watch(page)
    page.goto(hostile_url + "nguoi-cao-tuoi/doc.html")
    quiz = page.locator(".hvs-quiz").first
    quiz.locator("label").first.click()
    quiz.locator(".hvs-quiz__check").click()
    assert "iframe" in quiz.locator(".hvs-quiz__fb").first.inner_text()  # the feedback, shown as text
    fill = page.locator(".hvs-quiz[data-kind=fill]")
    fill.locator("input").fill("<img src=x onerror=window.__pwned=1>")
    fill.locator(".hvs-quiz__check").click()
    page.keyboard.press("/")
    page.fill("#hvs-search-q", "bai doc")
    page.wait_for_selector(".hvs-search__results a")
    first = page.locator(".hvs-search__results li").first.inner_text()
    assert "</title><script>" in first and "<svg onload=" in first
    page.reload()  # the saved answers are shown again
    assert _ran(page) is None and dialogs == [] and page.js_errors == [], (dialogs, page.js_errors)


# ---------------------------------------------------------------- stored values: anything, or nothing at all

def _lesson(lang: str = "vi") -> str:
    return sorted(x.url for x in lessons.load_catalogue(str(ROOT / "docs")).lessons if x.lang == lang)[0]


PALETTES = ['{not json', '"x"', "5", "[]", '{"index": "x"}', '{"index": 99}', '{"index": -1}', '{"index": 1.5}',
            '{"index": 0, "color": 7}', '{"index": 0, "color": {"bad key": "x"}}',
            '{"index": 0, "color": {"scheme": {"a": 1}}}',
            '{"index": 0, "color": {"media": "(prefers-color-scheme)", "scheme": "slate"}}']


@pytest.mark.parametrize("value", PALETTES)
def test_garbage_in_materials_saved_palette_keeps_the_colour_switch(context, page, base_url, value):
    # Material keys its values by the site's path: "/.__palette" here.
    context.add_init_script(f"try {{ localStorage.setItem('/.__palette', {json.dumps(value)}); "
                            f"localStorage.setItem('/.__tabs', '{{\"a\":1}}'); }} catch (e) {{}}")
    page.goto(base_url + _lesson())
    switch = page.locator(".md-header__option[data-md-component=palette] label:not([hidden])")
    assert switch.count() == 1, value
    before = page.evaluate("document.body.dataset.mdColorScheme")
    switch.click()
    page.wait_for_function("s => document.body.dataset.mdColorScheme !== s", arg=before)
    assert page.js_errors == [], (value, page.js_errors)


BLOCKED = """(() => {
  const no = () => { throw new DOMException('The user denied access to site data', 'SecurityError'); };
  for (const name of ['localStorage', 'sessionStorage']) Object.defineProperty(window, name, { get: no });
  Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: no });
})();"""


def test_a_browser_that_blocks_site_data_gets_a_working_page(context, page, base_url):
    context.add_init_script(BLOCKED)
    page.goto(base_url + _lesson())
    switch = page.locator(".md-header__option[data-md-component=palette] label:not([hidden])")
    assert switch.count() == 1
    switch.click()
    page.click(".hvs-size button[data-step='1']")
    assert page.evaluate("document.documentElement.dataset.hvsSize") == "1"
    quiz = page.locator(".hvs-quiz[data-kind=quiz]").first
    quiz.locator("label").first.click()
    quiz.locator(".hvs-quiz__check").click()
    assert quiz.locator(".hvs-quiz__status").inner_text()
    page.goto(base_url + _lesson("en"))
    page.goto(base_url + "nguoi-cao-tuoi/index.html")
    assert page.js_errors == [], page.js_errors


def test_saved_answers_of_the_wrong_shape_are_ignored(page, base_url):
    """A saved answer that does not fit its question (another version of the page, a hand edit) is dropped:
    never "null" among the steps or "[object Object]" in a typed answer."""
    page.goto(base_url + _lesson())
    questions = page.eval_on_selector_all(".hvs-quiz[data-kind]", "els => els.map(e => [e.id, e.dataset.kind])")
    assert {"quiz", "order", "fill"} <= {kind for _, kind in questions}
    key = "/".join(_lesson().removesuffix(".html").split("/")[-2:])
    for bad in [{}, None, 7, True, [99], [0, 0], [-1], ["0"], [1.5], {"a": 1}, [[0]], "", "   ", "x" * 600]:
        record = {"a": {qid: bad for qid, _ in questions}, "ok": {qid: 1 for qid, _ in questions}}
        page.evaluate("v => localStorage.setItem('hvs:v1:progress', JSON.stringify(v))", {key: record})
        page.reload()
        text = page.locator("article").inner_text()
        assert "[object Object]" not in text and "null" not in text, bad
        assert page.locator(".hvs-quiz.is-right, .hvs-quiz.is-wrong").count() == 0, bad  # nothing graded
        for qid, kind in questions:
            if kind == "fill":
                assert page.locator(f"#{qid} input[type=text]").input_value() == "", bad
    assert page.js_errors == [], page.js_errors
