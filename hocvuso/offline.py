"""Offline on the web: writes the service worker at the site root with this build's version.

The worker's source is `overrides/sw.js` (a template). After a build, `write_service_worker`
fills in VERSION (a hash of the built files, so a new build replaces the cache of the old
one and an unchanged rebuild keeps it) and CORE (the CSS, JS and icon every page loads,
cached when the worker installs so a visited page also renders offline). It lives at the
root so its scope covers both languages. No MkDocs here.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from . import ui

# Files whose bytes change without the site changing (dates), and the worker itself.
_SKIP = {"sw.js", "sitemap.xml", "sitemap.xml.gz"}
_CORE_REF = re.compile(r"""<(?:link|script)\b[^>]*?\b(?:href|src)=["']([^"']+)["'][^>]*>""", re.I)


def site_version(site_dir: str | Path) -> str:
    """A short hash of every built file's path and bytes."""
    site = Path(site_dir)
    digest = hashlib.sha1()
    for root, dirs, files in os.walk(site):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            rel = path.relative_to(site).as_posix()
            if rel in _SKIP or name.endswith(".map"):
                continue
            digest.update(rel.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def core_files(site_dir: str | Path, page: str = "index.html") -> list[str]:
    """Site-relative CSS, JS and icon files the home page loads (every page loads the same)."""
    site = Path(site_dir)
    html = (site / page).read_text(encoding="utf-8")
    out = []
    for m in _CORE_REF.finditer(html):
        tag, url = m.group(0).lower(), m.group(1)
        if tag.startswith("<link") and not re.search(r"rel=[\"']?(stylesheet|icon)", tag):
            continue
        if re.match(r"^[a-z]+:|^//", url, re.I):
            continue
        rel = os.path.normpath(os.path.join(os.path.dirname(page), url)).replace(os.sep, "/")
        if (site / rel).is_file() and rel not in out:
            out.append(rel)
    return out


# While `mkdocs serve` previews edits, a cache would hide them: this worker empties the
# caches and removes itself.
RETIRE = """self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (e) => e.waitUntil(caches.keys()
  .then((k) => Promise.all(k.filter((n) => n.startsWith("hvs-")).map((n) => caches.delete(n))))
  .then(() => self.registration.unregister())));
"""


def write_service_worker(site_dir: str | Path, template: str | Path, serving: bool = False) -> str | None:
    """Write site_dir/sw.js from the template; return the version, or None without a template or home page.

    serving=True (a live preview) writes a worker that clears the caches and unregisters.
    """
    site, template = Path(site_dir), Path(template)
    if not template.is_file() or not (site / "index.html").is_file():
        return None
    if serving:
        (site / "sw.js").write_text(RETIRE, encoding="utf-8")
        return None
    shrink_own_assets(site)  # before the version, which hashes what is served
    pages = write_offline_pages(site)
    version = site_version(site)
    homes = [p for p in ("index.html", "en/index.html") if (site / p).is_file()]
    own = core_files(site)
    # Code loaded only when used (presenter view, saving, search) still has to work offline.
    lazy = [f"assets/js/{p.name}" for p in sorted((site / "assets" / "js").glob("*.js"))
            if f"assets/js/{p.name}" not in own]
    core = [*homes, *pages, *own, *lazy]
    text = template.read_text(encoding="utf-8")
    text = text.replace("__HVS_VERSION__", version).replace("__HVS_CORE__", json.dumps(core))
    (site / "sw.js").write_text(text, encoding="utf-8")
    return version


_OFFLINE_PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>{title} - {site}</title>
<script>try{{var s=JSON.parse(localStorage.getItem("hvs:v1:aids")).size;if(s>0&&s<4)document.documentElement.dataset.hvsSize=s}}catch(e){{}}</script>
<style>
html{{font:calc(125% * var(--s,1))/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}}
html[data-hvs-size="1"]{{--s:1.15}} html[data-hvs-size="2"]{{--s:1.3}} html[data-hvs-size="3"]{{--s:1.5}}
body{{margin:0;color:#000;background:#fff}} header{{background:#4051b5;padding:.6rem 1rem}}
header a{{color:#fff;font-weight:700;text-decoration:none}} main{{max-width:40rem;margin:0 auto;padding:1rem}}
h1{{font-size:1.6rem;line-height:1.25}} h2{{font-size:1.2rem}} a{{color:#303fa1}} li{{margin:.5rem 0}}
main a{{display:inline-block;min-height:44px;line-height:44px}} main li a{{display:block;line-height:1.4;padding:.55rem 0}}
ul{{padding-left:1.2rem}}
</style></head>
<body><header><a href="{home_href}">{site}</a></header>
<main>
<h1>{title}</h1>
<p>{why}</p>
<p><a href="<!--hvs-retry-->">{retry}</a> {later}</p>
<h2>{saved}</h2>
<!--hvs-saved--><p>{none}</p><!--/hvs-saved-->
<p><a href="{home_href}">{home}</a></p>
</main></body></html>
"""


def write_offline_pages(site_dir: str | Path) -> list[str]:
    """Write offline.html (and en/offline.html for an English site): what the worker answers offline.

    The worker serves it for a page it has not saved, filling in the address asked for and the
    list of saved pages; its links are relative to its own place (the worker adds a <base>).
    """
    site = Path(site_dir)
    home = (site / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<a [^>]*title="([^"]*)"[^>]*data-md-component="logo"', home)
    name = found.group(1) if found else ""
    written = []
    for lang, rel in (("vi", "offline.html"), ("en", "en/offline.html")):
        if lang == "en" and not (site / "en" / "index.html").is_file():
            continue
        html = _OFFLINE_PAGE.format(lang=lang, site=name, home_href="index.html", **ui.words(lang)["offline"])
        (site / rel).write_text(html, encoding="utf-8")
        written.append(rel)
    return written


_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def drop_alternate_links(html: str) -> str:
    """The page without Material's `<link rel="alternate" hreflang>` tags.

    Material's script fetches `sitemap.xml` next to every such link on every page load (to
    keep the page when switching language), and the sitemap grows with the catalogue. Our
    language link (partials/alternate.html) already points at the same page in the other
    language, and these links point at the home pages, which is wrong for hreflang anyway.
    """
    return _ALTERNATE.sub("", html)


def shrink(text: str, kind: str) -> str:
    """JS or CSS without comment lines, indentation and blank lines; the code itself is untouched.

    Readable sources stay in overrides/assets/; the built copies a phone downloads are ~10%
    smaller after gzip. Only whole-line comments go (a line of code is never cut), so this
    is safe without a parser; our JS has no multi-line template literals.
    """
    if kind == "css":
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    out: list[str] = []
    in_comment = False
    for line in text.splitlines():
        s = line.strip()
        if in_comment:
            if "*/" in s:
                in_comment = False
                s = s.split("*/", 1)[1].strip()
            else:
                continue
        if kind == "js" and s.startswith("//"):
            continue
        if kind == "js" and s.startswith("/*"):
            if "*/" not in s:
                in_comment = True
                continue
            if s.endswith("*/") and s.count("*/") == 1:
                continue
        if s:
            out.append(s)
    return "\n".join(out) + "\n"


def shrink_own_assets(site_dir: str | Path) -> None:
    """Shrink the project's own built JS and CSS (site/assets/js, site/assets/css) in place."""
    for kind in ("js", "css"):
        for path in sorted((Path(site_dir) / "assets" / kind).glob(f"*.{kind}")):
            text = path.read_text(encoding="utf-8")
            small = shrink(text, kind)
            if small != text:
                path.write_text(small, encoding="utf-8")
