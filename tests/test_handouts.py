"""Handout PDFs: one A4 page per lesson and language, booklets, the index page, the cache, the overflow error.

One fixture site (tests/fixtures/handouts/site) is built once for the module with a real site_url, the way an
author builds; the PDFs are then read with pypdf, pdftotext, pdffonts, pdftoppm and zbarimg.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import FIXTURES, make_project, read, run_build
from hocvuso import handouts, lessons

SITE_URL = "https://hocvuso.example.vn/"
A4 = (595.28, 841.89)  # points


def text_of(pdf: Path, *args: str) -> str:
    out = subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    out = unicodedata.normalize("NFC", out).replace("\u2011", "-")  # the short address uses non-breaking hyphens
    return out if args else re.sub(r"[ \n]+", " ", out)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The fixture docs in a project folder of their own (so its .cache/handouts starts empty)."""
    root = tmp_path_factory.mktemp("handouts")
    return make_project(root, FIXTURES / "handouts" / "site" / "docs").parent


@pytest.fixture(scope="module")
def built(project) -> Path:
    site = project / "site"
    done = run_build(project / "mkdocs.yml", site, env={"SITE_URL": SITE_URL})
    assert done.returncode == 0, done.stdout + done.stderr
    return site


@pytest.fixture(scope="module")
def catalogue(project) -> lessons.Catalogue:
    return lessons.load_catalogue(str(project / "docs"))


def test_each_lesson_has_one_a4_page_per_language(built):
    for rel in ("tai-lieu-in/pdf/nguoi-cao-tuoi-goi-dien.pdf", "en/tai-lieu-in/pdf/nguoi-cao-tuoi-goi-dien.pdf",
                "tai-lieu-in/pdf/nguoi-cao-tuoi-nhan-tin.pdf", "en/tai-lieu-in/pdf/nguoi-cao-tuoi-nhan-tin.pdf"):
        reader = PdfReader(built / rel)
        assert len(reader.pages) == 1, rel
        box = reader.pages[0].mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A4, abs=0.5), rel


def test_title_with_diacritics_and_handout_body_are_in_the_text(built):
    text = text_of(built / "tai-lieu-in/pdf/nguoi-cao-tuoi-goi-dien.pdf")
    assert "Gọi điện video cho người thân ở xa" in text
    assert "Mở ứng dụng Zalo trên điện thoại." in text
    assert "Nếu không nghe rõ, bác bấm nút loa." in text
    assert "Học vụ số" in text  # the site's name
    assert dt.date.today().strftime("%d/%m/%Y") in text  # the build date
    english = text_of(built / "en/tai-lieu-in/pdf/nguoi-cao-tuoi-goi-dien.pdf")
    assert "Video calls to family far away" in english and "Key points" in english


def test_pdf_is_tagged_for_screen_readers_with_the_key_read_last(built, catalogue):
    pdf = built / "tai-lieu-in/pdf/nguoi-cao-tuoi-goi-dien.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Tagged:\s+yes", info)
    # Tags follow the document order: the key comes after the last question, though it prints as a footnote.
    html = handouts.handout_html(catalogue.for_path("nguoi-cao-tuoi/goi-dien.md"), SITE_URL, "Học vụ số", dt.date.today())
    assert html.index("Khi gặp nguy hiểm") < html.index('class="key"')


def test_only_the_shipped_font_is_embedded(built):
    out = subprocess.run(["pdffonts", str(built / "tai-lieu-in/pdf/nguoi-cao-tuoi-goi-dien.pdf")],
                         capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows, out
    for row in rows:
        assert "Noto-Sans-HVS" in row[0], out  # never a system font
        assert "yes" in row[-5], out  # embedded


def test_qr_code_decodes_to_the_lessons_address(built, tmp_path):
    pdf = built / "en/tai-lieu-in/pdf/nguoi-cao-tuoi-goi-dien.pdf"
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    found = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "page.png")], capture_output=True, text=True)
    assert found.stdout.strip() == SITE_URL + "en/nguoi-cao-tuoi/goi-dien.html"
    # ...and the short address is printed under it.
    assert "hocvuso.example.vn/en/ nguoi-cao-tuoi/goi-dien.html" in text_of(pdf)


def test_answer_sheet_and_key_without_trainer_notes(built):
    text = text_of(built / "tai-lieu-in/pdf/nguoi-cao-tuoi-goi-dien.pdf")
    assert "Tự kiểm tra" in text
    for option in ("Nút điện thoại", "Nút máy quay", "Nút tin nhắn", "Chọn tên người thân"):
        assert option in text
    assert "Đáp án" in text and "Cắt theo đường này" in text
    key = re.search(r"Đáp án: (1\..*?3\. \S+)", text).group(1)
    # 1: the second option (B); 2: an order printed shuffled, numbered as shown; 3: the accepted answer.
    assert key.startswith("1. B · 2. ") and key.rstrip().endswith("3. 113"), key
    assert "GHI-CHU" not in text  # trainer notes never print, not even nested in the handout block


def test_key_is_printed_upside_down_below_the_questions(built):
    """Rotated text: pdftotext -bbox gives its words; the key sits below every question on the page."""
    boxes = text_of(built / "tai-lieu-in/pdf/nguoi-cao-tuoi-goi-dien.pdf", "-bbox")
    words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]+)<', boxes)
    y = {w: float(v) for v, w in words}
    assert y["113"] > y["an?"] > y["Chọn"]  # the key ("3. 113") is below the last question


def test_booklet_has_cover_contents_and_handouts_in_path_order(built):
    pdf = built / "tai-lieu-in/pdf/nguoi-cao-tuoi.pdf"
    reader = PdfReader(pdf)
    assert len(reader.pages) == 3  # cover and contents on one page, then two handouts: no page wasted
    contents = " ".join(unicodedata.normalize("NFC", reader.pages[0].extract_text()).split())
    assert "Người cao tuổi" in contents and "Mục lục" in contents  # the cover's title, then the contents
    assert contents.index("Người cao tuổi") < contents.index("Mục lục")
    assert "trang 2" in contents and "trang 3" in contents
    assert contents.index("Gọi điện video") < contents.index("Nhắn tin thoại")
    assert "Gọi điện video" in unicodedata.normalize("NFC", reader.pages[1].extract_text())
    assert "Nhắn tin thoại" in unicodedata.normalize("NFC", reader.pages[2].extract_text())
    assert len(PdfReader(built / "en/tai-lieu-in/pdf/nguoi-cao-tuoi.pdf").pages) == 3


def test_index_page_lists_every_pdf_with_its_size_in_the_pages_language(built):
    for rel, booklet in (("tai-lieu-in/index.html", "Cả tập (2 tờ)"),
                         ("en/tai-lieu-in/index.html", "The whole booklet (2 handouts)")):
        html = read(built, rel)
        links = re.findall(r'<a href="([^"]+\.pdf)"[^>]*>([^<]+)</a><span class="hvs-handouts__size"> — PDF, (\d+) KB',
                           html)
        assert len(links) == 3, html  # the booklet and two handouts of nguoi-cao-tuoi
        assert links[0][1] == booklet
        for href, _title, kb in links:
            target = (built / rel).parent / href  # relative: works from file:// too
            assert target.exists(), href
            assert int(kb) == max(1, round(target.stat().st_size / 1024))


def test_lesson_page_links_to_its_handout(built):
    for rel, label in (("nguoi-cao-tuoi/goi-dien.html", "In tờ hướng dẫn"),
                       ("en/nguoi-cao-tuoi/goi-dien.html", "Print the handout")):
        html = read(built, rel)
        href = re.search(r'<a class="md-button hvs-handout-link" href="([^"]+)"[^>]*>([^<]+)</a>', html)
        assert href and href.group(2) == label
        assert ((built / rel).parent / href.group(1)).resolve().is_file()


def test_budget_size_per_handout(built):
    for pdf in (built / "tai-lieu-in/pdf").glob("nguoi-cao-tuoi-*.pdf"):
        assert pdf.stat().st_size <= 60 * 1024, pdf


def test_cache_renders_only_what_changed(catalogue, tmp_path):
    cache = tmp_path / "cache"
    day = dt.date(2026, 11, 25)
    first = handouts.build_site(catalogue, SITE_URL, "Học vụ số", cache, date=day)
    assert not first.problems and sum(p.rendered for p in first.pdfs if p.slug) == 4
    again = handouts.build_site(catalogue, SITE_URL, "Học vụ số", cache, date=day)
    assert [p.path for p in again.pdfs] == [p.path for p in first.pdfs]
    assert not any(p.rendered for p in again.pdfs)  # nothing re-rendered, booklets included
    # One lesson changes: only its handout and its booklet are rendered again.
    changed = [x for x in catalogue.lessons if x.path != "nguoi-cao-tuoi/goi-dien.md"]
    lesson = catalogue.for_path("nguoi-cao-tuoi/goi-dien.md")
    changed.append(dataclasses.replace(lesson, title="Gọi video (sửa)"))
    edited = lessons.Catalogue(catalogue.docs_dir, changed, catalogue.competencies, [])
    third = handouts.build_site(edited, SITE_URL, "Học vụ số", cache, date=day)
    assert sorted((p.lang, p.slug or "") for p in third.pdfs if p.rendered) == [("vi", ""), ("vi", "goi-dien")]


def test_a_line_added_above_the_handout_renders_nothing_again(catalogue, tmp_path):
    """The cache key is what the sheet shows, not where the blocks sit in the file."""
    cache = tmp_path / "cache"
    day = dt.date(2026, 11, 25)
    handouts.build_site(catalogue, SITE_URL, "Học vụ số", cache, date=day)
    path = Path(catalogue.docs_dir) / "nguoi-cao-tuoi/goi-dien.md"
    text = path.read_text(encoding="utf-8").replace("\n## ", "\nMột dòng mới.\n\nThêm dòng nữa.\n\n## ", 1)
    moved, found = lessons.parse_lesson("nguoi-cao-tuoi/goi-dien.md", text, catalogue.competencies)
    original = catalogue.for_path("nguoi-cao-tuoi/goi-dien.md")
    assert not found and moved.handout.line == original.handout.line + 4  # the blocks did move
    others = [x for x in catalogue.lessons if x.path != moved.path]
    again = handouts.build_site(lessons.Catalogue(catalogue.docs_dir, [*others, moved], catalogue.competencies, []),
                                SITE_URL, "Học vụ số", cache, date=day)
    assert not any(p.rendered for p in again.pdfs)
    shown = text.replace("/// handout\n", "/// handout\n1. Một ý mới trên tờ in.\n", 1)
    edited, _ = lessons.parse_lesson("nguoi-cao-tuoi/goi-dien.md", shown, catalogue.competencies)
    third = handouts.build_site(lessons.Catalogue(catalogue.docs_dir, [*others, edited], catalogue.competencies, []),
                                SITE_URL, "Học vụ số", cache, date=day)
    assert ("vi", "goi-dien") in [(p.lang, p.slug) for p in third.pdfs if p.rendered]


def test_serving_uses_the_cache_and_renders_nothing(catalogue, tmp_path):
    served = handouts.build_site(catalogue, SITE_URL, "Học vụ số", tmp_path / "empty", render=False)
    assert served.pdfs == [] and served.skipped == 4
    assert "not rendered while serving" in handouts.summary(served)


def test_a_handout_too_long_for_one_page_stops_the_build(tmp_path):
    config = make_project(tmp_path, FIXTURES / "handouts" / "overflow" / "docs")
    done = run_build(config, tmp_path / "site")
    assert done.returncode != 0
    line = next(i for i, x in enumerate((tmp_path / "docs/nguoi-cao-tuoi/dai-qua.md").read_text().split("\n"), 1)
                if x.startswith("/// handout"))
    found = re.search(rf"nguoi-cao-tuoi/dai-qua\.md:{line}: the printed handout does not fit on one A4 page: "
                      r"it is (\d+) mm too long \(about (\d+) lines\) — shorten .*\[handout-overflow\]",
                      done.stderr)
    assert found, done.stderr
    assert int(found.group(2)) == max(1, round(int(found.group(1)) / handouts.LINE_MM))
    assert not re.search(r"dai-qua\.en\.md:\d+: .*\[handout-overflow\]", done.stderr)  # the English twin fits


def test_overflow_measure_agrees_with_the_pages_weasyprint_makes(catalogue):
    """Add one-line steps until the handout spills: the measure turns positive exactly when a 2nd page appears."""
    lesson = catalogue.for_path("nguoi-cao-tuoi/goi-dien.md")
    renderer = handouts._Renderer()
    base = (Path(catalogue.docs_dir) / "nguoi-cao-tuoi").as_uri() + "/"

    def variant(extra: int) -> str:
        body = list(lesson.handout.body) + [""] + [f"{n}. Bấm nút." for n in range(4, 4 + extra)]
        block = dataclasses.replace(lesson.handout, body=tuple(body))
        blocks = tuple(block if b is lesson.handout else b for b in lesson.blocks)
        return handouts.handout_html(dataclasses.replace(lesson, blocks=blocks), SITE_URL, "Học vụ số", dt.date.today())

    low, high = 0, 40
    assert handouts.overflow_mm(renderer, variant(low), base) < 0 < handouts.overflow_mm(renderer, variant(high), base)
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (mid, high) if handouts.overflow_mm(renderer, variant(mid), base) < 0 else (low, mid)
    assert len(renderer.render(variant(low), base).pages) == 1
    assert len(renderer.render(variant(high), base).pages) == 2
    assert 0 < handouts.overflow_mm(renderer, variant(high), base) < 2 * handouts.LINE_MM


def test_a_machine_without_weasyprint_libraries_gets_a_problem_not_a_traceback(catalogue, tmp_path, monkeypatch):
    def broken(self):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(handouts._Renderer, "__init__", broken)
    result = handouts.build_site(catalogue, SITE_URL, "Học vụ số", tmp_path / "cache")
    assert [p.code for p in result.problems] == ["handouts-engine"]
    assert "libpango-1.0-0" in str(result.problems[0]) and "handouts: false" in str(result.problems[0])
    assert result.pdfs == [] and result.skipped == 4
