"""One tree, two engines: MkDocs (with the plugin) and Zensical (phases run by `python -m hocvuso build`).

Every feature the product needs is asserted on both builds of the real site. `check`, the MkDocs
build and the Zensical build report the same problems for the same broken tree.
"""
from __future__ import annotations

import html as _html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, SITE_URL, make_project, read, run_build

from hocvuso.lessons import AUDIENCES, load_catalogue

ENGINES = ("mkdocs", "zensical")
PROBLEM = re.compile(r"^(?:ERROR\s+-\s+)?(\S+:\d+): .* \[([a-z0-9-]+)\]$", re.M)


def hocvuso(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    return subprocess.run([sys.executable, "-m", "hocvuso", *args], cwd=cwd, capture_output=True, text=True,
                          env=env)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The real site built with Zensical by the project's own command."""
    out = tmp_path_factory.mktemp("zensical") / "site"
    done = hocvuso("build", "--engine", "zensical", "-d", str(out), cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(params=ENGINES)
def built(request, site, zensical_site) -> Path:
    return site if request.param == "mkdocs" else zensical_site


def test_both_languages_have_their_lang(built):
    assert '<html lang="vi"' in read(built, "index.html")
    assert '<html lang="en"' in read(built, "en/index.html")


def test_every_lesson_has_its_head_and_quizzes_in_its_language(built):
    catalogue = load_catalogue(str(ROOT / "docs"))
    for lesson in catalogue.lessons:
        page = _html.unescape(read(built, lesson.url))
        assert f"<h1>{lesson.title}</h1>" in page, lesson.url
        assert 'class="hvs-meta"' in page and 'class="hvs-objectives"' in page, lesson.url
        assert lesson.objectives[0] in page, lesson.url
        assert 'class="hvs-present-qr"' in page, lesson.url
        check = "Check" if lesson.lang == "en" else "Kiểm tra"
        other = "Kiểm tra" if lesson.lang == "en" else ">Check<"
        assert check in page and other not in page, lesson.url


def test_handout_links_open_pdfs(built):
    catalogue = load_catalogue(str(ROOT / "docs"))
    for lesson in catalogue.lessons:
        page = read(built, lesson.url)
        href = re.search(r'class="md-button hvs-handout-link" href="([^"]+)"', page).group(1)
        target = (built / lesson.url).parent / href
        assert target.is_file() and target.read_bytes().startswith(b"%PDF"), (lesson.url, href)


def test_search_index_per_language(built):
    catalogue = load_catalogue(str(ROOT / "docs"))
    for lang in ("vi", "en"):
        index = read(built, f"assets/search-{lang}.js")
        assert index.startswith(f'(self.hvsSearch=self.hvsSearch||{{}})["{lang}"]=')
        for lesson in (x for x in catalogue.lessons if x.lang == lang):
            assert lesson.url in index and lesson.title.replace('"', '\\"') in index, lesson.url


def test_service_worker_is_versioned(built):
    sw = read(built, "sw.js")
    assert "__HVS_VERSION__" not in sw and "__HVS_CORE__" not in sw
    assert re.search(r'"hvs-" \+ VERSION|hvs-[0-9a-f]{12}|VERSION = "[0-9a-f]{12}"', sw), sw[:400]


def test_learning_paths_in_order_with_links_that_open(built):
    catalogue = load_catalogue(str(ROOT / "docs"))
    for audience in AUDIENCES:
        for lang, prefix in (("vi", ""), ("en", "en/")):
            page = read(built, f"{prefix}{audience}/index.html")
            path = page[page.index("hvs-generated--learning-path"):]
            links = re.findall(r'href="([^"#]+\.html)"', path.split("</ol>")[0])
            expected = [x.url for x in catalogue.by_audience(audience, lang)]
            opened = [os.path.normpath(os.path.join(f"{prefix}{audience}", href)).replace(os.sep, "/")
                      for href in links]
            assert [u for u in opened if u in expected] == expected, (lang, audience, opened)
            for url in opened:
                assert (built / url).is_file(), url


def test_navigation_follows_the_lesson_model(built):
    """Sections in audience order with their names (not folder names), lessons in `order`."""
    for page, names in (("index.html", [AUDIENCES[a]["vi"] for a in AUDIENCES]),
                        ("en/index.html", [AUDIENCES[a]["en"] for a in AUDIENCES])):
        nav = re.findall(r'class="md-nav__link[^"]*"[^>]*><span class="md-ellipsis">\s*([^<]+?)\s*<', read(built, page))
        found = [n for n in nav if n in names]
        assert found[:len(names)] == names, (page, nav)


def test_the_language_link_opens_the_twin_page(built):
    """The header's language link leads to the same page in the other language (under Zensical the English
    pages are a site of their own: its links once went to en/en/…)."""
    import posixpath

    for rel, other_lang in (("index.html", "en"), ("en/index.html", "vi"),
                            ("nguoi-cao-tuoi/chu-to-de-doc.html", "en"), ("en/nguoi-cao-tuoi/chu-to-de-doc.html", "vi")):
        link = re.search(r'class="hvs-lang[^"]*" href="([^"]+)" hreflang="(\w+)"', read(built, rel))
        assert link and link.group(2) == other_lang, rel
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), link.group(1)))
        assert target == (rel[3:] if rel.startswith("en/") else "en/" + rel), (rel, link.group(1))
        assert (built / target).is_file(), target


def test_the_theme_shows_the_catalogue_words(built):
    """The engine's own templates (header, language link, navigation) read hocvuso/words/ from config.extra."""
    from hocvuso import ui

    catalogue = load_catalogue(str(ROOT / "docs"))
    audience = max(AUDIENCES, key=lambda a: len(catalogue.by_audience(a, "vi")))
    for lang, prefix in (("vi", ""), ("en", "en/")):
        w = ui.words(lang)
        lessons = catalogue.by_audience(audience, lang)
        page = _html.unescape(read(built, lessons[0].url))
        assert f'data-now="{w["aids"]["now"]}"' in page and f'>{w["aids"]["size"]}</span>' in page, lang
        assert f'aria-label="{w["aids"]["contrast"]}"' in page and w["aids"]["search_hint"] in page, lang
        # The link names its language in that language. (Which way it points is alternate.html's business.)
        link = re.search(r'class="hvs-lang[^>]* lang="(\w+)">([^<]+)</a>', page)
        assert link and link.group(2) == ui.words(link.group(1))["language_name"], lang
        assert len(lessons) > 9  # the navigation shows a window of nine, then a link to all of them
        assert w["path"]["all_lessons"].replace("{n}", str(len(lessons))) + " →" in page, lang


def _problems(text: str) -> set[tuple[str, str]]:
    return set(PROBLEM.findall(text))


def test_check_and_both_engines_report_the_same_problems(tmp_path):
    config = make_project(tmp_path, FIXTURES / "bad" / "docs")
    checked = hocvuso("check", "-f", str(config), cwd=tmp_path)
    assert checked.returncode == 1
    expected = _problems(checked.stdout)
    assert len(expected) >= 10, checked.stdout
    mk = run_build(config, tmp_path / "site-mkdocs")
    assert mk.returncode != 0 and _problems(mk.stdout + mk.stderr) == expected, mk.stdout + mk.stderr
    zs = hocvuso("build", "--engine", "zensical", "-f", str(config), "-d", str(tmp_path / "site-z"), cwd=tmp_path)
    assert zs.returncode != 0 and _problems(zs.stdout + zs.stderr) == expected, zs.stdout + zs.stderr
    assert not (tmp_path / "site-z" / "index.html").exists()


def test_check_runs_the_build_only_checks_too(tmp_path):
    """Images, internal links and handout fit are found by `check`, not only by the build."""
    import shutil

    docs = tmp_path / "src"
    shutil.copytree(FIXTURES / "handouts" / "overflow" / "docs", docs)
    target = next(p for p in sorted((docs / "nguoi-cao-tuoi").glob("*.md"))
                  if not p.name.startswith("index") and not p.name.endswith(".en.md"))
    target.write_text(target.read_text(encoding="utf-8") + "\n[đi đâu](khong-co.md)\n\n![](img/khong-co.png)\n",
                      encoding="utf-8")
    config = make_project(tmp_path / "p", docs)
    checked = hocvuso("check", "-f", str(config), cwd=config.parent)
    codes = {code for _where, code in _problems(checked.stdout)}
    assert {"link-broken", "image-no-alt", "handout-overflow"} <= codes, checked.stdout + checked.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_a_publishing_build_needs_the_public_address(engine, tmp_path):
    """No handout or QR code may carry a local address: without SITE_URL the build stops and says how."""
    config = make_project(tmp_path, FIXTURES / "handouts" / "site" / "docs")
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    done = subprocess.run([sys.executable, "-m", "hocvuso", "build", "--engine", engine, "-f", str(config),
                           "-d", str(tmp_path / "out")], cwd=tmp_path, capture_output=True, text=True, env=env)
    out = done.stdout + done.stderr
    assert done.returncode != 0, out
    assert "[site-url-missing]" in out and "SITE_URL=https://" in out, out
    assert not (tmp_path / "out" / "index.html").exists()
