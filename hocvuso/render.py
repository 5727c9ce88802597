"""The render phase: what a page shows that comes from the lesson model, for any engine.

The Markdown extension (hocvuso.blocks) calls these functions. They find the page being
rendered from what the engine hands Python-Markdown (MkDocs: the adapter's `page` option;
Zensical: its rendering context), then render the lesson head and foot from the theme's
partials with the lesson's data, escaped.
"""
from __future__ import annotations

import functools
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import present, ui
from .lessons import DEFAULT_LANG, LANGS, Catalogue, Lesson, load_catalogue


@dataclass(frozen=True)
class PageRef:
    """The page being rendered: its source path (with the language suffix), language and lesson, if any."""

    path: str
    lang: str
    lesson: Lesson | None


def catalogue_of(config: dict) -> Catalogue:
    """The catalogue the caller handed over, else the one of docs_dir (parsed once per change of the tree)."""
    given = config.get("catalogue")
    if isinstance(given, Catalogue):
        return given
    return load_catalogue(config.get("docs_dir") or "docs", config.get("tree") or None)


def _engine_page(md) -> tuple[str, str]:
    """(source path, language) from Zensical's rendering context, or ('', '') under another engine."""
    try:
        ctx = md.preprocessors["rendering_context"]
    except (KeyError, AttributeError):
        return "", ""
    page = getattr(ctx, "page", None)
    conf = getattr(ctx, "config", None) or {}
    lang = str((conf.get("theme") or {}).get("language") or "")
    return str(getattr(page, "path", "") or "").replace(os.sep, "/"), lang


def page_of(md, config: dict) -> PageRef:
    """Which page `md` is rendering, remembered on the Markdown instance (one instance renders one page)."""
    memo = getattr(md, "_hvs_page", None)
    if memo is not None:
        return memo
    path, lang = config.get("page") or "", config.get("lang") or ""
    if not path:
        staged, engine_lang = _engine_page(md)
        lang = lang or engine_lang
        # zensical-i18n stages each language's files without the suffix: x.en.md is x.md there.
        path = staged[:-3] + f".{lang}.md" if staged.endswith(".md") and lang and lang != DEFAULT_LANG else staged
    lang = lang if lang in LANGS else ("en" if path.endswith(".en.md") else DEFAULT_LANG)
    lesson = catalogue_of(config).for_path(path) if path else None
    ref = PageRef(path, lang, lesson)
    try:
        md._hvs_page = ref
    except AttributeError:  # pragma: no cover - a Markdown stand-in without attributes
        pass
    return ref


@functools.lru_cache(maxsize=8)
def _env(theme_dir: str) -> jinja2.Environment:
    dirs = [theme_dir]
    spec = importlib.util.find_spec("material")
    if spec and spec.origin:  # Material's icons (.icons/…) for the partials that include them
        dirs.append(str(Path(spec.origin).parent / "templates"))
    return jinja2.Environment(loader=jinja2.FileSystemLoader(dirs), autoescape=True, trim_blocks=True,
                              lstrip_blocks=True, undefined=jinja2.ChainableUndefined)


@functools.lru_cache(maxsize=8192)
def _qr(site_url: str, lesson_url: str, cache_dir: str) -> str:
    """The lesson's QR code, kept on disk by address: making one costs more than rendering the page."""
    import hashlib

    path = Path(cache_dir, "qr", hashlib.sha256(f"{site_url}|{lesson_url}".encode()).hexdigest()[:32] + ".svg")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    svg = present.qr_for(site_url, lesson_url)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(svg, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:  # a read-only cache is no reason to fail a page
        pass
    return svg


def lesson_frame(lesson: Lesson, config: dict) -> tuple[str, str]:
    """(head, foot) HTML of a lesson page, from the theme's partials (hvs-lesson-head/-foot, hvs-present)."""
    env = _env(os.path.abspath(config.get("theme_dir") or "overrides"))
    context = {
        "hvs_lesson": lesson,
        "words": ui.words(lesson.lang),
        "hvs_updated": ui.month_year(lesson.updated),
        "hvs_qr": Markup(_qr(config.get("site_url") or "", lesson.url, config.get("cache_dir") or ".cache")),
    }
    head = env.get_template("partials/hvs-lesson-head.html").render(context)
    foot = (env.get_template("partials/hvs-lesson-foot.html").render(context)
            + env.get_template("partials/hvs-present.html").render(context))
    return head, foot


PANEL_TEXT = {
    "vi": ("Bài học còn {n} lỗi cần sửa", "Trang xem thử vẫn chạy. Sửa từng lỗi trong tệp được ghi (số sau dấu hai "
           "chấm là số dòng), lưu lại: trang tự tải lại và bảng này biến mất khi hết lỗi.", "Tệp", "Cách sửa"),
    "en": ("The lessons have {n} problem(s) to fix", "The preview keeps running. Fix each one in the file named (the "
           "number after the colon is the line), save: the page reloads and this panel goes away when all are fixed.",
           "File", "How to fix it"),
}


def problems_panel(problems: list, lang: str) -> str:
    """The preview's panel listing the tree's problems (file, line, what is wrong, the fix) in the author's
    language `lang`, escaped; `code` in a message shows as code."""
    import re

    from markupsafe import escape

    def words(text: str) -> str:
        return re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text)))

    title, hint, file_label, fix_label = PANEL_TEXT.get(lang, PANEL_TEXT["vi"])
    items = ""
    for p in problems:
        message, fix = p.words(lang)
        items += (f'<li><code>docs/{escape(p.path)}:{p.line}</code> {words(message)}.'
                  f' <strong>{fix_label}:</strong> {words(fix)} <small>[{escape(p.code)}]</small></li>')
    style = ("position:relative;z-index:10;margin:0;padding:1rem 1.2rem;background:#fff3cd;color:#1a1a1a;"
             "border-bottom:4px solid #b00020;font-size:1rem;line-height:1.5;max-height:60vh;overflow:auto")
    return (f'<section class="hvs-problems" role="alert" aria-labelledby="hvs-problems-title" style="{style}">'
            f'<h2 id="hvs-problems-title" style="margin:0 0 .4rem;color:#b00020">'
            f'{escape(title.format(n=len(problems)))}</h2><p style="margin:0 0 .4rem">{escape(hint)}</p>'
            f'<ol style="margin:0;padding-left:1.4rem">{items}</ol></section>')
