"""The built site: site map in both languages, languages, learning paths, the grid, no other origins."""
from __future__ import annotations

import html as _html

import re
from pathlib import Path

from conftest import read
from markupsafe import escape

from hocvuso.lessons import AUDIENCES, load_catalogue

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = [*AUDIENCES, "khung-nang-luc", "tai-lieu-in", "giang-vien", "tac-gia"]


def test_site_map_in_both_languages(site):
    for prefix, lang in (("", "vi"), ("en/", "en")):
        home = read(site, f"{prefix}index.html")
        assert f'<html lang="{lang}"' in home
        for section in SECTIONS:
            page = read(site, f"{prefix}{section}/index.html")
            assert f'<html lang="{lang}"' in page, section
            assert f'href="{section}/index.html"' in home or section in ("tac-gia", "khung-nang-luc"), section


def test_home_has_five_cards(site):
    for prefix in ("", "en/"):
        home = read(site, f"{prefix}index.html")
        cards = re.findall(r'class="hvs-card" href="([^"]+)"', home) + re.findall(r'href="([^"]+)" class="hvs-card"', home)
        assert sorted(c.split("/")[0] for c in cards) == sorted(AUDIENCES)
    assert "Bạn là ai?" in read(site, "index.html")
    assert "Who are you?" in read(site, "en/index.html")


def test_learning_paths_follow_order(site):
    catalogue = load_catalogue(str(ROOT / "docs"))
    for audience in AUDIENCES:
        for prefix, lang in (("", "vi"), ("en/", "en")):
            html = read(site, f"{prefix}{audience}/index.html")
            shown = re.findall(r'data-lesson="([^"]+)"', html)
            expected = [f"{x.audience}/{x.slug}" for x in catalogue.by_audience(audience, lang)]
            assert shown == expected
            assert expected, f"{audience} has no lessons in {lang}"
            for slug in expected:
                name = slug.split("/")[1]
                assert f'href="../{audience}/{name}.html"' in html  # final addresses, the same under every engine
                assert (site / prefix / audience / f"{name}.html").exists()


def test_language_switch_links_the_same_page(site):
    catalogue = load_catalogue(str(ROOT / "docs"))
    lesson = catalogue.lessons[0]
    vi = read(site, f"{lesson.audience}/{lesson.slug}.html")
    en = read(site, f"en/{lesson.audience}/{lesson.slug}.html")
    assert f'href="../en/{lesson.audience}/{lesson.slug}.html" hreflang="en"' in vi
    assert f'href="../../{lesson.audience}/{lesson.slug}.html" hreflang="vi"' in en


def test_competency_grid_links_lessons(site):
    catalogue = load_catalogue(str(ROOT / "docs"))
    for prefix, lang in (("", "vi"), ("en/", "en")):
        html = read(site, f"{prefix}khung-nang-luc/index.html")
        assert html.count('scope="row"') == 6
        for lesson in (x for x in catalogue.lessons if x.lang == lang):
            assert f'href="../{lesson.audience}/{lesson.slug}.html"' in html, lesson.path
        assert "4.2 " + catalogue.competencies["4.2"].names[lang] in html


def test_lesson_page_shows_front_matter(site):
    catalogue = load_catalogue(str(ROOT / "docs"))
    for lesson in catalogue.lessons:
        prefix = "en/" if lesson.lang == "en" else ""
        html = read(site, f"{prefix}{lesson.audience}/{lesson.slug}.html")
        assert f"<h1>{escape(lesson.title)}</h1>" in html  # lesson text is escaped (tests/test_hostile.py)
        for objective in lesson.objectives[:1]:
            assert f"<li>{escape(objective)}</li>" in html


# Addresses inside Material's own JavaScript bundle that it only loads on demand: mermaid for diagrams (the site
# has none) and a ResizeObserver polyfill for browsers without it; GitHub/clipboard.js ones are repository widgets
# and a comment. The browser tests log real requests; this list makes a Material upgrade that adds one fail here.
MATERIAL_LAZY = {"https://unpkg.com/mermaid", "https://unpkg.com/resize-observer-polyfill", "https://api.github.com/repos/",
                 "https://api.github.com/users/", "https://clipboardjs.com/"}


def test_no_other_origin_anywhere(site):
    """Nothing the browser loads may come from another host (links for people to follow are fine)."""
    loading = re.compile(r"""(?:src|srcset|poster|data)\s*=\s*["']\s*(?:https?:)?//|<link[^>]+href=["']\s*(?:https?:)?//"""
                         r"""|@import\s+(?:url\()?["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""", re.I)
    hosts = re.compile(r"fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|cdnjs|google-analytics|googletagmanager")
    checked = 0
    for path in site.rglob("*"):
        if path.suffix not in (".html", ".css", ".js"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        checked += 1
        if "assets/javascripts/" in path.as_posix():  # Material's own scripts
            if "/bundle." not in path.name and not path.name.startswith("bundle."):
                continue  # lunr and the search worker ship with the theme but no page loads them (own search)
            found = set(re.findall(r"https?://[A-Za-z0-9./_-]{3,60}", text)) - MATERIAL_LAZY
            assert not {u for u in found if "w3.org" not in u}, (path, found)
            continue
        assert not hosts.search(text), path
        if path.suffix in (".html", ".css"):
            found = [m.group(0) for m in loading.finditer(text)]
            found = [f for f in found if 'rel="canonical"' not in f]
            assert not found, (path, found[:3])
        if path.suffix == ".js":
            assert not re.search(r"https?://(?!www\.w3\.org)", text), path
    assert checked > 20
