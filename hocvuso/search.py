"""Site search: a small index per language that finds words typed with or without diacritics.

Each built page becomes one entry: its address, title, description, headings (with
their anchors) and its body text folded the way `questions.fold` folds a typed answer
("Mật khẩu" -> "mat khau"). The index is written as a tiny script
(`assets/search-vi.js`, `assets/search-en.js`) rather than JSON, so a `<script>` tag
loads it from file:// too, and only when the reader opens search.

Trainer notes, quiz answers, feedback and keys (any element marked
`data-search-exclude`), generated listings, navigation, buttons and scripts never
reach the index.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .questions import fold
from .safety import plain

FORMAT = "1"  # change when page_entry changes what it makes: the cache of entries starts again

# Elements whose text is never indexed, whatever their attributes.
SKIPPED_TAGS = frozenset({"script", "style", "nav", "button", "template", "svg", "select", "textarea", "noscript"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                       "source", "track", "wbr"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Trainer notes, and generated listings (learning paths, competency grid, handout index): the lessons they
# list are found on their own pages, and would otherwise crowd the results with listing pages.
SKIPPED_CLASSES = frozenset({"hvs-trainer", "hvs-generated"})
# Elements that end a word: text on either side of them must not run together.
BLOCK_TAGS = frozenset({"p", "li", "td", "th", "div", "section", "article", "aside", "br", "dd", "dt",
                        "figcaption", "blockquote", "pre", "tr", "ul", "ol", "summary", "details", "label"})


@dataclass(frozen=True)
class Entry:
    """One page in the search index."""
    url: str                                # site-relative address, e.g. "en/hoc-sinh/x.html"
    title: str
    description: str
    headings: tuple[tuple[str, str], ...]   # (anchor id, heading text) in page order
    text: str                               # body without headings, folded: "mat khau manh ..."


def fold_words(text: str) -> str:
    """Text reduced to folded words separated by single spaces (the form search matches on)."""
    return " ".join(re.findall(r"\w+", fold(text)))


class _PageText(HTMLParser):
    """Collects headings and body text of a page's content HTML, skipping excluded elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []   # (tag, starts an excluded subtree)
        self.skipping = 0                         # how many excluded subtrees we are inside
        self.heading: tuple[str, list[str]] | None = None
        self.headings: list[tuple[str, str]] = []
        self.body: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            if tag == "br":
                self.body.append(" ")
            return
        names = dict(attrs)
        excluded = (tag in SKIPPED_TAGS or "data-search-exclude" in names or "hidden" in names
                    or not SKIPPED_CLASSES.isdisjoint((names.get("class") or "").split()))
        self.stack.append((tag, excluded))
        self.skipping += excluded
        if tag in HEADING_TAGS and not self.skipping:
            self.heading = (names.get("id") or "", [])
        if tag in BLOCK_TAGS:
            self.body.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID_TAGS:  # <div/> in HTML is an opening tag
            self.handle_starttag(tag, attrs)
        elif tag == "br":
            self.body.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or not any(t == tag for t, _ in self.stack):
            return  # a stray end tag: ignore rather than unbalance the stack
        while self.stack:
            open_tag, excluded = self.stack.pop()
            self.skipping -= excluded
            if open_tag == tag:
                break
        if tag in HEADING_TAGS and self.heading is not None:
            anchor, words = self.heading
            text = " ".join("".join(words).split())
            if text:
                self.headings.append((anchor, text))
            self.heading = None
        elif tag in BLOCK_TAGS:
            self.body.append(" ")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.heading is not None:
            self.heading[1].append(data)
        else:
            self.body.append(data)


def page_entry(url: str, title: str, description: str, html: str) -> Entry:
    """The search entry of one page, from its rendered content HTML."""
    title, description = plain(title), plain(description)  # front matter arrives escaped for templates
    parser = _PageText()
    parser.feed(html)
    parser.close()
    headings = tuple(h for h in parser.headings if fold_words(h[1]) != fold_words(title))
    return Entry(url=url, title=" ".join((title or "").split()), description=" ".join((description or "").split()),
                 headings=headings, text=fold_words("".join(parser.body)))


def index_script(lang: str, entries: list[Entry]) -> str:
    """The index of one language as a script defining `hvsSearch[lang]` (loads from file:// too).

    Each entry is a compact array: [url, title, description, [[anchor, heading], ...], folded text].
    """
    rows = [[e.url, e.title, e.description, [list(h) for h in e.headings], e.text]
            for e in sorted(entries, key=lambda e: e.url)]
    data = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return f"(self.hvsSearch=self.hvsSearch||{{}})[{json.dumps(lang)}]={data};\n"


def index_path(site_dir: str, lang: str) -> str:
    """Where a language's index is written: `assets/search-<lang>.js` under the site root."""
    return os.path.join(site_dir, "assets", f"search-{lang}.js")


class Collector:
    """Gathers entries page by page during a build, per language, and writes each language's index.

    cache_file: entries of earlier builds by what the page holds (a warm build parses no page again).
    """

    def __init__(self, cache_file: str | os.PathLike | None = None) -> None:
        self.entries: dict[str, dict[str, Entry]] = {}
        self.cache_file = cache_file
        self.known: dict[str, list] = {}
        if cache_file and os.path.isfile(cache_file):
            try:
                with open(cache_file, encoding="utf-8") as f:
                    self.known = json.load(f)
            except (OSError, ValueError):
                self.known = {}  # a damaged cache is only slower
        self.used: dict[str, list] = {}

    def add(self, lang: str, url: str, title: str, description: str, html: str) -> None:
        key = hashlib.sha1("\0".join((FORMAT, url, title, description, html)).encode("utf-8")).hexdigest()
        row = self.known.get(key)
        if isinstance(row, list) and len(row) == 5:
            entry = Entry(row[0], row[1], row[2], tuple(tuple(h) for h in row[3]), row[4])
        else:
            entry = page_entry(url, title, description, html)
        self.used[key] = [entry.url, entry.title, entry.description, [list(h) for h in entry.headings], entry.text]
        self.entries.setdefault(lang, {})[url] = entry

    def save(self) -> None:
        """Keep this build's entries for the next one (only these: the cache never grows past the site)."""
        if not self.cache_file:
            return
        os.makedirs(os.path.dirname(os.path.abspath(self.cache_file)), exist_ok=True)
        tmp = f"{self.cache_file}.{os.getpid()}"
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(self.used, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, self.cache_file)

    def write(self, site_dir: str, lang: str) -> str:
        """Write the index of `lang` (what was collected so far); return its path."""
        path = index_path(site_dir, lang)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(index_script(lang, list(self.entries.get(lang, {}).values())))
        return path
