"""Projector mode and trainer view in Chromium: screens, keys, clicks, swipes, the address, QR code, quizzes, a11y."""
from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

import pytest
from conftest import axe_violations

from hocvuso.lessons import load_catalogue

ROOT = Path(__file__).resolve().parents[2]
BIG, PHONE = {"width": 1280, "height": 720}, {"width": 412, "height": 900}
# What a click must never be taken from (the same list as present.js).
ANSWERING = "a,button,input,select,textarea,label,details,[contenteditable],[class*=quiz]"


@functools.lru_cache(maxsize=1)
def lesson():
    """A Vietnamese lesson with several sections, a trainer note and a quiz, and no text before its first ##."""
    found = [x for x in load_catalogue(str(ROOT / "docs")).lessons
             if x.lang == "vi" and len(x.sections) >= 2 and x.trainer_notes
             and any(b.name == "quiz" for b in x.blocks) and not x.markdown.split("\n## ")[0].strip()]
    assert found, "no lesson with 2+ sections, a trainer note and a quiz"
    return sorted(found, key=lambda x: (x.audience, x.order))[0]


def questions_per_section(x) -> list[int]:
    starts = [line for _, line in x.sections]
    count = [0] * len(starts)
    for block in x.blocks:
        if block.name in ("quiz", "order", "fill"):
            count[max(i for i, line in enumerate(starts) if line < block.line)] += 1
    return count


def screens() -> int:
    """Title screen, one per ## section and one more per question after a section's first, the handout ("Ghi nhớ")
    unless it has a ## to itself, the sources if any."""
    handout_has_heading = re.search(r"^## .*\n\s*/// handout", lesson().markdown, re.M)
    extra = sum(max(0, n - 1) for n in questions_per_section(lesson()))
    return 1 + len(lesson().sections) + extra + (not handout_has_heading) + bool(lesson().sources)


def present(page, base_url, size=BIG, query="?mode=present", hash=""):
    page.set_viewport_size(size)
    page.goto(f"{base_url}{lesson().url}{query}{hash}")
    page.wait_for_function("document.documentElement.classList.contains('hvs-mode-present')")


def index(page) -> int:
    text = page.locator(".hvs-present-pos").inner_text()
    assert text.endswith(f" / {screens()}"), text
    return int(text.split("/")[0])


def scroll_top(page) -> float:
    return page.evaluate("document.querySelector('article').scrollTop")


def step(page, act, direction=1):
    """Do `act` until the screen changes; every act that does not change it must scroll a long one."""
    before = index(page)
    for _ in range(15):
        top = scroll_top(page)
        act()
        if index(page) != before:
            break
        assert scroll_top(page) != top, "neither moved nor scrolled"
    assert index(page) == before + direction


def visible(page, selector) -> bool:
    return page.evaluate("s => [...document.querySelectorAll(s)].some(e => e.getClientRects().length)", selector)


def free_point(page, side):
    """A point on the right (side=1) or left (-1) third of the screen with nothing to answer under it."""
    return page.evaluate("""([side, answering]) => {
      const h = innerHeight - 64, art = document.querySelector('article');
      for (const fx of side > 0 ? [.95, .9, .8, .7] : [.05, .1, .2, .3])
        for (let fy = .1; fy < .95; fy += .05) {
          const x = innerWidth * fx, y = h * fy, e = document.elementFromPoint(x, y);
          if (e && art.contains(e) && !e.closest(answering + ',.hvs-present-bar')) return [x, y];
        }
      return null;
    }""", [side, ANSWERING])


@pytest.mark.parametrize("size", [BIG, PHONE], ids=["1280x720", "412x900"])
def test_projector_hides_chrome_and_opens_on_the_title_screen(page, base_url, size):
    present(page, base_url, size)
    for chrome in (".md-header", ".md-sidebar", ".md-footer", ".hvs-toolbar", ".md-tabs"):
        assert not visible(page, chrome), chrome
    assert index(page) == 1
    assert page.locator("article h1").inner_text() == lesson().title
    assert page.locator(".hvs-objectives").is_visible()
    assert page.locator(".hvs-present-qr svg").is_visible()
    assert page.locator(".hvs-meta").inner_text().startswith(f"{lesson().duration} phút")
    assert not visible(page, "article > h2")
    step(page, lambda: page.keyboard.press("PageDown"))
    heading = page.locator("article > h2:visible")
    assert heading.count() == 1 and heading.inner_text() == lesson().sections[0][0]
    sizes = page.evaluate("""[...document.querySelectorAll('article > .hvs-on :is(p, li), article > p.hvs-on')]
      .filter(e => e.getClientRects().length).map(e => parseFloat(getComputedStyle(e).fontSize))""")
    assert sizes
    if size == BIG:
        assert min(sizes) >= 28, sizes
    assert page.js_errors == []


def test_title_screen_qr_code_decodes_to_the_lesson_address(page, base_url, tmp_path):
    present(page, base_url)
    shot = tmp_path / "qr.png"
    page.locator(".hvs-present-qr svg").screenshot(path=str(shot))
    done = subprocess.run(["zbarimg", "--raw", "-q", str(shot)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert done.stdout.strip() == canonical and canonical.endswith("/" + lesson().url)
    assert canonical.startswith("http")  # the site's public address, not the test server's


def test_keys_move_between_screens_and_the_address_follows(page, base_url):
    present(page, base_url)
    ids = page.evaluate("[...document.querySelectorAll('article > h2')].map(h => h.id)")
    for key in ("ArrowRight", "PageDown", "Space"):
        step(page, lambda: page.keyboard.press(key))
        assert page.url.endswith(f"?mode=present#{ids[index(page) - 2]}")
    for key in ("ArrowLeft", "PageUp", "Shift+Space"):
        step(page, lambda: page.keyboard.press(key), -1)
    assert index(page) == 1 and page.url.endswith("?mode=present")
    page.keyboard.press("PageUp")  # nothing before the title screen
    assert index(page) == 1
    assert page.js_errors == []


@pytest.mark.parametrize("size", [BIG, PHONE], ids=["1280x720", "412x900"])
def test_clicks_on_thirds_buttons_and_swipes_move(page, base_url, size):
    present(page, base_url, size)
    step(page, lambda: page.keyboard.press("PageDown"))
    step(page, lambda: page.mouse.click(*free_point(page, 1)))
    step(page, lambda: page.mouse.click(*free_point(page, -1)), -1)
    page.mouse.click(size["width"] / 2, 10)  # the middle third does nothing
    assert index(page) == 2
    step(page, lambda: page.get_by_role("button", name="Màn sau").click())
    step(page, lambda: page.get_by_role("button", name="Màn trước").click(), -1)
    cdp = page.context.new_cdp_session(page)

    def swipe(x0, x1):
        y = size["height"] / 2
        for kind, points in (("touchStart", [{"x": x0, "y": y}]), ("touchMove", [{"x": (x0 + x1) / 2, "y": y}]),
                             ("touchMove", [{"x": x1, "y": y}]), ("touchEnd", [])):
            cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    w = size["width"]
    swipe(w * .8, w * .2)
    assert index(page) == 3
    swipe(w * .2, w * .8)
    assert index(page) == 2
    assert page.js_errors == []


def test_the_address_keeps_the_screen_across_a_reload(page, base_url):
    present(page, base_url)
    step(page, lambda: page.keyboard.press("PageDown"))
    step(page, lambda: page.keyboard.press("PageDown"))
    heading = page.locator("article > h2:visible").inner_text()
    assert re.search(r"\?mode=present#[\w-]+$", page.url)
    page.reload()
    page.wait_for_function("document.documentElement.classList.contains('hvs-mode-present')")
    assert index(page) == 3
    assert page.locator("article > h2:visible").inner_text() == heading
    # A link or a typed address to a section's anchor shows that section's screen.
    first = page.evaluate("document.querySelector('article > h2').id")
    page.evaluate("id => { location.hash = id; }", first)
    page.wait_for_function("document.querySelector('.hvs-present-pos').textContent.startsWith('2 /')")


def test_trainer_notes_never_show_in_projector_mode(page, base_url):
    page.goto(f"{base_url}{lesson().url}?mode=trainer")
    assert visible(page, ".hvs-trainer")  # trainer view is on, and kept
    present(page, base_url)
    assert page.evaluate("document.documentElement.classList.contains('hvs-mode-trainer')")
    while True:
        assert not visible(page, ".hvs-trainer"), f"screen {index(page)}"
        if index(page) == screens():
            break
        step(page, lambda: page.keyboard.press("PageDown"))


def test_trainer_view_shows_notes_and_is_kept(page, base_url):
    url = f"{base_url}{lesson().url}"
    page.goto(url)
    assert not visible(page, ".hvs-trainer") and not visible(page, ".hvs-trainer-toggle")
    page.goto(url + "?mode=trainer")
    note = page.locator(".hvs-trainer").first
    assert note.is_visible() and "giảng viên" in note.inner_text()
    assert note.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"  # marked as the trainer's
    page.goto(url)  # kept without the parameter
    assert visible(page, ".hvs-trainer")
    toggle = page.locator(".hvs-toolbar .hvs-trainer-toggle")
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    assert not visible(page, ".hvs-trainer")
    assert page.evaluate("localStorage.getItem('hvs:v1:mode')") is None
    # The switch on the trainer's guide turns it back on, for every lesson.
    page.goto(f"{base_url}giang-vien/index.html")
    switch = page.locator("article .hvs-trainer-toggle")
    assert switch.is_visible() and switch.get_attribute("aria-pressed") == "false"
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    page.goto(url)
    assert visible(page, ".hvs-trainer")
    page.goto(url + "?mode=learner")
    assert not visible(page, ".hvs-trainer")
    assert page.js_errors == []


@pytest.mark.parametrize("storage", [
    "Object.defineProperty(window, 'localStorage', {get() { throw new Error('storage off'); }})",
    "Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }",
    "localStorage.setItem('hvs:v1:mode', '{not json')",
], ids=["disabled", "full", "odd-value"])
def test_trainer_view_works_whatever_the_storage(page, base_url, storage):
    stacks = []
    page.on("pageerror", lambda exc: stacks.append(exc.stack or ""))
    page.add_init_script(storage)
    page.goto(f"{base_url}{lesson().url}?mode=trainer")
    assert visible(page, ".hvs-trainer")
    page.locator(".hvs-toolbar .hvs-trainer-toggle").click()
    assert not visible(page, ".hvs-trainer")
    present(page, base_url)
    assert index(page) == 1
    # Material's own storage helpers may complain when storage is off; ours never does.
    assert not [s for s in stacks if "present.js" in s]


def test_a_quiz_is_answerable_in_projector_mode(page, base_url):
    present(page, base_url)
    quiz = page.locator(".hvs-quiz--quiz").first
    while not quiz.is_visible():
        step(page, lambda: page.keyboard.press("PageDown"))
    here = index(page)
    quiz.scroll_into_view_if_needed()
    option = quiz.locator("label").first
    option.click()
    assert quiz.locator("input").first.is_checked()
    page.keyboard.press("ArrowDown")  # keys on an option choose, they do not change screens
    page.keyboard.press("Space")
    assert index(page) == here
    quiz.locator(".hvs-quiz__check").click()
    assert quiz.locator(".hvs-quiz__status").inner_text().strip()
    assert index(page) == here
    fill = page.locator(".hvs-quiz--fill input[type=text]:visible")
    if fill.count():  # typing an answer never changes screens
        fill.first.type("p 12 ")
        fill.first.press("ArrowLeft")
        assert index(page) == here
    assert page.js_errors == []


def test_escape_p_and_the_buttons_enter_and_leave(page, base_url):
    present(page, base_url)
    step(page, lambda: page.keyboard.press("PageDown"))
    heading = page.locator("article > h2:visible").inner_text()
    page.keyboard.press("Escape")
    assert not page.evaluate("document.documentElement.classList.contains('hvs-mode-present')")
    assert page.locator(".md-header").is_visible()
    assert all(h.is_visible() for h in page.locator("article > h2").all())
    assert "mode=" not in page.url
    assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    page.keyboard.press("p")
    assert index(page) == 1 and "mode=present" in page.url
    page.keyboard.press("p")
    assert page.locator(".md-header").is_visible()
    page.get_by_role("button", name="Trình chiếu").click()
    assert index(page) == 1
    page.get_by_role("button", name="Thoát").click()
    assert page.locator(".md-header").is_visible() and "mode=" not in page.url
    assert page.js_errors == []


def test_leaving_the_lesson_by_instant_navigation_leaves_projector_mode(page, base_url):
    present(page, base_url)
    page.locator(".hvs-meta a").first.click()  # a competency link on the title screen
    page.wait_for_url(re.compile(r"khung-nang-luc/index\.html"))
    page.wait_for_function("!document.documentElement.classList.contains('hvs-mode-present')")
    assert page.locator(".md-header").is_visible() and not visible(page, ".hvs-present-bar")
    page.go_back()  # the lesson's address kept ?mode=present
    page.wait_for_function("document.documentElement.classList.contains('hvs-mode-present')")
    assert index(page) == 1
    assert page.js_errors == []


def test_projector_mode_works_from_a_usb_copy(page, site):
    page.set_viewport_size(BIG)
    page.goto(f"file://{site}/{lesson().url}?mode=present")
    page.wait_for_function("document.documentElement.classList.contains('hvs-mode-present')")
    assert index(page) == 1
    step(page, lambda: page.keyboard.press("PageDown"))
    page.keyboard.press("Escape")
    assert page.locator(".md-header").is_visible()
    assert page.js_errors == []


@pytest.mark.parametrize("size", [BIG, PHONE], ids=["1280x720", "412x900"])
def test_projector_mode_has_no_axe_violations(page, base_url, size):
    present(page, base_url, size)
    assert axe_violations(page) == []
    quiz = page.locator(".hvs-quiz").first
    while not quiz.is_visible():
        step(page, lambda: page.keyboard.press("PageDown"))
    assert axe_violations(page) == []


def test_every_question_is_a_screen_of_its_own(page, base_url):
    """A section of four questions is four screens, and the indicator counts them."""
    x = next(x for x in sorted(load_catalogue(str(ROOT / "docs")).lessons, key=lambda x: x.url)
             if x.lang == "vi" and max(questions_per_section(x), default=0) > 2)
    page.set_viewport_size(BIG)
    page.goto(f"{base_url}{x.url}?mode=present")
    page.wait_for_function("document.documentElement.classList.contains('hvs-mode-present')")
    total = int(page.locator(".hvs-present-pos").inner_text().split(" / ")[1])
    assert total >= 1 + len(x.sections) + sum(n - 1 for n in questions_per_section(x) if n)
    seen = []
    for k in range(1, total + 1):
        assert page.locator(".hvs-present-pos").inner_text() == f"{k} / {total}"
        shown = page.evaluate("[...document.querySelectorAll('.hvs-quiz')].filter(q => q.getClientRects().length)"
                              ".map(q => q.querySelector('legend').textContent)")
        assert len(shown) <= 1, f"screen {k} shows {len(shown)} questions"
        seen += shown
        if k < total:
            before = page.locator(".hvs-present-pos").inner_text()
            while page.locator(".hvs-present-pos").inner_text() == before:  # a long screen scrolls first
                page.keyboard.press("PageDown")
    assert seen == [q.prompt for q in x.questions]  # each question once, in order
