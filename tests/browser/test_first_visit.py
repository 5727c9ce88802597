"""What Chromium downloads on a lesson's first visit: within budget, own origin only, not growing."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import hvs_bench as bench
from hocvuso import lessons

ROOT = Path(__file__).resolve().parents[2]
FIRST_VISIT = 120 * 1024


def _heaviest_lesson(site: Path) -> str:
    cat = lessons.load_catalogue(str(ROOT / "docs"))
    pages = [x.url for x in cat.lessons if x.lang == "vi" and (site / x.url).is_file()]
    if not pages:
        pytest.skip("no lesson yet")
    return max(pages, key=lambda p: (site / p).read_text(encoding="utf-8").count("<img"))


def test_lesson_first_visit_in_chromium(browser, site):
    page = _heaviest_lesson(site)
    resources, other = bench.first_visit_browser(browser, site, page)
    assert other == [], f"requests to other origins: {other}"
    total = bench.total(resources)
    assert total <= FIRST_VISIT, f"{page}: {total} B gzip: " + ", ".join(
        f"{r.url} {r.gzip}" for r in sorted(resources, key=lambda r: -r.gzip))
    assert {"html", "css", "js"} <= {r.kind for r in resources}
    assert not any(r.url.endswith(("sitemap.xml", ".json")) for r in resources), \
        "a file that grows with the catalogue loads on the first visit"


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[int, Path]:
    """A 30- and a 150-lesson generated site (no handout PDFs: they do not change pages' bytes)."""
    out = {}
    for n in (30, 150):
        folder = tmp_path_factory.mktemp(f"corpus{n}")
        docs = bench.write_corpus(folder / "docs", n, ROOT / "tests" / "fixtures" / "images" / "anh.jpg")
        bench.build(bench.project_config(folder, docs, handouts=False), folder / "site")
        out[n] = folder / "site"
    return out


def test_first_visit_same_with_30_or_150_lessons(browser, corpora):
    page = bench.lesson_page(corpora[30])
    a, other_a = bench.first_visit_browser(browser, corpora[30], page)
    b, other_b = bench.first_visit_browser(browser, corpora[150], page)
    assert other_a == other_b == []
    assert sorted(r.url for r in a) == sorted(r.url for r in b)
    assert bench.total(b) - bench.total(a) <= 200, (bench.total(a), bench.total(b))
    # The navigation is trimmed: the 150-lesson site's path has 30 lessons, the page lists at most 9.
    html = (corpora[150] / page).read_text(encoding="utf-8")
    listed = set(re.findall(r'href="(bai-\d+\.html)"', html[html.index("md-nav--primary"):html.index("md-sidebar--secondary")]))
    assert 1 < len(listed) <= 9, listed
