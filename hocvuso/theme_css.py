"""Material's stylesheet cut down to the rules this site's pages can match (the finish phase; no MkDocs).

Material's main.css is 137 KB (23 KB gzip) and blocks the first paint of every page; most of it styles
components this site never renders (Material's search, tabs, code annotations, Mermaid, the blog...),
and a phone matches every rule against every element. After a build, `prune_site` keeps a rule only if
each class its selector requires occurs in some built page or in our own scripts, drops custom
properties nothing reads, and writes the result under a new name (its content hash, so no cache ever
serves an older cut), pointing every page at it. Conservative on purpose: a class inside :not(), :is(),
:where() or :has() never counts as required, attribute and element selectors always stay, and nothing is
cut where a page loads Material's bundle (it adds classes of its own at run time).
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

_CLASS = re.compile(r"\.((?:[A-Za-z0-9_-]|\\.)+)")
_FUNCTIONAL = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\(")
_WORD = re.compile(r"[A-Za-z0-9_-]+")
_CLASS_ATTR = re.compile(r"""class=["']([^"']*)""")
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
_BUNDLE = re.compile(r"""<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js""")
# What matters to a scanner of CSS: strings and comments (skipped whole), and braces and semicolons.
_TOKEN = re.compile(r""""(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|/\*.*?\*/|[{};]""", re.S)
_GROUP = re.compile(r"@(?:media|supports|layer|container)\b", re.I)


def parse(css: str) -> list[tuple[str, str | list | None]]:
    """A stylesheet as [(prelude, body)]: body is the declarations' text, a list (the rules of @media and
    other groups), or None (a statement such as @import). Comments are dropped."""
    levels: list[list] = [[]]
    preludes: list[str] = []
    start, depth, opened = 0, 0, ("", 0)
    for m in _TOKEN.finditer(css):
        tok = m.group()
        if tok[0] in "\"'/":
            continue
        if depth:  # inside a rule's declarations (or a @keyframes / @font-face block), kept as text
            depth += (tok == "{") - (tok == "}")
            if not depth:
                levels[-1].append((opened[0], css[opened[1]:m.start()]))
                start = m.end()
            continue
        if tok == "{":
            prelude = re.sub(r"/\*.*?\*/", "", css[start:m.start()], flags=re.S).strip()
            if _GROUP.match(prelude):
                levels.append([])
                preludes.append(prelude)
            else:
                depth, opened = 1, (prelude, m.end())
        elif tok == "}" and preludes:
            rules = levels.pop()
            levels[-1].append((preludes.pop(), rules))
        elif tok == ";":
            statement = css[start:m.end()].strip()
            if statement != ";":
                levels[-1].append((statement, None))
        start = m.end()
    return levels[0]


def serialize(rules: list[tuple[str, str | list | None]]) -> str:
    return "".join(p if body is None else p + "{" + (body if isinstance(body, str) else serialize(body)) + "}"
                   for p, body in rules)


def _required_classes(selector: str) -> list[str]:
    """Classes an element must have for selector to match (none from inside :not() and friends)."""
    if "(" not in selector:
        return [c.replace("\\", "") for c in _CLASS.findall(re.sub(r"\[[^\]]*\]", "", selector))]
    out, i = [], 0
    while i < len(selector):
        m = _FUNCTIONAL.match(selector, i)
        if m:
            level, i = 1, m.end()
            while i < len(selector) and level:
                level += {"(": 1, ")": -1}.get(selector[i], 0)
                i += 1
            out.append(" ")
            continue
        out.append(selector[i])
        i += 1
    bare = re.sub(r"\[[^\]]*\]", "", "".join(out))
    return [c.replace("\\", "") for c in _CLASS.findall(bare)]


def _split(text: str, sep: str) -> list[str]:
    """text split at sep outside brackets, parentheses and strings."""
    parts, level, quote, cur = [], 0, "", []
    for ch in text:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            level += 1
        elif ch in ")]":
            level -= 1
        elif ch == sep and not level:
            parts.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def _cut(rules, words: set[str]) -> list:
    out = []
    for prelude, body in rules:
        if isinstance(body, list):
            inner = _cut(body, words)
            if inner:
                out.append((prelude, inner))
        elif body is None or prelude.startswith("@"):  # @import, @keyframes, @font-face, @page...
            out.append((prelude, body))
        else:
            keep = [s for s in _split(prelude, ",") if all(c in words for c in _required_classes(s))]
            if keep:
                out.append((",".join(keep), body))
    return out


def _unread_properties(rules, read: set[str]) -> list:
    out = []
    for prelude, body in rules:
        if isinstance(body, list):
            body = _unread_properties(body, read)
        elif isinstance(body, str) and "--" in body and not prelude.startswith("@"):
            body = ";".join(d for d in _split(body, ";")
                            if not d.startswith("--") or d.split(":", 1)[0].strip() in read)
        if body != "" and body != []:
            out.append((prelude, body))
    return out


def prune_css(css: str, words: set[str], other_text: str = "") -> str:
    """css without the rules no element can match (words: every token of the site's pages and scripts).

    Custom properties are dropped when neither the kept rules nor other_text (other CSS, pages) read them.
    """
    kept = _cut(parse(css), words)
    read = set(_VAR.findall(serialize(kept))) | set(_VAR.findall(other_text))
    return serialize(_unread_properties(kept, read))


def site_words(pages: list[str], scripts: list[str]) -> set[str]:
    """The classes pages use and every word of our scripts (which add classes): no other class matches."""
    words: set[str] = set()
    for html in pages:
        for value in _CLASS_ATTR.findall(html):
            words.update(value.split())
    for js in scripts:
        words.update(_WORD.findall(js))
    return words


def prune_site(site_dir: str | Path, texts: dict[Path, str] | None = None) -> list[tuple[str, int, int]]:
    """Cut Material's main stylesheet of a built site to what its pages use; [(new name, bytes before, after)].

    A page that loads Material's JavaScript bundle keeps the whole stylesheet (the bundle adds classes of its
    own at run time); nothing is cut when the home page loads it.
    Run after every page is written; safe to run again on the same folder (a dirty build): pages are
    pointed at the newest cut and older cuts are removed. `texts`: the pages as the caller has just read or
    written them (path -> HTML), so they are not read again.
    """
    site = Path(site_dir)
    sheets = site / "assets" / "stylesheets"
    home = site / "index.html"
    if not home.is_file() or not sheets.is_dir() or _BUNDLE.search(home.read_text(encoding="utf-8")):
        return []
    originals = sorted(p for p in sheets.glob("main.*.min.css") if re.fullmatch(r"main\.[0-9a-f]+\.min\.css", p.name))
    if not originals:
        return []
    # Only pages that link Material's stylesheet use it (the worker's standalone offline page does not).
    known = texts or {}
    read = {p: known[p] if p in known else p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}
    pages = [p for p, html in read.items() if "assets/stylesheets/main." in html]
    texts = [read[p] for p in pages]
    words = site_words(texts, [p.read_text(encoding="utf-8") for p in (site / "assets" / "js").glob("*.js")])
    # What else reads custom properties: the other stylesheets, and inline styles in pages.
    other = " ".join(p.read_text(encoding="utf-8") for p in [*sheets.glob("palette.*.min.css"),
                                                              *(site / "assets" / "css").glob("*.css")])
    other += " ".join(t for t in texts if "var(--" in t)
    done = []
    for original in originals:
        stem = original.name[: -len(".min.css")]  # main.57a0d79d
        css = original.read_text(encoding="utf-8")
        small = prune_css(css, words, other)
        name = f"{stem}.{hashlib.sha1(small.encode()).hexdigest()[:8]}.min.css"
        (sheets / name).write_text(small, encoding="utf-8")
        # Every page, the older cuts' pages too: a dirty build rewrites only the pages that changed.
        ref = re.compile(re.escape(stem) + r"(?:\.[0-9a-f]{8})?\.min\.css")
        for page, html in zip(pages, texts):
            if _BUNDLE.search(html):
                continue
            new = ref.sub(name, html)
            if new != html:
                page.write_text(new, encoding="utf-8")
        for old in sheets.glob(f"{stem}.*.min.css"):
            if old.name != name and old != original:
                old.unlink()
        done.append((name, len(css.encode()), len(small.encode())))
    return done
