"""Generated parts of pages: learning paths and the competency grid.

Built from the catalogue as ElementTree elements whose links are the built pages' addresses,
so they are the same under every engine.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Callable

from markdown.util import AtomicString

from . import ui
from .lessons import AUDIENCES, Catalogue, Lesson

def _sub(parent: etree.Element, tag: str, text: str | None = None, **attrs: str) -> etree.Element:
    el = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        # Atomic: a lesson's title or description is text, never Markdown or HTML for the page to run.
        el.text = AtomicString(text)
    return el


def lesson_link(lesson: Lesson) -> str:
    """The built page's address from a page one folder deep (every page that lists lessons is x/index.md).

    Written as the final .html address, not as a Markdown link, so it is right under every engine.
    """
    return f"../{lesson.audience}/{lesson.slug}.html"


def lesson_meta(lesson: Lesson, lang: str) -> str:
    w = ui.words(lang)
    return " · ".join([w["lesson"]["minutes"].format(n=lesson.duration), w["levels"][lesson.level]])


def _competencies(parent: etree.Element, lesson: Lesson, catalogue: Catalogue, lang: str) -> None:
    """"Năng lực: <name> (2.1); <name> (2.5)": a reader knows names, not codes; the code stays as small print."""
    p = _sub(parent, "p", ui.words(lang)["lesson"]["competencies"] + ": ", class_="hvs-path__comp")
    for n, code in enumerate(lesson.competencies):
        comp = catalogue.competencies.get(code)
        span = _sub(p, "span", comp.names[lang] if comp else code)
        if comp:
            _sub(span, "small", code).tail = None
            span.text += " "
        span.tail = "; " if n < len(lesson.competencies) - 1 else None


def learning_path(catalogue: Catalogue, audience: str, lang: str) -> etree.Element:
    """The ordered list of an audience's lessons, with slots for done marks and progress.

    Each card is one link: the title's link covers the whole card (hvs.css), so a tap on the
    description opens the lesson too; nothing else in a card is a link.
    """
    t = ui.words(lang)["path"]
    lessons = catalogue.by_audience(audience, lang)
    # The words of "Save for offline" (assets/js/offline.js, offline-save.js) ride on the path.
    root = etree.Element("div", {"class": "hvs-path", "data-audience": audience, "data-save": t["save"],
                                 "data-saving": t["saving"], "data-saved": t["saved"],
                                 "data-not-saved": t["not_saved"]})
    if not lessons:
        _sub(root, "p", t["empty"])
        return root
    _sub(root, "p", t["aids"], class_="hvs-aids-hint")
    progress = _sub(root, "p", class_="hvs-path__progress", data_total=str(len(lessons)),
                    data_template=t["progress"], aria_live="polite")
    progress.text = t["progress"].format(k=0, n=len(lessons))
    ol = _sub(root, "ol", class_="hvs-path__list")
    for lesson in lessons:
        li = _sub(ol, "li", class_="hvs-path__item", data_lesson=f"{lesson.audience}/{lesson.slug}")
        h = _sub(li, "h2", class_="hvs-path__title")
        _sub(h, "a", lesson.title, href=lesson_link(lesson))
        _sub(li, "p", lesson.description, class_="hvs-path__desc")
        meta = _sub(li, "p", lesson_meta(lesson, lang), class_="hvs-path__meta")
        done = _sub(meta, "strong", class_="hvs-path__done", hidden="hidden")
        done.text = "✓ " + t["done"]
        _competencies(li, lesson, catalogue, lang)
    _sub(root, "button", t["reset"], type="button", class_="hvs-path__reset md-button", hidden="hidden",
         data_confirm=t["reset_confirm"])
    return root


def competency_grid(catalogue: Catalogue, lang: str) -> etree.Element:
    """Domains × audiences, each cell listing the lessons that train that domain."""
    t = ui.words(lang)["grid"]
    names = ui.words(lang)["audiences"]
    comps = catalogue.competencies
    domains = sorted((c for c in comps.values() if "." not in c.code), key=lambda c: int(c.code))
    lessons = [x for x in catalogue.lessons if x.lang == lang]
    root = etree.Element("div", {"class": "hvs-grid"})
    wrap = _sub(root, "div", class_="hvs-grid__scroll", tabindex="0", role="region", aria_label=t["domain"])
    table = _sub(wrap, "table", class_="hvs-grid__table")
    head = _sub(_sub(table, "thead"), "tr")
    _sub(head, "th", t["domain"], scope="col")
    for audience in AUDIENCES:
        _sub(head, "th", names[audience], scope="col")
    body = _sub(table, "tbody")
    for domain in domains:
        row = _sub(body, "tr")
        _sub(row, "th", f"{domain.code}. {domain.names[lang]}", scope="row")
        for audience in AUDIENCES:
            cell = _sub(row, "td")
            found = sorted((x for x in lessons if x.audience == audience
                            and any(c.split(".")[0] == domain.code for c in x.competencies)),
                           key=lambda x: x.order)
            if not found:
                cell.text = t["none"]
                continue
            ul = _sub(cell, "ul")
            for lesson in found:
                _sub(_sub(ul, "li"), "a", lesson.title, href=lesson_link(lesson))
    # Every component competence with its lessons, so a code in a lesson can be looked up.
    dl = _sub(root, "dl", class_="hvs-grid__list")
    for comp in sorted(comps.values(), key=lambda c: [int(p) for p in c.code.split(".")]):
        if "." not in comp.code:
            continue
        _sub(dl, "dt", f"{comp.code} {comp.names[lang]}", id=f"nl-{comp.code.replace('.', '-')}")
        dd = _sub(dl, "dd")
        found = sorted((x for x in lessons if comp.code in x.competencies), key=lambda x: (x.audience, x.order))
        if not found:
            dd.text = t["none"]
            continue
        for n, lesson in enumerate(found):
            a = _sub(dd, "a", lesson.title, href=lesson_link(lesson))
            a.tail = " · " if n < len(found) - 1 else None
    return root


def handout_index(catalogue: Catalogue, lang: str, pdf: Callable[[str, str | None], tuple[str, int] | None]
                  ) -> etree.Element:
    """Every handout PDF of one language, grouped by audience, each booklet first, with file sizes.

    `pdf(audience, slug or None)` gives (docs-absolute href, size in bytes) of a built PDF, or None.
    """
    w = ui.words(lang)
    t = w["handout_index"]
    root = etree.Element("div", {"class": "hvs-handouts"})

    def entry(parent: etree.Element, text: str, found: tuple[str, int] | None) -> None:
        li = _sub(parent, "li")
        if found is None:
            li.text = AtomicString(f"{text} ({t['missing']})")
            return
        href, size = found
        _sub(li, "a", text, href=href, type="application/pdf")
        _sub(li, "span", " — " + t["pdf"].format(kb=max(1, round(size / 1024))), class_="hvs-handouts__size")

    for audience in AUDIENCES:
        lessons = catalogue.by_audience(audience, lang)
        _sub(root, "h2", w["audiences"][audience], id=f"in-{audience}")
        if not lessons:
            _sub(root, "p", w["path"]["empty"])
            continue
        ul = _sub(root, "ul", class_="hvs-handouts__list")
        entry(ul, t["booklet_one"] if len(lessons) == 1 else t["booklet"].format(n=len(lessons)), pdf(audience, None))
        for lesson in lessons:
            entry(ul, lesson.title, pdf(audience, lesson.slug))
    return root


def problem_codes(lang: str) -> etree.Element:
    """The table of every problem code with its meaning and fix, from the registry."""
    import markdown

    from .problems import CODES

    t = ui.words(lang)["codes"]
    heads = (t["code"], t["meaning"], t["fix"], t["warning"])
    table = etree.Element("table", {"class": "hvs-codes"})
    row = _sub(_sub(table, "thead"), "tr")
    for head in heads[:3]:
        _sub(row, "th", head, scope="col")
    body = _sub(table, "tbody")
    for code, entry in CODES.items():
        row = _sub(body, "tr")
        cell = _sub(row, "td")
        _sub(cell, "code", code)
        if entry.severity == "warning":
            _sub(cell, "span", f" ({heads[3]})")
        for text in (entry.meaning[lang], entry.fix[lang]):
            td = _sub(row, "td")
            # The registry's words are the project's own (not a lesson's): inline Markdown for `code`.
            html = markdown.markdown(text, output_format="html")
            td.append(etree.fromstring(f"<span>{html[3:-4] if html.startswith('<p>') else html}</span>"))
    return table
