"""The site's pymdownx Blocks: handout, trainer and the generated-page blocks.

Registered by one Markdown extension, `hocvuso.blocks`, so they run under MkDocs today
and under any Python-Markdown host (Zensical) tomorrow. The extension's `lang` option
picks the UI language; `docs_dir` tells the page blocks where the lessons are.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string

from . import inert, pages, render, ui
from .lessons import AUDIENCES, load_catalogue

def _lang(block: Block) -> str:
    return render.page_of(block.md, block.config).lang


def _word(block: Block, key: str) -> str:
    return ui.words(_lang(block))["blocks"][key]


class HandoutBlock(Block):
    """The lesson's one-page summary: a "Ghi nhớ" box on the web, the body of the printed handout."""

    NAME = "handout"
    ARGUMENT = None
    OPTIONS = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        box = etree.SubElement(parent, "section", {"class": "hvs-handout", "aria-label": _word(self, "handout")})
        title = etree.SubElement(box, "p", {"class": "hvs-handout__title"})
        title.text = _word(self, "handout")
        return box


class TrainerBlock(Block):
    """Notes for the trainer: hidden from learners, projector mode and handouts."""

    NAME = "trainer"
    ARGUMENT = None
    OPTIONS = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        box = etree.SubElement(parent, "aside", {"class": "hvs-trainer", "data-search-exclude": "",
                                                 "aria-label": _word(self, "trainer")})
        title = etree.SubElement(box, "p", {"class": "hvs-trainer__title"})
        title.text = _word(self, "trainer")
        return box


class _PageBlock(Block):
    """A block replaced by content generated from the lesson catalogue."""

    ARGUMENT = None
    OPTIONS = {}

    def catalogue(self):
        return render.catalogue_of(self.config)

    def generate(self) -> etree.Element:  # pragma: no cover - overridden
        raise NotImplementedError

    def on_create(self, parent: etree.Element) -> etree.Element:
        div = etree.SubElement(parent, "div", {"class": f"hvs-generated hvs-generated--{self.NAME}"})
        # Stashed as finished HTML: its links are final .html addresses, which no engine may rewrite or
        # re-check, and its text (lesson titles, the guide's `code`) is not parsed again as Markdown.
        holder = etree.SubElement(div, "p")
        holder.text = self.md.htmlStash.store(etree.tostring(self.generate(), encoding="unicode", method="html"))
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
        built = self.config.get("handouts") or handouts.last_result(self.config.get("docs_dir", "docs"))

        def pdf(audience: str, slug: str | None) -> tuple[str, int] | None:
            found = built.get(lang, audience, slug) if built else None
            return ("../" + found.src_uri, found.size) if found else None  # the page is x/index.md

        return pages.handout_index(self.catalogue(), lang, pdf)


class ProblemCodesBlock(_PageBlock):
    """The author's guide table of problem codes, generated from the registry (hocvuso/problems.py)."""

    NAME = "problem-codes"

    def generate(self) -> etree.Element:
        return pages.problem_codes(_lang(self))


BLOCKS: list[type[Block]] = [HandoutBlock, TrainerBlock, LearningPathBlock, CompetencyGridBlock, HandoutIndexBlock,
                             ProblemCodesBlock]


def _optional_blocks() -> list[type[Block]]:
    """Blocks of other modules of the package, registered when present."""
    found: list[type[Block]] = []
    try:
        from . import quiz
        found += list(getattr(quiz, "BLOCKS", []))
    except ImportError:  # pragma: no cover
        pass
    return found


class LessonFrame(Treeprocessor):
    """Puts the lesson head (title, facts, tools, objectives) before a lesson's HTML and its foot after it.

    Rendered here, by the Markdown extension, so every engine that runs Python-Markdown shows the same lesson
    page; the theme's templates need no lesson data of their own. The HTML goes through Markdown's stash, so
    it comes out exactly as rendered.
    """

    def __init__(self, md: Markdown, config: dict):
        super().__init__(md)
        self.config = config

    def run(self, root: etree.Element) -> None:
        lesson = render.page_of(self.md, self.config).lesson
        if lesson is None:
            return
        head, foot = render.lesson_frame(lesson, self.config)
        for index, html in ((0, head), (len(root), foot)):
            holder = etree.Element("p")
            holder.text = self.md.htmlStash.store(html)
            root.insert(index, holder)


class HocVuSoBlocksExtension(BlocksExtension):
    """Registers every block of the site and the lesson frame."""

    def __init__(self, *args, **kwargs):
        self.config = {
            "lang": ["", "UI language of the page (vi or en); found from the engine when empty"],
            "page": ["", "Source path of the page being rendered (relative to docs_dir); found from the engine "
                         "when empty"],
            "docs_dir": ["docs", "Folder of the lessons"],
            "site_url": ["", "Public address of the site, for QR codes"],
            "theme_dir": ["overrides", "Folder of the site's template partials (the theme's custom_dir)"],
            "cache_dir": [".cache", "Folder of the build's caches (QR codes)"],
            "catalogue": ["", "The checked lesson catalogue, when the caller already has it"],
            "tree": ["", "The tree's signature when the check ran (lessons.tree_signature), when the catalogue "
                         "cannot be handed over (another process): it is then read once, not per page"],
            "handouts": ["", "The handouts the check phase made (handouts.Result), for the handout index"],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        config = self.getConfigs()
        for block in [*BLOCKS, *_optional_blocks()]:
            block_mgr.register(block, config)
        # After the table of contents (5): the head's title and the foot's headings are not in it.
        md.treeprocessors.register(LessonFrame(md, config), "hvs-lesson-frame", 1)
        inert.register(md)  # lessons are untrusted: no script or active attribute leaves a page's Markdown


def makeExtension(*args, **kwargs) -> HocVuSoBlocksExtension:
    return HocVuSoBlocksExtension(*args, **kwargs)
