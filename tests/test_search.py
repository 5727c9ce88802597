"""The search index: folded text, what it leaves out, per-language files in the built site."""
from __future__ import annotations

import json
import re
from pathlib import Path

from hocvuso.questions import fold
from hocvuso.search import Collector, fold_words, index_script, page_entry

LESSON_HTML = """
<h2 id="mat-khau-manh">Mật khẩu mạnh</h2>
<p>Đặt <strong>mật khẩu</strong> dài,<br>dễ nhớ.</p>
<aside class="hvs-trainer" data-search-exclude=""><p>Hỏi cả lớp: ai dùng 123456?</p></aside>
<fieldset class="hvs-quiz"><legend>Mật khẩu nào an toàn?</legend>
  <label><input type="radio" name="q"> Ngày sinh</label>
  <p class="hvs-quiz__feedback" data-search-exclude="">Sai: kẻ gian đoán được ĐÁPÁNBÍMẬT.</p>
  <details data-search-exclude=""><summary>Xem đáp án</summary><p>Câu dài.</p></details>
  <button type="button">Kiểm tra</button>
</fieldset>
<nav><a href="x.html">Bài sau</a></nav>
<script>var secret = "scriptword";</script>
<h3 id="buoc">Bước 2: Đổi mật khẩu</h3>
<ol><li>Mở<li>Đăng nhập</ol>
<img src="a.png" alt="hinh"><p hidden>ẩn đi</p><p>Hết.</p>
"""


def entry():
    return page_entry("hoc-sinh/mat-khau.html", "Mật khẩu an toàn", "Cách đặt  mật khẩu.", LESSON_HTML)


def test_fold_words_matches_the_quiz_fold_and_drops_punctuation():
    assert fold_words("MẬT KHẨU, Đường-đi!") == "mat khau duong di"
    for text in ("mật khẩu", "MẬT KHẨU", "mat khau", "Mật  Khẩu"):
        assert fold_words(text) == fold(text) == "mat khau"
    # Decomposed input (as some phone keyboards send it) folds the same.
    assert fold_words("me\u0302\u0323t") == "met"


def test_entry_has_title_headings_with_anchors_and_folded_body():
    e = entry()
    assert e.title == "Mật khẩu an toàn"
    assert e.description == "Cách đặt mật khẩu."
    assert e.headings == (("mat-khau-manh", "Mật khẩu mạnh"), ("buoc", "Bước 2: Đổi mật khẩu"))
    assert "dat mat khau dai de nho" in e.text      # <br> and inline tags keep words apart, not glued
    assert "mo dang nhap" in e.text                  # unclosed <li> still separates words
    assert "het" in e.text.split()
    assert "mat khau manh" not in e.text             # headings are scored on their own


def test_excluded_content_never_reaches_the_index():
    e = entry()
    everything = " ".join([e.text, *(h for _, h in e.headings)])
    for word in ("hoi ca lop", "123456", "dapanbimat", "cau dai", "xem dap an", "kiem tra", "bai sau",
                 "scriptword", "an di", "hinh"):
        assert word not in everything, word
    # Question and options are lesson content and stay searchable.
    assert "mat khau nao an toan" in e.text and "ngay sinh" in e.text


def test_heading_equal_to_title_is_not_repeated():
    e = page_entry("index.html", "Học vụ số", "", '<h1 id="hoc-vu-so">Học vụ số</h1><p>Chào</p>')
    assert e.headings == () and e.text == "chao"


def test_index_script_defines_the_language_and_reads_back():
    script = index_script("vi", [entry()])
    m = re.fullmatch(r'\(self\.hvsSearch=self\.hvsSearch\|\|\{\}\)\["vi"\]=(.*);\n', script, re.S)
    assert m, script[:80]
    rows = json.loads(m.group(1))
    assert rows[0][:3] == ["hoc-sinh/mat-khau.html", "Mật khẩu an toàn", "Cách đặt mật khẩu."]
    assert rows[0][3][0] == ["mat-khau-manh", "Mật khẩu mạnh"]


def test_collector_writes_one_file_per_language(tmp_path):
    c = Collector()
    c.add("vi", "a.html", "Một", "", "<p>mật khẩu</p>")
    c.add("vi", "a.html", "Một", "", "<p>mật khẩu</p>")  # a rebuild of the same page replaces it
    c.add("en", "en/a.html", "One", "", "<p>password</p>")
    vi, en = c.write(str(tmp_path), "vi"), c.write(str(tmp_path), "en")
    assert vi.endswith("assets/search-vi.js") and en.endswith("assets/search-en.js")
    assert (tmp_path / "assets/search-vi.js").read_text(encoding="utf-8").count('"a.html"') == 1
    assert "password" in (tmp_path / "assets/search-en.js").read_text(encoding="utf-8")
    assert "password" not in (tmp_path / "assets/search-vi.js").read_text(encoding="utf-8")


def test_built_site_has_an_index_per_language_without_trainer_notes(site):
    from hocvuso.lessons import load_catalogue

    vi = (site / "assets/search-vi.js").read_text(encoding="utf-8")
    en = (site / "assets/search-en.js").read_text(encoding="utf-8")
    catalogue = load_catalogue(str(Path(__file__).resolve().parent.parent / "docs"))
    for lesson in catalogue.lessons:
        index = en if lesson.lang == "en" else vi
        assert json.dumps(lesson.url) in index, lesson.url
    assert '"en/' not in vi and '"en/' in en
    # No page's trainer notes are in the index (the notes' own text, taken from the built pages).
    notes = set()
    for page in site.rglob("*.html"):
        for block in re.findall(r'<aside[^>]*hvs-trainer[^>]*>(.*?)</aside>', page.read_text(encoding="utf-8"), re.S):
            words = fold_words(re.sub(r"<[^>]+>", " ", block)).split()[5:]  # past the note's title
            if len(words) >= 7:
                notes.add(" ".join(words[:7]))
    assert notes, "the site has trainer notes to check"
    for phrase in notes:
        assert phrase not in vi and phrase not in en, phrase
    # The theme's own search (Material's plugin) is gone: no index fetched on every page.
    assert not (site / "search" / "search_index.json").exists()
    assert "search_index" not in (site / "index.html").read_text(encoding="utf-8")


def test_nested_and_unbalanced_markup_keeps_exclusion_exact():
    html = ('<div data-search-exclude=""><div>trong</div><p>van trong</div><p>ngoai mot</p>'
            '<section hidden><h2 id="x">an</h2></section><h2 id="y">Thay <em>được</em></h2></p></span><p>ngoai hai')
    e = page_entry("a.html", "A", "", html)
    assert e.text == "ngoai mot ngoai hai"
    assert e.headings == (("y", "Thay được"),)


def test_generated_listings_are_left_to_the_lessons_they_list():
    html = ('<p>Lộ trình cho người cao tuổi.</p><div class="hvs-generated hvs-generated--learning-path">'
            '<ol><li><h3 id="a">Gọi video Zalo</h3><p>Mô tả bài.</p></li></ol></div>')
    e = page_entry("nguoi-cao-tuoi/index.html", "Người cao tuổi", "", html)
    assert e.text == "lo trinh cho nguoi cao tuoi" and e.headings == ()


def test_entries_are_reused_only_while_the_page_is_the_same(tmp_path):
    """A warm build takes each page's entry from the cache; a page that changed is read again."""
    cache = tmp_path / "entries.json"
    html = '<h1 id="t">Mật khẩu</h1><h2 id="a">Đặt mật khẩu mạnh</h2><p>Dùng cụm từ dài.</p>'
    first = Collector(cache)
    first.add("vi", "a.html", "Mật khẩu", "", html)
    first.save()
    again = Collector(cache)
    assert again.known  # read back
    again.add("vi", "a.html", "Mật khẩu", "", html)
    assert again.entries["vi"]["a.html"] == first.entries["vi"]["a.html"]
    changed = Collector(cache)
    changed.add("vi", "a.html", "Mật khẩu", "", html.replace("cụm từ dài", "câu dài dễ nhớ"))
    assert "cau dai de nho" in changed.entries["vi"]["a.html"].text
    cache.write_text("{not json", encoding="utf-8")  # a damaged cache is only slower
    broken = Collector(cache)
    broken.add("vi", "a.html", "Mật khẩu", "", html)
    assert broken.entries["vi"]["a.html"] == first.entries["vi"]["a.html"]
