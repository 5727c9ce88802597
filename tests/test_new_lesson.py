"""`python -m hocvuso new`: a free, well-formed slug, both twins, and words the author can act on."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from hocvuso.cli import main, new_lesson
from hocvuso.lessons import build_catalogue
from hocvuso.scaffold import slug_faults, slugify

SITE = FIXTURES / "handouts" / "site" / "docs"


@pytest.fixture
def docs(tmp_path, monkeypatch) -> Path:
    """A small tree: the framework data and one lesson pair of nguoi-cao-tuoi (order 1)."""
    monkeypatch.delenv("HOCVUSO_LANG", raising=False)
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "_data", docs / "_data")
    (docs / "nguoi-cao-tuoi").mkdir()
    for name in ("goi-dien.md", "goi-dien.en.md"):
        shutil.copyfile(SITE / "nguoi-cao-tuoi" / name, docs / "nguoi-cao-tuoi" / name)
    return docs


def _new(docs: Path, capsys, *args: str) -> tuple[int, str, str]:
    status = main(["new", *args, "--docs-dir", str(docs)])
    out, err = capsys.readouterr()
    return status, out, err


def _lessons(docs: Path) -> set[str]:
    return {p.name for p in (docs / "nguoi-cao-tuoi").glob("*.md")}


def test_slugify_drops_diacritics_spaces_and_capitals():
    assert slugify("xem-thời-tiết") == "xem-thoi-tiet"
    assert slugify("Đi chợ Đà Lạt") == "di-cho-da-lat"
    assert slugify("  Gọi video: Zalo!  ") == "goi-video-zalo"
    assert slugify("goi-video.md") == "goi-video"
    assert slugify("???") == ""
    assert slug_faults("goi-video-zalo") == [] and slug_faults("bai2") == []
    assert slug_faults("Xem thời tiết") == ["spaces", "capitals", "diacritics"]
    assert slug_faults("đi-cho") == ["diacritics"]
    assert slug_faults("a_b") == ["other"] and slug_faults("-a") == ["other"] and slug_faults("a--b") == ["other"]


def test_diacritics_are_refused_with_the_command_to_type(docs, capsys):
    status, out, err = _new(docs, capsys, "nguoi-cao-tuoi", "xem-thời-tiết")
    assert status == 2 and out == ""
    assert "Tên tệp “xem-thời-tiết” có dấu tiếng Việt." in err
    assert "Hãy gõ:\n    python -m hocvuso new nguoi-cao-tuoi xem-thoi-tiet\n" in err + "\n"
    assert _lessons(docs) == {"goi-dien.md", "goi-dien.en.md"}


def test_d_with_stroke_becomes_d(docs, capsys):
    _status, _out, err = _new(docs, capsys, "nguoi-cao-tuoi", "đi-chợ-online", "Đi chợ trên mạng")
    assert 'python -m hocvuso new nguoi-cao-tuoi di-cho-online "Đi chợ trên mạng"' in err


def test_a_title_typed_as_slug_is_kept_as_the_title(docs, capsys):
    status, _out, err = _new(docs, capsys, "nguoi-cao-tuoi", "Xem thời tiết")
    assert status == 2
    assert "có dấu cách, chữ in hoa và dấu tiếng Việt" in err
    assert 'python -m hocvuso new nguoi-cao-tuoi xem-thoi-tiet "Xem thời tiết"' in err


def test_capitals_alone_are_refused(docs, capsys):
    status, _out, err = _new(docs, capsys, "nguoi-cao-tuoi", "Goi-Video")
    assert status == 2 and "có chữ in hoa." in err and "new nguoi-cao-tuoi goi-video\n" in err + "\n"


def test_an_existing_slug_suggests_the_next_free_one(docs, capsys):
    status, _out, err = _new(docs, capsys, "nguoi-cao-tuoi", "goi-dien", "Gọi điện")
    assert status == 2
    assert "Nhóm này đã có bài tên “goi-dien”" in err and "goi-dien.md" in err
    assert 'new nguoi-cao-tuoi goi-dien-2 "Gọi điện"' in err
    (docs / "nguoi-cao-tuoi" / "goi-dien-2.en.md").write_text("x", encoding="utf-8")  # half a pair is taken too
    _status, _out, err = _new(docs, capsys, "nguoi-cao-tuoi", "goi-dien")
    assert "new nguoi-cao-tuoi goi-dien-3\n" in err + "\n"
    # The audience's own page is never a lesson, even where the folder has none yet.
    _status, _out, err = _new(docs, capsys, "hoc-sinh", "index")
    assert "new hoc-sinh index-2\n" in err + "\n" and not (docs / "hoc-sinh").exists()
    # A refused slug's suggestion is free as well.
    _status, _out, err = _new(docs, capsys, "nguoi-cao-tuoi", "Gọi điện")
    assert 'new nguoi-cao-tuoi goi-dien-3 "Gọi điện"' in err


def test_a_title_without_slug_friendly_text_still_works(docs, capsys):
    _status, _out, err = _new(docs, capsys, "nguoi-cao-tuoi", "???")
    assert "Tên tệp “???” không có chữ nào dùng được." in err and "new nguoi-cao-tuoi bai-moi\n" in err + "\n"
    _status, _out, err = _new(docs, capsys, "nguoi-cao-tuoi", "???", "Xem thời tiết")
    assert 'new nguoi-cao-tuoi xem-thoi-tiet "Xem thời tiết"' in err
    # A title YAML would misread (':', '#', quotes) is written so the front matter still parses.
    title = 'Zalo: gọi "video" #1 — 100% miễn phí?'
    status, out, _err = _new(docs, capsys, "nguoi-cao-tuoi", "zalo", title)
    assert status == 0
    lesson = build_catalogue(str(docs)).get("nguoi-cao-tuoi", "zalo", "vi")
    assert lesson is not None and lesson.title == title


def test_new_writes_both_twins_after_the_last_lesson(docs, capsys):
    status, out, err = _new(docs, capsys, "nguoi-cao-tuoi", "xem-thoi-tiet", "Xem thời tiết")
    assert status == 0 and err == ""
    assert "Đã tạo bài số 2 của nhóm “Người cao tuổi”" in out and "python -m hocvuso check" in out
    assert _lessons(docs) >= {"xem-thoi-tiet.md", "xem-thoi-tiet.en.md"}
    catalogue = build_catalogue(str(docs))
    assert [p for p in catalogue.problems if "xem-thoi-tiet" in p.path] == []
    vi = catalogue.get("nguoi-cao-tuoi", "xem-thoi-tiet", "vi")
    en = catalogue.get("nguoi-cao-tuoi", "xem-thoi-tiet", "en")
    assert (vi.title, en.title) == ("Xem thời tiết", "Lesson title")
    assert vi.order == en.order == 2


def test_a_new_audience_folder_is_created(docs, capsys):
    assert _new(docs, capsys, "hoc-sinh", "bai-dau")[0] == 0
    assert (docs / "hoc-sinh" / "bai-dau.md").exists() and (docs / "hoc-sinh" / "bai-dau.en.md").exists()


def test_an_unknown_audience_is_named_with_the_close_one(docs, capsys):
    status, _out, err = _new(docs, capsys, "cao-tuoi", "bai")
    assert status == 2
    assert "Không có nhóm người học “cao-tuoi”" in err and "nen-tang, can-bo" in err
    assert "new nguoi-cao-tuoi bai\n" in err + "\n"


def test_messages_in_english_on_request(docs, capsys, monkeypatch):
    _status, _out, err = _new(docs, capsys, "nguoi-cao-tuoi", "xem-thời-tiết", "--lang", "en")
    assert "The file name 'xem-thời-tiết' has diacritics." in err and "Type:" in err and "Hãy gõ" not in err
    monkeypatch.setenv("HOCVUSO_LANG", "en")
    status, out, _err = _new(docs, capsys, "nguoi-cao-tuoi", "bai-moi")
    assert status == 0 and "Wrote lesson 2 of 'Older people'" in out
    # The option wins over the environment.
    _status, _out, err = _new(docs, capsys, "nguoi-cao-tuoi", "bai-moi", "--lang", "vi")
    assert "Nhóm này đã có bài tên “bai-moi”" in err


def test_new_lesson_function_returns_status(docs, capsys):
    assert new_lesson("nguoi-cao-tuoi", "Bai Moi", None, str(docs)) == 2
    assert new_lesson("nguoi-cao-tuoi", "bai-moi", None, str(docs)) == 0
    assert "Tên bài học" in (docs / "nguoi-cao-tuoi" / "bai-moi.md").read_text(encoding="utf-8")
