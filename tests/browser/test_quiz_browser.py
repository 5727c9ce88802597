"""Quizzes in real Chromium: answering, keyboard ordering, score and done marks, storage, languages, no JavaScript.

(Not test_quiz.py: tests/test_quiz.py has that basename, and pytest imports both as one module.)
"""
from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import threading
from pathlib import Path

import pytest
from conftest import _QuietHandler, axe_violations

from hocvuso import questions

# tests/conftest.py shares the module name "conftest" with this folder's; load its build helpers by file.
_spec = importlib.util.spec_from_file_location("hvs_tests_conftest", Path(__file__).resolve().parents[1] / "conftest.py")
_top = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_top)
FIXTURES, make_project, run_build = _top.FIXTURES, _top.make_project, _top.run_build

KEY = "hvs:v1:progress"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The quiz fixture site (tests/fixtures/quiz), built once: (local address, folder)."""
    tmp = tmp_path_factory.mktemp("quizweb")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_QuietHandler, directory=str(tmp / "site")))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    # Material's instant navigation only follows links of its sitemap, which carries site_url's port.
    config = make_project(tmp, FIXTURES / "quiz" / "docs")
    text = config.read_text(encoding="utf-8")
    if "- navigation.instant\n" not in text:  # quizzes must keep working where a site turns it on
        config.write_text(text.replace("  features:\n", "  features:\n    - navigation.instant\n", 1), encoding="utf-8")
    done = run_build(config, tmp / "site", env={"SITE_URL": base})
    assert done.returncode == 0, done.stdout + done.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base, tmp / "site"
    server.shutdown()


@pytest.fixture
def url(served) -> str:
    return served[0]


def quizzes(page):
    return page.locator(".hvs-quiz")


def answer(quiz, *labels):
    for label in labels:
        quiz.locator("label", has_text=label).click()
    quiz.locator(".hvs-quiz__check").click()


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}")


def follow(page, selector: str, expect: str) -> None:
    """Click a link once Material's instant navigation is ready (it loads the sitemap first)."""
    page.wait_for_load_state("networkidle")
    old = page.evaluate_handle("document.querySelector('.md-content')")
    page.evaluate("s => document.querySelector(s).click()", selector)
    page.wait_for_url("**/" + expect)
    page.wait_for_function("old => !old.isConnected", arg=old)  # the URL changes before the content


def focused_class(page) -> str:
    return page.evaluate("document.activeElement.className")


def test_wrong_then_right_with_feedback_beside_the_choice(page, url):
    page.goto(url + "hoc-sinh/bai-mot.html")
    quiz = quizzes(page).first
    assert quiz.locator("details").is_hidden()  # the no-JS answer is hidden once the script runs
    answer(quiz, "123456")
    wrong = quiz.locator("li", has_text="123456")
    assert "is-wrong" in wrong.get_attribute("class")
    assert wrong.locator(".hvs-quiz__mark").inner_text() == "✗ Sai"
    assert wrong.locator(".hvs-quiz__fb").is_visible()
    assert quiz.locator("li", has_text="dài").locator(".hvs-quiz__fb").is_hidden()
    assert quiz.locator(".hvs-quiz__status").inner_text().startswith("Chưa đúng. Đọc gợi ý, sửa lại rồi bấm “Kiểm tra”.")
    # Wrong: the options stay open and "Kiểm tra" stays, with focus, beside "Làm lại".
    assert quiz.locator(".hvs-quiz__check").is_visible() and quiz.locator("input").first.is_enabled()
    assert quiz.locator(".hvs-quiz__retry").is_visible() and "hvs-quiz__check" in focused_class(page)
    quiz.locator(".hvs-quiz__retry").click()  # "Làm lại" still clears all
    assert quiz.locator("input:checked").count() == 0 and quiz.locator(".hvs-quiz__explain").is_hidden()
    assert quiz.locator(".hvs-quiz__mark").count() == 0
    assert page.evaluate("document.activeElement.type") == "radio"
    answer(quiz, "123456")
    page.keyboard.press("Shift+Tab")  # from "Kiểm tra" back to the options by keyboard
    page.keyboard.press("ArrowDown")  # another choice: the old mark and feedback go
    assert quiz.locator(".hvs-quiz__mark").count() == 0 and quiz.locator(".hvs-quiz__fb:visible").count() == 0
    answer(quiz, "Một câu dài dễ nhớ")  # then "Kiểm tra": no "Làm lại" in between
    right = quiz.locator("li", has_text="dài")
    assert right.locator(".hvs-quiz__mark").inner_text() == "✓ Đúng"
    assert right.locator(".hvs-quiz__fb").inner_text() == "Đúng: câu dài vừa dễ nhớ vừa khó đoán."
    assert quiz.locator(".hvs-quiz__explain").inner_text() == "Mật khẩu mạnh là mật khẩu dài."
    assert quiz.locator("input").first.is_disabled() and quiz.locator(".hvs-quiz__check").is_hidden()
    assert "hvs-quiz__retry" in focused_class(page)
    # What the live region announces: verdict and the chosen option's feedback; the page's one score line, its own.
    assert quiz.locator(".hvs-quiz__status").text_content() == "Đúng rồi! Đúng: câu dài vừa dễ nhớ vừa khó đoán."
    assert page.locator(".hvs-score").text_content() == "Bạn trả lời đúng 1/5 câu."
    assert page.locator(".hvs-score").get_attribute("role") == "status"
    assert page.get_by_text("trả lời đúng").count() == 1
    assert page.js_errors == []


def test_check_without_an_answer_asks_for_one(page, url):
    page.goto(url + "hoc-sinh/bai-mot.html")
    quiz = quizzes(page).first
    quiz.locator(".hvs-quiz__check").click()
    assert quiz.locator(".hvs-quiz__status").inner_text() == "Hãy chọn hoặc nhập câu trả lời trước."
    assert quiz.locator(".hvs-quiz__check").is_visible() and stored(page).get("hoc-sinh/bai-mot", {}).get("a") in (None, {})


def test_multiple_choice_needs_every_right_answer(page, url):
    page.goto(url + "hoc-sinh/bai-mot.html")
    quiz = quizzes(page).nth(1)
    assert quiz.locator("input[type=checkbox]").count() == 3
    answer(quiz, "Bật xác thực hai lớp")
    assert quiz.locator(".hvs-quiz__status").inner_text().startswith("Đúng một phần")
    answer(quiz, "Cập nhật ứng dụng")  # the missing one added, checked again at once
    assert quiz.locator(".hvs-quiz__status").inner_text().startswith("Đúng rồi!")
    assert quiz.locator(".hvs-quiz__mark").all_inner_texts() == ["✓ Đúng", "✓ Đúng"]


def test_order_by_keyboard(page, url):
    page.goto(url + "hoc-sinh/bai-mot.html")
    quiz = page.locator(".hvs-quiz--order")
    steps = quiz.locator("li.hvs-quiz__step")
    start = [int(x) for x in steps.evaluate_all("els => els.map(e => e.dataset.i)")]
    assert start != [0, 1, 2, 3]
    for target in range(4):
        item = quiz.locator(f"li[data-i='{target}']")
        up = item.locator("button").first
        assert up.get_attribute("aria-label").startswith("Lên: ")
        up.focus()
        while int(item.evaluate("li => [...li.parentNode.children].indexOf(li)")) > target:
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement") is not None
            assert "Lên" in page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert steps.evaluate_all("els => els.map(e => +e.dataset.i)") == [0, 1, 2, 3]
    status = quiz.locator(".hvs-quiz__status").inner_text()
    assert status.endswith("vị trí 4/4") or "vị trí" in status
    page.keyboard.press("Tab")  # down button of the same step
    quiz.locator(".hvs-quiz__check").focus()
    page.keyboard.press("Space")
    assert quiz.locator(".hvs-quiz__status").inner_text().startswith("Đúng rồi!")
    assert quiz.locator(".hvs-quiz__mark").all_inner_texts() == ["✓ Đúng"] * 4
    assert quiz.locator(".hvs-quiz__move").first.is_hidden()  # answered: the text gets the room


def test_fill_accepts_answers_without_diacritics_or_case(page, url):
    page.goto(url + "hoc-sinh/bai-mot.html")
    fill = page.locator(".hvs-quiz--fill").nth(1)
    fill.locator("input").fill("  ĐỊNH   DANH ")
    fill.locator(".hvs-quiz__check").click()
    assert fill.locator(".hvs-quiz__status").inner_text().startswith("Đúng rồi!")
    fill.locator(".hvs-quiz__retry").click()
    fill.locator("input").fill("dinh danh dien tu")
    fill.locator(".hvs-quiz__check").click()
    assert fill.locator(".hvs-quiz__status").inner_text().startswith("Chưa đúng")


def test_retry_clears_every_mark_of_a_fill(page, url):
    """Wrong, then retry and right: no red mark may stay on the typed answer's box."""
    page.goto(url + "hoc-sinh/bai-mot.html")
    fill = page.locator(".hvs-quiz--fill").nth(1)
    fill.locator("input").fill("sai hoàn toàn")
    fill.locator(".hvs-quiz__check").click()
    assert fill.locator(".is-wrong").count() == 1
    fill.locator(".hvs-quiz__retry").click()
    assert fill.locator(".is-wrong, .is-right").count() == 0
    fill.locator("input").fill("định danh")
    fill.locator(".hvs-quiz__check").click()
    assert fill.locator(".is-wrong").count() == 0 and "is-wrong" not in fill.get_attribute("class")


@pytest.mark.parametrize("lesson, n, exact, answers, typed", [
    ("bai-mot", 4, False, ["Định danh", "VNeID"],
     ["định danh", "DINH DANH", "Đinh  danh", " dinh danh ", "Đi\u0323nh danh", "dinh-danh", "VNEID", "vn eid"]),
    ("bai-hai", 1, True, ["Hà Nội"],
     ["Hà Nội", " hà  nội ", "HÀ NỘI", "Ha Noi", "Ha\u0300 No\u0302\u0323i", "Hà Nôi"]),
])
def test_typed_answers_are_compared_as_questions_fold_says(page, url, lesson, n, exact, answers, typed):
    """quiz.js and questions.fold (Python) must agree on every typed answer."""
    page.goto(url + f"hoc-sinh/{lesson}.html")
    fill = quizzes(page).nth(n)
    accepted = {questions.fold(a, exact) for a in answers}
    seen = {}
    for text in typed:
        fill.locator("input").fill(text)
        fill.locator(".hvs-quiz__check").click()
        seen[text] = "is-right" in fill.get_attribute("class")
        fill.locator(".hvs-quiz__retry").click()
    assert seen == {text: questions.fold(text, exact) in accepted for text in typed}
    assert any(seen.values()) and not all(seen.values())


def answer_four_of_five(page):
    q = quizzes(page)
    answer(q.nth(0), "Một câu dài dễ nhớ")
    answer(q.nth(1), "Bật xác thực hai lớp", "Cập nhật ứng dụng")
    q.nth(2).locator(".hvs-quiz__check").click()  # the shown order is wrong
    q.nth(3).locator("input").fill("113")
    q.nth(3).locator(".hvs-quiz__check").click()
    q.nth(4).locator("input").fill("vneid")
    q.nth(4).locator(".hvs-quiz__check").click()


def test_score_done_mark_on_the_path_and_reset(page, url):
    page.goto(url + "hoc-sinh/bai-mot.html")
    answer_four_of_five(page)
    assert page.locator(".hvs-score").inner_text() == "Bạn trả lời đúng 4/5 câu. ✓ Bạn đã hoàn thành bài học này."
    assert stored(page)["hoc-sinh/bai-mot"]["done"] == 1
    page.goto(url + "hoc-sinh/index.html")
    path = page.locator(".hvs-path")
    assert path.locator("[data-lesson='hoc-sinh/bai-mot'] .hvs-path__done").is_visible()
    assert path.locator("[data-lesson='hoc-sinh/bai-hai'] .hvs-path__done").is_hidden()
    assert path.locator(".hvs-path__progress").inner_text() == "1/2 bài đã hoàn thành"
    reset = path.locator(".hvs-path__reset")
    page.once("dialog", lambda d: d.dismiss())
    reset.click()
    assert path.locator(".hvs-path__progress").inner_text() == "1/2 bài đã hoàn thành"
    page.once("dialog", lambda d: d.accept())
    reset.click()
    assert path.locator(".hvs-path__progress").inner_text() == "0/2 bài đã hoàn thành"
    assert path.locator(".hvs-path__done").first.is_hidden() and reset.is_hidden()
    assert "hoc-sinh/bai-mot" not in stored(page)
    assert page.js_errors == []


def test_three_of_five_is_not_done(page, url):
    page.goto(url + "hoc-sinh/bai-mot.html")
    q = quizzes(page)
    answer(q.nth(0), "Một câu dài dễ nhớ")
    answer(q.nth(1), "Bật xác thực hai lớp", "Cập nhật ứng dụng")
    q.nth(3).locator("input").fill("113")
    q.nth(3).locator(".hvs-quiz__check").click()
    assert page.locator(".hvs-score").inner_text() == "Bạn trả lời đúng 3/5 câu."
    assert not stored(page)["hoc-sinh/bai-mot"].get("done")


def test_answers_survive_a_reload(page, url):
    page.goto(url + "hoc-sinh/bai-mot.html")
    answer(quizzes(page).first, "123456")
    page.reload()
    quiz = quizzes(page).first
    assert quiz.locator("li", has_text="123456").locator("input").is_checked()
    assert quiz.locator(".hvs-quiz__status").inner_text().startswith("Chưa đúng")
    assert quiz.locator(".hvs-quiz__retry").is_visible()
    assert page.locator(".hvs-score").inner_text() == "Bạn trả lời đúng 0/5 câu."


def test_answers_survive_instant_navigation(page, url):
    page.goto(url + "hoc-sinh/bai-mot.html")
    answer(quizzes(page).first, "Một câu dài dễ nhớ")
    page.evaluate("window.hvsSamePage = true")
    follow(page, "a.md-footer__link--next", "bai-hai.html")
    assert page.evaluate("window.hvsSamePage") is True  # Material swapped the page; no reload
    answer(quizzes(page).first, "Không")
    quizzes(page).nth(1).locator("input").fill(" hà  nội ")
    quizzes(page).nth(1).locator(".hvs-quiz__check").click()
    assert page.locator(".hvs-score").inner_text() == "Bạn trả lời đúng 2/2 câu. ✓ Bạn đã hoàn thành bài học này."
    follow(page, "a.md-footer__link--prev", "bai-mot.html")
    assert page.evaluate("window.hvsSamePage") is True
    assert quizzes(page).first.locator(".hvs-quiz__status").inner_text().startswith("Đúng rồi!")
    follow(page, "a.md-nav__link[href$='hoc-sinh/index.html']", "hoc-sinh/index.html")
    assert page.locator(".hvs-path__progress").inner_text() == "1/2 bài đã hoàn thành"
    assert page.js_errors == []


def test_corrupt_storage_is_ignored_and_replaced(page, url):
    page.context.add_init_script(f"localStorage.setItem('{KEY}', '{{not json')")
    page.goto(url + "hoc-sinh/bai-mot.html")
    answer(quizzes(page).first, "Một câu dài dễ nhớ")
    assert quizzes(page).first.locator(".hvs-quiz__status").inner_text().startswith("Đúng rồi!")
    assert stored(page)["hoc-sinh/bai-mot"]["ok"]
    assert page.js_errors == []


def test_full_storage_keeps_progress_in_memory(page, url):
    # Our writes fail as with a full quota; Material's own storage keeps working.
    page.context.add_init_script("""
        const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) {
            if (String(k).startsWith('hvs:')) throw new DOMException('full', 'QuotaExceededError');
            return set.call(this, k, v);
        };""")
    page.goto(url + "hoc-sinh/bai-mot.html")
    answer_four_of_five(page)
    assert page.locator(".hvs-score").inner_text().startswith("Bạn trả lời đúng 4/5 câu.")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    follow(page, "a.md-footer__link--next", "bai-hai.html")  # memory carries over instant navigation
    follow(page, "a.md-footer__link--prev", "bai-mot.html")
    assert quizzes(page).first.locator(".hvs-quiz__status").inner_text().startswith("Đúng rồi!")
    assert page.js_errors == []


def test_disabled_storage_never_breaks_the_quiz(page, url):
    page.context.add_init_script(
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('no', 'SecurityError'); } });")
    page.goto(url + "hoc-sinh/bai-mot.html")
    answer_four_of_five(page)
    assert page.locator(".hvs-score").inner_text() == "Bạn trả lời đúng 4/5 câu. ✓ Bạn đã hoàn thành bài học này."
    quiz = quizzes(page).first
    quiz.locator(".hvs-quiz__retry").click()
    answer(quiz, "123456")
    assert quiz.locator(".hvs-quiz__status").text_content() == "Chưa đúng. Đọc gợi ý, sửa lại rồi bấm “Kiểm tra”. " \
        "Sai: đây là mật khẩu bị dùng nhiều nhất."
    assert page.locator(".hvs-score").inner_text() == "Bạn trả lời đúng 3/5 câu. ✓ Bạn đã hoàn thành bài học này."
    assert not [e for e in page.js_errors if "quiz" in e]


def test_english_ui_and_progress_shared_with_vietnamese(page, url):
    page.goto(url + "en/hoc-sinh/bai-mot.html")
    quiz = quizzes(page).first
    assert quiz.locator(".hvs-quiz__check").inner_text() == "Check"
    answer(quiz, "123456")
    assert quiz.locator(".hvs-quiz__mark").inner_text() == "✗ Wrong"
    assert quiz.locator(".hvs-quiz__status").text_content() == \
        "Not quite. Read the hint, change your answer and press “Check”. Wrong: it is the most used password."
    assert page.locator(".hvs-score").inner_text() == "You got 0 of 5 right."
    assert quiz.locator(".hvs-quiz__retry").inner_text() == "Try again"
    quiz.locator(".hvs-quiz__retry").click()
    q = quizzes(page)
    answer(q.nth(0), "A long sentence you remember")
    answer(q.nth(1), "Turn on two-step verification", "Update your apps")
    q.nth(3).locator("input").fill("113")
    q.nth(3).locator(".hvs-quiz__check").click()
    q.nth(4).locator("input").fill("VNEID")
    q.nth(4).locator(".hvs-quiz__check").click()
    assert page.locator(".hvs-score").inner_text() == "You got 4 of 5 right. ✓ You have completed this lesson."
    page.goto(url + "en/hoc-sinh/index.html")
    assert page.locator(".hvs-path__progress").inner_text() == "1/2 lessons completed"
    page.goto(url + "hoc-sinh/index.html")  # the lesson is done in both languages
    assert page.locator(".hvs-path__progress").inner_text() == "1/2 bài đã hoàn thành"
    assert page.locator("[data-lesson='hoc-sinh/bai-mot'] .hvs-path__done").is_visible()


def test_without_javascript_the_answer_is_in_details(browser, url):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 412, "height": 900})
    try:
        page = ctx.new_page()
        page.goto(url + "hoc-sinh/bai-mot.html")
        quiz = quizzes(page).first
        assert quiz.locator(".hvs-quiz__check").is_hidden()
        assert quiz.locator("legend").inner_text() == "Mật khẩu nào an toàn nhất?"
        quiz.locator("label", has_text="123456").click()
        assert quiz.locator("li", has_text="123456").locator("input").is_checked()
        summary = quiz.locator("details summary")
        assert summary.inner_text() == "Xem đáp án"
        summary.click()
        assert quiz.locator("details .hvs-quiz__key").inner_text() == "Đáp án: Một câu dài dễ nhớ"
        order = page.locator(".hvs-quiz--order")
        order.locator("details summary").click()
        assert order.locator("details ol li").all_inner_texts()[0] == "Mở ứng dụng ngân hàng"
    finally:
        ctx.close()


def test_print_shows_a_worksheet_and_the_answer_key(page, url):
    page.goto(url + "hoc-sinh/bai-mot.html")
    answer(quizzes(page).first, "123456")
    page.emulate_media(media="print")
    quiz = quizzes(page).first
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # what Material does
    assert quiz.locator("details").is_hidden() and quiz.locator(".hvs-quiz__bar").is_hidden()
    assert quiz.locator(".hvs-quiz__fb").first.is_hidden() and quiz.locator("input").first.is_hidden()
    assert page.locator(".hvs-quiz__box").first.is_visible()
    key = page.locator(".hvs-key")
    assert key.is_visible() and key.locator("h2").inner_text() == "Đáp án"
    assert key.locator("li").count() == 5
    page.emulate_media(media="screen")
    assert key.is_hidden()


def test_quiz_page_has_no_axe_violations(page, url):
    page.goto(url + "hoc-sinh/bai-mot.html")
    answer(quizzes(page).first, "123456")
    answer(quizzes(page).nth(1), "Bật xác thực hai lớp")
    assert axe_violations(page) == []


def test_works_from_a_usb_copy(page, served):
    """Opened from file:// (a trainer's USB stick), where Material's document$ may never fire."""
    page.goto((served[1] / "hoc-sinh" / "bai-mot.html").as_uri())
    quiz = quizzes(page).first
    answer(quiz, "Một câu dài dễ nhớ")
    assert quiz.locator(".hvs-quiz__status").inner_text().startswith("Đúng rồi!")
    assert quiz.locator("details").is_hidden()


@pytest.mark.parametrize("scheme", ["slate", "hvs-contrast"])
def test_answered_quizzes_keep_contrast_in_dark_schemes(page, url, scheme):
    page.goto(url + "hoc-sinh/bai-mot.html")
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    answer(quizzes(page).first, "123456")
    answer(quizzes(page).nth(1), "Bật xác thực hai lớp", "Cập nhật ứng dụng")
    axe_violations(page)  # loads axe-core
    result = page.evaluate("""() => axe.run({include: [['.hvs-quiz']]},
                                  {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag22aa']}})""")
    assert [(v["id"], [(n["target"], n["any"][0]["data"] if n["any"] else None) for n in v["nodes"]])
            for v in result["violations"]] == []


def test_a_wrong_order_is_fixed_and_checked_again_directly(page, url):
    page.goto(url + "hoc-sinh/bai-mot.html")
    quiz = page.locator(".hvs-quiz--order")
    quiz.locator(".hvs-quiz__check").click()  # the shown order is never the right one
    assert "is-wrong" in quiz.get_attribute("class")
    assert quiz.locator(".hvs-quiz__move button").first.is_visible()  # still movable after a wrong answer
    for target in range(4):
        item = quiz.locator(f"li[data-i='{target}']")
        while item.evaluate("li => [...li.parentNode.children].indexOf(li)") > target:
            item.locator("button").first.click()
    assert quiz.locator(".hvs-quiz__mark").count() == 0  # marks of the old order went with the first move
    quiz.locator(".hvs-quiz__check").click()
    assert quiz.locator(".hvs-quiz__status").inner_text().startswith("Đúng rồi!")


def test_quiz_words_follow_the_lessons_address(page, base_url):
    """The elderly path says "bác", and so do its quizzes; other paths say "bạn"."""
    from hocvuso.lessons import load_catalogue

    lessons = load_catalogue(str(Path(__file__).resolve().parents[2] / "docs")).lessons
    for audience, word in (("nguoi-cao-tuoi", "bác"), ("hoc-sinh", "bạn")):
        lesson = next(x for x in lessons if x.lang == "vi" and x.audience == audience
                      and any(q.kind == "quiz" for q in x.questions))
        page.goto(base_url + lesson.url)
        assert page.locator(".hvs-quiz").first.get_attribute("data-address") == word
        fill = page.locator(".hvs-quiz--fill .hvs-quiz__label")  # the elderly track asks nothing to be typed
        if fill.count():
            assert fill.first.inner_text() == f"Câu trả lời của {word}"
        quiz = page.locator(".hvs-quiz--quiz").first
        quiz.locator("input").first.check()
        quiz.locator(".hvs-quiz__check").click()
        assert page.locator(".hvs-score").inner_text().startswith(f"{word.capitalize()} trả lời đúng ")
        assert page.get_by_text("trả lời đúng").count() == 1  # one score line
    assert not page.js_errors
