"""The quiz, order and fill Blocks: Markdown in, HTML structure out; bad lessons stop the build."""
from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as etree

import markdown
import pytest
from conftest import FIXTURES, ROOT, make_project, read, run_build

from hocvuso import questions

EXTENSIONS = ["attr_list", "md_in_html", "pymdownx.superfences", "pymdownx.blocks.details", "hocvuso.blocks"]

QUIZ = """Trước.

/// quiz | Mật khẩu **nào** an toàn nhất?

Hãy đọc kỹ.

- [ ] 123456
    Sai: đây là *mật khẩu* bị dùng nhiều nhất.
- [ ] Ngày sinh của bạn
- [x] Một câu dài dễ nhớ
    Đúng: câu dài vừa dễ nhớ vừa khó đoán.

Mật khẩu mạnh là mật khẩu dài.
///

Sau.
"""


def render(source: str, lang: str = "vi") -> etree.Element:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"hocvuso.blocks": {"lang": lang}})
    return etree.fromstring(f"<root>{md.convert(source)}</root>")


def text(el: etree.Element) -> str:
    return "".join(el.itertext()).strip()


def test_quiz_is_a_fieldset_of_radio_buttons_with_labels():
    root = render(QUIZ)
    quiz = root.find("div[@class='hvs-quiz hvs-quiz--quiz']")
    assert quiz is not None and quiz.get("data-kind") == "quiz"
    assert quiz.get("id") == questions.question_id("quiz", "Mật khẩu **nào** an toàn nhất?")
    fieldset = quiz.find("fieldset")
    legend = fieldset.find("legend")
    assert text(legend) == "Mật khẩu nào an toàn nhất?" and legend.find("strong").text == "nào"
    assert text(fieldset.find("div[@class='hvs-quiz__context']")) == "Hãy đọc kỹ."
    assert text(fieldset.find("p[@class='hvs-quiz__hint']")) == "Chọn một đáp án."
    items = fieldset.findall("ul/li")
    assert [text(li.find("label")) for li in items] == ["123456", "Ngày sinh của bạn", "Một câu dài dễ nhớ"]
    for li in items:
        box = li.find("input")
        assert box.get("type") == "radio" and box.get("name") == quiz.get("id")
        assert li.find("label").get("for") == box.get("id")
    assert [li.get("data-correct") is not None for li in items] == [False, False, True]
    # Text before and after the block is untouched.
    assert text(root.find("p")) == "Trước." and text(root.findall("p")[-1]) == "Sau."


def test_feedback_and_explanation_are_in_the_markup_hidden_and_out_of_search():
    quiz = render(QUIZ).find("div")
    feedback = quiz.findall(".//div[@class='hvs-quiz__fb']")
    assert [text(f) for f in feedback] == ["Sai: đây là mật khẩu bị dùng nhiều nhất.",
                                           "Đúng: câu dài vừa dễ nhớ vừa khó đoán."]
    assert feedback[0].find("p/em").text == "mật khẩu"
    explain = quiz.find("div[@class='hvs-quiz__explain']")
    for el in [*feedback, explain]:
        assert el.get("hidden") is not None and el.get("data-search-exclude") is not None
    assert text(explain) == "Mật khẩu mạnh là mật khẩu dài."


def test_answer_is_behind_details_for_readers_without_javascript():
    quiz = render(QUIZ).find("div")
    details = quiz.find("details")
    assert details.get("data-search-exclude") is not None
    assert text(details.find("summary")) == "Xem đáp án"
    assert text(details.find("p[@class='hvs-quiz__key']")) == "Đáp án: Một câu dài dễ nhớ"
    assert [text(p) for p in details.findall("p")][1:] == ["Đúng: câu dài vừa dễ nhớ vừa khó đoán.",
                                                          "Mật khẩu mạnh là mật khẩu dài."]


def test_buttons_wait_hidden_for_javascript_and_status_is_live():
    quiz = render(QUIZ).find("div")
    check, retry = quiz.findall("div[@class='hvs-quiz__bar']/button")
    assert (text(check), text(retry)) == ("Kiểm tra", "Làm lại")
    assert all(b.get("type") == "button" and b.get("hidden") is not None for b in (check, retry))
    assert quiz.find("p[@class='hvs-quiz__status']").get("role") == "status"


def test_english_ui_follows_the_page_language():
    quiz = render(QUIZ.replace("- [ ] 123456", "- [x] 123456"), lang="en").find("div")
    assert text(quiz.find(".//p[@class='hvs-quiz__hint']")) == "Choose all correct answers."
    assert [text(b) for b in quiz.findall(".//button")] == ["Check", "Try again"]
    assert text(quiz.find("details/summary")) == "Show answer"
    assert text(quiz.find("details/p")) == "Answer: 123456; Một câu dài dễ nhớ"


def test_several_right_answers_make_checkboxes():
    quiz = render("/// quiz | Chọn?\n- [x] a\n- [ ] b\n- [x] c\n///").find("div")
    assert quiz.get("data-multiple") is not None
    assert {i.get("type") for i in quiz.iter("input")} == {"checkbox"}
    assert text(quiz.find(".//p[@class='hvs-quiz__hint']")) == "Chọn tất cả đáp án đúng."


def test_shuffle_shows_options_in_the_deterministic_order():
    source = "/// quiz | Xáo?\n    shuffle: true\n- [x] a\n- [ ] b\n- [ ] c\n- [ ] d\n///"
    quiz = render(source).find("div")
    shown = [int(li.get("data-i")) for li in quiz.iter("li")]
    assert shown == questions.deterministic_order(quiz.get("id"), 4) and shown != [0, 1, 2, 3]
    assert shown == [int(li.get("data-i")) for li in render(source).find("div").iter("li")]


def test_order_steps_are_shuffled_with_boxes_and_the_answer_in_details():
    steps = ["Mở ứng dụng", "Chọn quét mã", "Kiểm tra tên", "Xác nhận"]
    source = "/// order | Sắp xếp\n" + "\n".join(f"{n}. {s}" for n, s in enumerate(steps, 1)) + "\n///"
    quiz = render(source).find("div")
    assert quiz.get("data-kind") == "order"
    items = quiz.findall("fieldset/ol[@class='hvs-quiz__steps']/li")
    order = questions.deterministic_order(quiz.get("id"), 4)
    assert [text(li) for li in items] == [steps[i] for i in order] != steps
    assert [int(li.get("data-i")) for li in items] == order
    assert all(li.find("span[@class='hvs-quiz__box']") is not None for li in items)
    assert [text(li) for li in quiz.findall("details/ol/li")] == steps


def test_fill_has_a_labelled_text_box_and_folded_answers():
    quiz = render("/// fill | Số nào?\n- 113\n- Một Một Ba\n///").find("div")
    box = quiz.find("fieldset/input")
    assert box.get("type") == "text" and quiz.find("fieldset/label").get("for") == box.get("id")
    assert json.loads(quiz.get("data-accept")) == ["113", "mot mot ba"]
    assert quiz.get("data-exact") is None
    assert text(quiz.find("details/p")) == "Đáp án: 113 / Một Một Ba"
    exact = render("/// fill | Tên?\n    exact: true\n- Đà Nẵng\n///").find("div")
    assert json.loads(exact.get("data-accept")) == ["đà nẵng"] and exact.get("data-exact") is not None


def test_ids_are_stable_and_unique_on_a_page():
    one = render("/// quiz | Cùng câu?\n- [x] a\n- [ ] b\n///").find("div").get("id")
    page = render("/// quiz | Khác?\n- [x] a\n- [ ] b\n///\n\n/// quiz | Cùng câu?\n- [x] c\n- [ ] d\n///\n\n"
                  "/// quiz | Cùng câu?\n- [x] e\n- [ ] f\n///")
    ids = [d.get("id") for d in page.findall("div")]
    assert ids[1] == one and ids[2] == one + "-2"
    assert len({i.get("id") for i in page.iter("input")}) == 6


def test_bad_input_renders_as_text_and_never_raises():
    root = render("/// quiz | Không có đáp án đúng?\n- [ ] a\n- [ ] b\n///")
    quiz = root.find("div")
    assert quiz.find("fieldset") is None and quiz.get("id") is None
    assert "Không có đáp án đúng?" in text(quiz) and text(quiz.find("ul/li")) == "[ ] a"
    untitled = render("/// quiz\n- [x] a\n- [ ] b\n///").find("div")
    assert untitled.find("hr") is None and [text(li) for li in untitled.iter("li")] == ["[x] a", "[ ] b"]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("quizsite")
    done = run_build(make_project(tmp, FIXTURES / "quiz" / "docs"), tmp / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    return tmp / "site"


def test_lesson_page_prints_an_answer_key_out_of_search(fixture_site):
    html = read(fixture_site, "hoc-sinh/bai-mot.html")
    assert html.count('class="hvs-quiz hvs-quiz--') == 5
    key = html[html.index('<section class="hvs-key" data-search-exclude>'):]
    key = key[:key.index("</section>")]
    assert "<h2>Đáp án</h2>" in key
    assert "C. Một câu dài dễ nhớ" in key and "113" in key and "Định danh / VNeID" in key
    assert "1. Mở ứng dụng ngân hàng → 2. Chọn quét mã QR" in key
    en = read(fixture_site, "en/hoc-sinh/bai-mot.html")
    assert "<h2>Answer key</h2>" in en and "Show answer" in en
    assert 'src="../assets/js/quiz.js"' in html and "assets/css/quiz.css" in html


def test_answers_feedback_and_keys_stay_out_of_search(fixture_site):
    index = sorted((fixture_site / "assets").glob("search-vi*.js"))
    if not index:
        pytest.skip("this build writes no search index")
    text = index[0].read_text(encoding="utf-8")
    assert "mat khau nao an toan nhat" in text  # the question itself is found
    for hidden in ["113", "vneid", "sai day la mat khau", "mat khau manh la mat khau dai", "xem dap an",
                   "chon mot dap an", "dung cau dai"]:
        assert hidden not in text, hidden


def test_bad_quiz_stops_the_build_with_path_line_and_code(tmp_path):
    docs = tmp_path / "src"
    shutil.copytree(FIXTURES / "quiz" / "docs", docs)
    lesson = docs / "hoc-sinh" / "bai-hai.md"
    source = lesson.read_text(encoding="utf-8")
    lesson.write_text(source.replace("- [ ] Có\n", "- [ ] Có\n- [ ]\n- [ ] Có\n")
                      .replace("/// quiz | Có nên", "/// quiz | Có nên bấm?\n    shufle: true\n///\n\n/// quiz | Có nên"),
                      encoding="utf-8")
    done = run_build(make_project(tmp_path / "p", docs), tmp_path / "site")
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert "hoc-sinh/bai-hai.md:15: the 'quiz' block has no option 'shufle'" in out
    assert "[block-option-unknown]" in out
    assert "hoc-sinh/bai-hai.md:20: an empty answer option" in out
    assert "hoc-sinh/bai-hai.md:21: the option 'Có' is the same as the one on line 19" in out


def test_real_lessons_render_their_questions(site):
    """Every question the catalogue parsed for the real site is on its page, with the same id."""
    from hocvuso.lessons import load_catalogue

    catalogue = load_catalogue(str(ROOT / "docs"))
    lessons = [x for x in catalogue.lessons if x.questions]
    assert lessons
    for lesson in lessons:
        page = site / lesson.url
        # Authors keep writing while the suite runs: judge only lessons unchanged since the build.
        if not page.exists() or (ROOT / "docs" / lesson.path).stat().st_mtime > page.stat().st_mtime:
            continue
        html = page.read_text(encoding="utf-8")
        for q in lesson.questions:
            assert f'id="{q.id}"' in html, (lesson.url, q.prompt)


def test_lesson_pages_show_the_questions_the_check_parsed_without_parsing_again(tmp_path, monkeypatch):
    """The render phase takes each question from the catalogue (parsed once, by the check) and shows exactly
    what parsing the block's body again would show; only pages outside the catalogue parse their blocks."""
    from hocvuso.lessons import Lesson, build_catalogue, split_front_matter

    catalogue = build_catalogue(str(ROOT / "docs"))
    config = {"docs_dir": str(ROOT / "docs"), "theme_dir": str(ROOT / "overrides"), "cache_dir": str(tmp_path),
              "site_url": "https://example.org/"}

    def html(lesson, **more) -> str:
        md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"hocvuso.blocks": {
            **config, "page": lesson.path, "lang": lesson.lang, **more}})
        return md.convert(split_front_matter(lesson.source)[1])

    lessons = [x for x in catalogue.lessons if x.questions]
    with monkeypatch.context() as patch:  # as before: every block's body parsed while the page renders
        patch.setattr(Lesson, "question_of", lambda *args: None)
        parsed_again = {x.path: html(x, catalogue=catalogue) for x in lessons}
    calls = []
    real = questions.parse_block
    monkeypatch.setattr(questions, "parse_block", lambda *a, **k: calls.append(a) or real(*a, **k))
    for lesson in lessons:
        assert html(lesson, catalogue=catalogue) == parsed_again[lesson.path], lesson.path
    assert calls == []
    guide = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"hocvuso.blocks": {
        **config, "page": "tac-gia/index.md", "catalogue": catalogue}}).convert(QUIZ)
    assert len(calls) == 1 and 'class="hvs-quiz hvs-quiz--quiz"' in guide
