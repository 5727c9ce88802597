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
def preview(tmp_path):
    """A project copy served by the project's own preview command; yields (base url, docs folder)."""
    config = make_project(tmp_path, FIXTURES / "handouts" / "site" / "docs")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
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
