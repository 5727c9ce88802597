"""The engines that turn the tree into a site: MkDocs (with our plugin) or Zensical (with zensical-i18n).

Both run the same phases: check → the engine → finish. Under MkDocs the plugin calls them from
its events; Zensical ignores plugins, so `build_zensical` calls them around it, and writes the
generated navigation and the extension's options into a config of its own (`.zensical.yml`).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from . import pipeline
from .lessons import tree_signature

ZENSICAL_CONFIG = ".zensical.yml"
ZENSICAL_SITE = "_site-zensical"  # zensical-i18n builds only into a visible folder inside the project


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_mkdocs(config_file: Path, site_dir: Path, *, site_url: str | None = None, quiet: bool = True) -> int:
    """`mkdocs build`; the plugin runs check and finish. Returns the exit status."""
    env = _env()
    if site_url:
        env["SITE_URL"] = site_url
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(site_dir)]
    return subprocess.run(cmd + (["-q"] if quiet else []), cwd=config_file.parent, env=env).returncode


def zensical_config(project: pipeline.Project, config_file: Path, report: pipeline.Report) -> Path:
    """Write the Zensical config: mkdocs.yml with the generated nav, its translations and our options."""
    config = pipeline.read_config(config_file)
    nav, titles = pipeline.nav(report.catalogue)
    config["nav"] = nav
    config["site_url"] = project.site_url
    config["site_dir"] = ZENSICAL_SITE
    config.pop("validation", None)  # MkDocs' link checks: check() has its own
    theme = config.setdefault("theme", {})
    theme["variant"] = "classic"  # Material's look, not Zensical's new one
    plugins = []
    for plugin in config.get("plugins") or []:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name == "hocvuso":
            continue  # Zensical runs no plugins; these phases run around it instead
        if name == "i18n":
            for lang in plugin["i18n"].get("languages", []):
                if not lang.get("default"):
                    lang["nav_translations"] = {vi: titles[vi] for vi in titles}
        plugins.append(plugin)
    config["plugins"] = plugins
    extensions = []
    for ext in config.get("markdown_extensions") or []:
        name = ext if isinstance(ext, str) else next(iter(ext))
        if name == "hocvuso.blocks":
            ext = {name: {"docs_dir": str(project.docs_dir), "site_url": project.site_url,
                          "theme_dir": str(project.theme_dir), "cache_dir": str(project.cache_dir),
                          "tree": tree_signature(str(project.docs_dir))}}
        extensions.append(ext)
    config["markdown_extensions"] = extensions
    from .ui import all_words

    config.setdefault("extra", {})["hvs_words"] = all_words()  # the theme's templates read the site's words here
    path = project.root / ZENSICAL_CONFIG
    path.write_text("# Written by `python -m hocvuso build --engine zensical` from mkdocs.yml; do not edit.\n"
                    + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def zensical_installed() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(name) is not None for name in ("zensical", "zensical_i18n"))


def build_zensical(project: pipeline.Project, config_file: Path, site_dir: Path,
                   report: pipeline.Report, *, quiet: bool = True) -> int:
    """Zensical + zensical-i18n build into site_dir, then the finish phase. Returns the exit status."""
    config = zensical_config(project, config_file, report)
    built = project.root / ZENSICAL_SITE
    done = subprocess.run([sys.executable, "-m", "zensical_i18n", "build", "-f", str(config)], cwd=project.root,
                          env=_env(), capture_output=quiet, text=True)
    if done.returncode != 0:
        if quiet:
            sys.stderr.write((done.stdout or "") + (done.stderr or ""))
        return done.returncode
    site_dir = site_dir.resolve()
    if site_dir != built.resolve():
        if site_dir.exists():
            shutil.rmtree(site_dir)
        shutil.move(str(built), str(site_dir))
    pipeline.finish(project, site_dir, report)
    return 0
