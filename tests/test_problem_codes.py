"""The registry of problem codes: every code is listed once, documented in both languages and fired by a case.

Each case below is a small tree (a valid lesson and its twin, with one mistake made on purpose) run through
the same `check` the build and the preview run; the test fails when a registry code has no case that fires it.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from hocvuso import pipeline
from hocvuso.problems import CODES

GOOD = (FIXTURES / "handouts" / "site" / "docs" / "nguoi-cao-tuoi" / "goi-dien.md").read_text(encoding="utf-8")
GOOD_EN = (FIXTURES / "handouts" / "site" / "docs" / "nguoi-cao-tuoi" / "goi-dien.en.md").read_text(encoding="utf-8")
QUIZ = "/// quiz | Muốn gọi video, bác bấm nút nào?"
LESSON = "nguoi-cao-tuoi/bai.md"


def _swap(old: str, new: str, en: bool = False):
    """A case that changes the Vietnamese lesson (and the English one too when en=True)."""
    def make() -> dict[str, str]:
        assert old in GOOD, old
        files = {LESSON: GOOD.replace(old, new, 1)}
        if en:
            files["nguoi-cao-tuoi/bai.en.md"] = GOOD_EN.replace(old, new, 1)
        return files
    return make


def _extra(text: str):
    return _swap("## Gọi video\n", "## Gọi video\n\n" + text + "\n")


def _quiz(body: str, title: str = "Câu hỏi thử?", kind: str = "quiz"):
    return _extra(f"/// {kind}{' | ' + title if title else ''}\n{body}\n///")


CASES = {
    "front-matter-missing": lambda: {LESSON: GOOD.split("---", 2)[2]},
    "front-matter-yaml": _swap("title: Gọi điện video cho người thân ở xa", "title: [Gọi điện"),
    "key-missing": _swap("duration: 20\n", ""),
    "key-type": _swap("order: 1", "order: một"),
    "key-unknown": _swap("level: co-ban", "level: co-ban\nobjective: thừa"),
    "key-range": _swap("order: 1", "order: 0"),
    "level-unknown": _swap("level: co-ban", "level: de"),
    "competency-unknown": _swap('competencies: ["2.1"]', 'competencies: ["9.9"]'),
    "source-invalid": _swap("---\n\n## Gọi video", "sources:\n  - title: Nguồn\n    url: javascript:alert(1)\n---\n\n"
                                                  "## Gọi video"),
    "lesson-outside-audience": lambda: {"lac/bai.md": GOOD, "lac/bai.en.md": GOOD_EN},
    "order-duplicate": lambda: {"nguoi-cao-tuoi/bai-hai.md": GOOD, "nguoi-cao-tuoi/bai-hai.en.md": GOOD_EN},
    "twin-missing": lambda: {"nguoi-cao-tuoi/mot-minh.md": GOOD.replace("order: 1", "order: 2")},
    "twin-orphan": lambda: {"nguoi-cao-tuoi/mo-coi.en.md": GOOD_EN.replace("order: 1", "order: 2")},
    "twin-mismatch": lambda: {"nguoi-cao-tuoi/bai.en.md": GOOD_EN.replace("duration: 20", "duration: 25")},
    "twin-questions": _swap("/// fill |", "/// trainer\nkhông còn là câu hỏi\n///\n\n/// details |"),
    "twin-answers": lambda: {"nguoi-cao-tuoi/bai.en.md": GOOD_EN.replace("- [ ] The phone button", "- [x] The phone button")},
    "twin-handout": lambda: {"nguoi-cao-tuoi/bai.en.md": GOOD_EN.replace("2. Choose your relative in your contacts.\n", "")},
    "template-leftover": _extra("1. Bước thứ nhất."),
    "heading-h1": _extra("# Gọi điện video cho người thân ở xa"),
    "handout-missing": _swap("/// handout\n", "/// details | Ghi nhớ\n"),
    "handout-duplicate": _extra("/// handout\n1. Thêm một tờ nữa.\n///"),
    "quiz-missing": lambda: {LESSON: re.sub(r"/// (quiz|order|fill) \|[^\n]*\n.*?\n///\n", "", GOOD, flags=re.S)},
    "block-unclosed": lambda: {LESSON: GOOD.rstrip().rsplit("///", 1)[0]},
    "block-unknown": _extra("/// quizz | Câu hỏi?\n- [x] Có\n///"),
    "block-empty": _extra("/// trainer\n///"),
    "block-option-unknown": _swap(QUIZ, QUIZ + "\n    shufle: true"),
    "block-option-type": _swap(QUIZ, QUIZ + "\n    shuffle: có"),
    "question-missing": _quiz("- [x] Có\n- [ ] Không", title=""),
    "list-missing": _quiz("Không có lựa chọn nào."),
    "list-nested": _quiz("- [x] Có\n    - [ ] Con\n- [ ] Không"),
    "list-split": _quiz("- [x] Có\n\nMột đoạn không thụt lề.\n\n- [ ] Không"),
    "option-no-box": _quiz("- [x] Có\n- Không"),
    "option-empty": _quiz("- [x] Có\n- [ ]"),
    "option-duplicate": _quiz("- [x] Có\n- [ ] Có"),
    "options-too-few": _quiz("- [x] Có"),
    "quiz-no-correct": _quiz("- [ ] Có\n- [ ] Không"),
    "order-too-few": _quiz("1. Một\n2. Hai", kind="order"),
    "fill-no-answer": _quiz("Không có câu trả lời.", kind="fill"),
    "image-no-alt": _extra("![](img/hinh.svg)"),
    "image-too-big": lambda: {"nguoi-cao-tuoi/img/to.png": b"\x89PNG" + b"0" * (301 * 1024)},
    "link-broken": _extra("[Xem thêm](khong-co.md)"),
    "section-too-long": _extra("## Dài\n\n" + " ".join(["chữ"] * 200)),
    "data-missing": lambda: {"_data/competencies.yml": None},
    "data-yaml": lambda: {"_data/competencies.yml": "domains: [\n"},
    "handout-overflow": _swap("/// handout\n", "/// handout\n" + "".join(f"{n}. Một dòng dài để tờ in tràn "
                                                                       "sang trang thứ hai.\n" for n in range(1, 60))),
}
# Codes no lesson can fire: they are about the machine, and have tests of their own.
MACHINE = {"handouts-engine": "tests/test_handouts.py (WeasyPrint that cannot start)",
           "site-url-missing": "tests/test_engines.py (a publishing build without SITE_URL)",
           # A file the build's user may not read: the tests run as root, who reads every file.
           "file-unreadable": "hocvuso/safety.py read_markdown (OSError)",
           # The handout fetcher's second line of defence: the lesson check refuses the same addresses first
           # (image-outside, link-unsafe, raw-html), so no lesson tree reaches it.
           "handout-file-outside": "hocvuso/handouts.py _project_fetcher"}


def _tree(tmp_path: Path, files: dict[str, str | bytes | None]) -> pipeline.Project:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "_data", docs / "_data")
    (docs / "nguoi-cao-tuoi" / "img").mkdir(parents=True)
    shutil.copyfile(FIXTURES / "images" / "hinh.svg", docs / "nguoi-cao-tuoi" / "img" / "hinh.svg")
    for name, text in {LESSON: GOOD, "nguoi-cao-tuoi/bai.en.md": GOOD_EN, **files}.items():
        path = docs / name
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return pipeline.Project(tmp_path, docs, "https://hocvuso.example.vn/", "Học vụ số", ROOT / "overrides")


def test_every_code_is_documented_in_both_languages():
    for code, entry in CODES.items():
        assert entry.severity in ("error", "warning"), code
        for lang in ("vi", "en"):
            assert entry.meaning[lang].strip() and entry.fix[lang].strip(), (code, lang)


def test_every_code_the_package_uses_is_registered():
    used = set()
    for path in (ROOT / "hocvuso").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'(?:Problem|_problem)\([^()]*?"([a-z]+(?:-[a-z0-9]+)+)"', text, re.S))
    assert used and used <= set(CODES), used - set(CODES)


def _hostile_codes() -> set[str]:
    """Codes the hostile fixtures fire (tests/test_hostile.py asserts each case gives exactly its problems)."""
    codes = set()
    for expect in (FIXTURES / "hostile" / "cases").glob("*/expect"):
        for line in expect.read_text(encoding="utf-8").splitlines():
            if re.fullmatch(r"\S+:\d+ [a-z0-9-]+", line.strip()):
                codes.add(line.split()[-1])
    generated = (ROOT / "tests" / "test_hostile.py").read_text(encoding="utf-8")
    return codes | set(re.findall(r':\d+ ([a-z]+(?:-[a-z0-9]+)+)"', generated))


def test_every_code_has_a_case():
    covered = set(CASES) | set(MACHINE) | _hostile_codes()
    assert covered >= set(CODES), set(CODES) - covered
    assert not set(CASES) - set(CODES), set(CASES) - set(CODES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_case_fires_its_code(code, tmp_path):
    report = pipeline.check(_tree(tmp_path, CASES[code]()))
    found = {p.code for p in [*report.problems, *report.warnings]}
    assert code in found, (code, [str(p) for p in [*report.problems, *report.warnings]])


def test_the_valid_lesson_has_no_problem(tmp_path):
    report = pipeline.check(_tree(tmp_path, {}))
    assert report.problems == [] and report.warnings == []


def test_authors_guide_lists_every_code(site):
    for page in ("tac-gia/index.html", "en/tac-gia/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        for code in CODES:
            assert f"<code>{code}</code>" in html, (page, code)
