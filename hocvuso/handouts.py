"""Handout PDFs: one A4 page per lesson and language, and one booklet per audience and language.

Built with WeasyPrint from the structured `Lesson` (title, handout block, questions) through
a template of their own (`templates/handout*.html`), never from the theme's page HTML. The
font ships with the package and is embedded, so Vietnamese renders on any machine. Each PDF
is cached under `.cache/handouts/` by a hash of everything that goes into it, so a build
only renders what changed. Nothing here imports MkDocs.

Output (documented in docs/tai-lieu-in/): `tai-lieu-in/pdf/<audience>-<slug>.pdf` for a
lesson, `tai-lieu-in/pdf/<audience>.pdf` for a booklet, under `en/` for English.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import handout_sheet
from .handout_sheet import TEMPLATES, booklet_html, handout_html
from .lessons import AUDIENCES, DEFAULT_LANG, LANGS, Catalogue, Lesson
from .problems import Problem

HERE = Path(__file__).resolve().parent
FONTS = {"FONT_REGULAR": HERE / "fonts" / "NotoSansHVS-Regular.ttf",
         "FONT_BOLD": HERE / "fonts" / "NotoSansHVS-Bold.ttf"}
# Bump when the PDFs change in a way the hashed inputs (sheet code, templates, fonts) do not show.
FORMAT = "6"
PDF_DIR = "tai-lieu-in/pdf"
# One line of a compact handout (14 pt at line-height 1.2), to say an overflow in lines.
LINE_MM = 6.0

# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Pdf:
    """One built PDF: a lesson's handout (slug set) or an audience's booklet (slug None)."""

    lang: str
    audience: str
    slug: str | None
    title: str
    path: Path  # the cached file
    size: int
    pages: int
    rendered: bool  # False when it came from the cache

    @property
    def src_uri(self) -> str:
        """Where the PDF sits among the site's files, as if it were in docs/."""
        return pdf_uri(self.audience, self.slug)

    @property
    def dest_uri(self) -> str:
        """Where it is written in the built site."""
        return ("" if self.lang == DEFAULT_LANG else f"{self.lang}/") + self.src_uri


@dataclass
class Result:
    pdfs: list[Pdf] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0  # handouts not rendered (serving) and not in the cache
    seconds: float = 0.0
    render_seconds: list[float] = field(default_factory=list)  # each handout rendered in this build

    def get(self, lang: str, audience: str, slug: str | None) -> Pdf | None:
        return next((p for p in self.pdfs if (p.lang, p.audience, p.slug) == (lang, audience, slug)), None)


_RESULTS: dict[str, Result] = {}
_OVERFLOWS: dict[str, float] = {}  # handout key -> mm too long: a sheet that does not fit has no PDF to cache


def last_result(docs_dir: str) -> Result | None:
    """The handouts built for docs_dir in this process (for the handout index page), if any."""
    return _RESULTS.get(os.path.abspath(docs_dir))


def pdf_uri(audience: str, slug: str | None) -> str:
    """Site-relative path of a lesson's handout or an audience's booklet (same in every language)."""
    return f"{PDF_DIR}/{audience}-{slug}.pdf" if slug else f"{PDF_DIR}/{audience}.pdf"


def render_sheet(renderer: "_Renderer", lesson: Lesson, site_url: str, site_name: str, date: _dt.date,
                 docs_dir: str):
    """Render a lesson's handout: at its normal size, or compact if that spills onto a second page.

    Returns (WeasyPrint document, the HTML it was rendered from); more than one page means it does not fit.
    """
    base = Path(docs_dir, lesson.audience).resolve().as_uri() + "/"
    renderer.fetcher.allow(docs_dir)  # a handout's pictures sit beside its lesson
    html = handout_html(lesson, site_url, site_name, date)
    doc = renderer.render(html, base)
    if len(doc.pages) > 1:
        html = handout_html(lesson, site_url, site_name, date, compact=True)
        doc = renderer.render(html, base)
    return doc, html


# ---------------------------------------------------------------- rendering


def _project_fetcher(roots: list[str]):
    """A WeasyPrint URL fetcher that reads only files under `roots` (docs/ and this package) and data: URIs.

    Lessons are untrusted (DESIGN §10): a handout must never embed another file of the build machine
    (`file:///proc/self/environ`, a symlink out of docs/) or make a network request. Refused addresses
    are kept in `refused`, for the build to report.
    """
    from urllib.parse import unquote, urlsplit
    from urllib.request import url2pathname

    from weasyprint.urls import URLFetcher

    class ProjectFetcher(URLFetcher):
        refused: list[str] = []
        roots: list[str] = []

        def allow(self, folder: str) -> None:
            real = os.path.realpath(folder)
            if real not in self.roots:
                self.roots.append(real)

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            scheme = parts.scheme.lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file" and parts.netloc in ("", "localhost"):
                path = os.path.realpath(url2pathname(unquote(parts.path)))
                if any(path.startswith(r + os.sep) for r in self.roots) and os.path.isfile(path):
                    return super().fetch(url, headers)
            self.refused.append(url)
            raise ValueError(f"handouts read only the project's own files, not {url[:80]}")

    fetcher = ProjectFetcher(allowed_protocols=("file", "data"), timeout=5)
    fetcher.refused, fetcher.roots = [], []
    for root in roots:
        fetcher.allow(root)
    return fetcher


class _Renderer:
    """WeasyPrint with the shipped font, set up once per build (loading it costs more than a page)."""

    def __init__(self) -> None:
        import logging

        import weasyprint
        from weasyprint.text.fonts import FontConfiguration

        self.weasyprint = weasyprint
        self.fonts = FontConfiguration()
        # The project's own files only: the templates and fonts here, and docs/ (render_sheet allows it).
        self.fetcher = _project_fetcher([str(HERE)])
        failed: list[str] = []
        catch = logging.Handler()
        catch.emit = lambda record: failed.append(record.getMessage()) if "Font-face" in record.getMessage() else None
        logger = logging.getLogger("weasyprint")
        logger.addHandler(catch)
        try:
            self.css = weasyprint.CSS(string=_css_text(), font_config=self.fonts, url_fetcher=self.fetcher)
            self.tall = weasyprint.CSS(string="@page { size: 210mm 3000mm; }")
            # Height of an A4 page's content box with handout.css's margins, in CSS px.
            self.a4_content_px = self.render("<p>", TEMPLATES.as_uri() + "/").pages[0]._page_box.height
        finally:
            logger.removeHandler(catch)
        if failed:  # never fall back to whatever fonts the machine has: Vietnamese could break
            raise RuntimeError(f"handouts: the shipped font could not be loaded ({failed[0]}); "
                               f"check {FONTS['FONT_REGULAR'].parent}")

    def render(self, html: str, base_url: str, tall: bool = False):
        doc = self.weasyprint.HTML(string=html, base_url=base_url, url_fetcher=self.fetcher)
        sheets = [self.css, self.tall] if tall else [self.css]
        return doc.render(stylesheets=sheets, font_config=self.fonts)


_WORKER: dict[str, _Renderer] = {}


def _render_one(job: tuple) -> tuple[int, float, float | None, list[str]]:
    """Render one handout into the cache: (bytes, seconds, None, []); (0, 0, mm too long, []) when it does not
    fit; (0, 0, None, addresses) when it asked for files that are not the project's own (nothing is written)."""
    lesson, site_url, site_name, date, docs_dir, path = job
    renderer = _WORKER.get("r") or _WORKER.setdefault("r", _Renderer())
    began = time.perf_counter()
    doc, used = render_sheet(renderer, lesson, site_url, site_name, date, docs_dir)
    if renderer.fetcher.refused:
        refused = list(renderer.fetcher.refused)
        renderer.fetcher.refused.clear()
        return 0, 0.0, None, refused
    if len(doc.pages) > 1:
        base = Path(docs_dir, lesson.audience).resolve().as_uri() + "/"
        # At least 1 mm: a page break inside a kept-together question can spill what barely fits.
        return 0, 0.0, max(1.0, overflow_mm(renderer, used, base)), []
    data = doc.write_pdf(pdf_tags=True)  # tagged: screen readers follow the text
    _write(Path(path), data)
    return len(data), time.perf_counter() - began, None, []


def _render_all(jobs: list[tuple]) -> list[tuple[int, float, float | None, list[str]]]:
    """Render handouts on every core (a few in this process: starting workers costs more than that)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < 4 or workers < 2:
        return [_render_one(job) for job in jobs]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_render_one, jobs, chunksize=max(1, len(jobs) // (workers * 4))))


def _css_text() -> str:
    css = (TEMPLATES / "handout.css").read_text(encoding="utf-8")
    for name, path in FONTS.items():
        css = css.replace("{{" + name + "}}", path.as_uri())
    return css


def _inputs_digest(site_url: str, site_name: str, date: _dt.date) -> str:
    """What every PDF depends on besides its lesson: templates, CSS, fonts, WeasyPrint, the site, the date."""
    import importlib.metadata

    h = hashlib.sha256(f"{FORMAT}|{site_url}|{site_name}|{date.isoformat()}".encode())
    h.update(importlib.metadata.version("weasyprint").encode())
    # The sheet's code, its templates and the words (a corrected word prints on every sheet).
    from .ui import WORDS_DIR

    for path in [Path(handout_sheet.__file__), *sorted(TEMPLATES.iterdir()), *sorted(WORDS_DIR.glob("*.yml"))]:
        h.update(path.name.encode() + path.read_bytes())
    for path in FONTS.values():
        h.update(path.read_bytes())
    return h.hexdigest()


def _lesson_key(common: str, lesson: Lesson) -> str:
    """The cache key of a lesson's handout: what the sheet shows of the lesson's parsed data (title, blocks,
    questions…), not the rendered HTML, so deciding that nothing changed costs no rendering. Line numbers are
    left out: a line added above the handout changes nothing on paper. (Pictures a block links are not hashed.)"""
    shown = dataclasses.replace(
        lesson, blocks=tuple(dataclasses.replace(b, line=0, end_line=0) for b in lesson.blocks),
        questions=tuple(_without_lines(q) for q in lesson.questions),
        sections=tuple((name, 0) for name, _ in lesson.sections))
    return hashlib.sha256((common + repr(shown)).encode()).hexdigest()[:40]


def _without_lines(question):
    return dataclasses.replace(question, line=0, options=tuple(dataclasses.replace(o, line=0) for o in question.options))


def overflow_mm(renderer: "_Renderer", html: str, base_url: str) -> float:
    """How many mm of content a handout has beyond what one A4 page holds (negative: room left).

    Measured on a very tall page, so the content is laid out once without page breaks: its
    height minus the room an A4 page leaves above the answer key.
    """
    doc = renderer.render(html, base_url, tall=True)
    page = doc.pages[0]._page_box
    root = next(c for c in page.children if getattr(c, "element_tag", None) == "html")
    foot = next((c for c in page.children if type(c).__name__ == "FootnoteAreaBox"), None)
    used = root.position_y + root.margin_height() - page.content_box_y()
    key = foot.margin_height() if foot is not None else 0
    return (used + key - renderer.a4_content_px) * 25.4 / 96


def _write(path: Path, data: bytes) -> None:
    """Write atomically: other builds may read the same cache at the same time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _overflow_problem(lesson: Lesson, mm: float) -> Problem:
    lines = max(1, round(mm / LINE_MM))
    where = lesson.handout.line if lesson.handout else 1
    return Problem(lesson.path, where, "handout-overflow",
                   f"the printed handout does not fit on one A4 page: it is {mm:.0f} mm too long "
                   f"(about {lines} line{'s' if lines > 1 else ''})",
                   f"shorten the '/// handout' block by about {lines} line{'s' if lines > 1 else ''}, "
                   "or make the questions' options shorter",
                   (f"tờ in không vừa một trang A4: dài quá {mm:.0f} mm (khoảng {lines} dòng)",
                    f"rút ngắn khối `/// handout` khoảng {lines} dòng, hoặc viết các lựa chọn của câu hỏi ngắn hơn"))


def _outside_problem(lesson: Lesson, refused: list[str]) -> Problem:
    where = lesson.handout.line if lesson.handout else 1
    return Problem(lesson.path, where, "handout-file-outside",
                   f"the handout asks for '{refused[0][:60]}', which is not a file of the lesson folders",
                   "use only pictures inside docs/, with an address relative to the lesson (img/picture.png)",
                   (f"tờ in cần tệp `{refused[0][:60]}`, tệp này không nằm trong các thư mục bài học",
                    "chỉ dùng hình nằm trong docs/, viết địa chỉ tính từ bài học (img/hinh.png)"))


def build_date() -> _dt.date:
    """Today, or SOURCE_DATE_EPOCH's date for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date()
    return _dt.date.today()


def _sort_key(lesson: Lesson) -> tuple:
    return (LANGS.index(lesson.lang) if lesson.lang in LANGS else 9, list(AUDIENCES).index(lesson.audience),
            lesson.order, lesson.slug)


def build_site(catalogue: Catalogue, site_url: str, site_name: str, cache_dir: str | Path, *,
               render: bool = True, progress: Callable[[str], None] | None = None,
               date: _dt.date | None = None, remember: bool = True) -> Result:
    """Every lesson's handout and every audience's booklet, in both languages, from the cache when unchanged.

    With render=False (while serving) only cached PDFs are used; the others are counted in `skipped`.
    A handout longer than one page becomes a `handout-overflow` problem instead of a PDF.
    """
    start = time.perf_counter()
    date = date or build_date()
    cache = Path(cache_dir)
    result = Result()
    common = _inputs_digest(site_url, site_name, date)
    renderer: _Renderer | None = None
    lessons = sorted(catalogue.lessons, key=_sort_key)
    keys: dict[str, str] = {}
    if render and any(not (cache / f"{_lesson_key(common, x)}.pdf").exists() for x in lessons):
        try:
            renderer = _Renderer()
        except (OSError, ImportError, RuntimeError) as err:  # e.g. no Pango on this machine
            result.problems.append(Problem(
                "mkdocs.yml", 1, "handouts-engine", f"WeasyPrint cannot make the handout PDFs ({err})",
                "install the libraries the README names (Debian: libpango-1.0-0 libpangoft2-1.0-0 "
                "libharfbuzz-subset0), or turn handouts off with 'handouts: false' under '- hocvuso:' in mkdocs.yml",
                ("máy này chưa làm được tệp PDF tờ in (WeasyPrint không chạy được)",
                 "cài các thư viện README nêu tên (Debian: libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0), "
                 "hoặc tắt tờ in bằng dòng `handouts: false` dưới `- hocvuso:` trong mkdocs.yml")))
            render = False
    todo: list[tuple[Lesson, Path]] = []
    for lesson in lessons:
        key = _lesson_key(common, lesson)
        keys[lesson.path] = key
        path = cache / f"{key}.pdf"
        if path.exists():
            result.pdfs.append(Pdf(lesson.lang, lesson.audience, lesson.slug, lesson.title, path,
                                   path.stat().st_size, 1, False))
        elif key in _OVERFLOWS:  # measured already (e.g. in the preview's background): no need to lay it out again
            result.problems.append(_overflow_problem(lesson, _OVERFLOWS[key]))
        elif not render:
            result.skipped += 1
        else:
            todo.append((lesson, path))
    jobs = [(lesson, site_url, site_name, date, catalogue.docs_dir, str(path)) for lesson, path in todo]
    for n, ((lesson, path), (size, seconds, overflow, refused)) in enumerate(zip(todo, _render_all(jobs)), 1):
        if refused:
            result.problems.append(_outside_problem(lesson, refused))
        elif overflow is not None:
            _OVERFLOWS[keys[lesson.path]] = overflow
            result.problems.append(_overflow_problem(lesson, overflow))
        else:
            result.render_seconds.append(seconds)
            result.pdfs.append(Pdf(lesson.lang, lesson.audience, lesson.slug, lesson.title, path, size, 1, True))
        if progress and (n % max(1, len(todo) // 10) == 0 or n == len(todo)):
            progress(f"handouts {n}/{len(todo)}")
    for lang in LANGS:
        for audience in AUDIENCES:
            members = [x for x in catalogue.by_audience(audience, lang)]
            if not members or any(result.get(lang, audience, x.slug) is None for x in members):
                continue  # a booklet needs every handout of its audience
            renderer = _booklet(result, lang, audience, members, keys, renderer,
                                site_url, site_name, date, cache, common, render)
    if render:
        _prune(cache, {p.path for p in result.pdfs})
    result.seconds = time.perf_counter() - start
    if remember:  # what the site's files and the handout index page show
        _RESULTS[os.path.abspath(catalogue.docs_dir)] = result
    return result


_LATER: threading.Thread | None = None
_NEXT: list[tuple] = []  # the newest request while one is rendering (only the newest matters)
_LATER_LOCK = threading.Lock()


def render_later(catalogue: Catalogue, site_url: str, site_name: str, cache_dir: str | Path,
                 report: Callable[[str], None], done: Callable[[Result], None] | None = None) -> None:
    """While serving: render missing PDFs in a background thread; `done(result)` then places them.

    Never blocks the preview, and still tells the author about a handout that does not fit. A request
    made while one renders runs after it, with the newest lessons (saves come faster than PDFs).
    """
    global _LATER
    with _LATER_LOCK:
        _NEXT[:] = [(catalogue, site_url, site_name, cache_dir, report, done)]
        if _LATER is not None and _LATER.is_alive():
            return

        def run() -> None:
            while True:
                with _LATER_LOCK:
                    if not _NEXT:
                        return
                    cat, url, name, cache, say, then = _NEXT.pop()
                result = build_site(cat, url, name, cache, remember=False)
                for problem in result.problems:
                    say(str(problem))
                say(summary(result) + " (in the background: they appear at the next reload)")
                if then is not None:
                    then(result)

        _LATER = threading.Thread(target=run, name="hvs-handouts", daemon=True)
        _LATER.start()


def _prune(cache: Path, used: set[Path], days: int = 14) -> None:
    """Forget PDFs this build did not use and nobody touched for two weeks (old dates, edited lessons).

    Not sooner: other builds of the same project (another SITE_URL, a teammate's branch) may share the cache.
    """
    limit = time.time() - days * 86400
    for path in cache.glob("*.pdf") if cache.is_dir() else []:
        try:
            if path not in used and path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass  # removed by a concurrent build


def _booklet(result: Result, lang: str, audience: str, members: list[Lesson], keys: dict[str, str],
             renderer: _Renderer | None, site_url: str, site_name: str, date: _dt.date, cache: Path, common: str,
             render: bool) -> _Renderer | None:
    """Add one audience's booklet to result: its cover and contents on one page, then the cached handout PDFs joined
    as they are (no sheet is laid out again)."""
    html = booklet_html(lang, audience, members, site_url, site_name, date, first_page=2)
    key = hashlib.sha256(f"{common}|{lang}|{audience}|{'|'.join(keys[x.path] for x in members)}".encode()
                         ).hexdigest()[:40]
    path = cache / f"{key}.pdf"
    title = handout_sheet.booklet_title(lang, audience)
    if path.exists():
        result.pdfs.append(Pdf(lang, audience, None, title, path, path.stat().st_size, 1 + len(members), False))
        return renderer
    if not render:
        return renderer
    renderer = renderer or _Renderer()
    front = renderer.render(html, TEMPLATES.as_uri() + "/")
    if len(front.pages) != 1:  # a long contents list: number the pages again
        html = booklet_html(lang, audience, members, site_url, site_name, date, len(front.pages) + 1)
        front = renderer.render(html, TEMPLATES.as_uri() + "/")
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.append(io.BytesIO(front.write_pdf(pdf_tags=True)))
    for lesson in members:
        writer.append(str(result.get(lang, audience, lesson.slug).path))
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    _write(path, data)
    result.pdfs.append(Pdf(lang, audience, None, title, path, len(data), len(writer.pages), True))
    return renderer


def site_files(docs_dir: str, lang: str) -> list[tuple[str, str, str]]:
    """(src_uri, dest_uri, cached file) of every PDF of one language, for the site generator to copy."""
    result = last_result(docs_dir)
    if result is None:
        return []
    return [(p.src_uri, p.dest_uri, str(p.path)) for p in result.pdfs if p.lang == lang]


def summary(result: Result) -> str:
    """One line for the build log: counts, time, average size."""
    sheets = [p for p in result.pdfs if p.slug]
    fresh = sum(p.rendered for p in sheets)
    avg = sum(p.size for p in sheets) / len(sheets) / 1024 if sheets else 0
    text = (f"handouts: {len(sheets)} handout(s) ({fresh} rendered, {len(sheets) - fresh} from cache), "
            f"{len(result.pdfs) - len(sheets)} booklet(s), {result.seconds:.1f} s, {avg:.0f} KB per handout")
    if result.render_seconds:
        times = result.render_seconds
        text += f", {sum(times) / len(times):.2f} s per rendered handout (slowest {max(times):.2f} s)"
    if result.skipped:
        text += f"; {result.skipped} not rendered while serving (mkdocs build renders them)"
    return text
