"""Material's stylesheet cut to what the pages use (hocvuso/theme_css.py): CSS in, CSS out, one case per rule."""
from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import pytest

from hocvuso import theme_css

MATERIAL_CSS = sorted((Path(__file__).resolve().parents[1] / ".venv").glob(
    "lib/python*/site-packages/material/templates/assets/stylesheets/main.*.min.css"))


def cut(css: str, *words: str, other: str = "") -> str:
    return theme_css.prune_css(css, set(words), other)


@pytest.mark.parametrize("css, words, expected", [
    (".a{color:red}.b{color:blue}", ["a"], ".a{color:red}"),
    (".a,.b .c,p{margin:0}", ["a"], ".a,p{margin:0}"),                      # a selector list keeps what can match
    (".a.b{x:1}", ["a"], ""),                                                # every class of a compound is needed
    (".a:not(.b){x:1}", ["a"], ".a:not(.b){x:1}"),                           # classes in :not() are not needed
    (":is(.b,.c) .a{x:1}", ["a"], ":is(.b,.c) .a{x:1}"),                     # nor in :is(), :where(), :has()
    ("[data-md-color-scheme=slate] p,a[href^='.b']{x:1}", [], "[data-md-color-scheme=slate] p,a[href^='.b']{x:1}"),
    ("@media screen{.a{x:1}.b{x:2}}@media print{.b{x:3}}", ["a"], "@media screen{.a{x:1}}"),
    ("@supports (display:grid){@media screen{.b{x:1}}}.a{y:2}", ["a"], ".a{y:2}"),
    ("@keyframes spin{0%{a:b}to{a:c}}.b{x:1}", [], "@keyframes spin{0%{a:b}to{a:c}}"),
    ('.a:before{content:"}{;"}.b{x:1}', ["a"], '.a:before{content:"}{;"}'),  # braces inside strings
    ("/* .a{x:1} */.a{y:2}", ["a"], ".a{y:2}"),
    (".md-typeset .admonition.note{x:1}", ["md-typeset"], ""),
])
def test_rules_no_element_can_match_go(css, words, expected):
    assert cut(css, *words) == expected


def test_custom_properties_nothing_reads_go():
    css = (":root{--used:1px;--icon:url('data:image/svg+xml;charset=utf-8,<svg a=\"b;c\"/>');--ours:2px}"
           ".a{margin:var(--used)}")
    assert cut(css, "a", other=".x{padding:var(--ours)}") == ":root{--used:1px;--ours:2px}.a{margin:var(--used)}"
    assert cut(":root{--unused:1}", "a") == ""


@pytest.mark.skipif(not MATERIAL_CSS, reason="Material is not installed in .venv")
def test_materials_stylesheet_reads_back_unchanged():
    css = MATERIAL_CSS[-1].read_text(encoding="utf-8").strip()
    assert theme_css.serialize(theme_css.parse(css)) == css


def test_the_site_links_a_cut_a_third_of_materials_size(site, tmp_path):
    sheets = site / "assets" / "stylesheets"
    original = next(p for p in sheets.glob("main.*.min.css") if re.fullmatch(r"main\.[0-9a-f]+\.min\.css", p.name))
    cuts = [p for p in sheets.glob("main.*.*.min.css")]
    assert len(cuts) == 1
    linked, whole = set(), set()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        found = re.search(r"assets/stylesheets/(main[^\"]+)\"", html)
        if found:  # not the worker's standalone offline page
            # Pages that load Material's bundle (the guides' copy buttons) keep the whole stylesheet.
            (whole if theme_css._BUNDLE.search(html) else linked).add(found.group(1))
    assert linked == {cuts[0].name}
    assert whole <= {original.name}
    assert cuts[0].name in (site / "sw.js").read_text(encoding="utf-8")  # cached for offline reading
    before, after = (len(gzip.compress(p.read_bytes(), 6)) for p in (original, cuts[0]))
    assert after < before / 2, (before, after)

    # Again on the same folder (as a dirty build does): the same cut, no stray files, pages unchanged.
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    assert theme_css.prune_site(copy)[0][0] == cuts[0].name
    assert sorted(p.name for p in (copy / "assets" / "stylesheets").glob("main.*.css")) == sorted(
        [original.name, cuts[0].name])
    page = next(site.rglob("*.html")).relative_to(site)
    assert (copy / page).read_text(encoding="utf-8") == (site / page).read_text(encoding="utf-8")


def test_nothing_is_cut_where_pages_load_materials_bundle(tmp_path):
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    (sheets / "main.0123abcd.min.css").write_text(".unused{x:1}", encoding="utf-8")
    (tmp_path / "index.html").write_text('<link href="assets/stylesheets/main.0123abcd.min.css">'
                                         '<script src="assets/javascripts/bundle.89ab.min.js"></script>',
                                         encoding="utf-8")
    assert theme_css.prune_site(tmp_path) == []
    assert [p.name for p in sheets.iterdir()] == ["main.0123abcd.min.css"]
