"""A new lesson from the template: a free, well-formed slug, both twins, and words in the author's language.

`python -m hocvuso new <audience> <slug> [title]` (cli.new_lesson) calls `write_lesson`. The template's
own text is a placeholder: `placeholder_texts()` gives it to the `template-leftover` check (guards.py),
so a lesson that still holds it is reported line by line until the author has written over it.
"""
from __future__ import annotations

import difflib
import json
import os
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import fences
from .lessons import AUDIENCES, load_catalogue

AUTHOR_LANGS = ("vi", "en")
LANG_ENV = "HOCVUSO_LANG"

DEFAULT_TITLE = {"vi": "Tên bài học", "en": "Lesson title"}

TEMPLATE_VI = """---
title: {title}
description: "Một câu nói bài học giúp người học làm được gì."
order: {order}
duration: 10
level: co-ban
competencies: ["4.2"]
objectives:
  - Bạn làm được một việc cụ thể sau bài học.
updated: {updated}
---

## Vì sao cần biết?

Viết vài câu ngắn: việc này giúp người học điều gì trong đời sống.

## Các bước

1. Bước thứ nhất.
2. Bước thứ hai.
3. Bước thứ ba.

/// quiz | Câu hỏi tự kiểm tra?
- [x] Đáp án đúng
    Đúng: giải thích vì sao.
- [ ] Đáp án sai
    Chưa đúng: giải thích vì sao.
///

/// trainer
Gợi ý cho giảng viên: thời gian, hoạt động trên lớp, câu hỏi người học hay hỏi.
///

/// handout
1. Điều cần nhớ thứ nhất.
2. Điều cần nhớ thứ hai.
///
"""

TEMPLATE_EN = """---
title: {title}
description: "One sentence saying what the lesson helps the learner do."
order: {order}
duration: 10
level: co-ban
competencies: ["4.2"]
objectives:
  - You can do one concrete thing after this lesson.
updated: {updated}
---

## Why does it matter?

Write a few short sentences: how this helps the learner in daily life.

## The steps

1. The first step.
2. The second step.
3. The third step.

/// quiz | A self-check question?
- [x] The right answer
    Right: explain why.
- [ ] A wrong answer
    Not quite: explain why.
///

/// trainer
Notes for the trainer: timing, a class activity, questions learners often ask.
///

/// handout
1. The first thing to remember.
2. The second thing to remember.
///
"""

# ---------------------------------------------------------------- placeholder text

_FM_TEXT_KEY = re.compile(r"^(?:title|description):[ \t]*(?P<value>.*)$")
_MARKER = re.compile(r"^(?:[-*+][ \t]+\[[ xX]\][ \t]+|[-*+][ \t]+|\d+[.)][ \t]+)")


def line_text(line: str, in_front_matter: bool) -> str:
    """The words an author wrote on a line, without list markers, task boxes, a block's name or a key.

    Headings, bare fences and structural keys (order, level…) give "": they may rightly stay as the
    template wrote them. Folded (NFC, case, spaces) so a retyped placeholder still matches.
    """
    text = line.strip()
    if in_front_matter:
        m = _FM_TEXT_KEY.match(text)
        if m:
            text = m.group("value").strip()
            if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
                text = text[1:-1]
        elif text.startswith("- "):
            text = text[2:]
        else:
            return ""
    elif text.startswith("#") or (text.startswith("///") and "|" not in text):
        return ""
    else:
        fence = fences.fence(text)
        text = fence.title if fence and fence.name else _MARKER.sub("", text)
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(text.split())


def placeholder_texts() -> frozenset[str]:
    """Every line of author text the `new` templates write (both languages, default titles)."""
    out: set[str] = set()
    for lang, template in (("vi", TEMPLATE_VI), ("en", TEMPLATE_EN)):
        text = template.format(title=DEFAULT_TITLE[lang], order=1, updated="2026-01")
        fm_lines = 0
        for line in text.split("\n"):
            if line.strip() == "---":
                fm_lines += 1
                continue
            core = line_text(line, in_front_matter=fm_lines == 1)
            if core:
                out.add(core)
    return frozenset(out)


# ---------------------------------------------------------------- slugs

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _without_diacritics(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """'Xem thời tiết' -> 'xem-thoi-tiet': lower case, no diacritics (đ -> d), words joined by '-'."""
    text = text.strip()
    for ending in (".en.md", ".md"):
        if text.lower().endswith(ending):
            text = text[: -len(ending)]
    text = _without_diacritics(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")


def slug_faults(slug: str) -> list[str]:
    """What is wrong with a slug, as keys of WORDS ('spaces', 'capitals', 'diacritics', 'other'); [] if fine."""
    if _SLUG.match(slug):
        return []
    faults = []
    if any(c.isspace() for c in slug):
        faults.append("spaces")
    if any(c.isupper() for c in slug):
        faults.append("capitals")
    if _without_diacritics(slug) != unicodedata.normalize("NFC", slug):
        faults.append("diacritics")
    # What is left once those three are mended: anything else ('_', '.', '--', a leading '-') is "other".
    mended = re.sub(r"\s+", "-", _without_diacritics(slug).lower().strip())
    if not _SLUG.match(mended):
        faults.append("other")
    return faults


def _taken(docs_dir: Path, audience: str, slug: str) -> bool:
    if slug == "index":
        return True  # the audience's own page, even in a folder that has none yet
    folder = docs_dir / audience
    return (folder / f"{slug}.md").exists() or (folder / f"{slug}.en.md").exists()


def free_slug(docs_dir: Path, audience: str, slug: str) -> str:
    """slug if no lesson of the audience has it, else the first free slug-2, slug-3…"""
    if not _taken(docs_dir, audience, slug):
        return slug
    base = re.sub(r"-\d+$", "", slug) if slug != "index" else slug
    n = 2
    while _taken(docs_dir, audience, f"{base}-{n}"):
        n += 1
    return f"{base}-{n}"


# ---------------------------------------------------------------- words

WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "refused": "Chưa tạo bài mới.",
        "audience": "Không có nhóm người học “{audience}”. Gõ một trong các tên: {audiences}.",
        "audience_close": "Có phải bạn định gõ “{close}”?",
        "slug_bad": "Tên tệp “{slug}” có {faults}.",
        "spaces": "dấu cách",
        "capitals": "chữ in hoa",
        "diacritics": "dấu tiếng Việt",
        "other": "ký tự không dùng được trong tên tệp",
        "and": " và ",
        "slug_rule": ("Tên tệp cũng là địa chỉ của bài trên trang web: chỉ dùng chữ thường không dấu (a đến z), "
                      "chữ số và dấu gạch ngang giữa các từ, ví dụ goi-video-zalo."),
        "slug_empty": "Tên tệp “{slug}” không có chữ nào dùng được.",
        "taken": "Nhóm này đã có bài tên “{slug}”: {path}.",
        "type": "Hãy gõ:",
        "wrote": "Đã tạo bài số {order} của nhóm “{audience_name}”, hai tệp:",
        "vi_file": "(tiếng Việt)",
        "en_file": "(tiếng Anh)",
        "next": ("Bước tiếp theo: thay mọi chữ mẫu trong hai tệp bằng nội dung của bạn, rồi gõ lệnh dưới đây. "
                 "Lệnh kiểm tra chỉ ra từng dòng chữ mẫu còn sót (mã template-leftover) cho đến khi bạn viết xong."),
    },
    "en": {
        "refused": "No lesson was written.",
        "audience": "There is no audience '{audience}'. Type one of: {audiences}.",
        "audience_close": "Did you mean '{close}'?",
        "slug_bad": "The file name '{slug}' has {faults}.",
        "spaces": "spaces",
        "capitals": "capital letters",
        "diacritics": "diacritics",
        "other": "characters a file name cannot use",
        "and": " and ",
        "slug_rule": ("The file name is also the lesson's web address: use only lower-case letters without "
                      "diacritics (a to z), digits, and '-' between words, e.g. goi-video-zalo."),
        "slug_empty": "The file name '{slug}' has no letters that can be used.",
        "taken": "This audience already has a lesson called '{slug}': {path}.",
        "type": "Type:",
        "wrote": "Wrote lesson {order} of '{audience_name}', two files:",
        "vi_file": "(Vietnamese)",
        "en_file": "(English)",
        "next": ("Next: replace all the template's text in both files with your own, then type the command below. "
                 "The check lists every line of template text still left (code template-leftover) until you are done."),
    },
}


def author_lang(explicit: str | None = None) -> str:
    """The language of messages to the author: the option, else HOCVUSO_LANG, else Vietnamese."""
    for lang in (explicit, os.environ.get(LANG_ENV, "")):
        lang = (lang or "").strip().lower()[:2]
        if lang in AUTHOR_LANGS:
            return lang
    return "vi"


def _command(*args: str) -> str:
    """The command line to type, as the author's system spells it."""
    prog = "py -m hocvuso" if os.name == "nt" else "python -m hocvuso"
    quoted = [a if re.fullmatch(r"[\w./:-]+", a) else ('"%s"' % a if '"' not in a else "'%s'" % a) for a in args]
    return "    " + " ".join([prog, *quoted])


@dataclass(frozen=True)
class Outcome:
    """What `write_lesson` did: the exit status and the message for the author."""

    status: int
    message: str
    files: tuple[Path, ...] = ()


def _yaml_text(text: str) -> str:
    """A title as a YAML double-quoted scalar: ':' '#' or quotes in it never break the front matter."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def write_lesson(audience: str, slug: str, title: str | None, docs_dir: str | Path = "docs",
                 lang: str | None = None) -> Outcome:
    """Write docs/<audience>/<slug>.md and its English twin, or refuse and say what to type instead."""
    w = WORDS[author_lang(lang)]
    docs = Path(docs_dir)
    title = " ".join((title or "").split()) or None
    if audience not in AUDIENCES:
        lines = [w["refused"], w["audience"].format(audience=audience, audiences=", ".join(AUDIENCES))]
        close = difflib.get_close_matches(audience.lower(), list(AUDIENCES), n=1, cutoff=0.5)
        close = close or [a for a in AUDIENCES if audience and audience.lower() in a]
        if close:
            lines += [w["audience_close"].format(close=close[0]), w["type"],
                      _command("new", close[0], slug, *([title] if title else []))]
        return Outcome(2, "\n".join(lines))
    faults = slug_faults(slug)
    if faults:
        # A slug written like a title ("Xem thời tiết") is the title the author meant.
        title = title or (slug.strip() if "spaces" in faults else None)
        suggestion = slugify(slug) or slugify(title or "") or "bai-moi"
        suggestion = free_slug(docs, audience, suggestion)
        words = [w[f] for f in faults]
        said = w["and"].join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)
        head = w["slug_bad"].format(slug=slug, faults=said) if slugify(slug) else w["slug_empty"].format(slug=slug)
        return Outcome(2, "\n".join([w["refused"], head, w["slug_rule"], w["type"],
                                     _command("new", audience, suggestion, *([title] if title else []))]))
    if _taken(docs, audience, slug):
        existing = next((p for p in (docs / audience / f"{slug}.md", docs / audience / f"{slug}.en.md")
                         if p.exists()), docs / audience / f"{slug}.md")
        return Outcome(2, "\n".join([w["refused"], w["taken"].format(slug=slug, path=existing.as_posix()), w["type"],
                                     _command("new", audience, free_slug(docs, audience, slug),
                                              *([title] if title else []))]))
    catalogue = load_catalogue(str(docs))
    order = max((x.order for x in catalogue.lessons if x.audience == audience), default=0) + 1
    updated = time.strftime("%Y-%m")
    vi, en = docs / audience / f"{slug}.md", docs / audience / f"{slug}.en.md"
    vi.parent.mkdir(parents=True, exist_ok=True)
    vi.write_text(TEMPLATE_VI.format(title=_yaml_text(title) if title else DEFAULT_TITLE["vi"], order=order,
                                     updated=updated), encoding="utf-8")
    en.write_text(TEMPLATE_EN.format(title=DEFAULT_TITLE["en"], order=order, updated=updated), encoding="utf-8")
    name = AUDIENCES[audience]["vi" if author_lang(lang) == "vi" else "en"]
    width = len(en.as_posix())
    message = "\n".join([w["wrote"].format(order=order, audience_name=name),
                         f"    {vi.as_posix():<{width}}  {w['vi_file']}", f"    {en.as_posix():<{width}}  {w['en_file']}",
                         w["next"], _command("check")])
    return Outcome(0, message, (vi, en))
