"""The presenter view in Chromium: the trainer's window beside the projector window, in step both ways (keys, clicker,
clicks in either), from http and from file://, by each way the windows talk on its own, offline; and trainer view
with each note at its section."""
from __future__ import annotations

import functools
import re
import time
from pathlib import Path

import pytest
from conftest import axe_violations
from test_projector import free_point

from hocvuso.lessons import load_catalogue

ROOT = Path(__file__).resolve().parents[2]
BIG, PHONE = {"width": 1280, "height": 720}, {"width": 412, "height": 900}
QUESTIONS = ("quiz", "order", "fill")


def _plain(line: str) -> str:
    return " ".join(re.sub(r"[*_`]", "", line).split())


@functools.lru_cache(maxsize=1)
def lesson():
    """A Vietnamese lesson with a trainer note inside a section, notes for the whole lesson at its end, and questions."""
    for x in sorted(load_catalogue(str(ROOT / "docs")).lessons, key=lambda x: (x.audience, x.order)):
        notes, last = x.trainer_notes, x.sections[-1][1] if x.sections else 0
        handout = x.handout
        if (x.lang == "vi" and any(n.line < last for n in notes) and handout
                and any(n.line > handout.line for n in notes) and len(x.questions) > 1):
            return x
    raise AssertionError("no lesson with a note in a section and notes for the whole lesson")


def section_note():
    """(the section's heading, words of the note written in it)."""
    note = next(n for n in lesson().trainer_notes if n.line < lesson().sections[-1][1])
    heading = [t for t, line in lesson().sections if line < note.line][-1]
    return heading, _plain(next(line for line in note.body if line.strip()))[:40]


def lesson_notes() -> list[str]:
    return [_plain(next(line for line in n.body if line.strip()))[:40]
            for n in lesson().trainer_notes if n.line > lesson().handout.line]


def at(page, selector) -> int:
    return int(page.locator(selector).inner_text().split("/")[0])


def proj_at(page) -> int:
    return at(page, ".hvs-present-pos")


def pv_at(page) -> int:
    return at(page, ".hvs-presenter__pos")


def in_step(proj, pv, k: int) -> None:
    """Both windows show screen k (messages between windows take a moment)."""
    for p, sel in ((proj, ".hvs-present-pos"), (pv, ".hvs-presenter__pos")):
        p.wait_for_function("([s, k]) => (document.querySelector(s) || {}).textContent.startsWith(k + ' /')",
                            arg=[sel, k], timeout=5000)


def proj_next(proj) -> None:
    """The projector's PageDown until its screen changes (a long section scrolls first)."""
    before = proj_at(proj)
    for _ in range(15):
        proj.keyboard.press("PageDown")
        if proj_at(proj) != before:
            return
    raise AssertionError("the projector never moved")


def open_both(context, url: str):
    """The projector window of a lesson, then the presenter window opened from its bar."""
    proj = context.new_page()
    proj.set_viewport_size(BIG)
    errors = []
    proj.on("pageerror", lambda e: errors.append(str(e)))
    proj.goto(url + "?mode=present")
    proj.wait_for_function("document.documentElement.classList.contains('hvs-mode-present')")
    with context.expect_page() as info:
        proj.get_by_role("button", name="Màn hình giảng viên").click()
    pv = info.value
    pv.on("pageerror", lambda e: errors.append(str(e)))
    pv.set_viewport_size(BIG)
    pv.wait_for_selector(".hvs-presenter__pos")
    pv.errors = errors
    return proj, pv


@pytest.fixture(params=["http", "file"])
def lesson_url(request, base_url, site) -> str:
    return base_url + lesson().url if request.param == "http" else (site / lesson().url).as_uri()


def test_presenter_and_projector_keep_in_step_both_ways(context, lesson_url):
    proj, pv = open_both(context, lesson_url)
    assert "?mode=presenter" in pv.url and pv.url.startswith(lesson_url.split(":")[0])
    assert pv.evaluate("document.documentElement.classList.contains('hvs-mode-presenter')")
    assert pv.locator(".md-header").is_hidden() and pv.locator("article").is_hidden()
    in_step(proj, pv, 1)
    total = int(proj.locator(".hvs-present-pos").inner_text().split("/")[1])
    assert pv.locator(".hvs-presenter__pos").inner_text() == f"1 / {total}"
    assert pv.locator(".hvs-presenter__title").inner_text() == lesson().title
    # A clock: the time of day, and the time taught so far ticking on.
    assert re.fullmatch(r"\d{1,2}:\d{2}", pv.locator(".hvs-presenter__time").inner_text())
    elapsed = pv.locator(".hvs-presenter__elapsed")
    first = elapsed.inner_text()
    pv.wait_for_function("t => document.querySelector('.hvs-presenter__elapsed').textContent !== t", arg=first,
                         timeout=3000)
    assert re.fullmatch(r"0:0[1-9]", elapsed.inner_text())

    # The projector moves (keys, clicker, its buttons): the presenter follows, and names the screen and the next one.
    proj_next(proj)
    in_step(proj, pv, 2)
    heading = proj.locator("article > h2:visible").inner_text()
    assert pv.locator(".hvs-presenter__title").inner_text() == heading == lesson().sections[0][0]
    assert pv.locator(".hvs-presenter__upnext strong").inner_text() == lesson().sections[1][0]
    proj.get_by_role("button", name="Màn sau").click()
    in_step(proj, pv, 3)
    proj.mouse.click(*free_point(proj, -1))  # a click on the projector's left third
    in_step(proj, pv, 2)
    for _ in range(15):  # a long screen scrolls before it moves on
        proj.mouse.click(*free_point(proj, 1))
        if proj_at(proj) == 3:
            break
    in_step(proj, pv, 3)
    # The presenter moves (keys, a clicker on the laptop, its buttons): the projector follows.
    pv.keyboard.press("ArrowRight")
    in_step(proj, pv, 4)
    pv.keyboard.press("PageUp")
    in_step(proj, pv, 3)
    pv.locator(".hvs-presenter__upnext").click()  # "next screen" is a button too
    in_step(proj, pv, 4)
    pv.get_by_role("button", name="Màn trước").click()
    in_step(proj, pv, 3)
    assert proj.locator("article > h2:visible").inner_text() == pv.locator(".hvs-presenter__title").inner_text()
    assert proj.url.endswith(pv.url.split("?mode=presenter")[1])  # both addresses hold the screen
    assert pv.errors == []


def test_presenter_shows_each_screens_own_notes_and_the_whole_lessons(context, base_url):
    proj, pv = open_both(context, base_url + lesson().url)
    heading, words = section_note()
    wide = lesson_notes()
    all_notes = pv.locator(".hvs-presenter__all")
    assert all(w in all_notes.inner_text() for w in wide), (wide, all_notes.inner_text())
    found = False
    for k in range(1, 40):
        title = pv.locator(".hvs-presenter__title").inner_text()
        notes = pv.locator(".hvs-presenter__notes").inner_text()
        if title == heading:
            assert words in notes, notes
            found = True
        else:
            assert words not in notes
        if notes == "Màn này không có ghi chú.":
            assert not pv.locator(".hvs-presenter__notes .hvs-trainer").count()
        if pv.locator(".hvs-presenter__upnext strong").inner_text() == "Hết bài":
            break
        pv.keyboard.press("PageDown")
        in_step(proj, pv, k + 1)
    assert found, f"the screen {heading!r} never came"
    # Every screen in the presenter is a screen on the projector: the last one is the last one.
    assert proj.locator(".hvs-present-pos").inner_text().split(" / ")[0] == proj.locator(
        ".hvs-present-pos").inner_text().split(" / ")[1]
    # Trainer notes never reach the projector.
    assert not proj.evaluate("[...document.querySelectorAll('.hvs-trainer')].some(e => e.getClientRects().length)")
    assert pv.errors == []


# Each way the windows talk, alone: the others blocked before any script of the page runs. (The Chromium here, 156,
# does deliver BroadcastChannel messages between file:// windows of one profile; other builds and browsers treat
# file:// as opaque origins and do not, so from file:// the other two ways are tested without it.)
NO_BROADCAST = "window.BroadcastChannel = undefined;"
NO_POST = "addEventListener('message', e => e.data && e.data.hvs && e.stopImmediatePropagation(), true);"
NO_STORAGE = "addEventListener('storage', e => e.stopImmediatePropagation(), true);"


@pytest.mark.parametrize("where, blocked", [
    ("http", NO_POST + NO_STORAGE),
    ("file", NO_BROADCAST + NO_STORAGE),
    ("file", NO_BROADCAST + NO_POST),
], ids=["http-broadcast-only", "file-postmessage-only", "file-storage-only"])
def test_each_way_of_talking_alone_keeps_the_windows_in_step(context, base_url, site, where, blocked):
    context.add_init_script(blocked)
    url = base_url + lesson().url if where == "http" else (site / lesson().url).as_uri()
    proj, pv = open_both(context, url)
    proj_next(proj)
    in_step(proj, pv, 2)
    pv.keyboard.press("ArrowRight")
    in_step(proj, pv, 3)
    assert pv.errors == []


def test_a_reloaded_presenter_keeps_its_screen_and_its_projector(context, site):
    proj, pv = open_both(context, (site / lesson().url).as_uri())
    proj_next(proj)
    proj_next(proj)
    in_step(proj, pv, 3)
    pv.reload()
    pv.wait_for_selector(".hvs-presenter__pos")
    in_step(proj, pv, 3)
    pv.keyboard.press("ArrowRight")
    in_step(proj, pv, 4)


def test_the_presenter_can_open_the_projector_window(context, site):
    pv = context.new_page()
    pv.set_viewport_size(BIG)
    pv.goto((site / lesson().url).as_uri() + "?mode=presenter")
    pv.wait_for_selector(".hvs-presenter__pos")
    pv.keyboard.press("ArrowRight")
    with context.expect_page() as info:
        pv.get_by_role("button", name="Mở màn chiếu").click()
    proj = info.value
    proj.wait_for_function("document.documentElement.classList.contains('hvs-mode-present')")
    in_step(proj, pv, 2)
    pv.keyboard.press("ArrowRight")
    in_step(proj, pv, 3)
    proj_next(proj)
    in_step(proj, pv, 4)


def test_presenter_works_offline_once_the_lesson_was_opened(context, base_url):
    url = base_url + lesson().url
    page = context.new_page()
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    end = time.monotonic() + 15
    js = base_url + "assets/js/presenter.js"
    while not page.evaluate("u => caches.match(u).then(r => !!r)", js) and time.monotonic() < end:
        page.wait_for_timeout(150)
    while not page.evaluate("u => caches.match(u).then(r => !!r)", url) and time.monotonic() < end:
        page.wait_for_timeout(150)
    page.close()
    context.set_offline(True)
    proj, pv = open_both(context, url)
    in_step(proj, pv, 1)
    pv.keyboard.press("ArrowRight")
    in_step(proj, pv, 2)
    assert pv.errors == []


@pytest.mark.parametrize("size", [BIG, PHONE], ids=["1280x720", "412x900"])
def test_presenter_view_has_no_axe_violations(context, base_url, size):
    proj, pv = open_both(context, base_url + lesson().url)
    pv.set_viewport_size(size)
    assert axe_violations(pv) == []
    heading, _ = section_note()
    while pv.locator(".hvs-presenter__title").inner_text() != heading:
        pv.keyboard.press("PageDown")
    assert axe_violations(pv) == []
    for b in pv.locator(".hvs-presenter button").all():
        box = b.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, b.inner_text()


def test_trainer_view_puts_each_note_at_its_section(page, base_url):
    page.set_viewport_size(BIG)
    page.goto(base_url + lesson().url + "?mode=trainer")
    heading, words = section_note()
    h2 = page.get_by_role("heading", name=heading, exact=True)
    note = page.locator(".hvs-trainer", has_text=words)
    assert note.is_visible()
    # Right under its own heading, not at the end of the page.
    assert h2.evaluate("h => h.nextElementSibling.classList.contains('hvs-trainer')")
    assert note.evaluate("n => n.previousElementSibling.tagName") == "H2"
    gap = note.bounding_box()["y"] - (h2.bounding_box()["y"] + h2.bounding_box()["height"])
    assert 0 <= gap < 60, gap
    # Notes for the whole lesson: under the objectives, on the first screenful.
    for words in lesson_notes():
        wide = page.locator(".hvs-trainer", has_text=words)
        assert wide.is_visible()
        assert wide.evaluate("n => { let e = n; while (e && !e.matches('.hvs-objectives')) e = e.previousElementSibling;"
                             " return !!e && [...n.parentNode.children].indexOf(n) < 8; }")
    assert page.js_errors == []
