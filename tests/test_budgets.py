"""Byte budgets (DESIGN.md §7), counted from the built files: gzip bytes, not seconds.

What Chromium really requests on a first visit is measured in tests/browser/test_first_visit.py.
"""
from __future__ import annotations

import re

import hvs_bench as bench

KB = 1024
FIRST_VISIT = 120 * KB
OWN_JS = 10 * KB
OWN_CSS = 8 * KB
# Tags that make a browser fetch something by themselves (links to read are fine anywhere).
_FETCHING = re.compile(r"""<(?:script|img|source|iframe|link(?=[^>]*rel=["']?(?:stylesheet|icon|preload|modulepreload)))"""
                       r"""\b[^>]*?\b(?:src|href|srcset)=["']((?:https?:)?//[^"']+)""", re.I)


def test_own_javascript_and_css_within_budget(site):
    """What a lesson's first visit loads; the presenter view, saving for offline and search load when used."""
    own = bench.own_assets(site)
    assert own["lazy"][1] > 0  # they exist, and are not counted twice
    detail = {f"{f.parent.name}/{f.name}": bench.gz(f.read_bytes())
              for kind in ("js", "css") for f in sorted((site / "assets" / kind).glob(f"*.{kind}"))}
    assert own["js"][1] <= OWN_JS, f"own JS is {own['js'][1]} B gzip (budget {OWN_JS}): {detail}"
    assert own["css"][1] <= OWN_CSS, f"own CSS is {own['css'][1]} B gzip (budget {OWN_CSS}): {detail}"


def test_no_page_fetches_from_another_origin(site):
    found = {}
    for page in site.rglob("*.html"):
        hits = _FETCHING.findall(page.read_text(encoding="utf-8"))
        if hits:
            found[page.relative_to(site).as_posix()] = hits[:3]
    assert not found, f"pages that load files from other hosts: {found}"


def test_lesson_first_visit_within_budget(site):
    page = bench.lesson_page(site)
    resources = bench.first_visit_static(site, page)
    total = bench.total(resources)
    assert total <= FIRST_VISIT, f"{page}: {total} B gzip: " + ", ".join(f"{r.url} {r.gzip}" for r in resources)
    assert {"html", "css", "js"} <= {r.kind for r in resources}
