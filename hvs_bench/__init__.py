"""The benchmark behind `scripts/bench`: generated corpora, timed builds, bytes a reader downloads.

It prints figures and never asserts them (the byte budgets are tests in tests/test_budgets.py).
Builds run `mkdocs build` in a subprocess the way an author does; the "plain Material" build
is the same Markdown with the project's plugin, overrides and extras removed, for a ratio.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import mimetypes
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from urllib.parse import urljoin, urlparse

from hocvuso.lessons import AUDIENCES

ROOT = Path(__file__).resolve().parent.parent  # the project (hvs_bench/ is beside hocvuso/)

LESSON = """---
title: "{title}"
description: "{desc}"
order: {order}
duration: 10
level: co-ban
competencies: ["{comp}"]
objectives:
  - {objective}
updated: 2026-11
---

## {h1}

{para}

![{alt}](img/anh.jpg)

1. {step} 1.
2. {step} 2.
3. {step} 3.

## {h2}

{para}

![{alt}](img/anh.jpg)

/// quiz | {question}
- [x] {yes}
    {why}
- [ ] {no}
    {why}
///

/// trainer
{para}
///

/// handout
1. {step} 1.
2. {step} 2.
///
"""
WORDS = {
    "vi": dict(title="Bài {n}: dùng điện thoại an toàn", desc="Bài học số {n} cho người mới bắt đầu.",
               objective="Bạn tự làm được việc số {n}.", h1="Vì sao cần biết?", h2="Các bước",
               para=("Điện thoại thông minh giúp bạn gọi video, trả tiền và làm thủ tục trực tuyến. "
                     "Hãy làm chậm từng bước, đọc kỹ trước khi bấm, và không bao giờ đọc mã OTP cho người lạ. ") * 3,
               alt="Màn hình điện thoại với nút Cài đặt", step="Bước", question="Có nên đọc mã OTP cho người lạ?",
               yes="Không", no="Có", why="Mã OTP là chìa khóa tài khoản của bạn."),
    "en": dict(title="Lesson {n}: using a phone safely", desc="Lesson number {n} for beginners.",
               objective="You can do task number {n} yourself.", h1="Why it matters", h2="Steps",
               para=("A smartphone lets you make video calls, pay and use public services online. "
                     "Go slowly, read before you tap, and never read an OTP code to a stranger. ") * 3,
               alt="A phone screen showing the Settings button", step="Step",
               question="Should you read an OTP code to a stranger?", yes="No", no="Yes",
               why="An OTP code is the key to your account."),
}
COMPETENCIES = ("1.1", "1.2", "2.1", "2.2", "4.1", "4.2", "4.3")


def write_corpus(docs: Path, lessons: int, image: Path | None = None) -> Path:
    """A docs folder with a home page, the five audience paths and `lessons` lessons in vi and en."""
    docs.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "docs" / "_data", docs / "_data", dirs_exist_ok=True)
    (docs / "index.md").write_text("---\ntitle: Học vụ số\n---\n\n# Học vụ số\n\nTrang chủ.\n", encoding="utf-8")
    (docs / "index.en.md").write_text("---\ntitle: Học vụ số\n---\n\n# Học vụ số\n\nHome.\n", encoding="utf-8")
    auds = list(AUDIENCES)
    for aud in auds:
        (docs / aud / "img").mkdir(parents=True, exist_ok=True)
        for lang, suffix in (("vi", ".md"), ("en", ".en.md")):
            name = AUDIENCES[aud][lang]
            (docs / aud / f"index{suffix}").write_text(
                f"---\ntitle: {name}\n---\n\n# {name}\n\n/// learning-path | {aud}\n///\n", encoding="utf-8")
        if image is not None:
            shutil.copyfile(image, docs / aud / "img" / "anh.jpg")
    for n in range(1, lessons + 1):
        aud = auds[n % len(auds)]
        for lang, suffix in (("vi", ".md"), ("en", ".en.md")):
            w = {k: v.format(n=n) for k, v in WORDS[lang].items()}
            text = LESSON.format(order=n, comp=COMPETENCIES[n % len(COMPETENCIES)], **w)
            if image is None:
                text = re.sub(r"^!\[.*\n", "", text, flags=re.M)
            (docs / aud / f"bai-{n:04d}{suffix}").write_text(text, encoding="utf-8")
    return docs


def project_config(folder: Path, docs: Path, plain: bool = False, handouts: bool = True) -> Path:
    """mkdocs.yml for `docs` in `folder`: the project's own, or plain Material (no hocvuso plugin or overrides).

    handouts=False builds without handout PDFs (they dominate a cold build; tests about pages skip them).
    """
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^docs_dir: .*$", f"docs_dir: {docs}", text, flags=re.M)
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    if not handouts:
        text = re.sub(r"^  - hocvuso\s*$", "  - hocvuso:\n      handouts: false", text, flags=re.M)
    if plain:
        # Plain Material: no custom_dir, no own plugin, CSS, JS or Markdown extension. Our block
        # fences then stay as text, which costs Material nothing.
        text = re.sub(r"^\s*custom_dir: .*\n", "", text, flags=re.M)
        text = re.sub(r"^  - hocvuso(?::\n      handouts: false)?\s*\n", "", text, flags=re.M)
        text = re.sub(r"^  - hocvuso\.blocks\s*\n", "", text, flags=re.M)
        text = re.sub(r"^extra_(css|javascript):\n(  - .*\n)+", "", text, flags=re.M)
        text = text.replace("favicon: assets/favicon.svg", "")
        text = text.replace("strict: true", "strict: false")
        # Plain Material as most sites run it: with its own search plugin.
        text = re.sub(r"^plugins:\n", "plugins:\n  - search\n", text, flags=re.M)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("mkdocs-plain.yml" if plain else "mkdocs.yml")
    path.write_text(text, encoding="utf-8")
    return path


def build(config: Path, site: Path, env: dict | None = None) -> float:
    """Seconds of one `mkdocs build` (in a subprocess, as an author runs it)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                          cwd=config.parent, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://hocvuso.example.vn/",
                               **(env or {})})
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"build of {config} failed:\n{done.stdout}{done.stderr}")
    return seconds


def pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


# ---------------------------------------------------------------- what a first visit downloads

_REF = re.compile(r"""<(?:link|script|img|source)\b[^>]*?\b(?:href|src|srcset)\s*=\s*["']([^"']+)["'][^>]*>""", re.I)


@dataclass(frozen=True)
class Resource:
    url: str
    kind: str
    raw: int
    gzip: int


def first_visit_static(site: Path, page: str) -> list[Resource]:
    """What the page's HTML makes a browser fetch before any script runs: HTML, CSS, JS, eager images.

    A static estimate (no browser); `first_visit_browser` measures what Chromium really requests.
    """
    html = (site / page).read_text(encoding="utf-8")
    out = [Resource(page, "html", len(html.encode()), gz(html.encode()))]
    seen = {page}
    for m in _REF.finditer(html):
        tag = m.group(0).lower()
        if tag.startswith("<link") and not re.search(r"rel=[\"']?(stylesheet|icon)", tag):
            continue
        if tag.startswith("<img") and 'loading="lazy"' in tag:
            continue
        url = m.group(1).split()[0] if "srcset" not in tag else _pick_src(m.group(0))
        if urlparse(url).scheme or url.startswith("//"):
            out.append(Resource(url, "OTHER ORIGIN", 0, 0))
            continue
        rel = os.path.normpath(os.path.join(os.path.dirname(page), url.split("#")[0].split("?")[0]))
        if rel in seen or not (site / rel).is_file():
            continue
        seen.add(rel)
        data = (site / rel).read_bytes()
        out.append(Resource(rel, _kind(rel), len(data), gz(data)))
    return out


def _pick_src(tag: str) -> str:
    m = re.search(r"""\bsrc\s*=\s*["']([^"']+)""", tag)
    return m.group(1) if m else ""


def _kind(path: str) -> str:
    ext = path.rsplit(".", 1)[-1].lower()
    return {"js": "js", "css": "css", "html": "html", "json": "data", "svg": "image", "webp": "image",
            "jpg": "image", "jpeg": "image", "png": "image", "woff2": "font", "woff": "font"}.get(ext, ext)


def first_visit_browser(browser, site: Path, page: str) -> tuple[list[Resource], list[str]]:
    """(resources, other-origin URLs) Chromium fetches when opening `page` of `site` cold, at phone size.

    Bytes are the gzip size of each local file, as a server with gzip sends it.
    """
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    ctx = browser.new_context(viewport={"width": 412, "height": 900}, service_workers="block")
    try:
        urls: list[str] = []
        pg = ctx.new_page()
        pg.on("request", lambda r: urls.append(r.url))
        pg.goto(urljoin(base, page), wait_until="networkidle")
        pg.wait_for_timeout(300)
    finally:
        ctx.close()
        server.shutdown()
    out, other, seen = [], [], set()
    for url in urls:
        if not url.startswith(base):
            if not url.startswith(("data:", "blob:")):
                other.append(url)
            continue
        rel = urlparse(url).path.lstrip("/") or "index.html"
        if rel in seen or not (site / rel).is_file():
            continue
        seen.add(rel)
        data = (site / rel).read_bytes()
        out.append(Resource(rel, _kind(rel), len(data), gz(data)))
    return out, other


def own_assets(site: Path) -> dict[str, tuple[int, int]]:
    """{'js'|'css': (raw, gzip)} of the project's own assets a lesson's first visit loads (site/assets/js|css);
    'lazy': the rest of them, which pages load only when used (presenter view, saving for offline, search)."""
    page = lesson_page(site)
    loaded = {r.url for r in first_visit_static(site, page)}
    out, lazy = {}, []
    for kind in ("js", "css"):
        files = sorted((site / "assets" / kind).glob(f"*.{kind}"))
        first = [f for f in files if f"assets/{kind}/{f.name}" in loaded]
        lazy += [f for f in files if f not in first]
        out[kind] = (sum(f.stat().st_size for f in first), sum(gz(f.read_bytes()) for f in first))
    out["lazy"] = (sum(f.stat().st_size for f in lazy), sum(gz(f.read_bytes()) for f in lazy))
    return out


def lesson_page(site: Path, lang: str = "vi") -> str:
    """A built lesson page of the site (its first audience's first lesson)."""
    base = site if lang == "vi" else site / lang
    for aud in AUDIENCES:
        found = sorted(p for p in (base / aud).glob("*.html") if p.name != "index.html")
        if found:
            return found[0].relative_to(site).as_posix()
    raise FileNotFoundError("no lesson page in " + str(site))


def total(resources: Iterable[Resource]) -> int:
    return sum(r.gzip for r in resources)


# ---------------------------------------------------------------- the report scripts/bench prints

def _plain_and_own(folder: Path, docs: Path, label: str, rows: list, handouts: bool = True,
                   repeat: int = 1) -> Path:
    """Build docs three ways (own cold, own warm, plain Material); append a row; return the own site.

    Warm and Material builds run `repeat` times each, alternating, and the fastest counts: on a
    shared machine the slow runs measure the neighbours, not the build.
    """
    own_site, plain_site = folder / "site", folder / "plain"
    cold = build(project_config(folder, docs, handouts=handouts), own_site)
    warm, plain = float("inf"), float("inf")
    for _ in range(max(1, repeat)):
        warm = min(warm, build(project_config(folder, docs, handouts=handouts), folder / "site-warm"))
        plain = min(plain, build(project_config(folder, docs, plain=True), plain_site))
    n = pages(own_site)
    rows.append((label, n, cold, warm, plain, pages(plain_site)))
    return own_site


def save_to_page(config: Path, docs: Path, saves: int = 3, timeout: float = 180,
                 own: bool = True, browser=None) -> tuple[float, list[float], float]:
    """(seconds to the first page, [seconds from saving a lesson's body to the preview showing it], seconds from
    changing its title to the page showing it) of the preview.

    own=True runs the project's preview (`python -m hocvuso serve`: only changed pages are rebuilt), False
    plain `mkdocs serve` (every page at every save). The preview serves on a free loopback port; each save adds
    a marker line to one lesson and the page is polled until the marker is in it. A title is on every page
    (the navigation), so its change rebuilds them all. With a Playwright `browser`, the time is until the
    open page, reloaded by the preview itself when its build ends, shows the marker: what the author sees.
    """
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    lesson = next(x for x in sorted(docs.glob("*/*.md"))
                  if not x.name.startswith("index") and not x.name.endswith(".en.md") and "_data" not in x.parts)
    url = f"http://127.0.0.1:{port}/{lesson.relative_to(docs).as_posix()[:-3]}.html"
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    command = ["hocvuso", "serve"] if own else ["mkdocs", "serve"]
    server = subprocess.Popen([sys.executable, "-m", *command, "-f", str(config), "-a", f"127.0.0.1:{port}"],
                              cwd=config.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    original = lesson.read_text(encoding="utf-8")

    tab = None

    def shows(marker: str | None) -> bool:
        if tab is not None and marker is not None:
            try:
                return marker in tab.content()
            except Exception:  # reloading
                return False
        try:
            page = urllib.request.urlopen(url, timeout=5).read().decode("utf-8", "replace")
        except OSError:
            return False
        return marker is None or marker in page

    def wait(marker: str | None) -> float:
        start = time.perf_counter()
        while not shows(marker):
            if time.perf_counter() - start > timeout or server.poll() is not None:
                return float("nan")
            time.sleep(0.05)
        return time.perf_counter() - start

    try:
        first = wait(None)
        if browser is not None:
            tab = browser.new_page()
            tab.goto(url)
        times = []
        for n in range(saves):
            time.sleep(1.5)  # let the watcher settle
            marker = f"hvsbenchmark{n}x{int(time.time())}"
            lesson.write_text(original.replace("\n## ", f"\n{marker}\n\n## ", 1), encoding="utf-8")
            times.append(wait(marker))
        time.sleep(1.5)
        marker = f"Hvsbenchtitle{int(time.time())}"
        lesson.write_text(re.sub(r"^title: .*$", f"title: {marker}", original, count=1, flags=re.M), encoding="utf-8")
        title = wait(marker)
        return first, times, title
    finally:
        lesson.write_text(original, encoding="utf-8")
        if tab is not None:
            tab.close()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _print_builds(rows: list) -> None:
    print(f"{'site':<22}{'pages':>6}{'cold s':>8}{'ms/pg':>7}{'warm s':>8}{'ms/pg':>7}"
          f"{'Material s':>11}{'ms/pg':>7}{'ratio warm/Material':>21}")
    for label, n, cold, warm, plain, n_plain in rows:
        print(f"{label:<22}{n:>6}{cold:>8.1f}{1000 * cold / n:>7.1f}{warm:>8.1f}{1000 * warm / n:>7.1f}"
              f"{plain:>11.1f}{1000 * plain / n_plain:>7.1f}{warm / plain:>21.2f}")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text ones gzipped as a real host sends them (see README); used by tools/bench_lighthouse.py too."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().do_GET()
        data = path.read_bytes()
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        packed = "gzip" in self.headers.get("Accept-Encoding", "") and (
            kind.startswith("text/") or kind.endswith(("javascript", "json", "xml", "svg+xml")))
        if packed:
            data = gzip.compress(data, 6)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        if packed:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # a browser that hangs up early is not news
        pass


def gzip_server(site: Path) -> QuietServer:
    """A local web server for site that sends text files gzipped, as a real host should (see README)."""
    return QuietServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))


def _lighthouse(site: Path, page: str) -> str:
    tool = shutil.which("lighthouse")
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    if not tool or not chrome:
        return "Lighthouse: skipped (needs the `lighthouse` npm package and Chromium on PATH)"
    import json
    import threading

    server = gzip_server(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        done = subprocess.run([tool, f"http://127.0.0.1:{server.server_address[1]}/{page}", "--quiet",
                               "--output=json", "--form-factor=mobile",
                               "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                               "--only-categories=performance,accessibility,best-practices,seo"],
                              capture_output=True, text=True, timeout=300, env={**os.environ, "CHROME_PATH": chrome})
        report = json.loads(done.stdout)
        cats, audits = report["categories"], report["audits"]
        metrics = ", ".join(f"{k} {audits[k]['displayValue']}" for k in (
            "first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
            if k in audits)
        return (f"Lighthouse mobile ({page}, served with gzip): "
                + ", ".join(f"{k} {round(100 * v['score'])}" for k, v in cats.items()) + f"\n  {metrics}")
    except Exception as err:  # the figure is optional; say why it is missing
        return f"Lighthouse: failed ({type(err).__name__}: {str(err)[:120]})"
    finally:
        server.shutdown()


def main(argv: list[str]) -> int:
    """scripts/bench: print build, byte and handout figures. Never asserts."""
    import argparse

    ap = argparse.ArgumentParser(prog="scripts/bench", description=main.__doc__)
    ap.add_argument("--sizes", type=int, nargs="*", default=[100, 500], help="generated corpora (lessons)")
    ap.add_argument("--no-handouts", action="store_true", help="build the corpora without handout PDFs")
    ap.add_argument("--repeat", type=int, default=1, help="warm and Material builds each; the fastest counts")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder and print it")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="hvs-bench-"))
    image = ROOT / "tests" / "fixtures" / "images" / "anh.jpg"
    print(f"Học vụ số benchmark — {time.strftime('%Y-%m-%d %H:%M')} — {os.cpu_count()} CPU(s), "
          f"Python {sys.version.split()[0]}\n")
    rows: list = []
    print(f"Builds: 'cold' = empty caches (images, handout PDFs), 'warm' = the same build again (fastest of {args.repeat});"
          "\n'Material' = the same Markdown with plain Material + i18n + its search plugin (no hocvuso plugin,"
          "\noverrides, CSS or JS), built in this run.\n")
    try:
        real = _plain_and_own(tmp / "real", ROOT / "docs", "real site", rows, repeat=args.repeat)
    except RuntimeError as err:
        # Someone's lesson is half-written: measure the last commit's lessons instead, and say so.
        first = next((x for x in str(err).splitlines() if "ERROR" in x), str(err)[:200])
        print(f"(the working tree does not build: {first.strip()[:160]}…\n using the last commit's docs/)\n")
        shutil.rmtree(tmp / "real", ignore_errors=True)
        (tmp / "committed").mkdir()
        subprocess.run(f"git archive HEAD docs | tar -x -C {tmp / 'committed'}", shell=True, cwd=ROOT, check=True)
        real = _plain_and_own(tmp / "real", tmp / "committed" / "docs", "real site (HEAD)", rows, repeat=args.repeat)
    for n in args.sizes:
        docs = write_corpus(tmp / f"c{n}" / "docs", n, image)
        _plain_and_own(tmp / f"c{n}", docs, f"{n} lessons" + (" (no PDFs)" if args.no_handouts else ""),
                       rows, handouts=not args.no_handouts, repeat=args.repeat)
    _print_builds(rows)

    print("\nSave-to-page (the author's preview, `python -m hocvuso serve`): seconds from saving one lesson's body "
          "until the\npage shows it (median of 3 saves), and from changing its title (every page shows it), beside "
          "plain Material's\n`mkdocs serve` of the same Markdown:")
    try:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        viewer = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                            args=["--no-sandbox", "--disable-gpu"])
    except Exception as err:  # no browser: until the page's HTML has the change
        print(f"  (no browser, {type(err).__name__}: the page is polled over HTTP instead)")
        playwright = viewer = None
    for name, label in [("real", "real site"), *((f"c{n}", f"{n} lessons") for n in args.sizes)]:
        folder = tmp / name
        docs = Path(re.search(r"^docs_dir: (.*)$", (folder / "mkdocs.yml").read_text(encoding="utf-8"),
                              re.M).group(1))
        if name == "real":  # never edit the project's own lessons: serve a copy
            shutil.copytree(docs, folder / "docs-serve")
            docs = folder / "docs-serve"
        own = save_to_page(project_config(folder, docs, handouts=not args.no_handouts or name == "real"), docs,
                           browser=viewer)
        plain = save_to_page(project_config(folder, docs, plain=True), docs, own=False, browser=viewer)
        med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
        print(f"  {label:<14} this project {med(own[1]):6.2f} s (title {own[2]:5.1f} s, first page {own[0]:5.1f} s)"
              f"   plain Material {med(plain[1]):6.2f} s (title {plain[2]:5.1f} s, first page {plain[0]:5.1f} s)")
    if playwright is not None:
        viewer.close()
        playwright.stop()
    if len(rows) >= 3:
        (_, n1, c1, w1, p1, q1), (_, n2, c2, w2, p2, q2) = rows[-2], rows[-1]
        print(f"\nGrowth per added page ({rows[-2][0]} -> {rows[-1][0]}): cold {1000 * (c2 - c1) / (n2 - n1):.1f} ms,"
              f" warm {1000 * (w2 - w1) / (n2 - n1):.1f} ms, Material {1000 * (p2 - p1) / (q2 - q1):.1f} ms")

    lesson = lesson_page(real)
    print(f"\nFirst visit of a lesson ({lesson}), gzip bytes by resource:")
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])
            resources, other = first_visit_browser(browser, real, lesson)
            sizes = {}
            for name in ["real", *(f"c{n}" for n in args.sizes)]:
                own, plain = tmp / name / "site", tmp / name / "plain"
                page = lesson if name == "real" else lesson_page(own)
                sizes[name] = [total(first_visit_browser(browser, s, page)[0]) if (s / page).is_file() else 0
                               for s in (own, plain)]
            browser.close()
        how = "Chromium request log"
    except Exception as err:  # no Playwright or Chromium: the static estimate
        resources, other, sizes, how = first_visit_static(real, lesson), [], {}, f"static estimate ({err})"
    for r in sorted(resources, key=lambda r: -r.gzip):
        print(f"  {r.gzip:>7}  {r.raw:>7} raw  {r.kind:<6} {r.url}")
    print(f"  {total(resources):>7}  total ({how}); other origins: {len(other)}")
    if sizes:
        print("\nFirst visit of a lesson, gzip bytes in all, this project vs plain Material (search index included):")
        for name, (own, plain) in sizes.items():
            label = "real site" if name == "real" else f"{name[1:]} lessons"
            print(f"  {label:<14} {own:>8} vs {plain:>8}  ({own / plain:.2f}×)" if plain else f"  {label:<14} {own:>8}")

    print("\nOwn assets (gzip bytes; source in overrides/assets, built = served):")
    built = own_assets(real)
    for kind, budget in (("js", 10240), ("css", 8192)):
        src = sum(gz(f.read_bytes()) for f in (ROOT / "overrides" / "assets" / kind).glob(f"*.{kind}"))
        print(f"  {kind.upper():<4} first visit {built[kind][1]:>6}  all sources {src:>6}  budget {budget}")
    print(f"  loaded only when used (presenter, saving, search) {built['lazy'][1]}")
    if (real / "sw.js").is_file():
        print(f"  sw.js (service worker, not loaded by pages) {gz((real / 'sw.js').read_bytes())}")

    print("\nHandouts:")
    try:
        from hocvuso import handouts, lessons

        cat = lessons.build_catalogue(str(tmp / "committed" / "docs" if (tmp / "committed").is_dir() else ROOT / "docs"))
        result = handouts.build_site(cat, "http://127.0.0.1:8000/", "Học vụ số", tmp / "handout-cache")
        sheets = [x for x in result.pdfs if x.slug]
        size = sum(x.size for x in sheets)
        print(f"  {len(sheets)} handouts + {len(result.pdfs) - len(sheets)} booklets rendered cold in "
              f"{result.seconds:.1f} s ({1000 * result.seconds / max(1, len(result.pdfs)):.0f} ms per PDF); "
              f"{size // 1024} KB in all, {size / max(1, len(sheets)) / 1024:.0f} KB per handout")
        start = time.perf_counter()
        handouts.build_site(cat, "http://127.0.0.1:8000/", "Học vụ số", tmp / "handout-cache")
        print(f"  again, unchanged (from the cache): {time.perf_counter() - start:.2f} s")
    except Exception as err:
        print(f"  not measured ({type(err).__name__}: {err})")

    print("\n" + _lighthouse(real, lesson))
    if args.keep:
        print(f"\nkept: {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0
