"""Lessons are untrusted input (DESIGN §10): every hostile or broken file ends as its path:line problem, in bounded
time, never a traceback, a hang, a leaked file or a script.

tests/fixtures/hostile/
- base/docs: one valid lesson and its twin; every case is laid over it.
- cases/<name>/docs: the files of one case; cases/<name>/expect: its first line says what the case is, the others
  the exact problems ("path:line code"), so one mistake giving a second, false problem fails too. An empty list:
  the case must pass (a byte-order mark).
- site/docs: a tree whose every text is a payload that must build and show as text (front matter is escaped,
  lesson text uses &lt;); built once here for the PDFs and in tests/browser/test_hostile_browser.py for Chromium.
Some cases cannot be files in git (symlinks to the machine, a 40-megapixel bomb, a file over the size limit):
GENERATED makes them in the test's folder.
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape
from conftest import FIXTURES, ROOT, make_project, run_build

from hocvuso import handouts, images, lessons, safety

HOSTILE = FIXTURES / "hostile"
CASES = sorted(p.name for p in (HOSTILE / "cases").iterdir())
G = "nguoi-cao-tuoi/goc.md"
SITE_URL = "https://hvs.example.vn/"


def _tree(tmp_path: Path, case: str | None = None) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(HOSTILE / "base" / "docs", docs)
    shutil.copytree(ROOT / "docs" / "_data", docs / "_data")
    if case:
        shutil.copytree(HOSTILE / "cases" / case / "docs", docs, dirs_exist_ok=True)
    return docs


def _problems(docs: Path) -> set[str]:
    found = [*lessons.build_catalogue(str(docs)).problems, *images.image_problems(str(docs))]
    return {f"{p.path}:{p.line} {p.code}" for p in found}


def _expected(case: str) -> set[str]:
    lines = (HOSTILE / "cases" / case / "expect").read_text(encoding="utf-8").splitlines()
    return {x for x in lines if x.strip() and not x.startswith("#")}


def test_the_base_lesson_is_valid(tmp_path):
    assert _problems(_tree(tmp_path)) == set()


@pytest.mark.parametrize("case", CASES)
def test_each_hostile_file_gives_exactly_its_problems_quickly(tmp_path, case):
    docs = _tree(tmp_path, case)
    start = time.perf_counter()
    found = _problems(docs)
    took = time.perf_counter() - start
    assert found == _expected(case), (HOSTILE / "cases" / case / "expect").read_text(encoding="utf-8")
    assert took < 2, f"{case}: {took:.1f} s"


def _symlink_outside(docs: Path) -> str:
    (docs / "nguoi-cao-tuoi" / "mat-khau.md").symlink_to("/etc/passwd")
    return "nguoi-cao-tuoi/mat-khau.md:1 symlink-outside"


def _symlink_dangling(docs: Path) -> str:
    (docs / "nguoi-cao-tuoi" / "img").mkdir()
    (docs / "nguoi-cao-tuoi" / "img" / "anh.png").symlink_to(docs / "khong-co.png")
    return "nguoi-cao-tuoi/img/anh.png:1 symlink-outside"


def _symlink_folder_loop(docs: Path) -> str:
    (docs / "nguoi-cao-tuoi" / "vong").symlink_to(docs / "nguoi-cao-tuoi", target_is_directory=True)
    return "nguoi-cao-tuoi/vong:1 symlink-folder"


def _symlink_folder_outside(docs: Path) -> str:
    (docs / "he-thong").symlink_to("/etc", target_is_directory=True)
    return "he-thong:1 symlink-folder"


def _file_too_big(docs: Path) -> str:
    path = docs / G
    path.write_text(path.read_text(encoding="utf-8") + "\nChữ dài. " * 20_000, encoding="utf-8")
    return f"{G}:1 file-too-big"


def _png_bomb(docs: Path) -> str:
    """A 20,000 × 20,000 picture in a few hundred KB: 400 megapixels that Pillow must never decode."""
    from PIL import Image

    (docs / "nguoi-cao-tuoi" / "img").mkdir()
    Image.new("1", (20_000, 20_000)).save(docs / "nguoi-cao-tuoi" / "img" / "bom.png", optimize=True)
    assert (docs / "nguoi-cao-tuoi" / "img" / "bom.png").stat().st_size < images.MAX_BYTES
    return "nguoi-cao-tuoi/img/bom.png:1 image-pixels"


GENERATED = {f.__name__.strip("_"): f for f in (_symlink_outside, _symlink_dangling, _symlink_folder_loop,
                                                  _symlink_folder_outside, _file_too_big, _png_bomb)}


@pytest.mark.parametrize("case", GENERATED)
def test_generated_hostile_cases_give_exactly_their_problem(tmp_path, case):
    docs = _tree(tmp_path)
    want = GENERATED[case](docs)
    start = time.perf_counter()
    found = _problems(docs)
    assert found == {want}
    assert time.perf_counter() - start < 3


def test_a_symlinked_file_outside_docs_is_never_read(tmp_path, monkeypatch):
    docs = _tree(tmp_path)
    _symlink_outside(docs)
    read: list[str] = []
    original = safety.read_markdown
    monkeypatch.setattr(safety, "read_markdown", lambda path, rel: read.append(rel) or original(path, rel))
    lessons.build_catalogue(str(docs))
    assert "nguoi-cao-tuoi/mat-khau.md" not in read and G in read


def test_the_case_folder_covers_every_class():
    """At least 40 cases, and each class of DESIGN §10 has some."""
    classes = {c.split("-")[0] for c in CASES} | {c.split("_")[0] for c in GENERATED}
    assert len(CASES) + len(GENERATED) >= 40
    assert {"enc", "text", "yaml", "date", "html", "link", "attr", "source", "nested", "twin", "order", "file", "img",
            "svg", "symlink", "png"} <= classes, classes


def test_every_new_code_is_in_the_authors_guide():
    """Each problem code of the hostile cases is explained in both languages (the registry the guide's table is
    generated from; tests/test_problem_codes.py checks the built guide lists every registry code)."""
    from hocvuso.problems import CODES

    codes = {line.split()[-1] for case in CASES for line in _expected(case)} | {
        "symlink-outside", "symlink-folder", "file-too-big", "image-pixels", "handout-file-outside", "file-unreadable",
        "internal-error"}
    missing = [c for c in sorted(codes) if c not in CODES or not all(CODES[c].meaning.values())]
    assert not missing, missing


# ---------------------------------------------------------------- the build: problems, never a traceback

def test_a_tree_full_of_hostile_files_stops_the_build_with_problems_not_a_traceback(tmp_path):
    """Several hostile files at once through `mkdocs build`: each its problem, nothing built, no traceback."""
    project = tmp_path / "p"
    project.mkdir()
    config = make_project(project, HOSTILE / "base" / "docs")
    docs = project / "docs"
    base_en = (docs / "nguoi-cao-tuoi" / "goc.en.md").read_text(encoding="utf-8")
    want = []
    for n, case in enumerate(["enc-windows-1258", "yaml-billion-laughs", "date-impossible-day", "img-src-climbing",
                              "html-handout-file", "yaml-deep"], start=2):
        slug = f"ca-{n}"  # each case's lesson under its own name and order
        src = (HOSTILE / "cases" / case / "docs" / G).read_bytes().replace(b"order: 1", f"order: {n}".encode())
        (docs / "nguoi-cao-tuoi" / f"{slug}.md").write_bytes(src)
        (docs / "nguoi-cao-tuoi" / f"{slug}.en.md").write_text(base_en.replace("order: 1", f"order: {n}"),
                                                                encoding="utf-8")
        want += [x.replace(G, f"nguoi-cao-tuoi/{slug}.md") for x in _expected(case)]
    shutil.copytree(HOSTILE / "cases" / "svg-billion-laughs" / "docs", docs, dirs_exist_ok=True)
    want += _expected("svg-billion-laughs")
    want.append(_symlink_outside(docs))
    start = time.perf_counter()
    done = run_build(config, project / "site", env={"SITE_URL": SITE_URL})
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert "Traceback" not in out, out[-3000:]
    for item in want:
        where, code = item.split()
        assert f"{where}: " in out and f"[{code}]" in out, (item, out[-3000:])
    assert not (project / "site" / "nguoi-cao-tuoi").exists()
    assert "root:x:0" not in out  # the symlinked /etc/passwd was never read
    assert time.perf_counter() - start < 60


# ---------------------------------------------------------------- a hostile site that builds: payloads are text

class _Active(HTMLParser):
    """Collects what could run: scripts with a payload, event-handler attributes, javascript: addresses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        for key, value in attrs:
            if key.startswith("on") or (value and "javascript:" in value.replace(" ", "").lower()):
                self.found.append(f"<{tag} {key}={value!r}>")
        if tag in ("iframe", "object", "embed") or (tag == "img" and dict(attrs).get("src") == "x"):
            self.found.append(f"<{tag} {attrs}>")

    def handle_data(self, data):
        if self.in_script and "__pwned" in data:
            self.found.append(f"<script>{data[:60]}")

    def handle_endtag(self, tag):
        self.in_script = False


def test_no_page_of_the_hostile_site_holds_an_active_payload(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        parser = _Active()
        parser.feed(page.read_text(encoding="utf-8"))
        assert not parser.found, (page.relative_to(hostile_site), parser.found[:5])


def test_hostile_front_matter_shows_whole_and_as_text(hostile_site):
    page = (hostile_site / "nguoi-cao-tuoi" / "doc.html").read_text(encoding="utf-8")
    title = lessons.load_catalogue(str(hostile_site.parent / "docs")).get("nguoi-cao-tuoi", "doc", "vi").title
    assert f"<title>{escape(title)} - " in page and f"<h1>{escape(title)}</h1>" in page
    meta = re.search(r'<meta name="description" content="([^"]*)">', page).group(1)
    assert html.unescape(meta).endswith("{% raw %} ${7*7}")  # whole: not cut at its inner quote
    index = (hostile_site / "assets" / "search-vi.js").read_text(encoding="utf-8")
    assert '"</title><script>window.__pwned=\\"title\\"</script>' in index  # plain text; aids.js shows it as text


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_hostile_handout_prints_the_payload_as_text_and_no_local_file(hostile_site):
    text = " ".join(_pdf_text(hostile_site / "tai-lieu-in" / "pdf" / "nguoi-cao-tuoi-doc.pdf").split())
    assert '<img src="file:///proc/self/environ">' in text  # shown, not fetched
    assert "title><script>window.__pwned" in text
    assert "PATH=" not in text and "HOME=" not in text


def test_handout_fetcher_reads_only_project_files(tmp_path):
    """Even HTML that reached WeasyPrint could not embed a file of the machine nor reach the network."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-OF-THE-BUILD-MACHINE", encoding="utf-8")
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "a" / "link.css").symlink_to(secret)
    renderer = handouts._Renderer()
    renderer.fetcher.allow(str(docs))
    page = (f'<link rel="attachment" href="{secret.as_uri()}"><link rel="stylesheet" href="link.css">'
            f'<img src="file:///proc/self/environ"><img src="http://127.0.0.1:9/x.png"><p>Chữ</p>')
    doc = renderer.render(page, (docs / "a").as_uri() + "/")
    pdf = doc.write_pdf()
    assert b"SECRET-OF-THE-BUILD-MACHINE" not in pdf
    refused = " ".join(renderer.fetcher.refused)
    assert secret.as_uri() in refused and "proc/self/environ" in refused and "127.0.0.1:9" in refused
    assert "link.css" in refused  # the symlink inside docs/ points outside: refused too
    assert renderer.fetcher.fetch("data:text/plain,ok").read() == b"ok"


def test_raw_html_reaching_the_handout_renderer_is_text():
    from hocvuso.handout_sheet import _markdown

    out = _markdown('<img src="file:///etc/passwd"> [x](javascript:alert(1)) ![y](file:///etc/hosts)')
    assert "<img src=\"file" not in out and "&lt;img" in out
    assert "javascript:" not in out and "file:///etc/hosts" not in out


# ---------------------------------------------------------------- the real site

def test_every_lesson_meta_description_is_its_whole_front_matter_description(site):
    """Shipped descriptions with inner quotes were cut at the quote in <meta name=description>."""
    catalogue = lessons.load_catalogue(str(ROOT / "docs"))
    quoted = 0
    for lesson in catalogue.lessons:
        page = (site / lesson.url).read_text(encoding="utf-8")
        meta = re.search(r'<meta name="description" content="([^"]*)">', page).group(1)
        assert html.unescape(meta) == lesson.description, lesson.path
        quoted += '"' in lesson.description
    assert quoted >= 2


def test_a_bug_in_the_check_names_the_file_instead_of_a_traceback(tmp_path, monkeypatch):
    docs = _tree(tmp_path)

    def broken(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(lessons.lesson, "parse_lesson", broken)
    found = _problems(docs)
    assert f"{G}:1 internal-error" in found


def test_an_svg_with_a_doctype_from_a_drawing_program_is_fine(tmp_path):
    svg = tmp_path / "hinh.svg"
    svg.write_text('<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
                   '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg" '
                   'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 4 4"><defs><linearGradient id="g"/></defs>'
                   '<rect fill="url(#g)" width="4" height="4"/><use xlink:href="#g"/></svg>', encoding="utf-8")
    assert images.picture_problem(svg, "hinh.svg") is None
