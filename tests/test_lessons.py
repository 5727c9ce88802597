"""Lesson validation: every mistake stops the build with path:line, a code and a fix."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, make_project, run_build

from hocvuso.lessons import build_catalogue, parse_lesson, load_competencies

BAD = FIXTURES / "bad" / "docs"

# (path, line, code) of every problem the bad folder must produce.
EXPECTED = {
    ("nguoi-cao-tuoi/thieu-khoa.md", 1, "key-missing"),
    ("nguoi-cao-tuoi/thieu-khoa.md", 3, "key-type"),
    ("nguoi-cao-tuoi/sai-ma.md", 6, "level-unknown"),
    ("nguoi-cao-tuoi/sai-ma.md", 7, "competency-unknown"),
    ("nguoi-cao-tuoi/sai-ma.md", 8, "key-unknown"),
    ("nguoi-cao-tuoi/sai-ma.md", 1, "key-missing"),
    ("nguoi-cao-tuoi/khong-tom-tat.md", 11, "handout-missing"),
    ("hoc-sinh/yaml-hong.md", 3, "front-matter-yaml"),
    ("lac-loai/bai-lac.md", 1, "lesson-outside-audience"),
    ("hoc-sinh/song-sinh.en.md", 5, "twin-mismatch"),  # the key line in the file to change (the twin)
    ("hoc-sinh/song-sinh.en.md", 6, "twin-mismatch"),
    ("hoc-sinh/khong-dap-an.md", 14, "quiz-no-correct"),
    ("hoc-sinh/mot-minh.md", 1, "twin-missing"),
}


@pytest.fixture(scope="module")
def bad_docs(tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("bad") / "docs"
    shutil.copytree(BAD, docs)
    shutil.copytree(ROOT / "docs" / "_data", docs / "_data")
    return docs


def test_every_bad_lesson_is_reported_with_its_line(bad_docs):
    problems = build_catalogue(str(bad_docs)).problems
    found = {(p.path, p.line, p.code) for p in problems}
    missing = EXPECTED - found
    assert not missing, "\n".join(map(str, problems))


def test_duplicate_order_names_both_files(bad_docs):
    problems = [p for p in build_catalogue(str(bad_docs)).problems if p.code == "order-duplicate"]
    assert any("nguoi-cao-tuoi/trung-thu-tu.md" in str(p) and "nguoi-cao-tuoi/khong-tom-tat.md" in str(p) for p in problems)


def test_twin_mismatch_names_the_keys(bad_docs):
    problems = [str(p) for p in build_catalogue(str(bad_docs)).problems if p.code == "twin-mismatch"]
    assert any("'duration' is 20 here but 15 in hoc-sinh/song-sinh.md" in p for p in problems)
    assert any("'level'" in p for p in problems)


def test_messages_read_path_line_problem_fix(bad_docs):
    problem = next(p for p in build_catalogue(str(bad_docs)).problems
                   if p.code == "level-unknown" and p.path.endswith("sai-ma.md"))
    assert str(problem) == ("nguoi-cao-tuoi/sai-ma.md:6: unknown level 'de' — write one of: co-ban, trung-binh, "
                            "nang-cao [level-unknown]")


def test_mkdocs_build_stops_and_lists_every_problem(tmp_path):
    config = make_project(tmp_path, BAD)
    done = run_build(config, tmp_path / "site")
    out = done.stdout + done.stderr
    assert done.returncode != 0
    for path, line, code in EXPECTED:
        assert f"{path}:{line}:" in out and f"[{code}]" in out, (path, line, code, out[-3000:])
    assert not (tmp_path / "site" / "index.html").exists()


def test_project_lessons_have_no_problems():
    catalogue = build_catalogue(str(ROOT / "docs"))
    assert catalogue.problems == []
    assert {x.audience for x in catalogue.lessons} == {"nen-tang", "can-bo", "hoc-sinh", "nguoi-lao-dong",
                                                       "nguoi-cao-tuoi"}


def test_new_lesson_template_is_valid_and_only_its_placeholder_text_is_reported(tmp_path):
    """An untouched template is a well-formed lesson but not a lesson yet: check lists each line to write."""
    from hocvuso import pipeline
    from hocvuso.cli import new_lesson

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    assert new_lesson("nguoi-cao-tuoi", "bai-moi", "Bài mới", str(docs)) == 0
    project = pipeline.Project(tmp_path, docs, "https://hocvuso.example.vn/", "Học vụ số", ROOT / "overrides",
                               handouts=False)
    problems = pipeline.check(project).problems
    assert problems and {p.code for p in problems} == {"template-leftover"}, [str(p) for p in problems]
    assert {p.path for p in problems} == {"nguoi-cao-tuoi/bai-moi.md", "nguoi-cao-tuoi/bai-moi.en.md"}
    # The author writes over each reported line (here: adds words to it); the check is then clean.
    for path in {p.path for p in problems}:
        file = docs / path
        lines = file.read_text(encoding="utf-8").split("\n")
        for p in problems:
            if p.path == path:
                line = lines[p.line - 1]
                lines[p.line - 1] = line[:-1] + ' của tôi"' if line.endswith('"') else line + " của tôi"
        file.write_text("\n".join(lines), encoding="utf-8")
    assert [str(p) for p in pipeline.check(project).problems] == []


def test_front_matter_line_numbers_are_exact():
    comps, _ = load_competencies(str(ROOT / "docs"))
    text = "---\ntitle: T\ndescription: D\norder: 1\nduration: x\nlevel: co-ban\ncompetencies: ['4.2']\nobjectives: [a]\n---\n"
    _lesson, problems = parse_lesson("nguoi-cao-tuoi/x.md", text, comps)
    assert ("nguoi-cao-tuoi/x.md", 5, "key-type") in {(p.path, p.line, p.code) for p in problems}


def test_a_build_that_knows_the_tree_reads_it_once(tmp_path, monkeypatch):
    """Under Zensical every page asks for the catalogue: with the check's signature (the extension's 'tree'
    option) the files are looked at once, not once per page; a changed tree is read again."""
    from hocvuso import render
    from hocvuso.lessons import catalogue, tree_signature

    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "handouts" / "site" / "docs", docs)
    config = {"docs_dir": str(docs), "tree": tree_signature(str(docs))}
    walks = []
    real = catalogue._signature
    monkeypatch.setattr(catalogue, "_signature", lambda d: walks.append(d) or real(d))
    first = render.catalogue_of(config)
    assert all(render.catalogue_of(config) is first for _ in range(50))
    assert len(walks) <= 1
    lesson = docs / "nguoi-cao-tuoi" / "goi-dien.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("title: ", "title: Mới ", 1), encoding="utf-8")
    assert render.catalogue_of({**config, "tree": tree_signature(str(docs))}) is not first


def test_links_are_checked_in_the_texts_the_catalogue_read(tmp_path):
    from hocvuso import pipeline

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("[x](there.md)\n", encoding="utf-8")
    (docs / "b.md").write_text("[y](gone.md)\n", encoding="utf-8")
    found = pipeline.link_problems(docs, {"a.md": "\n[x](elsewhere.md)\n"})
    assert [(p.path, p.line, p.message) for p in found] == [
        ("a.md", 2, "the link to 'elsewhere.md' leads to no page"), ("b.md", 1, "the link to 'gone.md' leads to no page")]
