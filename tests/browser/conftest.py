"""Browser fixtures: one local web server for the built site and one shared headless Chromium.

Playwright drives Debian's /usr/bin/chromium; it never downloads a browser.
"""
from __future__ import annotations

import functools
import importlib.util
import http.server
import threading
from pathlib import Path

import pytest

# Test modules in tests/ and in tests/browser/ both `from conftest import …`, and pytest keeps only the conftest
# it loaded last (this one) under that name: offer the root conftest's helpers here too, so a whole-suite run
# collects (without this, tests/test_*.py fail with "cannot import name 'FIXTURES' from 'conftest'").
_root = importlib.util.spec_from_file_location("hvs_root_conftest", Path(__file__).resolve().parent.parent / "conftest.py")
_root_module = importlib.util.module_from_spec(_root)
_root.loader.exec_module(_root_module)
FIXTURES, ROOT, SITE_URL, make_project, read, run_build = (
    _root_module.FIXTURES, _root_module.ROOT, _root_module.SITE_URL, _root_module.make_project, _root_module.read,
    _root_module.run_build)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def base_url(site) -> str:
    """http://127.0.0.1:PORT/ serving the session's built site."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile (empty storage) at phone size."""
    ctx = browser.new_context(viewport={"width": 412, "height": 900}, locale="vi-VN")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.js_errors = errors  # tests may assert no script error reached the page
    yield pg


@functools.lru_cache(maxsize=1)
def axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")) -> list[dict]:
    """Run axe-core in the page; return its violations (empty when the page passes)."""
    page.add_script_tag(content=axe_source())
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", list(tags))
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]
