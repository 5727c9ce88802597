"""One grammar of `///` fences and code fences (hocvuso/fences.py), read alike by every scanner."""
from __future__ import annotations

from hocvuso import fences, guards, images, pipeline, present, safety, scaffold
from hocvuso.lessons import scan_blocks, scan_sections

TEXT = """intro
/// quiz | Question?
    shuffle: true
- [x] yes
```
///
```
///
## Heading
```
## not a heading
/// trainer
```
/// handout
1. one
///"""


def test_the_grammar_reads_openers_closers_and_titles():
    assert fences.fence("/// quiz | Là gì?  ") == fences.Fence("///", "quiz", "Là gì?")
    assert fences.fence("////") == fences.Fence("////", None, "")
    assert fences.fence("/// learning-path | nguoi-cao-tuoi").name == "learning-path"
    assert fences.fence("  /// quiz") is None  # indented: not a top-level block
    assert fences.fence("/// quiz x | y") is None
    assert fences.mention("> - /// fill | x") == ("> - ", "fill")
    assert fences.mention("/// quiz-x")[1] == "quiz"
    assert fences.is_code_fence("  ~~~python") and not fences.is_code_fence("    text ```")


def test_the_walker_knows_code_and_the_top_level_block_of_each_line():
    walked = list(fences.walk(TEXT.split("\n")))
    state = [(x.code, x.block, x.edge) for x in walked]
    assert state[0] == (False, None, None)
    assert state[1] == (False, "quiz", "open")
    assert state[4] == (True, "quiz", None) and walked[4].fence  # the code fence's own line is code
    assert state[5] == (True, "quiz", None)  # a '///' in code closes nothing
    assert state[7] == (False, "quiz", "close")
    assert state[10] == (True, None, None)
    assert state[13] == (False, "handout", "open") and state[15] == (False, "handout", "close")


def test_block_scanning_and_sections_follow_the_walker():
    blocks, problems = scan_blocks("x.md", TEXT, 1)
    assert problems == []
    assert [(b.name, b.line, b.end_line) for b in blocks] == [("quiz", 2, 8), ("handout", 14, 16)]
    assert blocks[0].options == {"shuffle": True} and blocks[0].title == "Question?"
    assert scan_sections(TEXT, 1) == [("Heading", 9)]
    _blocks, unclosed = scan_blocks("x.md", "/// trainer\n```\n///\n```\n", 1)
    assert [(p.line, p.code) for p in unclosed] == [(1, "block-unclosed")]


def test_every_scanner_leaves_code_alone():
    code = "```\n[a](nowhere.md)\n![](img/none.png)\n/// quiz | Hidden?\n```\n"
    assert [r[1] for r in images._image_refs(code + "![x](img/seen.png)")] == ["img/seen.png"]
    lines = (code + "after").split("\n")
    assert [n for n, _line in present._visible_lines(lines)] == [0] * len(lines)  # no question opened in code
    guard_lines = [(n, in_code) for n, _line, _front, in_code in guards._lines(
        "---\ntitle: x\n---\n" + code)]
    assert guard_lines[3:8] == [(4, True), (5, True), (6, True), (7, True), (8, True)]


def test_links_in_code_are_not_checked(tmp_path):
    (tmp_path / "a.md").write_text("```\n[a](nowhere.md)\n```\n[b](gone.md)\n", encoding="utf-8")
    assert [(p.line, p.code) for p in pipeline.link_problems(tmp_path)] == [(4, "link-broken")]


def test_the_html_block_is_refused_at_any_depth_of_quotes_and_code_but_not_in_lists():
    def raw(text):
        return [p.line for p in safety.markdown_problems("x.md", text, 1) if p.code == "raw-html"]

    assert raw("/// HTML | x\n///") == [1]
    assert raw("> > /// html\n> > ///") == [1]
    assert raw("```\n/// html\n```") == [2]  # code included: a guess of where code is could be fooled
    assert raw("- /// html\n/// html5\n/// htmlx") == []


def test_the_template_check_reads_a_fence_title():
    assert scaffold.line_text("/// quiz | Câu Hỏi  Tự kiểm tra?", False) == "câu hỏi tự kiểm tra?"
    assert scaffold.line_text("/// | no name", False) == "/// | no name"
    assert scaffold.line_text("/// trainer", False) == ""
