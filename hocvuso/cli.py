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

from . import engines, pipeline, scaffold
from .errors import author_lang
from .lessons import AUDIENCES


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


def serve(config_file: str = "mkdocs.yml", address: str = "127.0.0.1:8000", full: bool = False) -> int:
    """The live preview (MkDocs: Zensical's preview does not run the phases yet).

    A save rebuilds only the pages whose source changed (`--dirty`; the plugin rebuilds every page
    when something they all show changes); full=True rebuilds every page at every save. MkDocs runs in
    this process, so stopping it (Ctrl+C, or a terminate signal) stops the preview and removes its folder.
    """
    import signal

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.__main__ import cli

    def stop(signum, frame):
        raise KeyboardInterrupt  # MkDocs then shuts the server down and removes its temporary site

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, stop)
    args = ["serve", "-f", config_file, "-a", address, *([] if full else ["--dirty"])]
    sys.argv = ["mkdocs", *args]  # mkdocs-static-i18n reads --dirty from here for the second language
    try:
        cli.main(args=args, prog_name="mkdocs")
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else 1
    return 0


def bench(args: list[str]) -> int:
    if args[:1] == ["lighthouse"]:  # Lighthouse medians beside plain Material (tools/bench_lighthouse.py)
        tool = Path(__file__).resolve().parent.parent / "tools" / "bench_lighthouse.py"
        return subprocess.run([sys.executable, str(tool), *args[1:]]).returncode
    try:
        import hvs_bench
    except ImportError:
        print("the benchmark is not installed: pip install -e . from the project folder", file=sys.stderr)
        return 2
    return hvs_bench.main(args)


def new_lesson(audience: str, slug: str, title: str | None, docs_dir: str = "docs", lang: str | None = None) -> int:
    """Write docs/<audience>/<slug>.md and its English twin from the template, or say what to type instead."""
    outcome = scaffold.write_lesson(audience, slug, title, docs_dir, lang)
    print(outcome.message, file=sys.stdout if outcome.status == 0 else sys.stderr)
    return outcome.status


# argparse's own words (usage, errors), for an author who reads Vietnamese: argparse looks them up through
# its module's `_` at the moment it prints.
ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi dừng",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "còn thiếu: %s",
    "unrecognized arguments: %s": "không hiểu phần này của lệnh: %s",
    "expected one argument": "cần một giá trị ngay sau",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r (chọn một trong: %(choices)s)",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ: có thể là %(matches)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\nGõ `%(prog)s --help` để xem cách dùng.\n",
}
HELP = {  # (vi, en) of every help text of the command line
    "command": ("lệnh", "command"),
    "audience_name": ("nhóm", "audience"),
    "slug_name": ("tên-tệp", "slug"),
    "title_name": ("tên-bài", "title"),
    "description": ("Học vụ số: kiểm tra, xây dựng và xem thử bài học.", "Học vụ số: check, build and preview the lessons."),
    "lang": ("ngôn ngữ của thông báo: vi (mặc định, hoặc theo HOCVUSO_LANG) hay en",
             "language of the messages (default: vi, or HOCVUSO_LANG)"),
    "check": ("liệt kê mọi lỗi của bài học: tệp:dòng: lỗi — cách sửa [mã lỗi]",
              "list every problem of the lessons as path:line: problem — fix [code]"),
    "docs_dir": ("thư mục bài học (mặc định: theo mkdocs.yml)", "folder of the lessons (default: the config's)"),
    "config": ("tệp cấu hình (mặc định: mkdocs.yml)", "the config file (default: mkdocs.yml)"),
    "build": ("kiểm tra, dựng trang bằng một bộ dựng, hoàn thiện trang", "check, build the site with an engine, finish it"),
    "site_dir": ("nơi ghi trang đã dựng (mặc định: site)", "where the site is written (default: site)"),
    "engine": ("bộ dựng: mkdocs (mặc định) hay zensical", "the engine: mkdocs (default) or zensical"),
    "site_url": ("địa chỉ công khai của trang (mặc định: SITE_URL)", "public address of the site (default: SITE_URL)"),
    "serve": ("xem thử tại http://127.0.0.1:8000, tự tải lại khi lưu tệp",
              "live preview at http://127.0.0.1:8000, reloaded at every save"),
    "dev_addr": ("địa chỉ và cổng của trang xem thử", "address and port of the preview"),
    "full": ("mỗi lần lưu dựng lại mọi trang (chậm hơn)", "rebuild every page at every save (slower)"),
    "new": ("tạo một bài mới và bản tiếng Anh của nó", "write a new lesson and its English twin"),
    "audience": ("nhóm người học, một trong: ", "one of: "),
    "slug": ("tên tệp: chữ thường không dấu, số và dấu '-' (ví dụ goi-video-zalo)",
             "lowercase letters, digits and '-', no diacritics (e.g. goi-video-zalo)"),
    "title": ("tên bài (có dấu, đặt trong ngoặc kép)", "the lesson's title (in quotes)"),
    "new_docs": ("thư mục bài học (mặc định: docs)", "folder of the lessons (default: docs)"),
    "bench": ("in số đo thời gian dựng, số byte và tờ in, cạnh Material gốc",
              "print build, byte and handout figures beside plain Material"),
}


def _argparse_words(lang: str) -> None:
    """argparse's words in `lang` from now on (restored to its own with lang="en")."""
    import gettext

    argparse._ = (lambda text: ARGPARSE_VI.get(text, gettext.gettext(text))) if lang == "vi" else gettext.gettext


def _lang_of(argv: list[str]) -> str:
    for n, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "vi"
        if arg == "--lang" and n + 1 < len(argv):
            return "en" if argv[n + 1] == "en" else "vi"
    return author_lang()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lang = _lang_of(argv)
    _argparse_words(lang)
    h = {key: words[lang == "en"] for key, words in HELP.items()}
    parser = argparse.ArgumentParser(prog="python -m hocvuso", description=h["description"])
    parser.add_argument("--lang", choices=("vi", "en"), default=None, help=h["lang"])
    sub = parser.add_subparsers(dest="command", required=True, metavar=h["command"])
    p = sub.add_parser("check", help=h["check"], description=h["check"])
    p.add_argument("docs_dir", nargs="?", default="", help=h["docs_dir"])
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help=h["config"])
    p = sub.add_parser("build", help=h["build"], description=h["build"])
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help=h["config"])
    p.add_argument("-d", "--site-dir", default="site", help=h["site_dir"])
    p.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs", help=h["engine"])
    p.add_argument("--site-url", default=None, help=h["site_url"])
    p = sub.add_parser("serve", help=h["serve"], description=h["serve"])
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help=h["config"])
    p.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help=h["dev_addr"])
    p.add_argument("--full", action="store_true", help=h["full"])
    p = sub.add_parser("new", help=h["new"], description=h["new"])
    p.add_argument("audience", metavar=h["audience_name"], help=h["audience"] + ", ".join(AUDIENCES))  # checked by new
    p.add_argument("slug", metavar=h["slug_name"], help=h["slug"])
    p.add_argument("title", metavar=h["title_name"], nargs="?", default=None, help=h["title"])
    p.add_argument("--docs-dir", default="docs", help=h["new_docs"])
    p.add_argument("--lang", choices=scaffold.AUTHOR_LANGS, default=None, help=h["lang"])
    p = sub.add_parser("bench", help=h["bench"], add_help=False)
    p.add_argument("args", nargs=argparse.REMAINDER)
    try:
        if argv[:1] == ["bench"]:  # its options are the benchmark's own
            _argparse_words("en")
            return bench(argv[1:])
        args = parser.parse_args(argv)
    finally:
        _argparse_words("en")
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
        return serve(args.config_file, args.dev_addr, args.full)
    if args.command == "new":
        return new_lesson(args.audience, args.slug, args.title, args.docs_dir, args.lang)
    return bench(args.args)
