"""Reading aids in Chromium: text size, high contrast, read-aloud (with a stubbed speech engine)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hocvuso import lessons

ROOT = Path(__file__).resolve().parents[2]
KEY = "hvs:v1:aids"
PAGES = ["index.html", "nguoi-cao-tuoi/index.html", "khung-nang-luc/index.html", "tai-lieu-in/index.html",
         "giang-vien/index.html", "tac-gia/index.html", "en/index.html", "en/hoc-sinh/index.html"]


def _lesson(lang: str = "vi") -> lessons.Lesson:
    found = [x for x in lessons.load_catalogue(str(ROOT / "docs")).lessons if x.lang == lang]
    if not found:
        pytest.skip("no lesson yet")
    return sorted(found, key=lambda x: x.url)[0]


def _root_px(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_text_size_steps_persist_and_apply_before_first_paint(context, page, base_url):
    lesson = _lesson()
    page.goto(base_url + lesson.url)
    normal = _root_px(page)
    # Visible and labelled in the header at 412 px: no menu to open first.
    group = page.get_by_role("group", name="Cỡ chữ")
    larger, smaller = group.get_by_role("button", name="Chữ to hơn"), group.get_by_role("button", name="Chữ nhỏ hơn")
    assert larger.is_visible() and larger.inner_text() == "A+" and smaller.inner_text() == "A−"
    assert smaller.is_disabled() and page.text_content(".hvs-size output") == ""  # nothing said before a change
    sizes = []
    for k in range(3):
        larger.click()
        sizes.append(_root_px(page))
        assert page.text_content(".hvs-size output") == f"Cỡ chữ {k + 2}/4"  # said by the live region
    assert page.get_attribute(".hvs-size output", "aria-live") == "polite"
    assert sizes == sorted(sizes) and len(set(sizes)) == 3 and sizes[-1] >= 1.45 * normal
    assert larger.is_disabled() and smaller.evaluate("b => b === document.activeElement")  # focus not lost
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["size"] == 3

    # Another page, loaded afresh: the size is set on <html> before <body> exists (no flash of small text).
    context.add_init_script("""new MutationObserver((m, o) => { if (document.body) {
        window.__sizeAtBody = document.documentElement.dataset.hvsSize || ''; o.disconnect(); } })
        .observe(document, {childList: true, subtree: true});""")
    page.goto(base_url + "nguoi-cao-tuoi/index.html")
    assert page.evaluate("window.__sizeAtBody") == "3"
    assert _root_px(page) == sizes[-1]
    # Back down to normal, step by step.
    for _ in range(3):
        smaller.click()
    assert _root_px(page) == normal and smaller.is_disabled()
    assert not page.js_errors


def test_corrupt_or_blocked_storage_is_ignored(context, page, base_url):
    context.add_init_script(f"localStorage.setItem('{KEY}', '{{not json')")
    page.goto(base_url + "index.html")
    normal = _root_px(page)
    page.click("[data-step='1']")
    assert _root_px(page) > normal
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["size"] == 1
    # Storage that throws (full quota, disabled): the control still works for this page.
    page.evaluate("() => { Storage.prototype.setItem = () => { throw new Error('QuotaExceededError') } }")
    page.click("[data-step='1']")
    assert page.evaluate("document.documentElement.dataset.hvsSize") == "2"
    assert not page.js_errors


@pytest.mark.parametrize("rel", [*PAGES, "LESSON", "en:LESSON"])
def test_largest_size_never_scrolls_sideways_at_412(context, page, base_url, rel):
    if rel.endswith("LESSON"):
        rel = _lesson("en" if rel.startswith("en:") else "vi").url
    context.add_init_script(f"localStorage.setItem('{KEY}', JSON.stringify({{size: 3}}))")
    page.goto(base_url + rel)
    assert page.evaluate("document.documentElement.dataset.hvsSize") == "3"
    assert page.evaluate("document.documentElement.scrollWidth") <= 412
    # Header controls side by side, none covering another, all on screen.
    boxes = page.eval_on_selector_all(
        ".md-header__inner > label.md-icon, .md-header__option label:not([hidden]), .hvs-lang, "
        ".hvs-size button, .hvs-contrast, .hvs-search__open",
        "els => els.filter(e => e.offsetWidth).map(e => { const r = e.getBoundingClientRect(); "
        "return [r.left, r.right, r.top, r.bottom] })")
    assert len(boxes) >= 7
    boxes.sort()
    for (l1, r1, *_), (l2, *_rest) in zip(boxes, boxes[1:]):
        assert r1 <= l2 + 0.5, boxes
    assert all(0 <= b[0] and b[1] <= 412 for b in boxes), boxes


def test_high_contrast_scheme_is_applied_and_remembered(page, base_url):
    lesson = _lesson()
    page.goto(base_url + lesson.url)
    for _ in range(3):  # the palette toggle cycles light -> dark -> high contrast
        if page.evaluate("document.body.dataset.mdColorScheme") == "hvs-contrast":
            break
        page.click(".md-header__option[data-md-component=palette] label:not([hidden])")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "hvs-contrast"
    # Black page, white text (after Material's short colour fade).
    colours = ("getComputedStyle(document.body).backgroundColor == 'rgb(0, 0, 0)' && "
               "getComputedStyle(document.querySelector('article')).color == 'rgb(255, 255, 255)'")
    page.wait_for_function(colours, timeout=3000)
    page.goto(base_url + "en/index.html")  # remembered across pages and languages
    assert page.evaluate("document.body.dataset.mdColorScheme") == "hvs-contrast"
    page.wait_for_function(colours, timeout=3000)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_high_contrast_is_one_tap_on_and_off_and_remembered(page, base_url, lang):
    page.goto(base_url + _lesson(lang).url)
    name = "Tương phản cao" if lang == "vi" else "High contrast"
    button = page.get_by_role("button", name=name)
    assert button.is_visible() and button.get_attribute("aria-pressed") == "false"
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44 and box["x"] + box["width"] <= 412
    button.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "hvs-contrast"
    assert button.get_attribute("aria-pressed") == "true"  # what a screen reader says: pressed
    page.goto(base_url + ("en/" if lang == "en" else "") + "index.html")  # remembered (Material keeps it)
    button = page.get_by_role("button", name=name)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "hvs-contrast"
    assert button.get_attribute("aria-pressed") == "true"
    button.click()  # one more tap: off, back to the scheme the reader had
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    assert button.get_attribute("aria-pressed") == "false"
    # From dark mode: on, then off back to dark.
    page.click(".md-header__option[data-md-component=palette] label:not([hidden])")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    button.click()
    button.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert not page.js_errors


@pytest.mark.parametrize("rel", ["index.html", "nguoi-cao-tuoi/index.html", "en/index.html", "en/hoc-sinh/index.html"])
def test_home_and_paths_say_how_to_make_the_text_larger(page, base_url, rel):
    hint = page.goto(base_url + rel) and page.locator(".hvs-aids-hint")
    assert hint.count() == 1 and hint.is_visible()
    text = hint.inner_text()
    assert "A+" in text and ("Chữ to hơn" in text if not rel.startswith("en/") else "Larger text" in text)
    assert hint.evaluate("e => e.getBoundingClientRect().bottom") < 900 * 1.5  # near the top, not at the foot


SPEECH_STUB = """
(() => {
  const listeners = [];
  window.__voices = %s;
  window.__spoken = []; window.__calls = [];
  const synth = {
    getVoices: () => window.__voices,
    speak(u) { window.__spoken.push(u); },
    cancel() { window.__calls.push('cancel'); },
    pause() { window.__calls.push('pause'); },
    resume() { window.__calls.push('resume'); },
    addEventListener(type, f) { if (type === 'voiceschanged') listeners.push(f); },
  };
  window.__addVoice = v => { window.__voices = [...window.__voices, v]; listeners.forEach(f => f()); };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();
"""


def _stub(context, voices):
    context.add_init_script(SPEECH_STUB % json.dumps(voices))


def test_read_aloud_reads_the_lesson_paragraph_by_paragraph(context, page, base_url):
    lesson = _lesson()
    _stub(context, [{"lang": "vi-VN", "name": "Tiếng Việt"}])
    page.goto(base_url + lesson.url)
    play, stop = page.locator(".hvs-listen__play"), page.locator(".hvs-listen__stop")
    assert play.is_visible() and not stop.is_visible()
    assert play.inner_text() == "Nghe bài"
    play.click()
    first = page.evaluate("({text: __spoken[0].text, lang: __spoken[0].lang, voice: __spoken[0].voice.name})")
    assert first == {"text": lesson.title, "lang": "vi-VN", "voice": "Tiếng Việt"}
    assert page.inner_text(".hvs-reading") == lesson.title
    assert play.inner_text() == "Tạm dừng" and stop.is_visible()
    # Each finished paragraph moves the highlight on; read everything to the end.
    for _ in range(2000):
        if not page.evaluate("__spoken.length && __spoken[__spoken.length - 1].onend ? 1 : 0"):
            break
        n = page.evaluate("__spoken.length")
        page.evaluate("__spoken[__spoken.length - 1].onend()")
        if page.evaluate("__spoken.length") == n:
            break
    spoken = page.evaluate("__spoken.map(u => u.text)")
    assert len(spoken) > 3
    trainer = page.evaluate("[...document.querySelectorAll('aside.hvs-trainer, [data-search-exclude]')]"
                            ".map(e => e.textContent.replace(/\\s+/g, ' ').trim()).filter(Boolean)")
    whole = " ".join(spoken)
    for note in trainer:
        assert note not in whole, note
    # A quiz question and its options are read; its hidden feedback and answer key are not.
    question = page.evaluate("(document.querySelector('article legend') || {}).textContent")
    if question:
        assert question.strip() in spoken
    buttons = page.eval_on_selector_all("article button", "els => els.map(e => e.textContent.trim()).filter(Boolean)")
    assert not any(b == s for b in buttons for s in spoken)
    # At the end: back to the start state, nothing highlighted.
    assert play.inner_text() == "Nghe bài" and not stop.is_visible()
    assert page.locator(".hvs-reading").count() == 0
    assert not page.js_errors


def test_read_aloud_pause_resume_stop(context, page, base_url):
    _stub(context, [{"lang": "vi_VN", "name": "Android"}])  # some engines write vi_VN
    page.goto(base_url + _lesson().url)
    play = page.locator(".hvs-listen__play")
    play.click()
    play.click()
    assert page.evaluate("__calls").count("pause") == 1 and play.inner_text() == "Đọc tiếp"
    play.click()
    assert page.evaluate("__calls")[-1] == "resume" and play.inner_text() == "Tạm dừng"
    page.click(".hvs-listen__stop")
    assert page.evaluate("__calls")[-1] == "cancel"
    assert play.inner_text() == "Nghe bài" and page.locator(".hvs-reading").count() == 0
    # A late "end" of the cancelled utterance must not start the next paragraph.
    n = page.evaluate("__spoken.length")
    page.evaluate("__spoken[__spoken.length - 1].onend()")
    assert page.evaluate("__spoken.length") == n
    assert not page.js_errors


def test_read_aloud_hidden_without_a_voice_for_the_language(context, page, base_url):
    _stub(context, [{"lang": "en-US", "name": "English"}])
    page.goto(base_url + _lesson().url)
    assert page.locator(".hvs-listen").count() == 1
    assert not page.locator(".hvs-listen__play").is_visible()
    # Voices arrive later on many phones: the control appears then.
    page.evaluate("__addVoice({lang: 'vi-VN', name: 'Tiếng Việt'})")
    assert page.locator(".hvs-listen__play").is_visible()
    # The English lesson already has its voice, and reads in English.
    page.goto(base_url + _lesson("en").url)
    page.click(".hvs-listen__play")
    assert page.evaluate("__spoken[0].lang") == "en" and page.inner_text(".hvs-listen__play") == "Pause"
    assert not page.js_errors


def test_read_aloud_hidden_without_speech_at_all(context, page, base_url):
    context.add_init_script("Object.defineProperty(window, 'speechSynthesis', {value: undefined, configurable: true})")
    page.goto(base_url + _lesson().url)
    assert not page.locator(".hvs-listen__play").is_visible()
    assert not page.js_errors


def test_aids_work_from_a_usb_copy(context, page, site):
    _stub(context, [{"lang": "vi-VN", "name": "Tiếng Việt"}])
    page.goto((site / _lesson().url).as_uri())
    assert page.locator(".hvs-listen__play").is_visible()
    page.click("[data-step='1']")
    page.click(".hvs-contrast")
    page.goto((site / "en" / "index.html").as_uri())
    assert page.evaluate("document.documentElement.dataset.hvsSize") == "1"
    assert page.evaluate("document.body.dataset.mdColorScheme") == "hvs-contrast"
    assert not page.js_errors
