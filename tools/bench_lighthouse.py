"""`scripts/bench lighthouse`: Lighthouse scores of the built site, beside plain Material on the same lesson.

It builds the site (and a plain Material build of the same Markdown), serves each with gzip on
loopback, runs Lighthouse from the npm registry (pinned, installed into .cache/lighthouse/ on first
use) against Debian's Chromium (never a downloaded browser), RUNS times per page, and prints the
medians: home, the elderly learning path and a lesson, in both languages. It prints figures and
never asserts them; the scores the project promises are in DESIGN.md §7.
"""
from __future__ import annotations

import argparse
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from hvs_bench import gzip_server, project_config

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = "12.8.2"  # the newest 12.x; runs on Node >= 18.16 (13.x needs Node 22)
INSTALL = ROOT / ".cache" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
                "--no-first-run", "--disable-quic"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
PATH = "nguoi-cao-tuoi"  # the elderly learning path: the readers on the cheapest phones


# ---------------------------------------------------------------- Lighthouse itself

def lighthouse_cli() -> Path:
    """The pinned Lighthouse CLI under .cache/lighthouse/, installed from the npm registry when missing."""
    cli = INSTALL / "node_modules" / "lighthouse" / "cli" / "index.js"
    meta = INSTALL / "node_modules" / "lighthouse" / "package.json"
    if cli.is_file() and json.loads(meta.read_text())["version"] == LIGHTHOUSE:
        return cli
    if not shutil.which("npm") or not shutil.which("node"):
        raise SystemExit("bench lighthouse: needs Node.js and npm (Debian: apt-get install nodejs npm)")
    INSTALL.mkdir(parents=True, exist_ok=True)
    (INSTALL / "package.json").write_text(json.dumps({"private": True, "dependencies": {"lighthouse": LIGHTHOUSE}}))
    print(f"installing lighthouse@{LIGHTHOUSE} into {INSTALL.relative_to(ROOT)}/ …", flush=True)
    # PUPPETEER_SKIP_DOWNLOAD: nothing in the tree may fetch a browser; Debian's Chromium is used.
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--omit=dev"],
                   cwd=INSTALL, check=True, env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"})
    return cli


def run_lighthouse(cli: Path, url: str, desktop: bool = False) -> dict:
    """One Lighthouse run of url: its JSON report (mobile profile unless desktop)."""
    with tempfile.TemporaryDirectory(prefix="hvs-lh-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = ["node", str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
               "--only-categories=" + ",".join(CATEGORIES), f"--chrome-flags={' '.join(CHROME_FLAGS)}"]
        if desktop:
            cmd.append("--preset=desktop")
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300,
                              env={**os.environ, "CHROME_PATH": CHROME, "TMPDIR": tmp})
        if done.returncode != 0 or not out.is_file():
            raise RuntimeError(f"lighthouse failed on {url}: {(done.stderr or done.stdout)[-400:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def summary(report: dict) -> dict:
    """The figures the table shows, from one report: scores 0-100 and metrics in ms."""
    cats, audits = report["categories"], report["audits"]
    row = {k: round(100 * (cats[k]["score"] or 0)) for k in CATEGORIES}
    row.update({k: audits[k]["numericValue"] for k in METRICS})
    row["failed"] = sorted({a["id"] for k in CATEGORIES[1:] for a in _failed(report, k)})
    row["main"] = {i["groupLabel"]: i["duration"] for i in audits["mainthread-work-breakdown"]["details"]["items"]}
    row["scripts"] = {i["url"]: i["total"] for i in audits["bootup-time"]["details"]["items"]}
    row["cpu"] = report.get("environment", {}).get("benchmarkIndex", 0)
    if report.get("runtimeError"):
        row["error"] = report["runtimeError"].get("message", "")
    return row


def _failed(report: dict, category: str):
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            yield audit


# ---------------------------------------------------------------- sites to measure

def build(config: Path, site: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                          cwd=config.parent, capture_output=True, text=True,
                          env={"SITE_URL": "https://hocvuso.example.vn/", **os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if done.returncode != 0:
        raise SystemExit(f"bench lighthouse: the build of {config} failed:\n{done.stdout}{done.stderr}")


def first_lesson(site: Path, audience: str = PATH) -> str:
    """Site-relative URL of the first lesson on an audience's learning path (as the path page lists it)."""
    html = (site / audience / "index.html").read_text(encoding="utf-8")
    m = re.search(r'class="hvs-path__item"[^>]*>.*?<a href="([^"#]+)"', html, re.S)
    if not m:
        raise SystemExit(f"bench lighthouse: no lesson listed on {audience}/index.html")
    return f"{audience}/{m.group(1)}"


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = gzip_server(site)  # the benchmark's own: gzip as a real host sends it
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# ---------------------------------------------------------------- the table

def median_row(runs: list[dict]) -> dict:
    """Each column's median over the runs (scores and metrics separately, as Lighthouse's own guidance)."""
    out = {k: statistics.median(r[k] for r in runs) for k in (*CATEGORIES, *METRICS)}
    out["perf runs"] = [r["performance"] for r in runs]
    out["failed"] = sorted({x for r in runs for x in r["failed"]})
    return out


def table(rows: list[tuple[str, dict]]) -> str:
    head = ["page", "performance", "accessibility", "best practices", "SEO", "FCP", "LCP", "TBT", "perf of each run"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for label, m in rows:
        cells = [label, *(f"{m[k]:g}" for k in CATEGORIES),
                 f"{m['first-contentful-paint'] / 1000:.2f} s", f"{m['largest-contentful-paint'] / 1000:.2f} s",
                 f"{m['total-blocking-time']:.0f} ms", " ".join(map(str, m["perf runs"]))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def why(label: str, runs: list[dict]) -> str:
    """Where the main thread's time goes (medians over runs, ms under the 4x CPU slowdown) and the costliest scripts."""
    groups = {g for r in runs for g in r["main"]}
    main = sorted(((statistics.median(r["main"].get(g, 0) for r in runs), g) for g in groups), reverse=True)
    urls = {u for r in runs for u in r["scripts"]}
    scripts = sorted(((statistics.median(r["scripts"].get(u, 0) for r in runs), u) for u in urls), reverse=True)
    text = f"{label}: main thread " + ", ".join(f"{g} {ms:.0f}" for ms, g in main[:6])
    if scripts:
        text += "\n    scripts: " + ", ".join(f"{u.rsplit('/', 1)[-1] or u} {ms:.0f}" for ms, u in scripts[:5])
    failed = sorted({x for r in runs for x in r["failed"]})
    if failed:
        text += "\n    failing audits: " + ", ".join(failed)
    return text


def main(argv: list[str]) -> int:
    """scripts/bench lighthouse: Lighthouse medians for home, the elderly path and a lesson, vi and en, and plain Material."""
    ap = argparse.ArgumentParser(prog="scripts/bench lighthouse", description=main.__doc__)
    ap.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page (default 5; the median counts)")
    ap.add_argument("--site", type=Path, help="measure this built site instead of building one")
    ap.add_argument("--lesson", help="site-relative lesson URL (default: the first lesson of the elderly path)")
    ap.add_argument("--only", nargs="*", choices=["home", "path", "lesson", "plain"],
                    help="measure only these page kinds")
    ap.add_argument("--lang", nargs="*", choices=["vi", "en"], default=["vi", "en"])
    ap.add_argument("--no-plain", action="store_true", help="skip the plain Material build")
    ap.add_argument("--desktop", action="store_true", help="Lighthouse's desktop profile instead of mobile")
    ap.add_argument("--why", action="store_true", help="also print where the main thread spends its time")
    ap.add_argument("--json", type=Path, help="also write every run's figures to this file")
    args = ap.parse_args(argv)
    kinds = set(args.only or ["home", "path", "lesson", "plain"]) - ({"plain"} if args.no_plain else set())
    if not Path(CHROME).is_file():
        raise SystemExit(f"bench lighthouse: needs Chromium at {CHROME} (Debian: apt-get install chromium)")
    cli = lighthouse_cli()
    tmp = Path(tempfile.mkdtemp(prefix="hvs-lighthouse-"))
    try:
        start = time.perf_counter()
        own = args.site
        if own is None:
            own = tmp / "site"
            build(project_config(tmp, ROOT / "docs", handouts=False), own)  # Lighthouse opens no PDF
        plain = None
        if "plain" in kinds:
            plain = tmp / "plain"
            build(project_config(tmp, ROOT / "docs", plain=True, handouts=False), plain)
        lesson = args.lesson or first_lesson(own)
        pages: list[tuple[str, Path, str]] = []
        for lang in args.lang:
            pre = "" if lang == "vi" else "en/"
            if "home" in kinds:
                pages.append((f"home ({lang})", own, pre + "index.html"))
            if "path" in kinds:
                pages.append((f"elderly learning path ({lang})", own, f"{pre}{PATH}/index.html"))
            if "lesson" in kinds:
                pages.append((f"lesson ({lang})", own, pre + lesson))
        if plain is not None:
            for lang in args.lang:
                pre = "" if lang == "vi" else "en/"
                pages.append((f"plain Material, same lesson ({lang})", plain, pre + lesson))
        print(f"Lighthouse {LIGHTHOUSE}, {'desktop' if args.desktop else 'mobile'} profile, {args.runs} runs per page,"
              f" Chromium at {CHROME}, served with gzip on loopback; {os.cpu_count()} CPU(s)."
              f"\nLesson: {lesson}; built in {time.perf_counter() - start:.0f} s.\n", flush=True)
        servers: dict[Path, tuple] = {}
        results: dict[str, list[dict]] = {label: [] for label, _, _ in pages}
        load = [os.getloadavg()[0]]
        try:
            # Round by round, each page once a round: a neighbour's burst of work on this shared machine
            # then slows one run of every page, not every run of one page.
            for n in range(args.runs):
                line = []
                for label, site, url in pages:
                    if site not in servers:
                        servers[site] = serve(site)
                    results[label].append(summary(run_lighthouse(cli, servers[site][1] + url, args.desktop)))
                    line.append(f"{label} {results[label][-1]['performance']}")
                print(f"  round {n + 1}/{args.runs}: " + ", ".join(line), flush=True)
        finally:
            for server, _ in servers.values():
                server.shutdown()
        load.append(os.getloadavg()[0])
        print("\nMedians of", args.runs, "runs (FCP, LCP, TBT are Lighthouse's simulated phone figures):\n")
        print(table([(label, median_row(runs)) for label, runs in results.items()]))
        cpu = [r["cpu"] for runs in results.values() for r in runs]
        print(f"\nThis machine during the runs: Lighthouse benchmarkIndex median {statistics.median(cpu):.0f}"
              f" ({min(cpu):.0f}-{max(cpu):.0f}; lower is slower; under 1000 Lighthouse warns that it measures the machine),"
              f" load average {load[0]:.1f} at the start, {load[1]:.1f} at the end.")
        if args.why:
            print("\nMain-thread time, median ms:")
            for label, runs in results.items():
                print("  " + why(label, runs))
        if args.json:
            args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
