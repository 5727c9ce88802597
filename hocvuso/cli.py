"""The one command line, on every OS: `python -m hocvuso check | build | serve | new | bench`.

scripts/ wrap it for people with bash; Windows users run the same commands with `py -m hocvuso`.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from . import engines, pipeline
from .errors import author_lang
from .lessons import AUDIENCES, load_catalogue

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


def _print_report(report: pipeline.Report, took: float) -> int:
    for problem in report.problems:
        print(problem)
    vi = author_lang() == "vi"
    for warning in report.warnings:  # projector mode; a warning, never an error
        print(f"{'cảnh báo' if vi else 'warning'}: {warning}")
    n = len(report.catalogue.lessons)
    if report.problems:
        print(f"Còn {len(report.problems)} lỗi trong {n} tệp bài học ({took:.2f} giây). Sửa từng lỗi ở tệp và dòng "
              "được ghi, rồi chạy lại lệnh kiểm tra." if vi else
              f"{len(report.problems)} problem(s) in {n} lesson files ({took:.2f} s)", file=sys.stderr)
        return 1
    print(f"Tốt: đã kiểm tra {n} tệp bài học, không có lỗi ({took:.2f} giây)." if vi else
          f"OK: {n} lesson files checked, no problems ({took:.2f} s)", file=sys.stderr)
    return 0


def check(docs_dir: str = "docs", config_file: str = "mkdocs.yml") -> int:
    """Print every problem of the tree (the same check the build and the preview run); 0: none."""
    start = time.perf_counter()
    project = pipeline.load_project(config_file)
    if docs_dir and Path(docs_dir).resolve() != project.docs_dir:
        project = pipeline.Project(project.root, Path(docs_dir).resolve(), project.site_url, project.site_name,
                                   project.theme_dir, project.handouts)
    report = pipeline.check(project, progress=lambda line: print(line, file=sys.stderr))
    return _print_report(report, time.perf_counter() - start)


def build(config_file: str = "mkdocs.yml", site_dir: str = "site", engine: str = "mkdocs",
          site_url: str | None = None) -> int:
    """check → the engine → finish, into site_dir. Returns the exit status."""
    config = Path(config_file).resolve()
    site = Path(site_dir).resolve()
    if engine == "mkdocs":
        return engines.build_mkdocs(config, site, site_url=site_url, quiet=False)
    if not engines.zensical_installed():
        print("Zensical is not installed: pip install -r requirements-zensical.txt", file=sys.stderr)
        return 2
    start = time.perf_counter()
    project = pipeline.load_project(config, site_url=site_url)
    report = pipeline.check(project, publishing=True, progress=lambda line: print(line, file=sys.stderr))
    if report.problems:
        return _print_report(report, time.perf_counter() - start)
    status = engines.build_zensical(project, config, site, report)
    if status == 0:
        print(f"built {site} with Zensical in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return status


def serve(config_file: str = "mkdocs.yml", address: str = "127.0.0.1:8000") -> int:
    """The live preview (MkDocs: Zensical's preview does not run the phases yet)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "serve", "-f", config_file, "-a", address],
                          env=env).returncode


def bench(args: list[str]) -> int:
    try:
        import hvs_bench
    except ImportError:
        print("the benchmark is not installed: pip install -e . from the project folder", file=sys.stderr)
        return 2
    return hvs_bench.main(args)


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hocvuso",
                                     description="Học vụ số: kiểm tra, xây dựng và xem thử bài học "
                                                 "(check, build and preview the lessons).")
    parser.add_argument("--lang", choices=("vi", "en"), default=None,
                        help="ngôn ngữ của thông báo / language of the messages (default: vi, or HOCVUSO_LANG)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="list every problem of the lessons as path:line: problem — fix [code]")
    p.add_argument("docs_dir", nargs="?", default="", help="folder of the lessons (default: the config's)")
    p.add_argument("-f", "--config-file", default="mkdocs.yml")
    p = sub.add_parser("build", help="check, build the site with an engine, finish it")
    p.add_argument("-f", "--config-file", default="mkdocs.yml")
    p.add_argument("-d", "--site-dir", default="site", help="where the site is written (default: site)")
    p.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs")
    p.add_argument("--site-url", default=None, help="public address of the site (default: SITE_URL)")
    p = sub.add_parser("serve", help="live preview at http://127.0.0.1:8000")
    p.add_argument("-f", "--config-file", default="mkdocs.yml")
    p.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    p = sub.add_parser("new", help="write a new lesson and its English twin")
    p.add_argument("audience", choices=list(AUDIENCES))
    p.add_argument("slug", help="lowercase letters, digits and '-', no diacritics (e.g. goi-video-zalo)")
    p.add_argument("title", nargs="?", default=None)
    p.add_argument("--docs-dir", default="docs")
    p = sub.add_parser("bench", help="print build, byte and handout figures beside plain Material",
                       add_help=False)
    p.add_argument("args", nargs=argparse.REMAINDER)
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:  # its options are the benchmark's own
        return bench(argv[1:])
    args = parser.parse_args(argv)
    if args.lang:
        os.environ["HOCVUSO_LANG"] = args.lang  # for this process and the engines it starts
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for an author: the file being read and how to report it
        from .errors import internal_error

        print(internal_error(exc), file=sys.stderr)
        return 3


def _run(args) -> int:
    if args.command == "check":
        return check(args.docs_dir, args.config_file)
    if args.command == "build":
        return build(args.config_file, args.site_dir, args.engine, args.site_url)
    if args.command == "serve":
        return serve(args.config_file, args.dev_addr)
    if args.command == "new":
        return new_lesson(args.audience, args.slug, args.title, args.docs_dir)
    return bench(args.args)
