"""What a handout says: the HTML of one lesson's A4 sheet and of a booklet's cover, from the Lesson data.

Plain text in, HTML out (Jinja templates under `templates/`); hocvuso/handouts.py lays it out with
WeasyPrint, caches the PDFs and builds the booklets.
"""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

import jinja2
import markdown
from markupsafe import Markup

from . import inert, qr, ui
from .lessons import Lesson, scan_blocks
from .questions import Question, deterministic_order, fold

TEMPLATES = Path(__file__).resolve().parent / "templates"

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"



def _css_string(value: str) -> str:
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                          keep_trailing_newline=False)
_ENV.filters["css_string"] = _css_string


def _markdown(text: str) -> str:
    """Lesson Markdown as HTML for WeasyPrint: raw HTML shows as text, nothing active or remote survives."""
    md = markdown.Markdown(extensions=["sane_lists", "attr_list", "tables"], output_format="html")
    inert.escape_raw_html(md)
    inert.register(md)
    return md.convert(text)


def _inline(text: str) -> Markup:
    html = _markdown(text).strip()
    html = re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.S)
    return Markup(html)


def handout_markdown(lesson: Lesson) -> str:
    """The handout block's Markdown, without any nested block (trainer notes never print)."""
    block = lesson.handout
    if block is None:
        return ""
    lines = list(block.body)
    nested, _problems = scan_blocks(lesson.path, "\n".join(lines), 0)
    drop: set[int] = set()
    for inner in nested:
        drop.update(range(inner.line, inner.end_line + 1))
    return "\n".join(x for n, x in enumerate(lines) if n not in drop).strip()


def _date_text(date: _dt.date, lang: str) -> str:
    return date.strftime("%d/%m/%Y") if lang == "vi" else date.strftime("%d %B %Y").lstrip("0")


def absolute_url(site_url: str, lesson: Lesson) -> str:
    return site_url.rstrip("/") + "/" + lesson.url


def short_url(url: str) -> str:
    """The address as a person types it: no scheme, no 'www.'."""
    return re.sub(r"^https?://(www\.)?", "", url)


def _breakable(address: str) -> Markup:
    """An address that wraps only after a '/', never at one of its hyphens (which would look like a break)."""
    return Markup("/<wbr>").join(part.replace("-", "\u2011") for part in address.split("/"))


def _answer_sheet(lesson: Lesson, t: dict[str, str]) -> tuple[list[dict], list[dict]]:
    """Questions as printable items, and the key (one entry per question)."""
    items, key = [], []
    for n, q in enumerate(lesson.questions, 1):
        q: Question
        if q.kind == "quiz":
            options = [{"label": LETTERS[i], "text": _inline(o.text)} for i, o in enumerate(q.options)]
            answer = ", ".join(LETTERS[i] for i, o in enumerate(q.options) if o.correct)
            hint = t["all_correct"] if q.multiple else ""
        elif q.kind == "order":
            shown = deterministic_order(q.id, len(q.options))
            options = [{"text": _inline(q.options[i].text)} for i in shown]
            # The number each box should get, in the order the boxes are printed.
            answer = " – ".join(str(i + 1) for i in shown)
            hint = t["order"]
        else:
            options = []
            answer = " / ".join(o.text for o in q.options)
            hint = t["fill"]
        if hint and fold(hint) in fold(q.prompt):
            hint = ""  # the author's question already says it
        items.append({"kind": q.kind, "prompt": _inline(q.prompt), "hint": hint, "options": options,
                      "context": Markup(_markdown(q.context)) if q.context.strip() else ""})
        key.append({"number": n, "answer": answer})
    return items, key


def sheet_context(lesson: Lesson, site_url: str, site_name: str, date: _dt.date) -> dict:
    """Everything the handout template shows, from the lesson's structured data."""
    w = ui.words(lesson.lang)
    lang, t = w["lang"], w["sheet"]
    url = absolute_url(site_url, lesson)
    questions, key = _answer_sheet(lesson, t)
    meta = " · ".join([w["lesson"]["minutes"].format(n=lesson.duration), w["levels"][lesson.level]])
    return {
        "lang": lang, "words": w, "t": t, "lesson": lesson, "site_name": site_name,
        "audience_name": w["audiences"][lesson.audience], "meta": meta,
        "body": Markup(_markdown(handout_markdown(lesson))),
        "questions": questions, "key": key,
        "qr": Markup(qr.qr_svg(url, title=lesson.title)), "short_url": _breakable(short_url(url)),
        "date_iso": date.isoformat(),
        "footer_left": site_name + " · " + short_url(site_url.rstrip("/")),
        "footer_right": t["built"].format(date=_date_text(date, lang)),
    }


def handout_html(lesson: Lesson, site_url: str, site_name: str, date: _dt.date, compact: bool = False) -> str:
    """The handout of one lesson as an HTML document for WeasyPrint (compact: 14 pt, the smallest allowed)."""
    return _ENV.get_template("handout.html").render(sheet_context(lesson, site_url, site_name, date),
                                                   compact=compact)


def booklet_title(lang: str, audience: str) -> str:
    w = ui.words(lang)
    return w["sheet"]["booklet"].format(audience=w["audiences"][audience])


def booklet_html(lang: str, audience: str, members: list[Lesson], site_url: str, site_name: str,
                  date: _dt.date, first_page: int) -> str:
    t = ui.words(lang)["sheet"]
    items = [{"title": x.title, "page": first_page + i} for i, x in enumerate(members)]
    return _ENV.get_template("booklet.html").render(
        lang=lang, t=t, title=booklet_title(lang, audience), subtitle=t["booklet_sub"].format(n=len(members)),
        items=items, site_name=site_name, date=_date_text(date, lang), date_iso=date.isoformat(),
        short_url=short_url(site_url.rstrip("/")),
        footer_left=site_name + " · " + short_url(site_url.rstrip("/")),
        footer_right=t["built"].format(date=_date_text(date, lang)))
