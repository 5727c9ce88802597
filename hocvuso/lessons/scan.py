"""A lesson body's structure: its top-level `///` blocks, its `##` sections and its question fences.

Read with the one fence grammar (hocvuso/fences.py), so code fences hide blocks and headings here
as they do for every other scanner.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .. import fences, safety
from ..problems import Problem
from .model import QUESTION_BLOCKS, Block

_H2_RE = re.compile(r"^##[ \t]+(.+?)[ \t#]*$")


@lru_cache(maxsize=16)
def walked(body: str) -> tuple[fences.Line, ...]:
    """The body's lines with their state, walked once for the scans of one lesson that follow each other."""
    return tuple(fences.walk(body.split("\n")))


def scan_blocks(path: str, body: str, first_line: int) -> tuple[list[Block], list[Problem]]:
    """Find top-level `///` blocks in a Markdown body, with their options and lines."""
    lines = body.split("\n")
    blocks: list[Block] = []
    problems: list[Problem] = []
    start: int | None = None
    for line in walked(body):
        if line.edge == "open":
            start = line.n
        elif line.edge == "close" and start is not None:
            blocks.append(_block(lines, start, line.n, first_line))
            start = None
    if start is not None:
        opened = fences.fence(lines[start])
        name, slashes = opened.name, opened.slashes
        problems.append(Problem(path, first_line + start, "block-unclosed",
                                f"the '{name}' block is never closed",
                                f"add a line with only '{slashes}' where the block ends",
                                (f"khối `{name}` mở ở dòng này nhưng không có dòng đóng",
                                 f"thêm một dòng chỉ có `{slashes}` ở chỗ khối kết thúc")))
        blocks.append(_block(lines, start, len(lines), first_line))
    return blocks, problems


def _block(lines: list[str], i: int, k: int, first_line: int) -> Block:
    """The block opened on line i and closed on line k (len(lines) when never closed)."""
    opened = fences.fence(lines[i])
    # Options: indented YAML lines directly after the header.
    j = i + 1
    opt_lines: list[str] = []
    while j < k and lines[j].startswith(("    ", "\t")) and lines[j].strip():
        opt_lines.append(lines[j])
        j += 1
    options: dict[str, Any] = {}
    if opt_lines:
        try:
            loaded = safety.load_yaml("\n".join(x.strip() for x in opt_lines))
        except safety.YamlError:
            loaded = None
        if isinstance(loaded, dict):
            options = loaded
        else:
            # Not options after all (an indented first paragraph); keep it as body.
            j = i + 1
    return Block(opened.name, opened.title, options, tuple(lines[j:k]), first_line + i,
                 first_line + min(k, len(lines) - 1))


def scan_sections(body: str, first_line: int) -> list[tuple[str, int]]:
    """(`##` heading, line) of every section outside code."""
    sections = []
    for line in walked(body):
        m = None if line.code or not line.text.startswith("##") else _H2_RE.match(line.text)
        if m:
            sections.append((m.group(1), first_line + line.n))
    return sections


@lru_cache(maxsize=16)
def _question_fences(body: str) -> tuple[tuple[int, str, str], ...]:
    """(index, what stands before it, name) of every question block's fence outside code, nested or not."""
    out = []
    for line in walked(body):
        found = None if line.code or "///" not in line.text else fences.mention(line.text)
        if found and found[1] in QUESTION_BLOCKS:
            out.append((line.n, *found))
    return tuple(out)


def question_lines(body: str, first_line: int) -> list[int]:
    """Lines of every question block the author wrote, nested or not (nested ones are reported on their own)."""
    return [first_line + n for n, _before, _name in _question_fences(body)]


def nested_questions(path: str, body: str, first_line: int, blocks: list[Block]) -> list[Problem]:
    """Question blocks inside another block, a list or a quote: refused, since only top-level ones are checked
    and counted (a nested quiz would render as text while the page still waits for its answer)."""
    inside = {n for b in blocks for n in range(b.line + 1, b.end_line)}
    out = []
    for index, before, name in _question_fences(body):
        n = first_line + index
        if before or n in inside:
            nested = n in inside
            where = "inside another block" if nested else "indented or inside a list or quote"
            where_vi = "trong một khối khác" if nested else "lùi vào trong, hoặc trong một danh sách hay trích dẫn"
            out.append(Problem(path, n, "question-nested",
                               f"the '{name}' block is {where}, where it cannot be checked",
                               f"move '/// {name}' and its closing '///' to the start of the line, "
                               "outside any other block or list",
                               (f"khối `{name}` nằm {where_vi}, nên máy không kiểm tra được",
                                f"đưa dòng `/// {name}` và dòng đóng `///` của nó ra sát lề trái, "
                                "ngoài mọi khối hay danh sách khác")))
    return out
