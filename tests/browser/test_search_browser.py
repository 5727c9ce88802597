"""Search in Chromium: with or without diacritics, ranking, both languages, keyboard, file://, lazy index."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hocvuso import lessons
from hocvuso.search import fold_words

ROOT = Path(__file__).resolve().parents[2]


def _titled(lang: str) -> tuple[lessons.Lesson, str]:
    """A lesson and two words of its title that carry diacritics (Vietnamese) or any two words (English)."""
    for lesson in sorted(lessons.load_catalogue(str(ROOT / "docs")).lessons, key=lambda x: x.url):
        if lesson.lang != lang:
            continue
        words = [w for w in lesson.title.replace(":", " ").split() if len(w) > 2 and w.isalpha()]
        for a, b in zip(words, words[1:]):
            if lang == "en" or (fold_words(a) != a.lower() and fold_words(b) != b.lower()):
                return lesson, f"{a} {b}"
    pytest.skip(f"no {lang} lesson title fits")


def _search(page, query: str) -> list[str]:
    """Type a query into the open dialog; the result addresses, best first."""
    page.fill("#hvs-search-q", query)
    # The status says the count once the index is in (before that, "loading").
    page.wait_for_function("(s => s.textContent && s.textContent !== s.closest('dialog').dataset.loading)"
                           "(document.querySelector('.hvs-search [role=status]'))")
    return page.eval_on_selector_all(".hvs-search__results li > a:first-child", "els => els.map(a => a.href)")


def test_with_or_without_diacritics_and_any_case_the_same_lessons(page, base_url):
    lesson, query = _titled("vi")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + "index.html")
    assert not [u for u in requests if "search-" in u], "the index must load only when search opens"
    page.click(".hvs-search__open")
    # Search's code loads on first use: the dialog opens once it is in.
    page.wait_for_function("document.querySelector('.hvs-search') && document.querySelector('.hvs-search').open")
    results = {q: _search(page, q) for q in (query, fold_words(query), query.upper(), fold_words(query).upper())}
    # The same pages (exact diacritics may lift one a little), the lesson so named first: title beats body.
    assert len({frozenset(r) for r in results.values()}) == 1, results
    assert {r[0] for r in results.values()} == {base_url + lesson.url}, results
    assert results[query.upper()] == results[query]
    found = results[query]
    assert [u for u in requests if "search-" in u] == [base_url + "assets/search-vi.js"]
    assert not [u for u in found if u.startswith(base_url + "en/")]
    assert page.inner_text(".hvs-search [role=status]").split()[0] == str(len(found))
    # Nothing found says so, in words.
    assert _search(page, "xyzzyqqq") == [] and page.inner_text(".hvs-search [role=status]")
    assert not page.js_errors


def test_english_search_uses_the_english_index(page, base_url):
    lesson, query = _titled("en")
    page.goto(base_url + "en/index.html")
    page.click(".hvs-search__open")
    found = _search(page, query.lower())
    assert found[0] == base_url + lesson.url
    assert all(u.startswith(base_url + "en/") for u in found)
    assert page.get_attribute(".hvs-search__open", "aria-label") == "Search"


def test_keyboard_opens_moves_and_closes(page, base_url):
    lesson, query = _titled("vi")
    page.goto(base_url + "nguoi-cao-tuoi/index.html")
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'hvs-search-q'")  # code loads on first use
    page.keyboard.type(fold_words(query))
    page.wait_for_selector(".hvs-search__results a")
    page.keyboard.press("Tab")  # the close button, then the best result
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.href") == base_url + lesson.url
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "hvs-search-q"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.querySelector('.hvs-search').open")
    assert page.evaluate("document.activeElement.classList.contains('hvs-search__open')")
    page.keyboard.press("s")
    assert page.evaluate("document.querySelector('.hvs-search').open")
    # Enter opens the best result.
    page.keyboard.type(query)
    page.wait_for_selector(".hvs-search__results a")
    page.keyboard.press("Enter")
    page.wait_for_function("u => location.href === u", arg=base_url + lesson.url)  # instant navigation
    page.wait_for_function("t => document.querySelector('h1').textContent.trim() === t", arg=lesson.title)
    assert not page.evaluate("document.querySelector('.hvs-search').open")
    assert not page.js_errors


def test_search_from_a_usb_copy(page, site):
    lesson, query = _titled("vi")
    page.goto("file://" + str(site / "index.html"))
    page.click(".hvs-search__open")
    found = _search(page, fold_words(query))
    assert found[0] == (site / lesson.url).as_uri()
    page.click(".hvs-search__results li > a:first-child")
    page.wait_for_url((site / lesson.url).as_uri())
    assert page.locator("h1").first.inner_text() == lesson.title
    assert not page.js_errors


def test_a_heading_match_links_to_its_section(page, base_url):
    cat = lessons.load_catalogue(str(ROOT / "docs"))
    for lesson in sorted((x for x in cat.lessons if x.lang == "vi"), key=lambda x: x.url):
        heading = next((h for h, _ in lesson.sections if len(h.split()) >= 3), None)
        if heading:
            break
    else:
        pytest.skip("no lesson section heading yet")
    page.goto(base_url + lesson.url)
    page.click(".hvs-search__open")
    _search(page, fold_words(heading))
    links = page.eval_on_selector_all(".hvs-search__results a", "els => els.map(a => [a.href, a.textContent])")
    assert any(href.startswith(base_url + lesson.url + "#") and heading in text for href, text in links), links


RANKED = [  # [url, title, description, [[anchor, heading]], folded body]
    ["c.html", "Ba", "", [], "hay dat mat khau dai"],
    ["e.html", "Năm", "", [["fm", "Front matter"]], "chu khau"],
    ["a.html", "Mật khẩu mạnh", "", [], "noi dung"],
    ["d.html", "Bốn", "", [], "mat troi va khau trang"],
    ["b.html", "Hai", "", [["dat", "Đặt mật khẩu"]], "noi dung"],
    ["f.html", "Sáu", "Cách đặt mật khẩu.", [], "noi dung"],
    ["g.html", "Mắt kính", "", [], "noi dung"],
]


@pytest.fixture
def page_no_sw(browser):
    """A page whose requests the test can stub: the offline service worker would fetch around page.route."""
    ctx = browser.new_context(viewport={"width": 412, "height": 900}, service_workers="block")
    yield ctx.new_page()
    ctx.close()


def test_ranking_title_heading_description_body(page_no_sw, base_url):
    page = page_no_sw
    script = "(self.hvsSearch=self.hvsSearch||{}).vi=" + json.dumps(RANKED, ensure_ascii=False) + ";"
    page.route("**/assets/search-vi.js", lambda route: route.fulfill(body=script, content_type="text/javascript"))
    page.goto(base_url + "index.html")
    page.click(".hvs-search__open")
    names = lambda q: [u.rsplit("/", 1)[-1] for u in _search(page, q)]  # noqa: E731
    # Title, heading, description, body with the phrase, body with both words apart; "matter" is not "mat".
    assert names("mat khau") == ["a.html", "b.html", "f.html", "c.html", "d.html"]
    assert names("MẬT KHẨU") == names("mat khau")
    assert names("mat kh")[0] == "a.html"  # the last word may be half typed
    assert names("mật")[:2] == ["a.html", "g.html"]  # typed with diacritics: the exact word first
    assert names("mắt")[:2] == ["g.html", "a.html"]
    # A heading match links to its section.
    assert names("dat mat khau") == ["b.html", "f.html", "c.html"]
    hrefs = page.eval_on_selector_all(".hvs-search__results li:first-child a", "e => e.map(a => a.href)")
    assert hrefs == [base_url + "b.html", base_url + "b.html#dat"]
