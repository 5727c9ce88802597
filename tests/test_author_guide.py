"""The author's guide as built: its three steps are a real numbered list, its code blocks get Material's copy button."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from conftest import read

STEPS = {"vi": ("tac-gia/index.html", "them-mot-bai-hoc-trong-ba-buoc"),
         "en": ("en/tac-gia/index.html", "add-a-lesson-in-three-steps")}


class _Items(HTMLParser):
    """The items of the first list after a heading: each item's text and how many code blocks it holds."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # 1 inside the first <ol>
        self.list_tag = ""
        self.items: list[dict] = []
        self.done = False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        if not self.list_tag:
            if tag in ("ol", "ul", "p"):  # the first block after the heading must be the list
                self.list_tag, self.depth = tag, 1
            return
        if tag in ("ol", "ul"):
            self.depth += 1
        elif tag == "li" and self.depth == 1:
            self.items.append({"text": "", "code": 0})
        elif tag == "pre" and self.items:
            self.items[-1]["code"] += 1

    def handle_endtag(self, tag):
        if self.list_tag and not self.done and tag in ("ol", "ul"):
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data):
        if self.items and not self.done:
            self.items[-1]["text"] += data


def _steps(html: str, anchor: str) -> _Items:
    start = html.index(f'id="{anchor}"')
    section = html[html.index(">", start) + 1:html.index("<h2", start)]
    parser = _Items()
    parser.feed(section[section.index("</h2>") + 5:])
    return parser


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_three_steps_are_a_numbered_list(site, lang):
    page, anchor = STEPS[lang]
    steps = _steps(read(site, page), anchor)
    assert steps.list_tag == "ol", f"the steps start with <{steps.list_tag}>, not a numbered list"
    assert len(steps.items) == 3, [item["text"][:60] for item in steps.items]
    # Step 1 (make the lesson) and step 3 (check, preview) show commands for Linux/macOS and for Windows.
    assert [item["code"] for item in steps.items] == [2, 0, 2]
    for item in steps.items:  # the symptom of a broken list: the next step's number inside this one's paragraph
        assert not re.search(r"\n\s*[23]\. ", item["text"]), item["text"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_code_blocks_get_materials_copy_button(site, lang):
    html = read(site, STEPS[lang][0])
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert "content.code.copy" in config["features"]
    assert config["translations"]["clipboard.copy"] == {"vi": "Sao chép vào bộ nhớ tạm",
                                                         "en": "Copy to clipboard"}[lang]
    # Material's script puts the button on every `pre > code` not inside `.no-copy`.
    blocks = re.findall(r'<div class="([^"]*highlight[^"]*)"><pre><span></span><code>', html)
    assert len(blocks) >= 10 and not [b for b in blocks if "no-copy" in b]
