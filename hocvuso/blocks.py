"""The site's pymdownx Blocks: handout, trainer and the generated-page blocks.

Registered by one Markdown extension, `hocvuso.blocks`, so they run under MkDocs today
and under any Python-Markdown host (Zensical) tomorrow. The extension's `lang` option
picks the UI language; `docs_dir` tells the page blocks where the lessons are.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string

from . import pages
from .lessons import AUDIENCES, load_catalogue

TEXT = {
    "vi": {"handout": "Ghi nhớ", "trainer": "Ghi chú cho giảng viên"},
    "en": {"handout": "Key points", "trainer": "Trainer notes"},
}


def _lang(block: Block) -> str:
    lang = block.config.get("lang", "vi")
    return lang if lang in TEXT else "vi"


class HandoutBlock(Block):
    """The lesson's one-page summary: a "Ghi nhớ" box on the web, the body of the printed handout."""

    NAME = "handout"
    ARGUMENT = None
    OPTIONS = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        box = etree.SubElement(parent, "section", {"class": "hvs-handout", "aria-label": TEXT[_lang(self)]["handout"]})
        title = etree.SubElement(box, "p", {"class": "hvs-handout__title"})
        title.text = TEXT[_lang(self)]["handout"]
        return box


class TrainerBlock(Block):
    """Notes for the trainer: hidden from learners, projector mode and handouts."""

    NAME = "trainer"
    ARGUMENT = None
    OPTIONS = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        box = etree.SubElement(parent, "aside", {"class": "hvs-trainer", "data-search-exclude": "",
                                                 "aria-label": TEXT[_lang(self)]["trainer"]})
        title = etree.SubElement(box, "p", {"class": "hvs-trainer__title"})
        title.text = TEXT[_lang(self)]["trainer"]
        return box


class _PageBlock(Block):
    """A block replaced by content generated from the lesson catalogue."""

    ARGUMENT = None
    OPTIONS = {}

    def catalogue(self):
        return load_catalogue(self.config.get("docs_dir", "docs"))

    def generate(self) -> etree.Element:  # pragma: no cover - overridden
        raise NotImplementedError

    def on_create(self, parent: etree.Element) -> etree.Element:
        div = etree.SubElement(parent, "div", {"class": f"hvs-generated hvs-generated--{self.NAME}"})
        div.append(self.generate())
        return div


class LearningPathBlock(_PageBlock):
    NAME = "learning-path"
    ARGUMENT = True
    OPTIONS = {}

    def on_validate(self, parent: etree.Element) -> bool:
        return self.argument in AUDIENCES

    def generate(self) -> etree.Element:
        return pages.learning_path(self.catalogue(), self.argument, _lang(self))


class CompetencyGridBlock(_PageBlock):
    NAME = "competency-grid"

    def generate(self) -> etree.Element:
        return pages.competency_grid(self.catalogue(), _lang(self))


class HandoutIndexBlock(_PageBlock):
    """Every handout PDF and booklet of the page's language, with sizes (the /tai-lieu-in/ page)."""

    NAME = "handout-index"

    def generate(self) -> etree.Element:
        from . import handouts  # late: only this page needs it

        lang = _lang(self)
        built = handouts.last_result(self.config.get("docs_dir", "docs"))

        def pdf(audience: str, slug: str | None) -> tuple[str, int] | None:
            found = built.get(lang, audience, slug) if built else None
            return ("/" + found.src_uri, found.size) if found else None

        return pages.handout_index(self.catalogue(), lang, pdf)


BLOCKS: list[type[Block]] = [HandoutBlock, TrainerBlock, LearningPathBlock, CompetencyGridBlock, HandoutIndexBlock]


def _optional_blocks() -> list[type[Block]]:
    """Blocks of other modules of the package, registered when present."""
    found: list[type[Block]] = []
    try:
        from . import quiz
        found += list(getattr(quiz, "BLOCKS", []))
    except ImportError:  # pragma: no cover
        pass
    return found


class HocVuSoBlocksExtension(BlocksExtension):
    """Registers every block of the site."""

    def __init__(self, *args, **kwargs):
        self.config = {
            "lang": ["vi", "UI language of the page: vi or en"],
            "docs_dir": ["docs", "Folder of the lessons, for the generated-page blocks"],
            "audience": ["", "The page's audience folder: how quizzes address the reader (quiz.address)"],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        config = self.getConfigs()
        for block in [*BLOCKS, *_optional_blocks()]:
            block_mgr.register(block, config)


def makeExtension(*args, **kwargs) -> HocVuSoBlocksExtension:
    return HocVuSoBlocksExtension(*args, **kwargs)
