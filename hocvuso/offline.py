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
    version = site_version(site)
    core = ["index.html", *core_files(site)]
    text = template.read_text(encoding="utf-8")
    text = text.replace("__HVS_VERSION__", version).replace("__HVS_CORE__", json.dumps(core))
    (site / "sw.js").write_text(text, encoding="utf-8")
    return version


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
