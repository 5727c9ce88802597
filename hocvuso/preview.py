"""The live preview's quick rebuilds (`python -m hocvuso serve`, which runs `mkdocs serve --dirty`).

- `shape()`: what every page shows besides its own source; while it stays the same, a save rebuilds only the
  pages of the saved file, and when it changes, every page.
- The problems panel is a file per language that every preview page loads (`write_problems_panel`,
  `panel_loader`), so a page rebuilt or not shows the whole tree's problems, and stops when they are fixed.
- `reuse_theme_work()`: compiled templates and the theme's file list kept between builds.
- `Session`: the preview's state from one rebuild to the next, for the engine's adapter (hocvuso/plugin.py).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from . import handouts, safety, search


if TYPE_CHECKING:
    from .lessons import Catalogue, Problem
    from .pipeline import Project

PANEL_DIR = "_preview"


def write_problems_panel(site_dir: str | Path, problems: list[Problem]) -> None:
    """The preview's problems panel that every preview page loads (empty: no problems), in the author's
    language on the pages of both languages: the author reads it, not the page's reader.

    Pages load it instead of carrying it, so a quick rebuild of one page still shows (and then clears)
    the whole tree's problems on every page.
    """
    from .errors import author_lang
    from .render import problems_panel

    folder = Path(site_dir) / PANEL_DIR
    folder.mkdir(parents=True, exist_ok=True)
    # .txt: the preview's server adds its reload script to every .html it serves
    (folder / "problems.txt").write_text(problems_panel(problems, author_lang()) if problems else "",
                                         encoding="utf-8")


def panel_loader(dest_uri: str) -> str:
    """The slot and the few lines of script a preview page gets to show the problems panel (see above)."""
    up = "../" * dest_uri.count("/")
    return ('<div id="hvs-problems-slot"></div><script>(function(){var s=document.getElementById('
            '"hvs-problems-slot");if(!window.fetch||!s)return;fetch("' + up + PANEL_DIR +
            '/problems.txt",{cache:"no-store"}).then(function(r){return r.ok?r.text():""}).then(function(t){s.innerHTML=t})'
            '.catch(function(){})})()</script>')


def shape(project: Project, catalogue: Catalogue, config_file: str | Path | None = None) -> tuple:
    """Everything a page may show besides its own source: when it changes, the preview rebuilds every page.

    The list of pages, every lesson's front matter (titles, order… appear in the navigation, the learning
    paths and the grid), other pages' titles, the data files, mkdocs.yml and the theme. A lesson's body
    changes only its own page.
    """
    docs = project.docs_dir
    lessons = {x.path: x for x in catalogue.lessons}
    shape: list[Any] = []
    for root, dirs, files in os.walk(docs):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            rel = path.relative_to(docs).as_posix()
            lesson = lessons.get(rel)
            if lesson is not None:
                shape.append((rel, lesson.title, lesson.description, lesson.order, lesson.duration, lesson.level,
                              lesson.competencies, lesson.objectives, lesson.updated, lesson.sources))
            elif name.endswith(".md"):
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    text = ""
                title = next((line for line in text.split("\n") if line.startswith("# ")), "")
                shape.append((rel, text[:text.find("\n---", 3) + 1] if text.startswith("---") else "", title))
            elif name.endswith((".yml", ".yaml")):
                shape.append((rel, path.stat().st_mtime_ns))
            # Pictures and other files change no other page: the engine copies the new ones.
    theme = project.theme_dir
    for path in sorted(theme.rglob("*")) if theme.is_dir() else []:
        shape.append((str(path), path.stat().st_mtime_ns))
    config = Path(config_file) if config_file else project.root / "mkdocs.yml"
    shape.append(config.stat().st_mtime_ns if config.is_file() else 0)
    shape.append(project.site_url)
    return tuple(shape)


def reuse_theme_work(theme, listed: dict, cache_dir: Path) -> None:
    """Compiled templates kept on disk between builds (MkDocs compiles Material's templates again for each
    language of every build), and the list of the theme's files (Material has thousands) kept between
    the languages and the preview's rebuilds: seconds of every build and save."""
    if getattr(theme, "_hvs_reuse", False):  # on_config runs again for the second language
        return
    theme._hvs_reuse = True
    make_env = theme.get_env

    def get_env():
        env = make_env()
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(_folder(cache_dir)))  # keyed by source: edits recompile
        listing = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            own = getattr(theme, "custom_dir", None)  # a file added to overrides/ while serving
            key = (tuple(theme.dirs), tuple(sorted(theme.static_templates)), extensions,
                   max((p.stat().st_mtime_ns for p in Path(own).rglob("*")), default=0) if own else 0)
            if key not in listed:
                listed[key] = listing(extensions, filter_func)
            return listed[key]

        env.list_templates = list_templates
        return env

    theme.get_env = get_env


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


class Session:
    """The live preview between two rebuilds: what every page showed, the pages rewritten, the search entries.

    quick=True (`serve --dirty`): a rebuild rewrites only changed pages unless `shape()` changed.
    """

    def __init__(self, quick: bool):
        self.quick, self.full = quick, True
        self.shape: tuple | None = None
        self.next: tuple | None = None
        self.built: set[str] = set()
        self.problems: list = []  # the newest check's, for the background handouts' panel
        self.collector: search.Collector | None = None

    def start(self, project: Project, report, config_file: str | None) -> bool:
        """A rebuild begins, after the check; True: every page must be rebuilt (empty the site folder first)."""
        self.problems, self.built = report.problems, set()
        if self.quick:
            self.next = shape(project, report.catalogue, config_file)
            self.full = self.next != self.shape
        return self.quick and self.full

    def titles(self, pages, catalogue, config) -> None:
        """Pages not read again by a quick rebuild still need their navigation titles (escaped as when read)."""
        if not self.quick or self.full:
            return
        for page in pages:
            if not page.file.is_modified():
                lesson = catalogue.for_path(page.file.src_uri)
                if lesson is not None:
                    page.title = safety.escaped(lesson.title)
                else:
                    page.read_source(config)
                    safety.escape_meta(page.meta)

    def page(self, dest_uri: str, html: str) -> str:
        """A page written: remembered, and given the problems panel's loader."""
        self.built.add(dest_uri)
        at = html.find(">", html.find("<body")) + 1
        return html[:at] + panel_loader(dest_uri) + html[at:]

    def finish(self, project: Project, site_dir: str, report, say) -> None:
        """The finish phase for the pages rewritten, then the missing handouts in the background."""
        from . import pipeline

        quick = self.quick and not self.full
        if not quick or self.collector is None:
            self.collector = search.Collector(project.cache_dir / "search-entries.json")
        pipeline.finish(project, site_dir, report, serving=True, pages=self.built if quick else None,
                        collector=self.collector)
        self.shape = self.next
        if report and not report.problems and report.handouts and report.handouts.skipped:
            def done(result):  # new PDFs into the served site; a sheet too long into every page's panel, with
                pipeline.place_handouts(result, site_dir)  # the problems of the newest save (it may be later)
                write_problems_panel(site_dir, [*self.problems, *result.problems])

            handouts.render_later(report.catalogue, project.site_url, project.site_name, project.handout_cache,
                                  report=say, done=done)
