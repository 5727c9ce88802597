"""The `///` block grammar and code fences, as every module that scans lesson Markdown reads them.

A pymdownx Block opens with `/// name | title` at the start of a line and closes with a line of
as many slashes and nothing else; blocks nest. A code fence (a line starting with ``` or ~~~,
after spaces) hides everything up to the next fence, `///` lines included. One grammar here and
one walker (`walk`), so the lesson check, the projector measure, the guards, the link and picture
scans and the template check agree on what is a block and what is code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, NamedTuple

# An opening (with a name) or closing (without) line, as the build reads a lesson's top-level blocks.
_FENCE = re.compile(r"^(?P<slashes>/{3,})[ \t]*(?P<name>[A-Za-z][\w-]*)?[ \t]*(?:\|[ \t]*(?P<title>.*?))?[ \t]*$")
# Any `///` line after indentation, list markers or quote marks ('> '): the first word after the slashes
# ends at a non-word character, so '/// quiz-x' mentions 'quiz'. Used to refuse what must not hide in a list.
_MENTION = re.compile(r"^(?P<before>[ \t>*+\-\d.)]*)/{3,}[ \t]*(?P<word>[A-Za-z]\w*)")
_CODE = re.compile(r"^[ \t]*(```|~~~)")


@dataclass(frozen=True)
class Fence:
    """A `///` line: its slashes, the block's name (None on a closing line) and its title ('' when none)."""

    slashes: str
    name: str | None
    title: str


class Line(NamedTuple):
    """One line of Markdown with what the walker knows of it (a tuple: the walker makes one per line)."""

    n: int  # 0-based index in the lines walked
    text: str
    code: bool  # inside a code fence, or one of its fence lines: no Markdown structure is read there
    fence: bool  # a code fence's opening or closing line
    block: str | None  # the top-level `///` block the line belongs to (its own fence lines included)
    edge: str | None  # "open" or "close" on that block's fence lines, else None


def fence(line: str) -> Fence | None:
    """The `///` line `line` is, or None (it must start at the line's first character)."""
    m = _FENCE.match(line) if line.startswith("///") else None
    if not m:
        return None
    return Fence(m.group("slashes"), m.group("name"), (m.group("title") or "").strip())


def mention(line: str) -> tuple[str, str] | None:
    """(what stands before the slashes, the first word after them) of any `///` line, or None."""
    m = _MENTION.match(line)
    return (m.group("before"), m.group("word")) if m else None


def is_code_fence(line: str) -> bool:
    """Whether `line` opens or closes a code fence."""
    return bool(_CODE.match(line))


def walk(lines: Iterable[str]) -> Iterator[Line]:
    """Every line with its state: in code or not, in which top-level block, on that block's fence lines.

    A top-level block is opened by a named fence outside code and closed by the next closing fence
    with as many slashes that closes no block nested in it; fences in code count for nothing. An
    unclosed block runs to the end.
    """
    code = False
    block: tuple[str, str] | None = None  # (name, slashes)
    depth = 0
    make = tuple.__new__  # a Line without NamedTuple's argument parsing: this runs on every line of a build
    for n, text in enumerate(lines):
        # str tests first: most lines hold neither a code fence nor slashes, and this runs on every line
        is_fence = ("`" in text or "~" in text) and _CODE.match(text) is not None
        code ^= is_fence
        hidden = code or is_fence
        found = fence(text) if not hidden and text.startswith("///") else None
        edge = None
        if block is None:
            if found and found.name:
                block, depth, edge = (found.name, found.slashes), 0, "open"
        elif found and found.slashes == block[1]:
            if found.name:
                depth += 1
            elif depth:
                depth -= 1
            else:
                edge = "close"
        yield make(Line, (n, text, hidden, is_fence, block[0] if block else None, edge))
        if edge == "close":
            block = None
