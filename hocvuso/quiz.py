"""The self-check Blocks `quiz`, `order` and `fill`: native HTML that works with and without JavaScript.

Each block shows the Question the check phase parsed from it (the page's lesson holds it), so
what is checked is what is shown; a page outside the catalogue has its block's raw body parsed
here by the same `questions.parse_block`. Validation has already stopped a build with bad
input; here rendering does its best and never raises.
Option texts stay inline Markdown for the inline processor; context, feedback and
explanation are parsed as Markdown blocks by the page's own Markdown instance.
Answers, feedback and keys carry `data-search-exclude` so search leaves them out.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as etree

from pymdownx.blocks.block import Block, type_boolean

from . import questions, ui
from .questions import Question

# Words the browser code says (assets/js/quiz.js), written on each question as data-* attributes.
JS_WORDS = ("right", "wrong", "pick", "part", "score", "done", "right_mark", "wrong_mark")
JS_ORDER_WORDS = ("up", "down", "position")
HIDDEN = {"hidden": "hidden"}


NO_SEARCH = {"data-search-exclude": ""}


def _el(parent: etree.Element, tag: str, cls: str | None = None, text: str | None = None,
        **attrs: str) -> etree.Element:
    attrib = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
    if cls:
        attrib = {"class": cls, **attrib}
    el = etree.SubElement(parent, tag, attrib)
    if text is not None:
        el.text = text
    return el


class _QuestionBlock(Block):
    """Shared rendering of the three question kinds."""

    ARGUMENT = None  # the question; its absence is reported by validation, not turned into text
    OPTIONS: dict = {}

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": f"hvs-quiz hvs-quiz--{self.NAME}", "data-kind": self.NAME})

    def on_end(self, block: etree.Element) -> None:
        raw = str(block.text or "")
        block.text = None
        from .render import page_of  # late: render imports the Blocks' module

        page = page_of(self.md, self.config)
        lang = page.lang
        # How the page's lesson says "you" (bác, bạn): {a} in the words, {A} at the start of a sentence.
        a = ui.address(page.path.split("/")[0] if "/" in page.path else "", lang)
        t = {k: v.replace("{a}", a).replace("{A}", a[:1].upper() + a[1:]) for k, v in ui.words(lang)["quiz"].items()}
        block.set("data-address", a)
        try:
            question = self._checked(page, lang) or self._parsed(raw, lang)
            if question is None:
                raise ValueError("unparsable question")
            self._render(block, question, t)
        except Exception:  # never break a page: show what the author wrote
            for child in list(block):
                block.remove(child)
            block.attrib.pop("id", None)
            title = f"**{self.argument}**\n\n" if self.argument else ""
            try:
                self._markdown(block, title + raw)
            except Exception:
                block.text = raw

    def _checked(self, page, lang: str) -> Question | None:
        """The Question the check phase parsed from this block (the page's n-th block of this kind), if any.

        Blocks are counted per kind in the order they end, which is the order they are written; the name and
        title must agree, so a block the check did not see as top level (nested: a problem) is parsed here.
        """
        seen = self.tracker["seen"] = self.tracker.get("seen", -1) + 1
        if page.lesson is None or lang != page.lesson.lang:
            return None
        return page.lesson.question_of(self.NAME, seen, (self.argument or "").strip())

    def _parsed(self, raw: str, lang: str) -> Question | None:
        """The block's body parsed here: pages outside the catalogue (the author's guide shows examples)."""
        options = {k: self.options[k] for k in questions.OPTIONS[self.NAME] if k in self.options}
        question, _problems = questions.parse_block("", self.NAME, self.argument or "", options,
                                                    raw.split("\n"), 0, lang)
        return question

    # ------------------------------------------------------------ helpers

    def _markdown(self, parent: etree.Element, text: str) -> None:
        """Parse Markdown blocks (paragraphs, images, lists) into parent."""
        if text.strip():
            self.md.parser.parseChunk(parent, text)

    def _unique_id(self, qid: str) -> str:
        seen = self.tracker.setdefault("ids", {})
        seen[qid] = seen.get(qid, 0) + 1
        return qid if seen[qid] == 1 else f"{qid}-{seen[qid]}"

    def _render(self, root: etree.Element, q: Question, t: dict[str, str]) -> None:
        qid = self._unique_id(q.id)
        root.set("id", qid)
        for key in JS_WORDS + (JS_ORDER_WORDS if self.NAME == "order" else ()):
            root.set("data-" + key.replace("_", "-"), t[key])
        fieldset = _el(root, "fieldset", "hvs-quiz__set")
        _el(fieldset, "legend", "hvs-quiz__q", q.prompt)
        if q.context:
            self._markdown(_el(fieldset, "div", "hvs-quiz__context"), q.context)
        self.render_body(root, fieldset, q, qid, t)
        bar = _el(root, "div", "hvs-quiz__bar")
        _el(bar, "button", "hvs-quiz__check md-button md-button--primary", t["check"], type="button", **HIDDEN)
        _el(bar, "button", "hvs-quiz__retry md-button", t["retry"], type="button", **HIDDEN)
        _el(root, "p", "hvs-quiz__status", role="status")
        if q.explanation:
            self._markdown(_el(root, "div", "hvs-quiz__explain", **HIDDEN, **NO_SEARCH), q.explanation)
        details = _el(root, "details", "hvs-quiz__answer", **NO_SEARCH)
        _el(details, "summary", None, t["show"])
        self.render_answer(details, q, t)
        if q.explanation:
            self._markdown(details, q.explanation)

    def render_body(self, root, fieldset, q: Question, qid: str, t: dict[str, str]) -> None:  # pragma: no cover
        raise NotImplementedError

    def render_answer(self, details, q: Question, t: dict[str, str]) -> None:
        answer = _el(details, "p", "hvs-quiz__key")
        _el(answer, "strong", None, t["answer"]).tail = " " + "; ".join(o.text for o in q.correct)
        for option in q.correct:  # why it is right, for readers without JavaScript
            self._markdown(details, option.feedback)


class QuizBlock(_QuestionBlock):
    """Pick one (radio) or several (checkbox) options, each with optional feedback."""

    NAME = "quiz"
    OPTIONS = {"shuffle": [False, type_boolean]}

    def render_body(self, root, fieldset, q: Question, qid: str, t: dict[str, str]) -> None:
        kind = "checkbox" if q.multiple else "radio"
        if q.multiple:
            root.set("data-multiple", "")
        _el(fieldset, "p", "hvs-quiz__hint", t["many" if q.multiple else "one"], **NO_SEARCH)
        ul = _el(fieldset, "ul", "hvs-quiz__options")
        for i in q.shown():
            option = q.options[i]
            li = _el(ul, "li", "hvs-quiz__option", data_i=str(i))
            if option.correct:
                li.set("data-correct", "")
            _el(li, "input", None, type=kind, name=qid, id=f"{qid}-{i}", value=str(i))
            _el(li, "label", None, option.text, for_=f"{qid}-{i}")
            if option.feedback:
                self._markdown(_el(li, "div", "hvs-quiz__fb", **HIDDEN, **NO_SEARCH), option.feedback)


class OrderBlock(_QuestionBlock):
    """Steps shown in a fixed shuffled order; readers move them into the right order."""

    NAME = "order"
    OPTIONS = {}

    def render_body(self, root, fieldset, q: Question, qid: str, t: dict[str, str]) -> None:
        _el(fieldset, "p", "hvs-quiz__hint", t["order"], **NO_SEARCH)
        _el(fieldset, "p", "hvs-quiz__hint--print", t["order_print"], **NO_SEARCH)
        ol = _el(fieldset, "ol", "hvs-quiz__steps")
        for i in q.shown():
            li = _el(ol, "li", "hvs-quiz__step", data_i=str(i))
            _el(li, "span", "hvs-quiz__box", aria_hidden="true")
            _el(li, "span", "hvs-quiz__text", q.options[i].text)

    def render_answer(self, details, q: Question, t: dict[str, str]) -> None:
        _el(_el(details, "p", "hvs-quiz__key"), "strong", None, t["sequence"])
        ol = _el(details, "ol")
        for option in q.options:
            _el(ol, "li", None, option.text)


class FillBlock(_QuestionBlock):
    """A typed answer, compared with the accepted ones after folding (see questions.fold)."""

    NAME = "fill"
    OPTIONS = {"exact": [False, type_boolean]}

    def render_body(self, root, fieldset, q: Question, qid: str, t: dict[str, str]) -> None:
        # Folded already, so quiz.js only folds what the reader typed.
        root.set("data-accept", json.dumps(q.accepted(), ensure_ascii=False))
        if q.exact:
            root.set("data-exact", "")
        _el(fieldset, "label", "hvs-quiz__label", t["fill"], for_=f"{qid}-in")
        _el(fieldset, "input", "hvs-quiz__input", type="text", id=f"{qid}-in", name=qid,
            autocomplete="off", autocapitalize="off", spellcheck="false")

    def render_answer(self, details, q: Question, t: dict[str, str]) -> None:
        answer = _el(details, "p", "hvs-quiz__key")
        _el(answer, "strong", None, t["answer"]).tail = " " + " / ".join(o.text for o in q.options)


BLOCKS: list[type[Block]] = [QuizBlock, OrderBlock, FillBlock]
