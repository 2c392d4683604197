"""Built galleries: every <img> is described, sized and served from existing derivatives."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from PIL import Image

from tests.conftest import copy_sample_hall, run_mkdocs


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("img", "source", "a"):
            self.tags.append((tag, dict(attrs)))


def parse(path: Path) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Images()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


def resolve(site: Path, page: Path, url: str) -> Path:
    base = "/" + page.relative_to(site).as_posix()
    return site / unquote(urljoin(base, url.split("#")[0].split("?")[0])).lstrip("/")


def srcset_urls(value: str) -> list[tuple[str, int]]:
    items = []
    for part in value.split(","):
        url, width = part.strip().rsplit(" ", 1)
        items.append((url, int(width.rstrip("w"))))
    return items


def test_every_img_has_alt_size_and_existing_sources(site: Path):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10
    photos = 0
    for page in pages:
        for tag, attrs in parse(page):
            src = attrs.get("src") or ""
            if tag == "img":
                # a picture beside the words that name its link is marked as decoration, not left unnamed
                decorative = attrs.get("alt") == "" and attrs.get("aria-hidden") == "true"
                assert attrs.get("alt") or decorative, f"{page}: <img src={src}> has no alt text"
                if src.startswith("data:"):
                    continue
                assert resolve(site, page, src).is_file(), f"{page}: missing {src}"
            if tag in ("img", "source") and attrs.get("srcset"):
                for url, width in srcset_urls(attrs["srcset"]):
                    file = resolve(site, page, url)
                    assert file.is_file(), f"{page}: missing {url}"
                    with Image.open(file) as image:
                        assert image.width == width, f"{page}: {url} is {image.width} px, srcset says {width}w"
                assert attrs.get("sizes"), f"{page}: srcset without sizes"
            if tag == "img" and "/media/" in src:
                photos += 1
                assert attrs.get("width") and attrs.get("height"), f"{page}: {src} has no width/height"
                with Image.open(resolve(site, page, src)) as image:
                    assert (image.width, image.height) == (int(attrs["width"]), int(attrs["height"]))
                assert attrs.get("loading") in ("lazy", "eager") and attrs.get("decoding") == "async"
                assert "background-image:url(data:image/webp;base64," in (attrs.get("style") or "")
            if tag == "a" and "hall-figure__zoom" in (attrs.get("class") or ""):
                file = resolve(site, page, attrs["href"])
                with Image.open(file) as image:  # the no-JS link is the large rendition, with its true size
                    assert (image.width, image.height) == (int(attrs["data-pswp-width"]), int(attrs["data-pswp-height"]))
    assert photos > 20


def test_gallery_markup(site: Path):
    page = site / "exhibits" / "history" / "ming-mosque" / "index.html"
    html = page.read_text(encoding="utf-8")
    gallery = html[html.index('<div class="hall-entry hall-entry--photos hall-gallery"'):]
    gallery = gallery[: gallery.index("</section>")]  # the lead photo, the text, the thumbnails
    assert gallery.count("<picture") == 3 and gallery.count('type="image/webp"') == 3
    loading = re.findall(r'loading="(\w+)"', gallery)
    assert loading == ["eager", "lazy", "lazy"]  # the first photo is above the fold, the rest wait
    assert 'sizes="(min-width: 60em) 26rem, 40vw"' in gallery and 'sizes="(min-width: 60em) 9rem, 34vw"' in gallery
    # by name, by its fingerprinted name, or in the page's bundle of our scripts (hall/mkdocs/assetbundle.py)
    bundles = re.findall(r'src="([^"]*hall-scripts-[^"]+\.js)"', html)
    assert re.search(r"hall-lightbox(\.[0-9a-f]{10})?\.js", html) or any(
        "/* hall-lightbox.js */" in (page.parent / src).read_text(encoding="utf-8") for src in bundles)
    assert "photoswipe" not in html.split("<body", 1)[0]  # loaded only when needed
    assert (site / "assets" / "vendor" / "photoswipe" / "LICENSE").is_file()
    english = (site / "en" / "exhibits" / "history" / "ming-mosque" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../../media/' in english  # one copy of the media, shared by every language


def test_published_media_carry_no_metadata_and_no_originals(site: Path, built_hall: Path):
    files = [f for f in (site / "media").rglob("*") if f.is_file() and f.suffix != ".mp3"]  # audio: test_audio*
    assert files and all(f.suffix in (".webp", ".jpg") for f in files)
    for file in files:
        data = file.read_bytes()
        assert b"Exif" not in data and b"EXIF" not in data and b"ICC_PROFILE" not in data and b"ICCP" not in data
    originals = {p.name for p in (built_hall / "exhibits").rglob("*.jpg")}
    assert not originals & {f.name for f in files}
    # the one photo whose content asks for a download (download: true) has a full-size copy, no other
    assert [f.name for f in files if "-original." in f.name] == ["mosque-courtyard-original.jpg"]
    assert not list(site.rglob("exhibits/**/*.jpg"))
    assert (built_hall / ".cache" / "hall-media" / "manifest.json").is_file()  # cache outside site/


@pytest.mark.parametrize("page, details", [
    ("exhibits/history/ming-mosque/index.html", "（1600 × 900 像素，{size}）"),
    ("en/exhibits/history/ming-mosque/index.html", " (1,600 × 900 px, {size})"),
])
def test_a_photo_offers_its_full_size_download(site: Path, built_hall: Path, page: str, details: str):
    from hall.i18n import format_file_size

    path = site / page
    links = [attrs for tag, attrs in parse(path) if tag == "a" and attrs.get("class") == "hall-figure__download"]
    assert len(links) == 1  # only the photo with download: true
    link = links[0]
    assert "download" in link and link["type"] == "image/jpeg"
    file = resolve(site, path, link["href"])
    assert file.is_file() and file.name == "mosque-courtyard-original.jpg"
    source = built_hall / "exhibits/history/ming-mosque/mosque-courtyard.jpg"
    assert file.read_bytes() != source.read_bytes()
    with Image.open(file) as image, Image.open(source) as original:
        assert image.size == original.size and not image.getexif()
    language = "en" if page.startswith("en/") else "zh"
    label = "Download original" if language == "en" else "下载原图"
    expected = label + details.format(size=format_file_size(file.stat().st_size, language))
    html = path.read_text(encoding="utf-8")
    anchor = html[html.index('<a class="hall-figure__download"'):]
    assert re.sub(r"<[^>]+>", "", anchor[:anchor.index("</a>")]) == expected
    figure = html[:html.index('<a class="hall-figure__download"')].rsplit("<figure", 1)[1]
    assert "mosque-courtyard" in figure  # under its own photo


@pytest.fixture(scope="module")
def variant(tmp_path_factory) -> Path:
    """A copy of the sample hall whose Ming mosque body shows one of its photos inline."""
    project = copy_sample_hall(tmp_path_factory.mktemp("gallery"))
    body = project / "exhibits" / "history" / "ming-mosque" / "zh.md"
    body.write_text(body.read_text(encoding="utf-8") + "\n\n![清真寺细部（示意图）](mosque-detail.jpg)\n", encoding="utf-8")
    run_mkdocs(project, "build")
    return project


def test_body_images_use_the_pipeline(variant: Path):
    html = (variant / "site" / "exhibits" / "history" / "ming-mosque" / "index.html").read_text(encoding="utf-8")
    body = html[html.index('<div class="hall-body"'):]
    assert '<picture class="hall-picture hall-picture--body">' in body
    match = re.search(r'<img src="([^"]+)"[^>]*alt="清真寺细部（示意图）"[^>]*width="(\d+)" height="(\d+)"', body)
    assert match and match.group(1).startswith("../../../media/") and match.group(1).endswith(".jpg")
    assert (variant / "site" / "exhibits" / "history" / "ming-mosque" / match.group(1)).resolve().is_file()
    assert "mosque-detail.jpg)" not in body


def test_a_bad_photo_stops_the_build_and_keeps_the_site(variant: Path):
    site = variant / "site"
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    photo = variant / "exhibits" / "history" / "ming-mosque" / "mosque-courtyard.jpg"
    data = photo.read_bytes()
    photo.write_bytes(data[: len(data) // 2])  # cut off, as by an interrupted copy
    try:
        result = run_mkdocs(variant, "build", check=False)
    finally:
        photo.write_bytes(data)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "exhibits/history/ming-mosque/mosque-courtyard.jpg" in output
    assert "照片文件不完整" in output and "The photo file is incomplete" in output
    assert "Traceback" not in output
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    assert not list(variant.glob(".site.building-*"))
