"""The MkDocs plugin: a thin layer that wires MkDocs events to the package.

Nothing else in the package imports MkDocs. mkdocs-static-i18n builds the site once
per language, so every event here may run twice; per-site work is done once.
"""
from __future__ import annotations

import logging
import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from . import handouts, images, lessons, offline, present, search, theme_css, ui

# Under the mkdocs logger tree, so --strict counts our warnings.
log = logging.getLogger("mkdocs.plugins.hocvuso")

EXT = "hocvuso.blocks"


class HocVuSoConfig(Config):
    handouts = c.Type(bool, default=True)


class HocVuSoPlugin(BasePlugin[HocVuSoConfig]):
    def __init__(self):
        self.serving = False  # mkdocs serve: cached handout PDFs only, so the preview stays fast
        self.later = None  # serving: what handouts.render_later still has to render
        self.catalogue: lessons.Catalogue | None = None
        self.reported: set[str] = set()
        self.search = search.Collector()  # per-language search entries, written after each build
        self.images: images.ImagePipeline | None = None

    def _lang(self, config) -> str:
        i18n = config.plugins.get("i18n")
        return getattr(i18n, "current_language", None) or lessons.DEFAULT_LANG

    def on_config(self, config):
        config.mdx_configs.setdefault(EXT, {})
        config.mdx_configs[EXT]["docs_dir"] = config.docs_dir
        config.mdx_configs[EXT]["lang"] = self._lang(config)
        self.images = self.images or images.ImagePipeline(
            os.path.join(os.path.dirname(config.config_file_path), ".cache", "images"))
        return config

    def on_pre_build(self, config):
        self.catalogue = lessons.load_catalogue(config.docs_dir)
        problems = [*self.catalogue.problems, *images.image_problems(config.docs_dir)]
        new = [p for p in problems if str(p) not in self.reported]
        for problem in new:
            log.error(str(problem))
            self.reported.add(str(problem))
        if problems:
            raise PluginError(f"{len(problems)} problem(s) in the lessons; fix them and build again "
                              "(scripts/check lists them too).")

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def on_files(self, files, config):
        lang = self._lang(config)
        if self.config.handouts and self.catalogue is not None and lang == lessons.DEFAULT_LANG:
            # Per-site work, once (first language pass): every PDF of both languages.
            cache = os.path.join(os.path.dirname(config.config_file_path), ".cache", "handouts")
            result = handouts.build_site(self.catalogue, config.site_url or "", config.site_name, cache,
                                         render=not self.serving, progress=log.info)
            log.info(handouts.summary(result))
            # Serving: render the missing ones in the background once the preview is built (on_post_build).
            self.later = (self.catalogue, config.site_url or "", config.site_name, cache) if result.skipped else None
            for problem in result.problems:
                log.error(str(problem))
            if result.problems:
                raise PluginError(f"{len(result.problems)} handout problem(s); fix them and build again.")
        for src, dest, path in handouts.site_files(config.docs_dir, lang) if self.config.handouts else []:
            pdf = File.generated(config, src, abs_src_path=path)
            pdf.dest_uri = dest  # under en/ in the English pass; links still find it by src
            files.append(pdf)
        return files

    def on_nav(self, nav, config, files):
        lang = self._lang(config)
        order = {a: i for i, a in enumerate([*lessons.AUDIENCES, *lessons.OTHER_SECTIONS])}
        titles = {**lessons.AUDIENCES, **lessons.OTHER_SECTIONS}

        def folder(item) -> str | None:
            page = getattr(item, "file", None) or next(
                (ch.file for ch in getattr(item, "children", None) or [] if getattr(ch, "file", None)), None)
            if page is None:
                return None
            return page.src_uri.split("/")[0] if "/" in page.src_uri else None

        def lesson_order(item) -> tuple[int, str]:
            file = getattr(item, "file", None)
            if file is None:
                return (0, "")
            name = file.src_uri.rsplit("/", 1)[-1]
            if name.startswith("index."):
                return (-1, "")
            found = self.catalogue.for_path(file.src_uri) if self.catalogue else None
            if found is None:
                found = self.catalogue.for_path(lessons.base_of(file.src_uri)) if self.catalogue else None
            return (found.order if found else 10_000, file.src_uri)

        for item in nav.items:
            key = folder(item)
            if item.is_section and key in titles:
                item.title = titles[key][lang]
                item.children.sort(key=lesson_order)
        nav.items.sort(key=lambda it: (order.get(folder(it) or "", -1) if not getattr(it, "is_page", False)
                                       or folder(it) else -1))
        # MkDocs links previous/next pages before on_nav: link them again in the new order.
        nav.pages = [p for p in _flatten(nav.items)]
        for prev, page in zip([None, *nav.pages], nav.pages):
            page.previous_page = prev
            if prev is not None:
                prev.next_page = page
        if nav.pages:
            nav.pages[-1].next_page = None
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        config.mdx_configs[EXT]["lang"] = self._lang(config)
        return markdown

    def on_page_content(self, html, page, config, files):
        if "<img" not in html:
            return html
        return self.images.rewrite(html, page.file.dest_uri, config.docs_dir, config.site_dir)

    def on_page_context(self, context, page, config, nav):
        if self.catalogue is not None:
            src = page.file.src_uri
            lesson = self.catalogue.for_path(src) or self.catalogue.for_path(
                src[:-3] + f".{self._lang(config)}.md" if not src.endswith(".en.md") else src)
            context["hvs_lesson"] = lesson
        context["hvs"] = ui.ui_text(self._lang(config))
        context["hvs_updated"] = ui.month_year(getattr(context.get("hvs_lesson"), "updated", None))
        context["hvs_qr"] = present.lesson_qr(config.site_url, context.get("hvs_lesson"))
        self.search.add(self._lang(config), page.url, page.title, page.meta.get("description", ""), page.content or "")
        return context

    def on_post_page(self, output, page, config):
        return offline.drop_alternate_links(output)

    def on_post_build(self, config):
        self.search.write(config.site_dir, self._lang(config))
        last_pass = self._lang(config) != lessons.DEFAULT_LANG or "i18n" not in config.plugins
        if last_pass and not self.serving:  # every page is written: Material's CSS cut to what they use
            theme_css.prune_site(config.site_dir)
        # Last, so the version hashes the whole site; the last language's run writes the final one.
        offline.write_service_worker(config.site_dir, os.path.join(config.theme.custom_dir or "", "sw.js"),
                                     serving=self.serving)
        if self.later and last_pass:  # serving: the preview is built, now the missing PDFs
            handouts.render_later(*self.later, report=log.info)
            self.later = None


def _flatten(items):
    """Pages of a navigation tree in reading order."""
    for item in items:
        if getattr(item, "is_page", False):
            yield item
        if getattr(item, "children", None):
            yield from _flatten(item.children)
