"""Author images: the 300 KB and alt-text checks, and WebP variants with sizes on every <img>."""
from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

import hvs_bench as bench
from hocvuso import images

IMG = Path(__file__).resolve().parent / "fixtures" / "images"


def _noise_jpeg(path: Path, side: int = 700) -> Path:
    """A JPEG well over 300 KB (noise does not compress)."""
    rnd = random.Random(7)
    Image.frombytes("RGB", (side, side), rnd.randbytes(side * side * 3)).save(path, quality=95)
    assert path.stat().st_size > images.MAX_BYTES
    return path


def _attrs(tag: str) -> dict[str, str]:
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag))


def test_big_image_and_missing_alt_are_problems_with_the_markdown_line(tmp_path):
    docs = tmp_path / "docs"
    (docs / "hoc-sinh" / "img").mkdir(parents=True)
    _noise_jpeg(docs / "hoc-sinh" / "img" / "lon.jpg")
    _noise_jpeg(docs / "hoc-sinh" / "img" / "khong-dung.jpg")
    shutil.copy(IMG / "anh.jpg", docs / "hoc-sinh" / "img" / "anh.jpg")
    (docs / "hoc-sinh" / "bai.md").write_text(
        "# Bài\n\n![Ảnh lớn](img/lon.jpg)\n\n![](img/anh.jpg)\n\n```\n![](img/anh.jpg)\n```\n"
        '<img src="img/anh.jpg">\n![Có mô tả](img/anh.jpg)\n', encoding="utf-8")
    found = {(p.path, p.line, p.code) for p in images.image_problems(str(docs))}
    assert found == {
        ("hoc-sinh/bai.md", 3, "image-too-big"),
        ("hoc-sinh/bai.md", 5, "image-no-alt"),
        ("hoc-sinh/bai.md", 10, "image-no-alt"),
        ("hoc-sinh/img/khong-dung.jpg", 1, "image-too-big"),  # committed, referenced nowhere: its own path
    }
    text = str(next(p for p in images.image_problems(str(docs)) if p.line == 3))
    assert text.startswith("hoc-sinh/bai.md:3: ") and "KB" in text and text.endswith("[image-too-big]")


def test_svg_size_comes_from_the_viewbox(tmp_path):
    assert images.svg_size(IMG / "hinh.svg") == (640, 360)
    sized = tmp_path / "a.svg"
    sized.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="200px" height="100" viewBox="0 0 20 10"/>')
    assert images.svg_size(sized) == (200, 100)


def test_rewrite_gives_webp_srcset_sizes_and_lazy_after_the_first(tmp_path):
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "hoc-sinh" / "img").mkdir(parents=True)
    for name in ("anh.jpg", "so-do.png", "hinh.svg"):
        shutil.copy(IMG / name, docs / "hoc-sinh" / "img" / name)
    html = ('<p><img alt="Ảnh" src="img/anh.jpg" /></p><p><img alt="Sơ đồ" src="img/so-do.png" /></p>'
            '<p><img alt="Hình" src="img/hinh.svg" /></p><img alt="x" src="https://example.org/a.png">')
    pipeline = images.ImagePipeline(tmp_path / "cache")
    out = pipeline.rewrite(html, "hoc-sinh/bai.html", str(docs), str(site))
    tags = [_attrs(t) for t in re.findall(r"<img[^>]*>", out)]
    photo, small, svg, remote = tags
    assert photo["srcset"] == "img/anh-480.webp 480w, img/anh-800.webp 800w, img/anh-1000.webp 1000w"
    assert (photo["src"], photo["width"], photo["height"]) == ("img/anh-800.webp", "1000", "667")
    assert photo["sizes"] and photo["decoding"] == "async" and "loading" not in photo  # the first image loads at once
    assert small["srcset"] == "img/so-do-300.webp 300w" and (small["width"], small["height"]) == ("300", "200")
    assert small["loading"] == "lazy" and svg["loading"] == "lazy" and remote["loading"] == "lazy"
    assert (svg["src"], svg["width"], svg["height"]) == ("img/hinh.svg", "640", "360")
    for name, width in (("anh-480.webp", 480), ("anh-800.webp", 800), ("anh-1000.webp", 1000)):
        with Image.open(site / "hoc-sinh" / "img" / name) as im:
            assert im.format == "WEBP" and im.width == width
    assert (site / "hoc-sinh" / "img" / "anh-800.webp").stat().st_size < (IMG / "anh.jpg").stat().st_size
    # The English page shares the same files, found from the author's folder.
    en = pipeline.rewrite('<img alt="Photo" src="img/anh.jpg">', "en/hoc-sinh/bai.html", str(docs), str(site))
    assert 'src="../../hoc-sinh/img/anh-800.webp"' in en


def test_variants_are_cached_by_content(tmp_path):
    src = tmp_path / "a.jpg"
    shutil.copy(IMG / "anh.jpg", src)
    images.ImagePipeline(tmp_path / "cache").variants(src)
    made = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()}
    assert len(made) == 3
    copy = tmp_path / "b.jpg"
    shutil.copy(src, copy)  # same content, new name, new pipeline (a new build): nothing re-encoded
    images.ImagePipeline(tmp_path / "cache").variants(copy)
    assert {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()} == made


@pytest.fixture(scope="module")
def image_project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("img-project")
    docs = bench.write_corpus(folder / "docs", 2, IMG / "anh.jpg")
    return folder, docs


def test_build_sizes_every_image_and_stops_on_a_big_one(image_project):
    folder, docs = image_project
    config = bench.project_config(folder, docs, handouts=False)
    bench.build(config, folder / "site")
    page = bench.lesson_page(folder / "site", "en")
    tags = re.findall(r"<img[^>]*>", (folder / "site" / page).read_text(encoding="utf-8"))
    assert len(tags) == 2 and all('srcset="' in t and 'width="1000"' in t and 'height="667"' in t for t in tags)
    assert 'loading="lazy"' not in tags[0] and 'loading="lazy"' in tags[1]
    for ref in re.findall(r'srcset="([^"]+)"', tags[0])[0].split(", "):
        assert (folder / "site" / Path(page).parent / ref.split()[0]).resolve().is_file()
    # An author commits a 500 KB photo: the build stops and names the file and line.
    lesson = next(docs.glob("*/bai-0001.md"))
    _noise_jpeg(lesson.parent / "img" / "anh.jpg")
    with pytest.raises(RuntimeError) as failed:
        bench.build(config, folder / "site2")
    rel = lesson.relative_to(docs).as_posix()
    assert re.search(rf"{re.escape(rel)}:\d+: image 'img/anh.jpg' is \d+ KB .*\[image-too-big\]", str(failed.value))
