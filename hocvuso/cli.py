"""What the thin commands in scripts/ call: check lessons, write a new lesson."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from .lessons import AUDIENCES, load_catalogue
from .present import long_sections

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


def check(docs_dir: str = "docs") -> int:
    """Print every problem in the lessons; return the exit status (0: none)."""
    start = time.perf_counter()
    catalogue = load_catalogue(docs_dir)
    for problem in catalogue.problems:
        print(problem)
    for warning in long_sections(catalogue.lessons):  # projector mode; a warning, never an error
        print(f"warning: {warning}")
    took = time.perf_counter() - start
    n = len(catalogue.lessons)
    if catalogue.problems:
        print(f"{len(catalogue.problems)} problem(s) in {n} lesson files ({took:.2f} s)", file=sys.stderr)
        return 1
    print(f"OK: {n} lesson files checked, no problems ({took:.2f} s)", file=sys.stderr)
    return 0


def new_lesson(audience: str, slug: str, title: str | None, docs_dir: str = "docs") -> int:
    """Write docs/<audience>/<slug>.md and its English twin from a template that passes the checks."""
    if audience not in AUDIENCES:
        print(f"unknown audience '{audience}': use one of {', '.join(AUDIENCES)}", file=sys.stderr)
        return 2
    if not slug.replace("-", "").isalnum() or slug != slug.lower():
        print("the slug must be lowercase letters, digits and '-', without diacritics (e.g. goi-video-zalo)",
              file=sys.stderr)
        return 2
    vi, en = Path(docs_dir, audience, f"{slug}.md"), Path(docs_dir, audience, f"{slug}.en.md")
    for path in (vi, en):
        if path.exists():
            print(f"{path} already exists; choose another slug", file=sys.stderr)
            return 2
    catalogue = load_catalogue(docs_dir)
    order = max((x.order for x in catalogue.lessons if x.audience == audience), default=0) + 1
    updated = time.strftime("%Y-%m")
    vi.write_text(TEMPLATE_VI.format(title=title or "Tên bài học", order=order, updated=updated), encoding="utf-8")
    en.write_text(TEMPLATE_EN.format(title="Lesson title", order=order, updated=updated), encoding="utf-8")
    print(f"wrote {vi} and {en} (order {order}); edit both, then run scripts/check")
    return 0
