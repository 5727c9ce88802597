"""Shared fixtures: the real site is built once per test session."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITE_URL = "https://hocvuso.example.vn/"  # a publishing build needs a public address
# Authors read problems in Vietnamese by default; most tests assert the English wording (the option), and
# tests/test_messages.py asserts the Vietnamese default with this variable unset.
os.environ["HOCVUSO_LANG"] = "en"


def run_build(config: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build` the way a user does; return the finished process."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, **(env or {})}
    # Not -q: with -q MkDocs does not count warnings in strict mode, so a build users see fail would pass here.
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)],
                          cwd=config.parent, capture_output=True, text=True, env=full_env)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The project's own site, built once into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    done = run_build(ROOT / "mkdocs.yml", out)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def make_project(tmp_path: Path, docs: Path) -> Path:
    """A copy of the project's config pointing at another docs folder; returns the config path."""
    shutil.copytree(docs, tmp_path / "docs")
    data = tmp_path / "docs" / "_data"
    if not data.exists():
        shutil.copytree(ROOT / "docs" / "_data", data)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^custom_dir: .*$", "", config, flags=re.M)
    (tmp_path / "mkdocs.yml").write_text(config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}"),
                                        encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def read(site_dir: Path, rel: str) -> str:
    return (site_dir / rel).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """tests/fixtures/hostile/site built once (a payload in every text a lesson holds), for test_hostile.py and the
    Chromium tests alike."""
    root = tmp_path_factory.mktemp("hostile")
    config = make_project(root, FIXTURES / "hostile" / "site" / "docs")
    done = run_build(config, root / "site", env={"SITE_URL": "https://hvs.example.vn/"})
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "site"
