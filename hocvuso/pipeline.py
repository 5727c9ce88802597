"""The build as three phases that know nothing of the engine (DESIGN §8).

1. `check(project)`: every problem of a tree, from one function (lessons, twins, orders,
   images, internal links, handout fit). `check`, `build` and `serve` all call it.
2. render: the Markdown extension (hocvuso.blocks, hocvuso.render) while the engine builds.
3. `finish(project, site_dir, report)`: what needs the built site: handout PDFs placed,
   pictures sized, the search index read from the built pages, the service worker.

The MkDocs plugin calls these from its events; `python -m hocvuso build --engine zensical`
calls them around Zensical. Navigation order and section titles come from `nav()`.
"""
from __future__ import annotations

import os
import posixpath
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from . import fences, guards, handouts, images, offline, preview, search, theme_css
from .lessons import AUDIENCES, DEFAULT_LANG, LANGS, OTHER_SECTIONS, Catalogue, load_catalogue
from .present import long_sections
from .problems import Problem

LOCAL_URL = "http://127.0.0.1:8000/"


@dataclass(frozen=True)
class Project:
    """What the phases need to know of a project: its folders, its public address and name."""

    root: Path
    docs_dir: Path
    site_url: str  # the public address; LOCAL_URL when none is set (see `public`)
    site_name: str
    theme_dir: Path
    handouts: bool = True
    public: bool = True  # False: no public address was given (fine for check and the preview, not to publish)

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache"

    @property
    def handout_cache(self) -> Path:
        return self.cache_dir / "handouts"


@dataclass
class Report:
    """The result of the check phase, handed to the render and finish phases."""

    catalogue: Catalogue
    problems: list[Problem]
    warnings: list[Problem]
    handouts: handouts.Result | None = None


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's: ten times faster
    """mkdocs.yml's YAML: plain YAML plus MkDocs' `!ENV` and Python-name tags (ignored)."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = items[:-1], items[-1]
    for name in names:
        if os.environ.get(name):
            return os.environ[name]
    return default


_Loader.add_constructor("!ENV", _env_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config_file: str | Path) -> dict[str, Any]:
    """mkdocs.yml as data (the same file Zensical reads)."""
    return yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_Loader) or {}


def _hocvuso_options(config: dict[str, Any]) -> dict[str, Any]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "hocvuso" in plugin:
            return plugin["hocvuso"] or {}
    return {}


def load_project(config_file: str | Path = "mkdocs.yml", site_url: str | None = None) -> Project:
    """The project described by a mkdocs.yml (site_url from the argument, else SITE_URL or the file)."""
    path = Path(config_file).resolve()
    config = read_config(path)
    root = path.parent
    given = site_url or config.get("site_url") or ""
    return Project(
        public=bool(given) and not given.startswith(LOCAL_URL),
        root=root,
        docs_dir=(root / config.get("docs_dir", "docs")).resolve(),
        site_url=given or LOCAL_URL,
        site_name=config.get("site_name") or "",
        theme_dir=(root / ((config.get("theme") or {}).get("custom_dir") or "overrides")).resolve(),
        handouts=bool(_hocvuso_options(config).get("handouts", True)),
    )


# ---------------------------------------------------------------- 1. check

_LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\((?P<target><[^>\n]+>|[^)\s]+)(?:\s+\"[^\"\n]*\")?\)")
_INLINE_CODE = re.compile(r"`[^`\n]*`")


def link_problems(docs_dir: str | Path, texts: dict[str, str] | None = None) -> list[Problem]:
    """Links between pages (`[text](other.md)`) whose target file is not in the tree.

    `texts`: the files the catalogue has read already, by path; only the others are read here.
    """
    docs = Path(docs_dir)
    texts = texts or {}
    problems: list[Problem] = []
    for md in sorted(docs.rglob("*.md")):
        inside = md.relative_to(docs)
        rel = inside.as_posix()
        if any(part.startswith((".", "_")) for part in inside.parts):
            continue
        text = texts.get(rel)
        try:
            text = md.read_text(encoding="utf-8") if text is None else text
        except (OSError, UnicodeDecodeError):
            continue  # the lesson check reports unreadable files
        if "](" not in text:
            continue  # no link at all: the usual page needs no walk
        for line in fences.walk(text.split("\n")):
            if line.code or "](" not in line.text:
                continue
            n = line.n + 1
            for m in _LINK.finditer(_INLINE_CODE.sub("", line.text)):
                target = m.group("target").strip("<>")
                if re.match(r"^[a-z][a-z0-9+.-]*:|^//|^#", target, re.I):
                    continue
                path = target.split("#")[0].split("?")[0]
                if not path:
                    continue
                base = "" if path.startswith("/") else posixpath.dirname(rel)
                resolved = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
                if resolved.startswith("..") or not (docs / resolved).exists():
                    problems.append(Problem(rel, n, "link-broken", f"the link to '{target}' leads to no page",
                                            "point it at an existing file, relative to this one "
                                            "(e.g. ../nguoi-cao-tuoi/index.md)",
                                            (f"liên kết tới `{target}` không dẫn tới trang nào",
                                             "sửa cho liên kết trỏ tới một tệp có thật, tính từ tệp này "
                                             "(ví dụ ../nguoi-cao-tuoi/index.md)")))
    return problems


def publishing_problems(project: Project) -> list[Problem]:
    """What a publishing build needs beyond a good tree: the public address, so no paper shows a local one."""
    if project.public:
        return []
    return [Problem("mkdocs.yml", 1, "site-url-missing",
                    "a publishing build needs the site's public address, for the QR codes and the printed handouts",
                    "build with it, e.g. 'SITE_URL=https://ten-mien-cua-ban/ python -m hocvuso build' "
                    "(Windows PowerShell: $env:SITE_URL=\"https://ten-mien-cua-ban/\"; py -m hocvuso build); "
                    "the preview (python -m hocvuso serve) needs none",
                    ("bản đăng lên mạng cần địa chỉ công khai của trang, để in mã QR và địa chỉ trên tờ in",
                     "chạy lệnh dựng trang kèm địa chỉ đó, ví dụ "
                     "`SITE_URL=https://ten-mien-cua-ban/ python -m hocvuso build` (Windows PowerShell: "
                     "`$env:SITE_URL=\"https://ten-mien-cua-ban/\"; py -m hocvuso build`); bản xem thử "
                     "(python -m hocvuso serve) không cần"))]


def check(project: Project, *, render_handouts: bool = True, publishing: bool = False,
          progress: Callable[[str], None] | None = None) -> Report:
    """Every problem of the project's tree (and the handouts, which the fit check lays out).

    render_handouts=False (the live preview) uses cached handouts only; the missing ones are
    counted in `report.handouts.skipped` and rendered later by `handouts.render_later`.
    publishing=True (a build that makes the site to publish) also needs the public address.
    """
    catalogue = load_catalogue(str(project.docs_dir))
    problems = [*catalogue.problems, *guards.guard_problems(catalogue), *images.image_problems(str(project.docs_dir), catalogue.texts),
                *link_problems(project.docs_dir, catalogue.texts), *(publishing_problems(project) if publishing else [])]
    result = None
    if project.handouts:  # with problems in the tree: what the cache has, for the preview
        result = handouts.build_site(catalogue, project.site_url, project.site_name, project.handout_cache,
                                     render=render_handouts and not catalogue.problems, progress=progress)
        problems += result.problems
    return Report(catalogue, _sorted(problems), long_sections(catalogue.lessons), result)


def _sorted(problems: list[Problem]) -> list[Problem]:
    seen: dict[str, Problem] = {}
    for p in problems:
        seen.setdefault(str(p), p)
    return sorted(seen.values(), key=lambda p: (p.path, p.line, p.code))


# ---------------------------------------------------------------- navigation

def nav(catalogue: Catalogue) -> tuple[list[Any], dict[str, str]]:
    """The site's navigation from the lesson model, and the English titles of its sections.

    (nav, translations): nav as mkdocs.yml/Zensical write it, with Vietnamese section titles and
    the Vietnamese source paths (the i18n plugins map them to each language's file); translations
    maps each section title to its English one (their `nav_translations`).
    """
    docs = Path(catalogue.docs_dir)
    items: list[Any] = ["index.md"] if (docs / "index.md").exists() else []
    titles: dict[str, str] = {}
    for key, names in {**AUDIENCES, **OTHER_SECTIONS}.items():
        children = [f"{key}/index.md"] if (docs / key / "index.md").exists() else []
        if key in AUDIENCES:
            children += [f"{x.audience}/{x.slug}.md" for x in catalogue.by_audience(key, DEFAULT_LANG)]
        if children:
            items.append({names["vi"]: children})
            titles[names["vi"]] = names["en"]
    return items, titles


def section_titles(lang: str) -> dict[str, str]:
    """Folder -> the section's title in one language."""
    return {key: names.get(lang, names["vi"]) for key, names in {**AUDIENCES, **OTHER_SECTIONS}.items()}


# ---------------------------------------------------------------- 3. finish

_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
_TITLE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
_TAGS = re.compile(r"<[^>]+>")


def _text(html: str) -> str:
    import html as _html

    return " ".join(_html.unescape(_TAGS.sub(" ", html)).split())


def place_handouts(result: handouts.Result | None, site_dir: str | Path) -> int:
    """Copy the cached PDFs into the built site (tai-lieu-in/pdf/, en/tai-lieu-in/pdf/); return how many."""
    if result is None:
        return 0
    site = Path(site_dir)
    for pdf in result.pdfs:
        target = site / pdf.dest_uri
        if not target.exists() or target.stat().st_size != pdf.size:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf.path, target)
    return len(result.pdfs)


def _pages(site: Path) -> list[tuple[str, Path]]:
    out = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel not in ("404.html", "en/404.html"):
            out.append((rel, path))
    return out


def finish(project: Project, site_dir: str | Path, report: Report | None, *, serving: bool = False,
           site_description: dict[str, str] | None = None, pages: set[str] | None = None,
           collector: search.Collector | None = None) -> None:
    """Everything that needs the built site, done once after every language is built.

    pages: only these site-relative pages were (re)written (the preview's quick rebuild); None: every page.
    collector: the search entries of the pages not rewritten, kept from the last build (the preview's);
    give a new one (or none) with pages=None.
    """
    site = Path(site_dir)
    place_handouts(report.handouts if report else None, site)
    pipeline = images.ImagePipeline(project.cache_dir / "images")
    collector = collector if collector is not None else search.Collector(project.cache_dir / "search-entries.json")
    generic = set((site_description or {}).values())
    texts: dict[Path, str] = {}
    for rel, path in _pages(site):
        if pages is not None and rel not in pages:
            continue
        html = path.read_text(encoding="utf-8")
        changed = offline.drop_alternate_links(html)
        if "<img" in changed:
            changed = pipeline.rewrite(changed, rel, str(project.docs_dir), str(site))
        if changed != html:
            path.write_text(changed, encoding="utf-8")
        texts[path] = changed
        lang = rel.split("/", 1)[0] if rel.split("/", 1)[0] in LANGS and "/" in rel else DEFAULT_LANG
        article = _ARTICLE.search(changed)
        if article is None:
            continue
        title = _TITLE.search(article.group(1))
        description = _DESCRIPTION.search(changed)
        desc = _text(description.group(1)) if description else ""
        collector.add(lang, rel, _text(title.group(1)) if title else "", "" if desc in generic else desc,
                      article.group(1))
    for lang in LANGS:
        collector.write(str(site), lang)
    if pages is None:
        collector.save()
    if serving:
        preview.write_problems_panel(site, report.problems if report else [])
    else:  # every page is written: Material's CSS cut to the rules they can use (the preview keeps it)
        offline.shrink_own_assets(site)  # first: the cut reads our scripts as they are served
        theme_css.prune_site(site, texts)
    # Last, so the version hashes the whole site.
    if pages is None or not (site / "sw.js").is_file():
        offline.write_service_worker(site, project.theme_dir / "sw.js", serving=serving)
