"""The MkDocs adapter: MkDocs events call the engine-neutral phases of hocvuso.pipeline.

Nothing else in the package imports MkDocs. mkdocs-static-i18n builds the site once per
language, so the events run once per language; check and finish run once per build.
`python -m hocvuso serve` runs `mkdocs serve --dirty`: a save rebuilds only the pages whose
source changed, unless something every page shows changed (hocvuso/preview.py).
"""
from __future__ import annotations

import logging

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from . import handouts, pipeline, preview, problems, safety, ui
from .lessons import DEFAULT_LANG, load_catalogue

log = logging.getLogger("mkdocs.plugins.hocvuso")  # under mkdocs: --strict counts our warnings
# While serving, problems go to the terminal outside the mkdocs logger tree: strict mode would stop the
# rebuild there ("the server will appear stuck"), and the pages show the problems instead.
preview_log = logging.getLogger("hocvuso.preview")
EXT = "hocvuso.blocks"


class HocVuSoConfig(Config):
    handouts = c.Type(bool, default=True)


class HocVuSoPlugin(BasePlugin[HocVuSoConfig]):
    def __init__(self):
        self.report: pipeline.Report | None = None
        self.session: preview.Session | None = None  # while serving
        self.reported: set[str] = set()
        self.listed: dict[tuple, list[str]] = {}  # the theme's files, read once

    def _lang(self, config) -> str:
        return getattr(config.plugins.get("i18n"), "current_language", None) or DEFAULT_LANG

    def _project(self, config) -> pipeline.Project:
        return pipeline.load_project(config.config_file_path, site_url=config.site_url)

    def on_startup(self, *, command, dirty):
        if command == "serve":
            self.session = preview.Session(quick=dirty)
            if not preview_log.handlers:
                handler = logging.StreamHandler()
                handler.setFormatter(logging.Formatter("%(message)s"))
                preview_log.addHandler(handler)
                preview_log.propagate = False
            # MkDocs warns about dirty builds at every save (strict mode would stop on it).
            logging.getLogger("mkdocs.commands.build").addFilter(lambda r: "'dirty' build" not in r.getMessage())

    def on_config(self, config):
        if self.session and not config.site_url:
            config.site_url = pipeline.LOCAL_URL  # the preview may show the local address; paper never does
        project = self._project(config)
        preview.reuse_theme_work(config.theme, self.listed, project.cache_dir / "jinja")
        config.mdx_configs[EXT] = {**config.mdx_configs.get(EXT, {}), "docs_dir": str(project.docs_dir),
                                   "site_url": project.site_url, "theme_dir": str(project.theme_dir),
                                   "cache_dir": str(project.cache_dir)}
        config.extra["hvs_words"] = ui.all_words()  # the theme's templates read the site's words here
        if not config.nav:  # order and section titles from the lesson model, as Zensical gets them
            config.nav, titles = pipeline.nav(load_catalogue(str(project.docs_dir)))
            for language in getattr(getattr(config.plugins.get("i18n"), "config", None), "languages", None) or []:
                if not language.default:
                    language.nav_translations = {**titles, **(language.nav_translations or {})}
        return config

    def on_pre_build(self, config):
        if self._lang(config) != DEFAULT_LANG and self.report is not None:
            return  # the second language's pass: checked already
        serving, project = self.session is not None, self._project(config)
        try:
            self.report = report = pipeline.check(project, render_handouts=not serving, publishing=not serving,
                                                  progress=log.info)
            if serving and self.session.start(project, report, config.config_file_path):
                from mkdocs.utils import clean_directory

                clean_directory(config.site_dir)  # every page is rebuilt
        except Exception as exc:  # never a traceback for an author
            from .errors import internal_error

            raise PluginError(internal_error(exc)) from exc
        for problem in report.problems:
            if str(problem) not in self.reported or serving:
                (preview_log.warning if serving else log.error)(str(problem))
                self.reported.add(str(problem))
        if report.handouts:
            log.info(handouts.summary(report.handouts))
        config.mdx_configs[EXT].update(catalogue=report.catalogue, handouts=report.handouts or "")
        if report.problems and not serving:  # (serving: every page shows them until they are fixed)
            raise PluginError(problems.stopped(report.problems))

    def on_files(self, files, config):
        # The handout PDFs are the site's files too, so MkDocs knows the links to them.
        for pdf in self.report.handouts.pdfs if self.report and self.report.handouts else []:
            if pdf.lang == self._lang(config):
                file = File.generated(config, pdf.src_uri, abs_src_path=str(pdf.path))
                file.dest_uri = pdf.dest_uri  # under en/ in the English pass; links still find it by src
                files.append(file)
        return files

    def on_nav(self, nav, config, files):
        if self.session and self.report:
            self.session.titles(nav.pages, self.report.catalogue, config)
        return nav

    def on_env(self, env, config, files):
        if self.session and not self.session.full:
            config.theme.static_templates = set()  # 404 and sitemap: unchanged by a lesson's body
        return env

    def on_page_markdown(self, markdown, page, config, files):
        config.mdx_configs[EXT].update(lang=self._lang(config), page=page.file.src_uri)
        safety.escape_meta(page.meta)  # Material prints titles and descriptions raw: <title>, meta, nav, header
        return markdown

    def on_post_page(self, output, page, config):
        return self.session.page(page.file.dest_uri, output) if self.session else output

    def on_post_build(self, config):
        if self._lang(config) == DEFAULT_LANG and "i18n" in config.plugins:
            return  # finish once, after the last language
        if self.session:
            self.session.finish(self._project(config), config.site_dir, self.report, say=preview_log.warning)
        else:
            pipeline.finish(self._project(config), config.site_dir, self.report)
        self.report = None
