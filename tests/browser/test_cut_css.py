"""The cut of Material's stylesheet (hocvuso/theme_css.py) draws every page exactly as the whole one does."""
from __future__ import annotations

import re

import pytest

# Per element: its box, and the properties a missing rule would change.
SNAPSHOT = """() => [...document.querySelectorAll('body *')].map(e => {
  const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return [e.tagName, e.id, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height),
          s.display, s.visibility, s.position, s.color, s.backgroundColor, s.fontSize, s.fontWeight, s.lineHeight,
          s.borderTopWidth, s.borderTopColor, s.borderLeftWidth, s.boxShadow, s.opacity, s.transform,
          s.backgroundImage.slice(0, 80), (s.maskImage || s.webkitMaskImage || '').slice(0, 80)].join('|');
})"""
PAGES = ["index.html", "nguoi-cao-tuoi/index.html", "tac-gia/index.html", "khung-nang-luc/index.html"]


def _lesson(site) -> str:
    return next(p.relative_to(site).as_posix() for p in sorted((site / "nguoi-cao-tuoi").glob("*.html"))
                if p.name != "index.html")


@pytest.mark.parametrize("width, schemes, media", [(412, ("default", "hvs-contrast"), ("screen", "print")),
                                                   (1280, ("default",), ("screen",))])
def test_cut_stylesheet_draws_pages_like_materials_whole_one(browser, site, base_url, width, schemes, media):
    sheets = site / "assets" / "stylesheets"
    original = next(p for p in sheets.glob("main.*.min.css") if re.fullmatch(r"main\.[0-9a-f]+\.min\.css", p.name))
    whole = original.read_text(encoding="utf-8")
    shots: dict[str, dict] = {}
    for kind in ("cut", "whole"):
        # No service worker: whether it is ready yet ("save for offline" shows then) is not what is compared.
        ctx = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
        if kind == "whole":  # the same pages, served Material's whole stylesheet in place of the cut
            ctx.route("**/assets/stylesheets/main.*.*.min.css",
                      lambda route: route.fulfill(body=whole, content_type="text/css"))
        page = ctx.new_page()
        # No colour transitions: a snapshot right after a change of scheme or media sees the final colours.
        NO_FADE = "*,*::before,*::after{transition:none!important}"
        for url in [*PAGES, _lesson(site), _lesson(site) + "?mode=present"]:
            for scheme in schemes:
                page.goto(base_url + url)
                page.add_style_tag(content=NO_FADE)
                page.evaluate("s => { document.body.dataset.mdColorScheme = s; }", scheme)
                for medium in media:
                    page.emulate_media(media=medium)
                    shots.setdefault(f"{url} {scheme} {medium}", {})[kind] = page.evaluate(SNAPSHOT)
                page.emulate_media(media="screen")
        ctx.close()
    differ = {}
    for key, both in shots.items():
        pairs = [(a, b) for a, b in zip(both["cut"], both["whole"]) if a != b]
        if pairs or len(both["cut"]) != len(both["whole"]):
            differ[key] = pairs[:2]
    assert not differ, differ
