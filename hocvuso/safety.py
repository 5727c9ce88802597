"""Lessons are untrusted input (DESIGN §10): the checks that keep a stranger's lesson harmless.

Provinces take lessons from many teachers, so nothing a lesson tree holds may read a file
outside docs/ into the output, write outside the site, run script in a reader's browser,
hang the build or crash it. This module holds the checks of the source (every file read
safely, YAML without anchors, no raw HTML, no `javascript:` links, no event-handler
attributes, no symlinks leaving the tree, no active file types) and the escaping of front
matter for templates that print it raw. Each check gives a `Problem` with the file, the line
and a stable code; the build stops before anything is rendered. The Markdown side
(hocvuso/inert.py) and the handout fetcher (hocvuso/handouts.py) are the second line.

Plain Python on PyYAML and MarkupSafe: no MkDocs, no Markdown.
"""
from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from . import fences
from .problems import Problem

# A lesson is a few KB (the longest page here is 15 KB); a bigger file is a mistake, and the cap bounds the time
# of every later step: within both caps below, the worst 64 KB file takes Markdown about 4 s (measured here).
MAX_MARKDOWN_BYTES = 64 * 1024
# Python-Markdown's link parsing takes time growing with the square of the '[' in one paragraph (4,000 take
# 10 s), and it recurses once per level of nesting (about 250 levels of '!!!' boxes crash it). Far above
# what a lesson needs, far below what hurts.
MAX_BRACKETS = 120
MAX_INDENT = 64  # columns, about 16 levels
MAX_QUOTES = 16
IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg")
# Files a browser would run as a page or a script: never published from docs/.
ACTIVE_EXTS = (".html", ".htm", ".xhtml", ".xht", ".shtml", ".js", ".mjs", ".cjs", ".xml", ".xsl", ".xslt",
               ".svgz", ".wasm", ".swf", ".php", ".py", ".sh", ".exe")
SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]*$")
LESSON_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.en)?\.md$")
# Link targets a lesson may use: the web, e-mail and phone numbers; everything else relative.
LINK_SCHEMES = ("http", "https", "mailto", "tel")
# Attributes a lesson may set with `{ key=value }` (attr_list) or a block's `attrs:`.
ATTR_KEYS = frozenset({"width", "height", "title", "lang", "dir", "loading", "alt", "class", "id"})


def _problem(path: str, line: int, code: str, message: str, fix: str, vi: tuple[str, str] | None = None) -> Problem:
    return Problem(path, line, code, message, fix, vi)


def _shown(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- reading a file

def read_markdown(path: Path, rel: str) -> tuple[str | None, list]:
    """The text of a Markdown file, or None and the problem: too big, not UTF-8, unreadable.

    A byte-order mark is accepted and dropped; Windows and old Mac line ends become '\\n'.
    """
    try:
        if path.stat().st_size > MAX_MARKDOWN_BYTES:
            return None, [_problem(rel, 1, "file-too-big",
                                   f"the file is {path.stat().st_size // 1024} KB (a lesson is at most "
                                   f"{MAX_MARKDOWN_BYTES // 1024} KB)",
                                   "split it into several lessons, or remove what was pasted by mistake",
                                   (f"tệp nặng {path.stat().st_size // 1024} KB (một bài học tối đa "
                                    f"{MAX_MARKDOWN_BYTES // 1024} KB)",
                                    "chia thành vài bài học nhỏ hơn, hoặc xóa phần lỡ dán vào"))]
        raw = path.read_bytes()
    except OSError as err:
        return None, [_problem(rel, 1, "file-unreadable", f"the file cannot be read ({err.strerror or err})",
                               "check that it is a normal file you can open, then run the check again",
                               ("máy không mở được tệp này",
                                "kiểm tra đây là tệp bình thường mà bạn mở được, rồi chạy kiểm tra lại"))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [_problem(rel, line, "encoding-not-utf8",
                               f"the file is not saved as UTF-8 (byte 0x{raw[err.start]:02X} on this line; an old "
                               "Vietnamese encoding such as Windows-1258, TCVN3 or VNI?)",
                               "open it in your editor and save it again with the encoding 'UTF-8'",
                               (f"tệp không được lưu theo bảng mã UTF-8 (byte 0x{raw[err.start]:02X} ở dòng này; "
                                "có thể là bảng mã cũ như Windows-1258, TCVN3 hay VNI)",
                                "mở tệp trong trình soạn thảo và lưu lại với bảng mã (encoding) `UTF-8`"))]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        return None, [_problem(rel, line, "text-control-char",
                               f"the file holds an invisible control character (U+{ord(bad.group()):04X}) on this line",
                               "delete and retype the line; the file may have been pasted from another program",
                               (f"dòng này có một ký tự điều khiển vô hình (U+{ord(bad.group()):04X})",
                                "xóa dòng này rồi gõ lại; có thể chữ được dán từ một chương trình khác"))]
    return text, []


# ---------------------------------------------------------------- YAML

class YamlError(Exception):
    """YAML that cannot be read: the 0-based line and the reason, in plain words (alias: anchors were used).

    `vi` is (what is wrong, how to fix it) in Vietnamese words, never the parser's text.
    """

    def __init__(self, line: int, reason: str, alias: bool = False, vi: tuple[str, str] | None = None):
        super().__init__(reason)
        self.line = line
        self.reason = reason
        self.alias = alias
        self.vi = vi or (_VI_GENERIC, _VI_GENERIC_FIX)


_VI_GENERIC = "máy không đọc được dòng này (viết sai cách)"
_VI_GENERIC_FIX = ("xem lại dòng này và dòng ngay trên nó: mỗi dòng là `tên: giá trị`, thụt lề bằng dấu cách, "
                   "giá trị có dấu `:` hoặc `#` thì đặt trong ngoặc kép")
_KEY_LINE = re.compile(r"^(\s*)([^\s:#'\"\[\]{}-][^:#]*?):\s+(.*\S)\s*$")


def _yaml_words(exc: Exception, text: str) -> tuple[int, str, tuple[str, str]]:
    """(0-based line the author must look at, English reason, Vietnamese (reason, fix)) of a PyYAML error.

    The line is where the mistake was made, not where the parser noticed it: an unclosed quote or
    bracket is reported where it opened, a missing ':' on the line that lacks it.
    """
    problem = getattr(exc, "problem", None) or ""
    context = getattr(exc, "context", None) or ""
    pmark = getattr(exc, "problem_mark", None)
    cmark = getattr(exc, "context_mark", None)
    line = (pmark or cmark).line if (pmark or cmark) else 0
    lines = text.split("\n")
    reason = problem or "invalid YAML"

    def at(n: int) -> str:
        return lines[n] if 0 <= n < len(lines) else ""

    if "\t" in at(line):
        return line, "a tab character: indent with spaces", (
            "dòng này có ký tự tab (phím Tab) ở chỗ thụt lề",
            "xóa ký tự tab và thụt lề bằng dấu cách (phím cách), ví dụ 2 dấu cách trước `- …`")
    if "constructor for the tag" in problem:
        return line, "YAML tags ('!!…') are not allowed", (
            "dòng này có thẻ YAML (bắt đầu bằng `!`), bài học không được dùng",
            "xóa phần bắt đầu bằng `!` và chỉ viết giá trị")
    opened = _unclosed_quote(lines[:line + 1])
    if ("quoted scalar" in context and cmark) or opened:
        # A quote left open swallows the next lines up to the next quote: the parser stops later, elsewhere.
        n, quote = opened or (cmark.line, at(cmark.line)[cmark.column:cmark.column + 1] or '"')
        name = "dấu ngoặc kép" if quote == '"' else "dấu nháy đơn"
        return n, reason, (
            f"{name} {quote} mở ở dòng này nhưng thiếu {name} đóng",
            f"thêm {quote} vào cuối giá trị: `{_shown(at(n).strip(), 50)}{quote}`")
    if "flow sequence" in context or "flow mapping" in context:
        n = cmark.line if cmark else line
        opened, closed = ("[", "]") if "sequence" in context else ("{", "}")
        return n, reason, (
            f"dấu {opened} mở ở dòng này nhưng thiếu dấu {closed} đóng",
            f"thêm dấu {closed} ở cuối danh sách, ví dụ `competencies: [\"2.1\", \"4.2\"]`; nếu chữ có dấu "
            f"{opened} thì đặt cả giá trị trong ngoặc kép")
    if "could not find expected ':'" in problem:
        n = cmark.line if cmark else line
        return n, reason, (
            "dòng này thiếu dấu hai chấm `:` sau tên",
            "viết `tên: giá trị`, có dấu `:` rồi một dấu cách, ví dụ `order: 3`")
    if "mapping values are not allowed" in problem:
        own = at(line)
        m = _KEY_LINE.match(own)
        if own[:1].isspace() and line and not at(line - 1).rstrip().endswith(":"):
            return line, reason, (
                "dòng này bị thụt vào đầu dòng, không thẳng hàng với dòng trên",
                "xóa các dấu cách ở đầu dòng để tên khóa sát lề trái như các dòng khác")
        if m and ":" in m.group(3) and '"' not in m.group(3):
            key, value = m.group(2), m.group(3)
            return line, reason, (
                f"giá trị của `{key}` có dấu hai chấm `:`, máy hiểu nhầm là một tên mới",
                f"đặt cả giá trị trong dấu ngoặc kép: `{key}: \"{_shown(value, 50)}\"`")
        return line, reason, (
            "dòng này có dấu hai chấm `:` ở chỗ máy không chờ",
            "nếu giá trị có dấu `:` thì đặt cả giá trị trong dấu ngoặc kép, ví dụ `description: \"Lưu ý: …\"`")
    if any(x in problem for x in ("did not find expected key", "expected <block end>", "did not find expected '-'",
                                  "block sequence entries are not allowed")) or "block end" in problem:
        return line, reason, (
            "dòng này thụt lề không thẳng hàng với các dòng cùng cấp",
            "thụt mọi dòng `- …` của một danh sách bằng cùng số dấu cách (ví dụ 2) và để các tên khóa sát lề trái")
    if "unhashable" in problem or "unhashable" in context:
        return line, reason, (
            "một tên khóa ở dòng này được viết như danh sách hay bảng",
            "viết tên khóa là chữ thường, ví dụ `title: …`")
    return line, reason, (_VI_GENERIC, _VI_GENERIC_FIX)


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+)?(["'])(.*)$""")


def _unclosed_quote(lines: list[str]) -> tuple[int, str] | None:
    """(0-based line, quote) of the first value that opens a quote and does not close it on its line."""
    for n, line in enumerate(lines):
        m = _QUOTED_VALUE.match(line)
        if not m:
            continue
        quote, rest = m.groups()
        rest = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in rest:
            return n, quote
    return None


def _duplicate_key(node: Any) -> tuple[int, str] | None:
    """(0-based line, key) of a key written twice in one mapping: PyYAML keeps the last one without a word."""
    stack = [node]
    while stack:
        here = stack.pop()
        if isinstance(here, yaml.MappingNode):
            seen = set()
            for key, value in here.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        return key.start_mark.line, key.value
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(here, yaml.SequenceNode):
            stack += here.value
    return None


_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: fast, and it limits nesting depth


class _Loader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """Safe YAML without implicit dates: `updated: 2026-02-30` is text to check, not a crash in PyYAML."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    """Parse YAML the way a lesson may write it; raise YamlError for anything else."""
    return load_yaml_node(text)[0]


def load_yaml_node(text: str) -> tuple[Any, Any]:
    """(data, node tree) of YAML parsed once, the node tree giving each value's line; raise YamlError.

    Anchors and aliases (`&x`, `*x`) are refused before parsing: a few hundred bytes of them
    expand to billions of values. libyaml bounds nesting; every other failure (an impossible
    number, an unhashable key) becomes a YamlError too, never a traceback.
    """
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                raise YamlError(token.start_mark.line, "'&' and '*' (YAML anchors and aliases) are not allowed",
                                alias=True, vi=("dòng này có dấu `&` hoặc `*` (neo YAML), bài học không được dùng",
                                                "viết đầy đủ từng giá trị, không dùng `&` và `*`"))
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            twice = _duplicate_key(node)
            if twice:
                raise YamlError(twice[0], f"the key '{_shown(twice[1], 30)}' is written twice", vi=(
                    f"tên `{_shown(twice[1], 30)}` được viết hai lần; máy chỉ giữ lần sau",
                    f"xóa một trong hai dòng `{_shown(twice[1], 30)}: …`"))
            return (loader.construct_document(node) if node is not None else None), node
        finally:
            loader.dispose()
    except YamlError:
        raise
    except yaml.YAMLError as exc:
        line, reason, vi = _yaml_words(exc, text)
        raise YamlError(line, reason, vi=vi) from None
    except (ValueError, TypeError, OverflowError, RecursionError, MemoryError) as exc:
        raise YamlError(_failing_line(text), f"a value YAML cannot hold: {_shown(str(exc), 50)}", vi=(
            "máy không đọc được giá trị ở dòng này (quá lớn hoặc viết lạ)",
            "viết lại giá trị cho ngắn và đơn giản, ví dụ `order: 3`")) from None


def _failing_line(text: str) -> int:
    """The line of the first value that cannot be constructed (a 5,000-digit number): errors without a mark."""
    stack = [compose_yaml(text)]
    while stack:
        node = stack.pop(0)
        if isinstance(node, yaml.ScalarNode):
            try:
                _Loader("").construct_object(node)
            except Exception:  # noqa: BLE001 - this is the value that failed
                return node.start_mark.line
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
        elif isinstance(node, yaml.MappingNode):
            stack += [x for pair in node.value for x in pair]
    return 0


def compose_yaml(text: str):
    """The YAML node tree (for key lines), or None; only called on YAML that load_yaml accepted."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except Exception:  # noqa: BLE001 - line numbers are a courtesy, never a crash
        return None


# ---------------------------------------------------------------- the tree

def tree_problems(docs_dir: str) -> list:
    """Symlinks leaving docs/ or pointing at folders, unsafe file names, files a browser would run."""
    root = os.path.realpath(docs_dir)
    problems = []
    for here, dirs, files in os.walk(docs_dir):
        rel_dir = os.path.relpath(here, docs_dir).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in [*dirs]:
            full = os.path.join(here, name)
            if os.path.islink(full):
                dirs.remove(name)  # never walked: a link to a parent folder would loop for ever
                problems.append(_problem(rel_dir + name, 1, "symlink-folder",
                                         "this folder is a symbolic link; the site only publishes real folders",
                                         "replace the link with a real folder (copy what it pointed to)",
                                         ("thư mục này là một liên kết tắt (symbolic link); trang chỉ đăng thư mục "
                                          "thật", "thay liên kết bằng một thư mục thật (chép những gì nó trỏ tới)")))
            elif not SAFE_NAME.match(name):
                problems.append(_name_problem(rel_dir + name))
        for name in sorted(files):
            if name.startswith("."):
                continue
            rel = rel_dir + name
            full = os.path.join(here, name)
            if os.path.islink(full):
                target = os.path.realpath(full)
                if not (target.startswith(root + os.sep) and os.path.isfile(target)):
                    problems.append(_problem(rel, 1, "symlink-outside",
                                             "this file is a symbolic link to something outside docs/ "
                                             "(or to nothing)",
                                             "replace the link with a copy of the file inside docs/",
                                             ("tệp này là một liên kết tắt (symbolic link) trỏ ra ngoài thư mục "
                                              "docs/ (hoặc trỏ vào chỗ không có gì)",
                                              "thay liên kết bằng một bản chép của tệp, đặt trong docs/")))
                    continue
            if not SAFE_NAME.match(name):
                problems.append(_name_problem(rel))
            ext = os.path.splitext(name)[1].lower()
            top = rel.split("/", 1)[0]
            if ext in ACTIVE_EXTS and top != "_data":
                problems.append(_problem(rel, 1, "file-type",
                                         f"a '{ext}' file would be published as it is and could run in readers' "
                                         "browsers", "remove it: lessons are Markdown (.md) with pictures "
                                         "(.jpg, .png, .webp, .gif, .svg)",
                                         (f"tệp đuôi `{ext}` sẽ được đăng nguyên trạng và có thể chạy trên máy "
                                          "người đọc", "xóa tệp này: bài học là tệp Markdown (.md) kèm hình "
                                          "(.jpg, .png, .webp, .gif, .svg)")))
    return problems


def _name_problem(rel: str):
    return _problem(rel, 1, "file-name", f"the name '{_shown(rel.rsplit('/', 1)[-1])}' has characters a web "
                                         "address cannot hold", "rename it with lowercase letters, digits and '-' "
                                         "only, without spaces or diacritics (e.g. goi-video-zalo.md)",
                    (f"tên `{_shown(rel.rsplit('/', 1)[-1])}` có ký tự không dùng được trong địa chỉ trang web",
                     "đổi tên chỉ dùng chữ thường không dấu, chữ số và dấu `-`, không có dấu cách "
                     "(ví dụ goi-video-zalo.md)"))


def lesson_name_problem(rel: str):
    """A lesson's file name becomes its address and its handout's: lowercase, digits and '-' only."""
    if LESSON_NAME.match(rel.rsplit("/", 1)[-1]):
        return None
    return _name_problem(rel)


# ---------------------------------------------------------------- Markdown text

# What Python-Markdown would pass through as HTML: '<' then a letter, '/', '!' or '?'.
_TAG = re.compile(r"<[A-Za-z/!?]")
_AUTOLINK = re.compile(r"<(?:https?://[^<>\s\"'`]*|[\w.+-]+@[\w.-]+)>", re.I)
_ESCAPE = re.compile(r"\\.")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REF_TARGET = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S*?)>?(?:[ \t]|$)", re.M)
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*=[^{}\n]*)\}")
_ATTR_KEY = re.compile(r"""([^\s={}"']+)\s*=""")
_BLOCK_ATTRS = re.compile(r"^[ \t]+attrs[ \t]*:(.*)$")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f\\]+")


def unsafe_scheme(url: str) -> str | None:
    """The scheme of a link target a lesson may not use (`javascript`, `data`, `file`…), or None.

    Browsers drop tabs, newlines and spaces inside a scheme, and Markdown drops backslashes
    ('javascript\\:'), so those go before looking.
    """
    m = _SCHEME.match(_INVISIBLE.sub("", html.unescape(url)).lower())
    return m.group(1) if m and m.group(1) not in LINK_SCHEMES else None


def is_web_address(url: str) -> bool:
    """A full http(s) address with a host and nothing a browser would read as markup or a new attribute."""
    return bool(re.fullmatch(r"https?://[^\s/?#<>\"'`\\]+[^\s<>\"'`\\]*", url))


def markdown_problems(path: str, body: str, first_line: int) -> list:
    """Raw HTML, unsafe link targets and unsafe attributes in a lesson's Markdown, one problem per line.

    Raw HTML is refused everywhere in a lesson, code included: lessons never need it, and a
    check that guessed where Markdown sees code could be fooled. `&lt;` shows a '<'.
    """
    problems = []
    lines = body.split("\n")
    seen: set[tuple[int, str]] = set()

    def add(n: int, code: str, message: str, fix: str, vi: tuple[str, str]) -> None:
        if (n, code) not in seen:
            seen.add((n, code))
            problems.append(_problem(path, first_line + n, code, message, fix, vi))

    for n, line in enumerate(lines):
        visible = _AUTOLINK.sub("", _ESCAPE.sub("  ", line))
        tag = _TAG.search(visible)
        if tag:
            add(n, "raw-html", f"HTML in a lesson ('{_shown(visible[tag.start():], 24)}')",
                "write it in Markdown; to show a '<' as text write '&lt;'",
                (f"bài học có mã HTML (`{_shown(visible[tag.start():], 24)}`)",
                 "viết bằng Markdown; muốn hiện dấu `<` như chữ thường thì viết `&lt;`"))
        fence = fences.mention(line) if "///" in line else None
        if fence and not fence[0].strip(" \t>") and fence[1].lower() == "html":  # in a quote too
            add(n, "raw-html", "an '/// html' block in a lesson", "write the content in Markdown instead",
                ("bài học có khối `/// html`", "viết nội dung bằng Markdown thay cho khối này"))
        for m in _ATTR_LIST.finditer(line):
            bad = [k for k in _ATTR_KEY.findall(m.group(1)) if k.lower() not in ATTR_KEYS]
            if bad:
                add(n, "attr-unsafe", f"the attribute '{_shown(bad[0], 20)}' in '{{…}}'",
                    "a lesson may set only " + ", ".join(sorted(ATTR_KEYS - {"class", "id"})) +
                    ", '.class' and '#id'; remove the others",
                    (f"thuộc tính `{_shown(bad[0], 20)}` trong `{{…}}` không được phép",
                     "bài học chỉ được đặt " + ", ".join(sorted(ATTR_KEYS - {"class", "id"})) +
                     ", `.class` và `#id`; xóa các thuộc tính khác"))
        attrs = _BLOCK_ATTRS.match(line)
        if attrs and n and any(x.strip().startswith("///") for x in lines[max(0, n - 3):n]):
            keys = re.findall(r"([^\s{},:\"']+)\s*:", attrs.group(1))
            bad = [k for k in keys if k.lower() not in ATTR_KEYS]
            if bad:
                add(n, "attr-unsafe", f"the attribute '{_shown(bad[0], 20)}' under 'attrs:'",
                    "a block may set only " + ", ".join(sorted(ATTR_KEYS)) + "; remove the others",
                    (f"thuộc tính `{_shown(bad[0], 20)}` dưới `attrs:` không được phép",
                     "một khối chỉ được đặt " + ", ".join(sorted(ATTR_KEYS)) + "; xóa các thuộc tính khác"))
    problems += _complexity_problems(path, lines, first_line)
    for regex in (_LINK_TARGET, _REF_TARGET):
        for m in regex.finditer(body):
            scheme = unsafe_scheme(m.group(1))
            if scheme:
                n = body.count("\n", 0, m.start(1))
                add(n, "link-unsafe", f"a link or picture address starting with '{scheme}:'",
                    "link only to web pages (https://…), e-mail (mailto:), phone numbers (tel:) or files of "
                    "the site (img/picture.png)",
                    (f"một liên kết hoặc địa chỉ hình bắt đầu bằng `{scheme}:`",
                     "chỉ liên kết tới trang web (https://…), thư điện tử (mailto:), số điện thoại (tel:) hoặc "
                     "tệp của trang (img/hinh.png)"))
    return problems


def _complexity_problems(path: str, lines: list[str], first_line: int) -> list:
    """Paragraphs and nesting that would make Markdown take minutes or crash: one problem each."""
    out = []
    start, brackets = 0, 0
    for n, line in enumerate([*lines, ""]):
        if not line.strip():
            if brackets > MAX_BRACKETS:
                out.append(_problem(path, first_line + start, "text-too-complex",
                                    f"this paragraph has {brackets} '[' characters (at most {MAX_BRACKETS})",
                                    "split it into shorter paragraphs, or write the brackets as '&#91;'",
                                    (f"đoạn văn này có {brackets} dấu `[` (tối đa {MAX_BRACKETS})",
                                     "chia thành các đoạn ngắn hơn, hoặc viết dấu ngoặc là `&#91;`")))
            start, brackets = n + 1, 0
            continue
        brackets += line.count("[")
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
        quotes = len(re.match(r"^(?:[ \t]*>)*", line).group(0).replace(" ", "").replace("\t", ""))
        if indent > MAX_INDENT or quotes > MAX_QUOTES:
            out.append(_problem(path, first_line + n, "text-too-complex",
                                f"this line is nested {max(indent // 4, quotes)} levels deep",
                                "indent by at most 16 levels (64 spaces) and nest at most 16 quotes",
                                (f"dòng này lồng sâu {max(indent // 4, quotes)} cấp",
                                 "thụt lề tối đa 16 cấp (64 dấu cách) và lồng tối đa 16 lớp trích dẫn `>`")))
    return out


# ---------------------------------------------------------------- front matter in templates

def escaped(value: Any) -> Any:
    """Front-matter text made safe for templates that print it raw (Material's `<title>`, meta, nav).

    Markup is not escaped twice, so templates that do escape (`| e`) show the same text.
    """
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup.escape(value)


def escape_meta(meta: dict) -> dict:
    """A page's front matter with every text value escaped, in place (lists and keys untouched)."""
    for key, value in list(meta.items()):
        meta[key] = escaped(value)
    return meta


def plain(value: Any) -> str:
    """Text for places that escape themselves (search index, JSON): escaped titles back to plain text."""
    if value is None:
        return ""
    return html.unescape(str(value)) if isinstance(value, Markup) else str(value)
