"""The ready CI files publish with the README's build command, and the guides tell a site keeper about them.

Fast: reads files and calls the command line's parser, never builds (DESIGN §9: publishing without a terminal).
"""
from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml

from hocvuso import cli

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github" / "workflows" / "publish.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
README = ROOT / "README.md"
GUIDES = [ROOT / "docs" / "tac-gia" / "index.md", ROOT / "docs" / "tac-gia" / "index.en.md",
          ROOT / "docs" / "giang-vien" / "index.md", ROOT / "docs" / "giang-vien" / "index.en.md"]
# The README's build command: the public address, then the one command line.
BUILD = re.compile(r"""SITE_URL=("?)(\S+?)\1 (python -m hocvuso build)\b((?: --?[\w-]+(?: [^\s`#-][^\s`]*)?)*)""")


def _readme() -> str:
    return README.read_text(encoding="utf-8")


def _pango_packages() -> list[str]:
    """The Debian packages WeasyPrint needs, as the README names them."""
    found = re.search(r"apt-get install ((?:lib[\w.+-]+\s*)+)", _readme())
    assert found, "the README names no apt-get install line for Pango"
    return found.group(1).split()


def _github() -> dict:
    return yaml.safe_load(GITHUB.read_text(encoding="utf-8"))


def _gitlab() -> dict:
    return yaml.safe_load(GITLAB.read_text(encoding="utf-8"))


def _github_runs(job: str = "build") -> list[str]:
    return [step["run"] for step in _github()["jobs"][job]["steps"] if "run" in step]


def _gitlab_scripts(job: str) -> list[str]:
    data = _gitlab()
    return list(data.get("before_script", [])) + list(data[job].get("before_script", [])) + list(data[job]["script"])


def _build_line(lines: list[str]) -> re.Match:
    found = [m for line in lines for m in [BUILD.search(line)] if m]
    assert len(found) == 1, f"expected one `SITE_URL=… python -m hocvuso build` line, found {lines}"
    return found[0]


def _site_dir(match: re.Match, monkeypatch) -> str:
    """Run the CI's arguments through the real command line's parser; return the site folder it would build."""
    seen = {}
    monkeypatch.setattr(cli, "build", lambda *args, **kwargs: seen.update(args=args, kwargs=kwargs) or 0)
    argv = shlex.split(match.group(3) + match.group(4))[3:]  # after `python -m hocvuso`
    assert cli.main(argv) == 0
    return seen["kwargs"].get("site_dir", seen["args"][1:2] and seen["args"][1])


def test_readme_gives_the_build_command_with_site_url():
    text = _readme()
    commands = [m.group(0) for m in BUILD.finditer(text)]
    assert "SITE_URL=https://ten-mien/ python -m hocvuso build" in commands, commands
    assert '$env:SITE_URL="https://ten-mien/"; py -m hocvuso build' in text  # PowerShell


def test_github_workflow_publishes_with_the_readmes_command(monkeypatch):
    data = _github()
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    steps = data["jobs"]["build"]["steps"]
    uses = [step.get("uses", "") for step in steps]
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert str(python["with"]["python-version"]) == "3.11"
    runs = _github_runs()
    apt = next(r for r in runs if "apt-get install" in r)
    assert all(package in apt.split() for package in _pango_packages()), (apt, _pango_packages())
    assert "pip install -r requirements.txt" in runs
    assert "python -m hocvuso check" in runs
    build = _build_line(runs)
    assert build.group(3) == "python -m hocvuso build" and build.group(2), build.group(0)
    env = next(s for s in steps if s.get("run") == build.string)["env"]
    assert "vars.SITE_URL" in env["ADDRESS"] and "steps.pages.outputs.base_url" in env["ADDRESS"]
    artifact = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert _site_dir(build, monkeypatch) == artifact["with"]["path"] == "site"
    assert any(u.startswith("actions/configure-pages") for u in uses)
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "build" and "pull_request" in deploy["if"]  # a pull request is never published
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert {"pages": "write", "id-token": "write"}.items() <= data["permissions"].items()


def test_gitlab_ci_publishes_with_the_readmes_command(monkeypatch):
    data = _gitlab()
    assert data["image"] == "python:3.11"
    scripts = _gitlab_scripts("pages")
    apt = next(s for s in scripts if "apt-get install" in s)
    assert all(package in apt.split() for package in _pango_packages()), (apt, _pango_packages())
    assert "pip install -r requirements.txt" in scripts
    build = _build_line(scripts)
    assert build.group(2) == "$CI_PAGES_URL/" and build.group(3) == "python -m hocvuso build"
    assert _site_dir(build, monkeypatch) == "public"
    assert data["pages"]["artifacts"]["paths"] == ["public"]
    assert data["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert "python -m hocvuso check" in _gitlab_scripts("check")


def test_ci_files_run_the_same_build_command_as_the_readme():
    readme = {m.group(3) for m in BUILD.finditer(_readme())}
    ci = {_build_line(_github_runs()).group(3), _build_line(_gitlab_scripts("pages")).group(3)}
    assert ci == readme == {"python -m hocvuso build"}


def test_guides_and_readme_name_both_ci_files():
    for path in [*GUIDES, README]:
        text = path.read_text(encoding="utf-8")
        for name in (".github/workflows/publish.yml", ".gitlab-ci.yml"):
            assert name in text, f"{path.relative_to(ROOT)} does not mention {name}"
        assert "python -m hocvuso build" in text, path


def _first_new_command(text: str) -> list[str]:
    found = re.search(r"^\s*(?:python -m hocvuso new|scripts/new_lesson) (\S+) (\S+)", text, re.M)
    assert found, "no `new` command"
    return [found.group(1), found.group(2)]


@pytest.mark.parametrize("path", [GUIDES[0], GUIDES[1], README], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_first_command_makes_a_lesson_that_is_not_there_yet(path, tmp_path, capsys):
    """The first command a teacher copies must work on today's tree, and the guide's delete line removes it again."""
    text = path.read_text(encoding="utf-8")
    audience, slug = _first_new_command(text)
    assert not list((ROOT / "docs").rglob(f"{slug}*")), f"{slug} already exists in docs/"
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("img"))
    assert cli.main(["new", audience, slug, "--docs-dir", str(docs)]) == 0, capsys.readouterr()
    made = sorted(p.name for p in (docs / audience).glob("*") if p.name.startswith(slug))
    assert made == [f"{slug}.en.md", f"{slug}.md"]
    # The delete line the guide gives (rm on Linux and macOS, del on Windows) names exactly these files.
    for tool, sep in (("rm", "/"), ("del", "\\")):
        line = re.search(rf"(?:^|\s){tool} (docs[^\s)`]+)", text, re.M)
        assert line, f"{path.name}: no `{tool}` line to delete the example"
        pattern = line.group(1).split(sep, 1)[1].replace(sep, "/")
        assert sorted(p.name for p in docs.glob(pattern)) == made, (tool, pattern)
