"""Authors read every message in Vietnamese by default, in English on request, always with path:line and a fix."""
from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import FIXTURES, SITE_URL, make_project

VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.I)
LINE = re.compile(r"^(\S+:\d+): (.+) — (.+) \[([a-z0-9-]+)\]$")


def _run(*args, lang: str | None, cwd) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "HOCVUSO_LANG"}
    env.update(NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL, **({"HOCVUSO_LANG": lang} if lang else {}))
    return subprocess.run([sys.executable, "-m", "hocvuso", *args], cwd=cwd, capture_output=True, text=True, env=env)


def _lines(out: str) -> list[tuple[str, str, str, str]]:
    return [m.groups() for m in map(LINE.match, out.splitlines()) if m]


def test_problems_are_vietnamese_by_default_and_english_on_request(tmp_path):
    config = make_project(tmp_path, FIXTURES / "bad" / "docs")
    vi = _run("check", "-f", str(config), lang=None, cwd=tmp_path)
    en = _run("--lang", "en", "check", "-f", str(config), lang=None, cwd=tmp_path)
    vi_lines, en_lines = _lines(vi.stdout), _lines(en.stdout)
    assert vi.returncode == en.returncode == 1
    assert len(vi_lines) == len(en_lines) >= 10, vi.stdout
    assert [(w, c) for w, _m, _f, c in vi_lines] == [(w, c) for w, _m, _f, c in en_lines]  # same places and codes
    for (where, message, fix, code), (_w, en_message, en_fix, _c) in zip(vi_lines, en_lines):
        assert VIETNAMESE.search(message + fix), (where, code, message, fix)
        assert (message, fix) != (en_message, en_fix), (where, code)
    assert "lỗi" in vi.stderr and "problem" in en.stderr
    assert not VIETNAMESE.search(" ".join(m + f for _w, m, f, _c in en_lines))


def test_the_build_speaks_the_authors_language_too(tmp_path):
    config = make_project(tmp_path, FIXTURES / "bad" / "docs")
    done = _run("build", "-f", str(config), "-d", str(tmp_path / "out"), lang=None, cwd=tmp_path)
    assert done.returncode != 0
    out = done.stdout + done.stderr
    assert "Còn " in out and "lỗi trong bài học" in out, out[-2000:]
    assert "Traceback" not in out
