"""Offline in Chromium: the service worker on the web, and the USB copy opened from file://."""
from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import axe_violations
import hvs_bench as bench
from hocvuso import lessons

ROOT = Path(__file__).resolve().parents[2]


def _catalogue():
    return lessons.load_catalogue(str(ROOT / "docs"))


def _path_with_lessons(min_count: int = 2) -> tuple[str, list[lessons.Lesson]]:
    cat = _catalogue()
    for aud in lessons.AUDIENCES:
        found = cat.by_audience(aud, "vi")
        if len(found) >= min_count:
            return aud, found
    pytest.skip(f"no audience has {min_count} lessons yet")


def _wait_cached(page, url: str, timeout: float = 15) -> None:
    """Wait until the service worker's cache holds url (the worker fills it in the background)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if page.evaluate("u => caches.match(u).then(r => !!r)", url):
            return
        page.wait_for_timeout(150)
    raise AssertionError(f"{url} never reached the cache")


def _styled(page) -> bool:
    """Material's CSS is applied (the header is sticky), so the page came with its stylesheets."""
    return page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"


def test_visited_lesson_reloads_with_no_network(context, page, base_url):
    aud, found = _path_with_lessons(2)
    url, other = base_url + found[0].url, base_url + found[1].url
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    _wait_cached(page, url)
    context.set_offline(True)
    page.reload()
    assert page.locator("h1").first.inner_text() == found[0].title
    assert _styled(page)
    # Offline is real: a lesson never opened does not load; our page says so, not the browser's error.
    response = page.goto(other, timeout=10000)
    assert response.status == 503 and page.locator("h1").inner_text() == "Chưa mở được trang này"
    assert not page.js_errors


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_page_never_saved_gets_our_page_in_the_readers_language(context, page, base_url, lang):
    """Offline, a page the device never saved: the worker answers with our page, listing what is saved."""
    cat = _catalogue()
    mine = [x for x in cat.lessons if x.lang == lang]
    opened, never = mine[0], mine[-1]
    other_lang = next(x for x in cat.lessons if x.lang != lang)
    page.goto(base_url + opened.url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    _wait_cached(page, base_url + opened.url)
    page.goto(base_url + other_lang.url)  # saved too, but in the other language: not listed
    _wait_cached(page, base_url + other_lang.url)
    context.set_offline(True)
    response = page.goto(base_url + never.url + "?mode=present#x", timeout=10000)
    assert response.status == 503
    words = {"vi": ("Chưa mở được trang này", "Đã lưu trên máy này", "Thử lại"),
             "en": ("This page cannot open", "Saved on this device", "Try again")}[lang]
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("h1").inner_text() == words[0]
    assert page.get_by_role("heading", name=words[1]).is_visible()
    assert page.get_by_role("link", name=words[2]).get_attribute("href") == base_url + never.url + "?mode=present"
    saved = page.locator("main li a")
    assert opened.title in saved.all_inner_texts()
    assert other_lang.title not in saved.all_inner_texts() and never.title not in saved.all_inner_texts()
    assert axe_violations(page) == []
    page.locator("main li a", has_text=opened.title).click()  # what is saved opens
    page.wait_for_url(base_url + opened.url)
    assert page.locator("h1").first.inner_text() == opened.title
    assert not page.js_errors


def test_no_progress_bar_before_saving_and_no_save_button_in_the_preview(tmp_path, browser, base_url, site):
    """A real build offers "Save for offline" once its worker runs, with no bar until pressed; the preview's
    worker (`mkdocs serve` writes one that clears the caches and removes itself) is never offered it."""
    aud, found = _path_with_lessons(2)
    ctx = browser.new_context(viewport={"width": 412, "height": 900})
    try:
        page = ctx.new_page()
        page.goto(f"{base_url}{aud}/index.html")
        page.locator(".hvs-offline button").wait_for(timeout=10000)
        assert page.locator(".hvs-offline progress").count() == 0
        assert page.locator(".hvs-offline__status").is_hidden()
    finally:
        ctx.close()
    preview = tmp_path / "preview"
    shutil.copytree(site, preview)
    from hocvuso import offline
    offline.write_service_worker(preview, ROOT / "overrides" / "sw.js", serving=True)
    server = _Server(preview)
    ctx = browser.new_context(viewport={"width": 412, "height": 900})
    try:
        page = ctx.new_page()
        page.goto(f"{server.url}{aud}/index.html")
        page.wait_for_function("async () => performance.now() > 3000 &&"
                               " (await navigator.serviceWorker.getRegistrations()).length === 0",
                               timeout=10000, polling=200)
        page.wait_for_timeout(1000)
        assert page.locator(".hvs-offline").count() == 0  # hidden, never stuck at "Đang lưu 0/7 bài…"
        assert page.locator(".hvs-path__item").count() == len(found)
    finally:
        ctx.close()
        server.stop()


def test_saved_path_opens_offline_lesson_by_lesson(context, page, base_url):
    aud, found = _path_with_lessons(2)
    page.goto(f"{base_url}{aud}/index.html")
    button = page.get_by_role("button", name="Lưu để học khi không có mạng")
    assert page.locator(".hvs-offline progress").count() == 0  # no bar before anything is pressed
    button.click()
    status = page.locator(".hvs-offline__status")
    status.filter(has_text="Đã lưu").wait_for(timeout=20000)
    assert page.locator(".hvs-offline progress").evaluate("p => p.value === p.max && p.max > 1")
    assert axe_violations(page) == []  # the focused button and the progress bar included
    cached = page.evaluate("""async () => { const out = [];
        for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) out.push(r.url);
        return out; }""")
    assert cached and all(u.startswith(base_url) for u in cached), [u for u in cached if not u.startswith(base_url)]
    context.set_offline(True)
    for lesson in found:
        page.goto(base_url + lesson.url)
        assert page.locator("h1").first.inner_text() == lesson.title
        assert _styled(page)
        broken = page.evaluate("""() => Promise.all([...document.images].map(i => i.decode().then(() => 0, () => 1)))
                                        .then(r => r.reduce((a, b) => a + b, 0))""")
        assert broken == 0, f"{broken} image(s) missing offline on {lesson.url}"
        # The handout PDF the lesson links to was saved with it.
        for pdf in page.locator("a[href$='.pdf']").evaluate_all("as => [...new Set(as.map(a => a.href))]"):
            assert page.evaluate("u => caches.match(u).then(r => !!r && r.ok)", pdf), pdf
    assert not page.js_errors


class _Server:
    """A web server for one folder, stopped by the test (so 'no network' really means none)."""

    def __init__(self, folder: Path):
        handler = functools.partial(_Quiet, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _version(site: Path) -> str:
    return re.search(r'const VERSION = "(\w+)"', (site / "sw.js").read_text(encoding="utf-8")).group(1)


def test_a_new_build_replaces_the_old_pages(tmp_path, context, page):
    docs = bench.write_corpus(tmp_path / "docs", 2)
    config = bench.project_config(tmp_path, docs)
    site = tmp_path / "site"
    bench.build(config, site)
    old = _version(site)
    server = _Server(site)
    try:
        lesson = server.url + bench.lesson_page(site)
        page.goto(lesson)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        _wait_cached(page, lesson)
        source = next(docs.glob(f"*/{Path(lesson).stem}.md"))
        source.write_text(source.read_text(encoding="utf-8").replace("## Vì sao cần biết?", "## Bản mới"),
                          encoding="utf-8")
        bench.build(config, site)
        new = _version(site)
        assert new != old
        page.reload()  # the browser checks sw.js on navigation and installs the new worker
        end = time.monotonic() + 20
        while page.evaluate("caches.keys()") != [f"hvs-{new}"] and time.monotonic() < end:
            page.wait_for_timeout(200)
        assert page.evaluate("caches.keys()") == [f"hvs-{new}"]  # the old build's cache is gone
        _wait_cached(page, lesson)
    finally:
        server.stop()
    context.set_offline(True)
    page.reload()
    assert page.locator("h2", has_text="Bản mới").count() == 1


# ---------------------------------------------------------------- the USB copy (file://)

def test_usb_copy_navigates_and_runs_lessons_from_file(page, site):
    aud, found = _path_with_lessons(1)
    page.goto((site / aud / "index.html").as_uri())
    assert page.locator(".hvs-offline").count() == 0  # no service worker from file://: no save button
    page.locator(".hvs-path__item a").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(found[0].url) and page.url.startswith("file://")
    assert page.locator("h1").first.inner_text() == found[0].title
    assert _styled(page)
    # The language link and the navigation lead to pages, never to folder listings.
    for link in page.locator(".md-nav--primary a.md-nav__link, a.hvs-lang").evaluate_all("as => as.map(a => a.href)"):
        assert link.startswith("file://") and (link.split("#")[0].endswith(".html")), link
    # Handout links lead to PDFs that are on the stick.
    for pdf in page.locator("a[href$='.pdf']").evaluate_all("as => as.map(a => a.href)"):
        assert pdf.startswith("file://") and Path(unquote(urlparse(pdf).path)).is_file(), pdf
    # Projector mode starts from the stick too.
    page.locator(".hvs-present-open").click()
    assert "hvs-mode-present" in page.evaluate("document.documentElement.className")
    page.keyboard.press("Escape")
    page.locator("a.hvs-lang").click()
    page.wait_for_load_state()
    assert "/en/" in page.url and page.url.endswith(".html")
    assert not page.js_errors


def test_usb_copy_quiz_works_from_file(page, site):
    cat = _catalogue()
    lesson = next((x for x in cat.lessons if x.lang == "vi" and any(b.name == "quiz" for b in x.blocks)), None)
    if lesson is None:
        pytest.skip("no lesson with a quiz yet")
    page.goto((site / lesson.url).as_uri())
    quiz = page.locator(".hvs-quiz[data-kind='quiz']").first
    quiz.wait_for()
    check = quiz.locator(".hvs-quiz__check")
    assert check.count() == 1, "the quiz script did not run from file://"
    quiz.locator("input").first.check()
    check.click()
    assert quiz.locator(".hvs-quiz__status").inner_text().strip()
    assert not page.js_errors
