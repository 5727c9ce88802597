"""The MkDocs adapter: MkDocs events call the engine-neutral phases of hocvuso.pipeline.

Nothing else in the package imports MkDocs. mkdocs-static-i18n builds the site once per
language, so the events run once per language; check and finish run once per build.
"""
from __future__ import annotations

import logging

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from . import handouts, pipeline
from .lessons import DEFAULT_LANG

log = logging.getLogger("mkdocs.plugins.hocvuso")  # under mkdocs: --strict counts our warnings
EXT = "hocvuso.blocks"


class HocVuSoConfig(Config):
    handouts = c.Type(bool, default=True)


class HocVuSoPlugin(BasePlugin[HocVuSoConfig]):
    def __init__(self):
        self.serving = False
        self.report: pipeline.Report | None = None
        self.reported: set[str] = set()

    def _lang(self, config) -> str:
        return getattr(config.plugins.get("i18n"), "current_language", None) or DEFAULT_LANG

    def _project(self, config) -> pipeline.Project:
        return pipeline.load_project(config.config_file_path, site_url=config.site_url)

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        project = self._project(config)
        config.mdx_configs[EXT] = {**config.mdx_configs.get(EXT, {}), "docs_dir": str(project.docs_dir),
                                   "site_url": project.site_url, "theme_dir": str(project.theme_dir)}
        return config

    def on_pre_build(self, config):
        if self._lang(config) != DEFAULT_LANG and self.report is not None:
            return  # the second language's pass: checked already
        self.report = report = pipeline.check(self._project(config), render_handouts=not self.serving,
                                              progress=log.info)
        for problem in report.problems:
            if str(problem) not in self.reported:
                log.error(str(problem))
                self.reported.add(str(problem))
        if report.handouts:
            log.info(handouts.summary(report.handouts))
        if report.problems:
            raise PluginError(f"{len(report.problems)} problem(s) in the lessons; fix them and build again "
                              "(python -m hocvuso check lists them too).")
        config.mdx_configs[EXT]["catalogue"] = report.catalogue

    def on_nav(self, nav, config, files):
        order = {path: i for i, path in enumerate(_paths(pipeline.nav(self.report.catalogue)[0]))}
        titles = {k: v for k, v in pipeline.section_titles(self._lang(config)).items()}
        return _apply_order(nav, order, titles, self._lang(config))

    def on_page_markdown(self, markdown, page, config, files):
        config.mdx_configs[EXT].update(lang=self._lang(config), page=page.file.src_uri)
        return markdown

    def on_post_build(self, config):
        if self._lang(config) == DEFAULT_LANG and "i18n" in config.plugins:
            return  # finish once, after the last language
        pipeline.finish(self._project(config), config.site_dir, self.report, serving=self.serving)
        if self.serving and self.report and self.report.handouts and self.report.handouts.skipped:
            project = self._project(config)
            handouts.render_later(self.report.catalogue, project.site_url, project.site_name,
                                  project.handout_cache, report=log.info)
        self.report = None


def _paths(items) -> list[str]:
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        else:
            for children in item.values():
                out += _paths(children)
    return out


def _apply_order(nav, order: dict[str, int], titles: dict[str, str], lang: str):
    """MkDocs' navigation in pipeline.nav's order and titles (static-i18n builds it once per language)."""
    def rank(item) -> int:
        file = getattr(item, "file", None)
        if file is None:
            file = next((ch.file for ch in item.children or [] if getattr(ch, "file", None)), None)
        src = file.src_uri.replace(f".{lang}.md", ".md") if file else ""
        if item.is_section:
            src = src.split("/")[0] + "/index.md"
        return order.get(src, len(order))

    for item in nav.items:
        if item.is_section:
            key = (item.children[0].file.src_uri.split("/")[0] if item.children and getattr(
                item.children[0], "file", None) else "")
            item.title = titles.get(key, item.title)
            item.children.sort(key=rank)
    nav.items.sort(key=rank)
    # MkDocs links previous/next pages before on_nav: link them again in the new order.
    nav.pages = list(_flatten(nav.items))
    for prev, page in zip([None, *nav.pages], nav.pages):
        page.previous_page = prev
        if prev is not None:
            prev.next_page = page
    if nav.pages:
        nav.pages[-1].next_page = None
    return nav


def _flatten(items):
    for item in items:
        if getattr(item, "is_page", False):
            yield item
        if getattr(item, "children", None):
            yield from _flatten(item.children)
