"""The lesson model: what a lesson, a block, a competency and the catalogue of a docs folder are.

Frozen data, built by `catalogue.build_catalogue` (through `lesson.parse_lesson`) and read by every
phase; plain Python, no MkDocs, no Markdown.
"""
from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .. import ui
from ..problems import Problem

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"



def _named(group: str, keys: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """{key: {lang: name}}: the keys are the program's, their names are words (hocvuso/words/<lang>.yml)."""
    return {key: {lang: ui.words(lang)[group][key] for lang in LANGS} for key in keys}


# The five audience folders, in the order the site shows them, with their names.
AUDIENCES: dict[str, dict[str, str]] = _named("audiences", ("nen-tang", "can-bo", "hoc-sinh", "nguoi-lao-dong",
                                                            "nguoi-cao-tuoi"))
# Pages that are not audiences, in navigation order after the audiences.
OTHER_SECTIONS: dict[str, dict[str, str]] = _named("sections", ("khung-nang-luc", "tai-lieu-in", "giang-vien",
                                                               "tac-gia"))
LEVELS: dict[str, dict[str, str]] = _named("levels", ("co-ban", "trung-binh", "nang-cao"))
# Blocks a lesson may use: ours, and the pymdownx ones the site enables.
OUR_BLOCKS = {"quiz", "order", "fill", "trainer", "handout"}
QUESTION_BLOCKS = ("quiz", "order", "fill")
PAGE_BLOCKS = {"learning-path", "competency-grid", "handout-index", "problem-codes"}
PYMDOWNX_BLOCKS = {
    "admonition", "note", "tip", "warning", "danger", "info", "example", "details",
    "tab", "html", "caption", "figure-caption", "define",
}
REQUIRED_KEYS: dict[str, type | tuple[type, ...]] = {
    "title": str,
    "description": str,
    "order": int,
    "duration": int,
    "level": str,
    "competencies": list,
    "objectives": list,
}
OPTIONAL_KEYS: dict[str, type | tuple[type, ...]] = {
    "updated": (str, _dt.date),
    "sources": list,
}
# Keys Material or MkDocs understand on any page; allowed, not required.
THEME_KEYS = {"hide", "search", "template", "icon", "status", "tags", "subtitle"}
TWIN_KEYS = ("order", "duration", "level", "competencies")
DATA_FILE = "_data/competencies.yml"


@dataclass(frozen=True)
class Block:
    """A `/// name | title` block as written in the Markdown source."""

    name: str
    title: str
    options: dict[str, Any]
    body: tuple[str, ...]
    line: int  # 1-based line of the opening fence
    end_line: int


@dataclass(frozen=True)
class Lesson:
    """One lesson in one language, parsed and validated once per build."""

    path: str  # relative to docs/, with forward slashes
    audience: str
    slug: str
    lang: str
    title: str
    description: str
    order: int
    duration: int
    level: str
    competencies: tuple[str, ...]
    objectives: tuple[str, ...]
    updated: str | None
    sources: tuple[tuple[str, str], ...]
    blocks: tuple[Block, ...]
    questions: tuple[Any, ...]
    sections: tuple[tuple[str, int], ...]  # (## heading, line)
    markdown: str = field(repr=False, default="")
    lines: tuple[tuple[str, int], ...] = field(repr=False, compare=False, default=())  # (front-matter key, line)
    body_line: int = field(repr=False, compare=False, default=1)  # line of `markdown`'s first line
    asked: tuple[int, ...] = field(repr=False, compare=False, default=())  # lines of every question fence

    def line_of(self, key: str) -> int:
        """The line of a front-matter key, to point a problem at what the author must change."""
        return dict(self.lines).get(key, 1)
    source: str = field(repr=False, default="")  # the whole file, for checks that report any line (guards.py)

    @property
    def url(self) -> str:
        """Site-relative address of the built page (use_directory_urls: false)."""
        prefix = "" if self.lang == DEFAULT_LANG else f"{self.lang}/"
        return f"{prefix}{self.audience}/{self.slug}.html"

    @property
    def handout(self) -> Block | None:
        return next((b for b in self.blocks if b.name == "handout"), None)

    @property
    def trainer_notes(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.name == "trainer")

    def question_of(self, kind: str, n: int, title: str) -> Any | None:
        """The parsed Question of the n-th (0-based) top-level `kind` block, when its title is `title`."""
        found = [b for b in self.blocks if b.name == kind]
        if n >= len(found) or found[n].title != title:
            return None
        return next((q for q in self.questions if q.line == found[n].line), None)


@dataclass(frozen=True)
class Competency:
    code: str
    names: dict[str, str]

    @property
    def domain(self) -> str:
        return self.code.split(".")[0]



@dataclass
class Catalogue:
    """All lessons of a docs folder, both languages, with the problems found."""

    docs_dir: str
    lessons: list[Lesson]
    competencies: dict[str, Competency]
    problems: list[Problem]
    texts: dict[str, str] = field(default_factory=dict, repr=False)  # every Markdown file read, by path

    @cached_property
    def _by_path(self) -> dict[str, Lesson]:
        return {x.path: x for x in self.lessons}

    def by_audience(self, audience: str, lang: str) -> list[Lesson]:
        found = [x for x in self.lessons if x.audience == audience and x.lang == lang]
        return sorted(found, key=lambda x: (x.order, x.slug))

    def get(self, audience: str, slug: str, lang: str) -> Lesson | None:
        return self._by_path.get(f"{audience}/{slug}{'' if lang == DEFAULT_LANG else '.' + lang}.md")

    def for_path(self, src_path: str) -> Lesson | None:
        return self._by_path.get(src_path.replace(os.sep, "/"))


def lang_of(path: str) -> str:
    return "en" if path.endswith(".en.md") else DEFAULT_LANG


def base_of(path: str) -> str:
    """'a/b.en.md' -> 'a/b.md'."""
    return path[: -len(".en.md")] + ".md" if path.endswith(".en.md") else path
