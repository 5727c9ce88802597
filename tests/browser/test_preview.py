"""The author's preview (`python -m hocvuso serve`): a mistake shows in the browser, and goes away when fixed."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import FIXTURES, make_project

LESSON = "nguoi-cao-tuoi/goi-dien.md"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def preview(tmp_path, request):
    """A project copy served by the project's own preview command; yields (base url, docs folder).

    The author's language is the test session's (English) unless the test is marked author_vi."""
    config = make_project(tmp_path, FIXTURES / "handouts" / "site" / "docs")
    port = _free_port()
    drop = {"SITE_URL", *(["HOCVUSO_LANG"] if request.node.get_closest_marker("author_vi") else [])}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["NO_MKDOCS_2_WARNING"] = "1"
    server = subprocess.Popen([sys.executable, "-m", "hocvuso", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
                              cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(base + LESSON.replace(".md", ".html"), timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError("the preview did not start")
                time.sleep(0.5)
        yield base, tmp_path / "docs"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _wait_for(page, url: str, predicate, seconds: float = 60) -> float:
    """Reload until predicate(page) holds; return how long it took."""
    start = time.monotonic()
    while True:
        try:
            page.goto(url, wait_until="domcontentloaded")
            if predicate(page):
                return time.monotonic() - start
        except Exception:  # the preview is rebuilding
            pass
        if time.monotonic() - start > seconds:
            raise AssertionError(f"not seen within {seconds} s")
        time.sleep(0.5)


def test_a_mistake_shows_in_the_browser_and_goes_when_fixed(preview, context):
    base, docs = preview
    page = context.new_page()
    url = base + LESSON.replace(".md", ".html")
    page.goto(url)
    assert page.locator("h1").first.inner_text().strip()
    assert page.locator(".hvs-problems").count() == 0

    source = docs / LESSON
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("- [x]", "- [ ]"), encoding="utf-8")  # a quiz with no right answer
    broke = _wait_for(page, url, lambda p: p.locator(".hvs-problems").count() == 1)
    panel = page.locator(".hvs-problems")
    text = panel.inner_text()
    assert "docs/nguoi-cao-tuoi/goi-dien.md:" in text and "[quiz-no-correct]" in text, text
    assert panel.get_attribute("role") == "alert"
    other = _wait_for(page, base + "index.html", lambda p: p.locator(".hvs-problems").count() == 1)  # every page

    source.write_text(good, encoding="utf-8")
    fixed = _wait_for(page, url, lambda p: p.locator(".hvs-problems").count() == 0
                      and p.locator(".hvs-quiz").count() > 0)
    print(f"preview: problem shown {broke:.1f} s after saving, gone {fixed:.1f} s after the fix ({other:.1f} s)")


OTHER = "nguoi-cao-tuoi/nhan-tin.md"


def _nav_titles(page) -> list[str]:
    return [t.strip() for t in page.locator("nav.md-nav--primary .md-nav__link").all_inner_texts() if t.strip()]


def test_a_save_rebuilds_the_page_and_every_page_keeps_its_navigation(preview, context):
    """A body save rebuilds only that page (a quick rebuild); the navigation it shows still names every
    page, titles escaped; a changed title reaches every page (all rebuilt); a new lesson appears in all."""
    base, docs = preview
    page = context.new_page()
    url, other = (base + x.replace(".md", ".html") for x in (LESSON, OTHER))
    page.goto(url)
    before = _nav_titles(page)
    assert "Nhắn tin thoại cho người thân" in before, before

    # A title with markup, on the other lesson: every page is rebuilt, and it stays text.
    source, second = docs / LESSON, docs / OTHER
    good, good_second = source.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")
    hostile = 'Nhắn tin <img src=x id=hvs-injected> "thoại"'
    second.write_text(good_second.replace("title: Nhắn tin thoại cho người thân", f"title: '{hostile}'"),
                      encoding="utf-8")
    _wait_for(page, url, lambda p: hostile in _nav_titles(p))
    # Then a body save of the first lesson: only its page is rebuilt, its navigation is read from the lessons.
    source.write_text(good.replace("\n## ", "\nhvs-marker-one\n\n## ", 1), encoding="utf-8")
    quick = _wait_for(page, url, lambda p: "hvs-marker-one" in p.content())
    assert hostile in _nav_titles(page)
    assert page.locator("#hvs-injected").count() == 0
    assert len(_nav_titles(page)) == len(before)
    page.goto(other)
    assert "hvs-marker-one" not in page.content()

    # A new lesson (and its twin) shows in the other pages' navigation.
    new = docs / "nguoi-cao-tuoi" / "bai-moi.md"
    new.write_text(good.replace("title: Gọi điện video cho người thân ở xa", "title: Bài mới xem thử")
                   .replace("order: 1", "order: 9"), encoding="utf-8")
    (docs / "nguoi-cao-tuoi" / "bai-moi.en.md").write_text(
        (docs / "nguoi-cao-tuoi" / "goi-dien.en.md").read_text(encoding="utf-8")
        .replace("order: 1", "order: 9"), encoding="utf-8")
    _wait_for(page, other, lambda p: "Bài mới xem thử" in _nav_titles(p))
    print(f"preview: a body save showed {quick:.1f} s after saving")


def test_a_handout_too_long_shows_in_the_page_once_the_background_has_measured_it(preview, context):
    """The preview renders changed handouts in the background; one that no longer fits on A4 reaches the
    panel of every page by itself (no second save)."""
    base, docs = preview
    page = context.new_page()
    for source, words in ((docs / LESSON.replace(".md", ".en.md"), "Extra step {n}: press the button, wait, look."),
                          (docs / LESSON, "Bước thêm số {n}: bấm nút, chờ một chút rồi xem lại màn hình.")):
        steps = "".join(f"{n}. {words.format(n=n)}\n" for n in range(4, 60))  # the twins stay twins
        source.write_text(source.read_text(encoding="utf-8").replace("/// handout\n", "/// handout\n" + steps, 1),
                          encoding="utf-8")
    url = base + OTHER.replace(".md", ".html")
    _wait_for(page, url, lambda p: "[handout-overflow]" in p.locator(".hvs-problems").inner_text()
              if p.locator(".hvs-problems").count() else False, seconds=120)
    assert "nguoi-cao-tuoi/goi-dien.md:" in page.locator(".hvs-problems").inner_text()


@pytest.mark.author_vi
def test_the_panel_speaks_the_authors_language_on_the_pages_of_both_languages(preview, context):
    """A Vietnamese author (the default) reads the panel in Vietnamese, on the English twin's page too."""
    base, docs = preview
    page = context.new_page()
    source = docs / LESSON
    source.write_text(source.read_text(encoding="utf-8").replace("- [x]", "- [ ]"), encoding="utf-8")
    for url in (base + LESSON.replace(".md", ".html"), base + "en/" + LESSON.replace(".md", ".html")):
        _wait_for(page, url, lambda p: p.locator(".hvs-problems").count() == 1)
        text = page.locator(".hvs-problems").inner_text()
        assert "Bài học còn 1 lỗi cần sửa" in text, text
        assert "chưa có lựa chọn nào được đánh dấu là đúng" in text and "Cách sửa:" in text, text
        assert "no option is marked" not in text
        assert page.locator(".hvs-problems code", has_text="[x]").count() == 1  # `code` shows as code
