"""Author images: checked before the build, turned into right-sized WebP while it runs.

Authors commit JPEG/PNG photos and SVG diagrams next to their lessons. Two jobs here,
neither importing MkDocs:

- `image_problems(docs_dir)`: every committed image over `MAX_BYTES` and every image
  reference without alt text, as `Problem`s with the Markdown file and line.
- `ImagePipeline.rewrite(html, ...)`: each `<img>` of a rendered page gets WebP variants
  in `WIDTHS` (made once per content hash under `.cache/images/`), `srcset`, `sizes`,
  `width`, `height` (no layout shift), `decoding="async"`, and `loading="lazy"` after the
  first image of the page, which a reader sees at once.
"""
from __future__ import annotations

import hashlib
import html as _html
import os
import posixpath
import re
import shutil
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path
from . import fences, safety
from .lessons import DEFAULT_LANG, LANGS
from .problems import Problem

MAX_BYTES = 300 * 1024
# A small file can still hold a huge picture (a PNG of one colour): decoding it would take minutes and GBs.
MAX_PIXELS = 40_000_000
# What Pillow may read each extension as: never another format (EPS would start Ghostscript).
FORMATS = {".jpg": ["JPEG"], ".jpeg": ["JPEG"], ".png": ["PNG"], ".webp": ["WEBP"], ".gif": ["GIF"]}
RASTER = (".jpg", ".jpeg", ".png")
IMAGE_EXTS = (*RASTER, ".svg", ".webp", ".gif")
# Phones are ~360-412 CSS px wide at 1.5-3x; 1200 covers a desktop column at 1.5x.
WIDTHS = (480, 800, 1200)
QUALITY = 72
# The content column of Material is at most about 42rem (~680 px) wide.
SIZES = "(min-width: 60em) 680px, 100vw"

_MD_IMG = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src><[^>]+>|[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attrs(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): _html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTR.finditer(tag)}


def _is_local(src: str) -> bool:
    return bool(src) and not re.match(r"^[a-z][a-z0-9+.-]*:|^//|^#", src, re.I)


# ---------------------------------------------------------------- checks before the build

def _image_refs(text: str) -> list[tuple[int, str, str | None]]:
    """(line, src, alt or None when missing) of every image in a Markdown text, outside code fences."""
    refs = []
    if "![" not in text and "<" not in text:
        return refs  # the usual page: no picture at all, no walk
    for walked in fences.walk(text.splitlines()):
        if walked.code:
            continue
        n, line = walked.n + 1, walked.text
        for m in _MD_IMG.finditer(line):
            refs.append((n, m.group("src").strip("<>"), m.group("alt")))
        for m in _HTML_IMG.finditer(line):
            a = _attrs(m.group(0))
            refs.append((n, a.get("src", ""), a.get("alt")))
    return refs


_SCAN_CACHE: dict[str, tuple[tuple, list[Problem]]] = {}


def _formats(path: Path) -> list[str]:
    return FORMATS.get(path.suffix.lower(), ["JPEG", "PNG"])


def _files(docs: Path) -> list[Path]:
    """Every file under docs (no hidden ones), without following links out of it or into a loop."""
    root = os.path.realpath(docs)
    found = []
    for here, dirs, files in os.walk(docs):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(here, name)
            if not name.startswith(".") and os.path.realpath(path).startswith(root + os.sep) and path.is_file():
                found.append(path)
    return sorted(found)


_SMALLER_VI = "lưu lại hình nhỏ hơn (rộng tối đa 1600 px, JPEG chất lượng 80) rồi thay cho tệp cũ"


def picture_problem(path: Path, rel: str) -> Problem | None:
    """A committed picture that is not what its name says, is cut short, is too many pixels, or (SVG) could run
    script when opened on its own. Checked in bounded time: the size is read from the header first."""
    ext = path.suffix.lower()
    if ext == ".svg":
        return _svg_problem(path, rel)
    if ext not in FORMATS:
        return None
    import warnings

    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=FORMATS[ext]) as im:
                w, h = im.size
                if w * h > MAX_PIXELS:
                    return Problem(rel, 1, "image-pixels", f"the picture is {w} × {h} pixels, too many to process",
                                   "save it at most 1600 px wide (JPEG quality 80) and commit it again",
                                   (f"hình có {w} × {h} điểm ảnh, quá nhiều để máy xử lý", _SMALLER_VI))
                im.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return Problem(rel, 1, "image-pixels", f"the picture has more than {MAX_PIXELS // 1_000_000} million pixels, "
                       "too many to process", "save it at most 1600 px wide (JPEG quality 80) and commit it again",
                       (f"hình có hơn {MAX_PIXELS // 1_000_000} triệu điểm ảnh, quá nhiều để máy xử lý", _SMALLER_VI))
    except Exception as err:  # noqa: BLE001 - whatever Pillow finds wrong with a file, it is the author's problem
        why = ("it is not a " + FORMATS[ext][0] + " file" if isinstance(err, Image.UnidentifiedImageError)
               else "the file is cut short" if "truncat" in str(err).lower() else "its data is damaged")
        why_vi = ("tệp không phải là hình " + FORMATS[ext][0] if isinstance(err, Image.UnidentifiedImageError)
                  else "tệp bị cắt cụt" if "truncat" in str(err).lower() else "dữ liệu của tệp bị hỏng")
        return Problem(rel, 1, "image-corrupt", f"the picture cannot be read: {why}",
                       "open it in an image editor and save it again in the format its name says",
                       (f"máy không đọc được hình này: {why_vi}",
                        f"mở hình bằng một chương trình sửa ảnh và lưu lại đúng định dạng đuôi tên ({ext})"))
    return None


_SVG_ACTIVE = re.compile(r"<\s*(script|foreignobject|iframe|embed|object|handler|listener)\b|\son[a-z]+\s*=|"
                         r"<!entity|javascript:|data:text", re.I)
_SVG_REF = re.compile(r"""(?:xlink:)?href\s*=\s*["']\s*([^"'#\s][^"']*)["']|url\(\s*["']?\s*([^"')#\s][^"')]*)""", re.I)


def _svg_problem(path: Path, rel: str) -> Problem | None:
    """An SVG opened on its own runs its scripts with the site's rights: no script, handlers or outside files."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
        if not re.search(r"<!entity", text, re.I):  # entities are refused below without expanding them
            etree.fromstring(text.encode("utf-8"))
    except (UnicodeDecodeError, etree.ParseError, ValueError) as err:
        return Problem(rel, 1, "image-corrupt", f"the SVG picture is not valid UTF-8 XML ({str(err)[:60]})",
                       "export it again from your drawing program as plain SVG",
                       ("hình SVG này không phải là tệp XML UTF-8 hợp lệ",
                        "xuất lại hình từ chương trình vẽ dưới dạng SVG thường (plain SVG)"))
    active = _SVG_ACTIVE.search(text)
    refs = [a or b for a, b in _SVG_REF.findall(text)]
    outside = next((r for r in refs if not r.startswith("data:image/")), None)
    if active or outside:
        line = text.count("\n", 0, active.start()) + 1 if active else 1
        what = active.group(0).strip() if active else outside
        return Problem(rel, line, "svg-unsafe", f"the SVG holds '{what[:30]}', which could run or load something "
                       "when the picture is opened", "export it again as plain SVG (no scripts, links or "
                       "embedded pages; pictures inside it as data:image)",
                       (f"hình SVG có `{what[:30]}`, thứ có thể chạy mã hoặc tải nội dung khác khi mở hình",
                        "xuất lại hình dưới dạng SVG thường (không có mã chạy, liên kết hay trang nhúng; "
                        "hình bên trong để dạng data:image)"))
    return None


def image_problems(docs_dir: str, texts: dict[str, str] | None = None) -> list[Problem]:
    """Committed images over MAX_BYTES, unreadable or unsafe, and image references with no alt text or leaving
    docs/, each with its path. `texts`: the Markdown files the catalogue has read already, by path."""
    docs = Path(docs_dir)
    files = _files(docs)
    sig = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files
                if p.suffix.lower() in (".md", *IMAGE_EXTS))
    hit = _SCAN_CACHE.get(str(docs))
    if hit and hit[0] == sig:
        return hit[1]
    problems: list[Problem] = []
    big = {p.relative_to(docs).as_posix(): p.stat().st_size for p in files
           if p.suffix.lower() in IMAGE_EXTS and p.stat().st_size > MAX_BYTES}
    referenced: set[str] = set()
    for path in files:
        if path.suffix.lower() in IMAGE_EXTS and path.stat().st_size <= MAX_BYTES:
            found = picture_problem(path, path.relative_to(docs).as_posix())
            if found:
                problems.append(found)
    for md in (p for p in files if p.suffix == ".md"):
        rel = md.relative_to(docs).as_posix()
        text = (texts or {}).get(rel)
        if text is None:
            text, _unreadable = safety.read_markdown(md, rel)  # build_catalogue reports files it cannot read
        for line, src, alt in _image_refs(text or ""):
            if not _is_local(src):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), src.split("#")[0].split("?")[0]))
            if src.startswith(("/", "\\")) or target == ".." or target.startswith("../"):
                problems.append(Problem(rel, line, "image-outside",
                                        f"the picture address '{src[:60]}' leaves the lesson folders",
                                        "put the picture in docs/ (e.g. beside the lesson, in img/) and write its "
                                        "address relative to the lesson: img/picture.png",
                                        (f"địa chỉ hình `{src[:60]}` trỏ ra ngoài các thư mục bài học",
                                         "đặt hình trong docs/ (ví dụ cạnh bài học, trong thư mục img/) và viết "
                                         "địa chỉ tính từ bài học: img/hinh.png")))
                continue
            if alt is None or not alt.strip():
                problems.append(Problem(rel, line, "image-no-alt", f"image '{src}' has no alt text",
                                        "describe the picture in the brackets: ![what it shows](" + src + ")",
                                        (f"hình `{src}` chưa có lời mô tả (cho người không nhìn thấy hình)",
                                         "tả hình trong ngoặc vuông: `![hình cho thấy gì](" + src + ")`")))
            if target in big:
                referenced.add(target)
                problems.append(Problem(rel, line, "image-too-big",
                                        f"image '{src}' is {big[target] // 1024} KB (limit {MAX_BYTES // 1024} KB)",
                                        "save it smaller (at most 1600 px wide, JPEG quality 80) and commit it again",
                                        (f"hình `{src}` nặng {big[target] // 1024} KB (tối đa {MAX_BYTES // 1024} KB)",
                                         _SMALLER_VI)))
    for target, size in big.items():
        if target not in referenced:
            problems.append(Problem(target, 1, "image-too-big",
                                    f"committed image is {size // 1024} KB (limit {MAX_BYTES // 1024} KB)",
                                    "save it smaller (at most 1600 px wide, JPEG quality 80) and commit it again",
                                    (f"tệp hình này nặng {size // 1024} KB (tối đa {MAX_BYTES // 1024} KB)",
                                     _SMALLER_VI)))
    _SCAN_CACHE[str(docs)] = (sig, problems)
    return problems


# ---------------------------------------------------------------- WebP variants

@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    path: Path  # in the cache


def svg_size(path: Path) -> tuple[int, int] | None:
    """(width, height) of an SVG from its width/height attributes or its viewBox."""
    try:
        root = etree.parse(path).getroot()
    except (etree.ParseError, OSError):
        return None

    def num(value: str | None) -> float | None:
        m = re.match(r"^\s*([\d.]+)\s*(px)?\s*$", value or "")
        return float(m.group(1)) if m else None

    w, h = num(root.get("width")), num(root.get("height"))
    if w and h:
        return round(w), round(h)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            bw, bh = float(box[2]), float(box[3])
        except ValueError:
            return None
        if bw > 0 and bh > 0:
            return round(bw), round(bh)
    return None


class ImagePipeline:
    """Makes WebP variants once per image content and rewrites `<img>` tags of pages."""

    def __init__(self, cache_dir: str | Path):
        self.cache = Path(cache_dir)
        self._variants: dict[str, tuple[int, int, list[Variant]]] = {}

    def variants(self, source: Path) -> tuple[int, int, list[Variant]]:
        """(width, height, variants) of a raster image; variants come from the cache when present."""
        stat = source.stat()
        key = f"{source}:{stat.st_mtime_ns}:{stat.st_size}"
        memo = self._variants.get(key)
        if memo and all(v.path.exists() for v in memo[2]):
            return memo
        from PIL import Image, ImageOps

        digest = hashlib.sha1(source.read_bytes()).hexdigest()[:16]
        self.cache.mkdir(parents=True, exist_ok=True)
        with Image.open(source, formats=_formats(source)) as im:
            im = ImageOps.exif_transpose(im)
            width, height = im.size
            widths = [w for w in WIDTHS if w < width] + [min(width, WIDTHS[-1])]
            out = []
            for w in sorted(set(widths)):
                h = max(1, round(height * w / width))
                path = self.cache / f"{digest}-{w}.webp"
                if not path.exists():
                    alpha = "A" in im.mode or "transparency" in im.info  # keep a PNG's transparent parts
                    frame = im if im.mode in ("RGB", "RGBA") else im.convert("RGBA" if alpha else "RGB")
                    tmp = path.with_suffix(".tmp")
                    frame.resize((w, h), Image.LANCZOS).save(tmp, "WEBP", quality=QUALITY, method=4)
                    os.replace(tmp, path)
                out.append(Variant(w, h, path))
        result = (width, height, out)
        self._variants[key] = result
        return result

    def rewrite(self, html: str, page_dest: str, docs_dir: str, site_dir: str) -> str:
        """The page's HTML with every local `<img>` sized and given WebP sources (written into site_dir).

        page_dest: the page's site-relative path (`nguoi-cao-tuoi/x.html`, `en/nguoi-cao-tuoi/x.html`).
        Images are looked up in docs_dir (a translated page may have `name.en.jpg`) and served
        from the place of the author's file, so both languages share one set of WebP files.
        """
        count = 0
        page_dir = posixpath.dirname(page_dest)
        first = page_dest.split("/", 1)[0]
        lang = first if first in LANGS and first != DEFAULT_LANG and "/" in page_dest else None

        def one(m: re.Match) -> str:
            nonlocal count
            tag = m.group(0)
            a = _attrs(tag)
            src = a.get("src", "")
            count += 1
            extra: dict[str, str] = {"decoding": "async"}
            if count > 1:
                extra["loading"] = "lazy"
            found = _source(src, page_dir, lang, docs_dir) if _is_local(src) else None
            if found is None:
                return _set(tag, extra)
            rel, source = found
            folder = posixpath.dirname(rel)
            here = lambda name: posixpath.relpath(posixpath.join(folder, name), page_dir or ".")  # noqa: E731
            if source.suffix.lower() == ".svg":
                extra["src"] = here(posixpath.basename(rel))
                size = svg_size(source)
                if size and "width" not in a:
                    extra.update(width=str(size[0]), height=str(size[1]))
            elif source.suffix.lower() in RASTER:
                try:
                    _, _, variants = self.variants(source)
                except Exception:  # noqa: BLE001 - a corrupt picture never breaks a page; image_problems reports it
                    return _set(tag, extra)
                target_dir = os.path.realpath(Path(site_dir) / folder)
                if not target_dir.startswith(os.path.realpath(site_dir) + os.sep):
                    return _set(tag, extra)
                stem = posixpath.splitext(posixpath.basename(rel))[0]
                names = []
                for v in variants:
                    name = f"{stem}-{v.width}.webp"
                    target = Path(site_dir) / folder / name
                    if not target.exists() or target.stat().st_size != v.path.stat().st_size:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(v.path, target)
                    names.append((here(name), v))
                top = variants[-1]
                extra.update(src=next((n for n, v in names if v.width >= 800), names[-1][0]),
                             srcset=", ".join(f"{n} {v.width}w" for n, v in names), sizes=SIZES,
                             width=str(top.width), height=str(top.height))
            return _set(tag, extra)

        return _HTML_IMG.sub(one, html)


def _source(src: str, page_dir: str, lang: str | None, docs_dir: str) -> tuple[str, Path] | None:
    """(docs-relative path, file) of the author's image an `<img src>` of a page points at.

    Only files inside docs_dir: an absolute address or one climbing out with '..' gives None, so the
    pipeline never reads a file of the machine nor writes next to where it would be (outside the site).
    """
    path_part = src.split("#")[0].split("?")[0]
    rel = posixpath.normpath(posixpath.join(page_dir, path_part))
    if path_part.startswith(("/", "\\")) or rel == ".." or rel.startswith(("../", "/")) or "\\" in rel:
        return None
    if lang and rel.startswith(lang + "/"):
        rel = rel[len(lang) + 1:]
    stem, ext = posixpath.splitext(rel)
    root = os.path.realpath(docs_dir)
    for candidate in ([f"{stem}.{lang}{ext}"] if lang else []) + [rel]:
        path = Path(docs_dir) / candidate
        if path.is_file() and os.path.realpath(path).startswith(root + os.sep):
            return candidate, path
    return None


def _set(tag: str, values: dict[str, str]) -> str:
    """The tag with attributes replaced or added."""
    for key, value in values.items():
        quoted = _html.escape(value, quote=True)
        pattern = re.compile(rf"""\s{re.escape(key)}\s*=\s*("[^"]*"|'[^']*')""", re.I)
        if pattern.search(tag):
            tag = pattern.sub(lambda _m: f' {key}="{quoted}"', tag, count=1)
        else:
            tag = re.sub(r"\s*(/?)>$", lambda m: f' {key}="{quoted}"' + (" />" if m.group(1) else ">"), tag, count=1)
    return tag
