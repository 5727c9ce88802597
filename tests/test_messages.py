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
    assert "Còn " in out and "lỗi cần sửa" in out, out[-2000:]
    assert "Traceback" not in out


# ---------------------------------------------------------------- each problem in its own Vietnamese words

import ast  # noqa: E402

import pytest  # noqa: E402
import test_hostile  # noqa: E402
import test_problem_codes  # noqa: E402
from conftest import ROOT  # noqa: E402

from hocvuso import images, lessons, pipeline, safety  # noqa: E402
from hocvuso.problems import CODES  # noqa: E402


def _generic(code: str) -> tuple[str, str]:
    entry = CODES[code]
    return entry.meaning["vi"].rstrip(". "), entry.fix["vi"].rstrip(". ")


def _assert_own_vietnamese(problem) -> None:
    message, fix = problem.words("vi")
    generic_message, generic_fix = _generic(problem.code)
    assert message != generic_message and fix != generic_fix, str(problem)  # its own words, not the fallback
    assert VIETNAMESE.search(message) and VIETNAMESE.search(fix), (problem.code, message, fix)
    assert (message, fix) != problem.words("en"), str(problem)
    # never the parser's or Python's raw English inside the Vietnamese words
    for raw in ("mapping values", "could not find", "did not find", "found ", "while scanning", "Error"):
        assert raw not in message + fix, (problem.code, message, fix)


@pytest.mark.parametrize("code", sorted(test_problem_codes.CASES))
def test_every_case_has_its_own_vietnamese_words(code, tmp_path):
    report = pipeline.check(test_problem_codes._tree(tmp_path, test_problem_codes.CASES[code]()))
    found = [*report.problems, *report.warnings]
    assert any(p.code == code for p in found), code
    for problem in found:
        _assert_own_vietnamese(problem)


@pytest.mark.parametrize("case", [c for c in test_hostile.CASES if test_hostile._expected(c)])
def test_every_hostile_case_has_its_own_vietnamese_words(case, tmp_path):
    docs = test_hostile._tree(tmp_path, case)
    found = [*lessons.build_catalogue(str(docs)).problems, *images.image_problems(str(docs))]
    assert found, case
    for problem in found:
        _assert_own_vietnamese(problem)


def test_every_problem_written_in_the_package_carries_vietnamese():
    """Call sites no case reaches (an unreadable file, a missing PDF engine) still have their own words."""
    missing = []
    for path in sorted((ROOT / "hocvuso").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "func", None)
            name = getattr(name, "id", getattr(name, "attr", None))
            if isinstance(node, ast.Call) and name in ("Problem", "_problem"):
                if len(node.args) < 6 and not any(k.arg == "vi" for k in node.keywords):
                    missing.append(f"{path.name}:{node.lineno}")
    assert not missing, missing


# ---------------------------------------------------------------- YAML mistakes in words, at the line to change

FRONT = ["title: Gọi điện video", "description: Một câu ngắn.", "order: 1", "duration: 20", "level: co-ban",
         'competencies: ["2.1"]', "objectives:", "  - Gọi được video", "  - Tắt được micro"]
YAML_CASES = {
    # name: (line to change in FRONT, the change, the 1-based file line the author must look at, words it says)
    "tab": (7, "\t- Gọi được video", 9, ["tab", "dấu cách"]),
    "unclosed-quote": (0, 'title: "Gọi điện video', 2, ["ngoặc kép", "đóng", 'title: "Gọi điện video"']),
    "unclosed-single-quote": (1, "description: 'Một câu ngắn.", 3, ["nháy đơn", "đóng"]),
    "colon-in-value": (1, "description: Lưu ý: gọi khi có wifi", 3,
                       ["hai chấm", 'description: "Lưu ý: gọi khi có wifi"']),
    "missing-colon": (2, "order 1", 4, ["thiếu dấu hai chấm", "order: 3"]),
    "indented-key": (2, "  order: 1", 4, ["thụt", "sát lề trái"]),
    "bad-list-indent": (8, " - Tắt được micro", 10, ["thụt lề", "cùng số dấu cách"]),
    "unclosed-bracket": (5, 'competencies: ["2.1"', 7, ["[", "]", "đóng"]),
    "key-twice": (3, "duration: 20\norder: 2", 6, ["hai lần", "order"]),
}


@pytest.mark.parametrize("name", sorted(YAML_CASES))
def test_yaml_mistakes_are_explained_in_vietnamese_at_the_line_to_change(name):
    index, change, want_line, words = YAML_CASES[name]
    front = list(FRONT)
    front[index] = change
    text = "---\n" + "\n".join(front) + "\n---\n\n## Gọi video\n\nNội dung.\n"
    _data, _lines, found = lessons.parse_front_matter("nguoi-cao-tuoi/bai.md", text)
    assert [p.code for p in found] == ["front-matter-yaml"], [str(p) for p in found]
    problem = found[0]
    assert problem.line == want_line, (name, problem.text("vi"))
    message, fix = problem.words("vi")
    for word in words:
        assert word in message + fix, (name, word, message, fix)
    _assert_own_vietnamese(problem)


def test_the_competency_data_file_speaks_vietnamese_too():
    try:
        safety.load_yaml("domains:\n  - code: 1\n\tname: x\n")
    except safety.YamlError as exc:
        assert "tab" in exc.vi[0] and exc.line == 2
    else:
        raise AssertionError("a tab was accepted")


def test_a_mistyped_command_is_explained_in_the_authors_language(tmp_path):
    """argparse's own words (usage, 'required', 'invalid choice', --help) follow the author's language too."""
    missing = _run("new", lang=None, cwd=tmp_path)
    assert missing.returncode == 2
    assert "lỗi: còn thiếu: nhóm, tên-tệp" in missing.stderr and "cách dùng:" in missing.stderr, missing.stderr
    assert "--help" in missing.stderr and "required" not in missing.stderr
    typo = _run("bild", lang=None, cwd=tmp_path)
    assert "không có lựa chọn 'bild'" in typo.stderr and "'build'" in typo.stderr, typo.stderr
    helped = _run("serve", "--help", lang=None, cwd=tmp_path)
    assert "hiện hướng dẫn này" in helped.stdout and "tự tải lại" in helped.stdout, helped.stdout
    english = _run("--lang", "en", "new", lang=None, cwd=tmp_path)
    assert "error: the following arguments are required: audience, slug" in english.stderr, english.stderr
    assert not VIETNAMESE.search(_run("new", lang="en", cwd=tmp_path).stderr.split("\n", 2)[-1])
