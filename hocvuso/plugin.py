"""The MkDocs adapter: MkDocs events call the engine-neutral phases of hocvuso.pipeline.

Nothing else in the package imports MkDocs. mkdocs-static-i18n builds the site once per
language, so the events run once per language; check and finish run once per build.
`python -m hocvuso serve` runs `mkdocs serve --dirty`: a save rebuilds only the pages whose
source changed, unless something every page shows changed (`preview.shape`).
"""
from __future__ import annotations

import logging

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from . import handouts, pipeline, preview, safety, search
from .errors import author_lang
from .lessons import DEFAULT_LANG

log = logging.getLogger("mkdocs.plugins.hocvuso")  # under mkdocs: --strict counts our warnings
# While serving, problems go to the terminal outside the mkdocs logger tree: strict mode would stop the
# rebuild there ("the server will appear stuck"), and the pages show the problems instead.
preview_log = logging.getLogger("hocvuso.preview")
EXT = "hocvuso.blocks"


class HocVuSoConfig(Config):
    handouts = c.Type(bool, default=True)


class HocVuSoPlugin(BasePlugin[HocVuSoConfig]):
    def __init__(self):
        self.serving = self.quick = self.full = False
        self.report: pipeline.Report | None = None
        self.reported: set[str] = set()
        self.shape = self.next_shape = None
        self.built: set[str] = set()
        self.problems: list = []  # the newest check's, for the background handouts' panel
        self.collector = search.Collector()
        self.listed: dict[tuple, list[str]] = {}

    def _lang(self, config) -> str:
        return getattr(config.plugins.get("i18n"), "current_language", None) or DEFAULT_LANG

    def _project(self, config) -> pipeline.Project:
        return pipeline.load_project(config.config_file_path, site_url=config.site_url)

    def on_startup(self, *, command, dirty):
        self.serving, self.quick = command == "serve", command == "serve" and dirty
        if self.serving and not preview_log.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("%(message)s"))
            preview_log.addHandler(handler)
            preview_log.propagate = False
        if self.quick:  # MkDocs warns about dirty builds at every save (strict mode would stop on it)
            logging.getLogger("mkdocs.commands.build").addFilter(lambda r: "'dirty' build" not in r.getMessage())

    def on_config(self, config):
        if self.serving and not config.site_url:
            config.site_url = pipeline.LOCAL_URL  # the preview may show the local address; paper never does
        project = self._project(config)
        preview.reuse_theme_work(config.theme, self.listed, project.cache_dir / "jinja")
        config.mdx_configs[EXT] = {**config.mdx_configs.get(EXT, {}), "docs_dir": str(project.docs_dir),
                                   "site_url": project.site_url, "theme_dir": str(project.theme_dir),
                                   "cache_dir": str(project.cache_dir)}
        from .ui import all_words

        config.extra["hvs_words"] = all_words()  # the theme's templates read the site's words here
        if not config.nav:  # order and section titles from the lesson model, as Zensical gets them
            from .lessons import load_catalogue

            config.nav, titles = pipeline.nav(load_catalogue(str(project.docs_dir)))
            i18n = config.plugins.get("i18n")
            for language in getattr(getattr(i18n, "config", None), "languages", None) or []:
                if not language.default:
                    language.nav_translations = {**titles, **(language.nav_translations or {})}
        return config

    def on_pre_build(self, config):
        if self._lang(config) != DEFAULT_LANG and self.report is not None:
            return  # the second language's pass: checked already
        project = self._project(config)
        try:
            self.report = report = pipeline.check(project, render_handouts=not self.serving,
                                                  publishing=not self.serving, progress=log.info)
            self.problems = report.problems
            if self.quick:  # everything rebuilt when what every page shows changed, else only changed pages
                self.next_shape = preview.shape(project, report.catalogue, config.config_file_path)
                self.full, self.built = self.next_shape != self.shape, set()
                if self.full:  # (the first build's folder is MkDocs' new, empty one)
                    from mkdocs.utils import clean_directory

                    clean_directory(config.site_dir)
        except Exception as exc:  # never a traceback for an author
            from .errors import internal_error

            raise PluginError(internal_error(exc)) from exc
        for problem in report.problems:
            if str(problem) not in self.reported or self.serving:
                (preview_log.warning if self.serving else log.error)(str(problem))
                self.reported.add(str(problem))
        if report.handouts:
            log.info(handouts.summary(report.handouts))
        config.mdx_configs[EXT].update(catalogue=report.catalogue, handouts=report.handouts or "")
        if report.problems and not self.serving:
            raise PluginError(f"Còn {len(report.problems)} lỗi cần sửa (ghi ở trên): sửa rồi dựng lại (lệnh python -m "
                              "hocvuso check cũng liệt kê chúng)." if author_lang() == "vi" else
                              f"{len(report.problems)} problem(s) to fix (listed above); fix them and build again "
                              "(python -m hocvuso check lists them too).")
        # Serving: the preview goes on, and every page shows the problems until they are fixed.

    def on_files(self, files, config):
        # The handout PDFs are the site's files too, so MkDocs knows the links to them (finish copies them
        # for other engines).
        for pdf in self.report.handouts.pdfs if self.report and self.report.handouts else []:
            if pdf.lang == self._lang(config):
                file = File.generated(config, pdf.src_uri, abs_src_path=str(pdf.path))
                file.dest_uri = pdf.dest_uri  # under en/ in the English pass; links still find it by src
                files.append(file)
        return files

    def on_page_markdown(self, markdown, page, config, files):
        config.mdx_configs[EXT].update(lang=self._lang(config), page=page.file.src_uri)
        safety.escape_meta(page.meta)  # Material prints titles and descriptions raw: <title>, meta, nav, header
        return markdown

    def on_nav(self, nav, config, files):
        if self.quick and self.report:  # pages not read again in a quick rebuild still need their titles
            for page in nav.pages:
                if not page.file.is_modified():
                    lesson = self.report.catalogue.for_path(page.file.src_uri)
                    if lesson is not None:
                        page.title = safety.escaped(lesson.title)  # escaped as on_page_markdown does
                    else:
                        page.read_source(config)
                        safety.escape_meta(page.meta)
        return nav

    def on_env(self, env, config, files):
        if self.quick and not self.full:
            config.theme.static_templates = set()  # 404 and sitemap: unchanged by a lesson's body
        return env

    def on_post_page(self, output, page, config):
        if not self.serving:
            return output
        self.built.add(page.file.dest_uri)
        at = output.find(">", output.find("<body")) + 1  # every page shows the tree's problems (finish writes them)
        return output[:at] + preview.panel_loader(page.file.dest_uri) + output[at:]

    def on_post_build(self, config):
        if self._lang(config) == DEFAULT_LANG and "i18n" in config.plugins:
            return  # finish once, after the last language
        project = self._project(config)
        quick = self.quick and not self.full
        if not quick:
            self.collector = search.Collector(project.cache_dir / "search-entries.json")
        pipeline.finish(project, config.site_dir, self.report, serving=self.serving,
                        pages=self.built if quick else None, collector=self.collector)
        self.shape = self.next_shape
        if self.serving and self.report and not self.report.problems and self.report.handouts \
                and self.report.handouts.skipped:
            site = config.site_dir

            def done(result):  # the new PDFs into the served site, a sheet too long into every page's panel
                pipeline.place_handouts(result, site)  # (with the problems of the newest save: it may be later)
                preview.write_problems_panel(site, [*self.problems, *result.problems])

            handouts.render_later(self.report.catalogue, project.site_url, project.site_name,
                                  project.handout_cache, report=preview_log.warning, done=done)
        self.report = None
