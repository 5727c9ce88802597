"""The service worker file a build writes (hocvuso/offline.py), without a browser."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from hocvuso import offline

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "overrides" / "sw.js"


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "assets" / "css").mkdir(parents=True)
    (site / "assets" / "css" / "a.css").write_text("/* note */\nbody {\n  color: red;\n}\n")
    (site / "x").mkdir()
    (site / "x" / "bai.html").write_text("<h1>Bài</h1>")
    (site / "index.html").write_text('<link rel="stylesheet" href="assets/css/a.css">'
                                     '<link rel="canonical" href="https://example.org/">'
                                     '<script src="https://example.org/x.js"></script>')
    return site


def _written(site: Path) -> tuple[str, list[str]]:
    text = (site / "sw.js").read_text(encoding="utf-8")
    version = re.search(r'const VERSION = "(\w+)";', text).group(1)
    return version, json.loads(re.search(r"const CORE = (\[.*?\]);", text).group(1))


def test_version_follows_the_pages_and_core_lists_own_files(tmp_path):
    site = _site(tmp_path)
    (site / "assets" / "js").mkdir()
    (site / "assets" / "js" / "later.js").write_text("window.later = 1;\n")  # loaded by a page only when used
    first, core = _written(site) if offline.write_service_worker(site, TEMPLATE) else ("", [])
    # never another origin's file; the offline page and code loaded later are there for when the network is not
    assert core == ["index.html", "offline.html", "assets/css/a.css", "assets/js/later.js"]
    (site / "sitemap.xml").write_text("<urlset>today</urlset>")
    assert offline.write_service_worker(site, TEMPLATE) == first  # dates in the sitemap are not a new build
    (site / "x" / "bai.html").write_text("<h1>Bài mới</h1>")
    second = offline.write_service_worker(site, TEMPLATE)
    assert second != first and _written(site)[0] == second


def test_a_live_preview_gets_a_worker_that_removes_itself(tmp_path):
    site = _site(tmp_path)
    assert offline.write_service_worker(site, TEMPLATE, serving=True) is None
    text = (site / "sw.js").read_text(encoding="utf-8")
    assert "unregister()" in text and "VERSION" not in text


def test_shrink_drops_comments_and_indentation_only():
    js = "/* Top\n   comment */\n(() => {\n  // why\n  const a = 1; // keep\n  /* one */\n  f(a);\n})();\n"
    assert offline.shrink(js, "js") == "(() => {\nconst a = 1; // keep\nf(a);\n})();\n"
    assert offline.shrink("/* x */\na {\n  color: red; /* y */\n}\n", "css") == "a {\ncolor: red;\n}\n"


@pytest.mark.skipif(not shutil.which("node"), reason="needs node to parse JavaScript")
def test_shrunk_own_javascript_still_parses(tmp_path):
    for src in sorted((ROOT / "overrides" / "assets" / "js").glob("*.js")) + [TEMPLATE]:
        out = tmp_path / src.name
        out.write_text(offline.shrink(src.read_text(encoding="utf-8"), "js"), encoding="utf-8")
        done = subprocess.run(["node", "--check", str(out)], capture_output=True, text=True)
        assert done.returncode == 0, f"{src.name}: {done.stderr}"


def test_material_hreflang_links_are_dropped():
    html = ('<link rel="canonical" href="x">\n      <link rel="alternate" href="/" hreflang="vi">\n'
            '      <link rel="alternate" href="/en/" hreflang="en">\n<link rel="icon" href="f.svg">')
    assert offline.drop_alternate_links(html) == '<link rel="canonical" href="x">\n<link rel="icon" href="f.svg">'


def test_offline_pages_in_each_language_with_slots_the_worker_fills(tmp_path):
    site = _site(tmp_path)
    (site / "index.html").write_text('<a href="index.html" title="Học vụ số" class="md-header__button md-logo" '
                                     'aria-label="Học vụ số" data-md-component="logo">')
    (site / "en").mkdir()
    (site / "en" / "index.html").write_text("<h1>Home</h1>")
    offline.write_service_worker(site, TEMPLATE)
    _, core = _written(site)
    assert {"offline.html", "en/offline.html", "en/index.html"} <= set(core)
    vi, en = (site / "offline.html").read_text(encoding="utf-8"), (site / "en" / "offline.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in vi and "Chưa mở được trang này" in vi and "Học vụ số" in vi
    assert '<html lang="en">' in en and "This page cannot open" in en
    for page in (vi, en):  # what the worker replaces (overrides/sw.js, notSaved)
        assert "<head>" in page and 'href="<!--hvs-retry-->"' in page
        assert re.search(r"<!--hvs-saved-->.+<!--/hvs-saved-->", page)
