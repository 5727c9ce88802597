"""The author's guide on a phone, opened from a USB copy (file://): copy buttons copy the command, nothing is cut off."""
from __future__ import annotations

import pytest

STEPS = {"vi": ("tac-gia/index.html", "them-mot-bai-hoc-trong-ba-buoc", "Đã sao chép"),
         "en": ("en/tac-gia/index.html", "add-a-lesson-in-three-steps", "Copied to clipboard")}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_copy_button_copies_the_first_command_from_file(page, site, lang):
    rel, anchor, copied = STEPS[lang]
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((site / rel).as_uri())
    page.wait_for_selector("[data-clipboard-target]")
    blocks = page.locator(".md-content pre > code").count()
    assert page.locator(".md-content pre [data-clipboard-target]").count() == blocks > 0
    # What the clipboard receives: the selection clipboard.js makes when the copy command runs.
    page.evaluate("""document.addEventListener('copy', () => {
        const el = document.activeElement;
        window.hvsCopied = el && 'value' in el ? el.value.slice(el.selectionStart, el.selectionEnd) : String(getSelection());
    }, true)""")
    first = page.locator(f"#{anchor} + ol > li").first
    first.locator("[data-clipboard-target]").first.click()
    assert page.evaluate("window.hvsCopied") == first.locator("pre > code").first.inner_text().strip() \
        == "python -m hocvuso new nguoi-cao-tuoi vi-du-bai-moi"
    page.wait_for_selector(f".md-dialog--active:has-text('{copied}')")
    assert not [u for u in requests if not u.startswith(("file:", "data:"))], requests
    assert page.js_errors == []


def test_no_command_box_is_cut_off_at_412_px(page, site):
    page.goto((site / "tac-gia/index.html").as_uri())
    page.wait_for_selector("[data-clipboard-target]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 412, "the page scrolls sideways"
    boxes = page.eval_on_selector_all(".md-content pre > code", """els => els.map(e => ({
        right: e.getBoundingClientRect().right, wide: e.scrollWidth > e.clientWidth,
        overflow: getComputedStyle(e).overflowX, text: e.textContent.slice(0, 40)}))""")
    cut = [b for b in boxes if b["right"] > 412 or (b["wide"] and b["overflow"] not in ("auto", "scroll"))]
    assert not cut, cut
    # A long command scrolls inside its own box: its end can be brought into view.
    code = page.locator("#them-mot-bai-hoc-trong-ba-buoc + ol > li pre > code").first
    end = code.evaluate("e => { e.scrollLeft = e.scrollWidth; return e.scrollLeft + e.clientWidth >= e.scrollWidth - 1; }")
    assert end
