"""Full-size downloads (``download: true``): every pixel, oriented, sRGB, no metadata, cached."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageCms, JpegImagePlugin

from hall.media import plan as media_plan
from hall.i18n import format_file_size, format_pixels
from hall.media import plan_media, prune_cache, write_media
from tests.test_media import SMALL, is_red, save_jpeg, upright

XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description about="Zhang San"/></x:xmpmeta>'
SECRETS = (b"Exif", b"EXIF", b"Zhang", b"CameraMakerX", b"ICC_PROFILE", b"ICCP", b"XMP", b"xmpmeta",
           b"adobe:ns", b"Secret comment")


def _original(plan, source: str) -> Path:
    return plan.copies[plan.images[source].original.url]


def _cache_originals(root: Path) -> list[Path]:
    return sorted((root / ".cache" / "hall-media").glob("*/*/original-*/original.*"))


@pytest.fixture
def rotated(tmp_path: Path) -> Path:
    """A 1200 x 800 photo stored on its side (EXIF orientation 6), carrying GPS, camera,
    author, an ICC profile, XMP and a comment: everything that must not be published."""
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = save_jpeg(tmp_path / "p.jpg", upright(1200, 800), 6, gps=True, icc_profile=srgb, xmp=XMP,
                     comment=b"Secret comment")
    with Image.open(path) as source:  # the fixture really carries what must go
        assert source.size == (800, 1200) and source.getexif().get_ifd(0x8825)
        assert {"icc_profile", "xmp", "comment", "exif"} <= set(source.info)
    return tmp_path


def test_download_is_full_size_upright_and_carries_no_metadata(rotated: Path):
    plan = plan_media(rotated, ["p.jpg"], SMALL, downloads=["p.jpg"], workers=1)
    assert not plan.problems.errors and plan.decoded == 1
    original = plan.images["p.jpg"].original
    assert (original.width, original.height, original.mime) == (1200, 800, "image/jpeg")
    assert original.url.endswith("/p-original.jpg") and original.url.startswith("media/")
    path = _original(plan, "p.jpg")
    assert original.size == path.stat().st_size
    assert path.read_bytes() != (rotated / "p.jpg").read_bytes()  # re-encoded, never the original's bytes
    with Image.open(path) as out:
        assert out.size == (1200, 800)  # every pixel, larger than any derivative (600)
        rgb = out.convert("RGB")
        assert is_red(rgb.getpixel((20, 20))) and not is_red(rgb.getpixel((1180, 780)))  # upright
        assert not out.getexif()
        assert not {"exif", "xmp", "icc_profile", "comment", "dpi"} & set(out.info)
    data = path.read_bytes()
    for marker in SECRETS:
        assert marker not in data, marker
    assert plan.images["p.jpg"].largest("image/jpeg").width == 600  # the derivatives are as before


def test_jpeg_download_keeps_full_colour_resolution_unless_the_source_had_halved_it(tmp_path: Path):
    save_jpeg(tmp_path / "full.jpg", upright(), subsampling=0)  # 4:4:4
    save_jpeg(tmp_path / "half.jpg", upright(), subsampling=2)  # 4:2:0, what cameras write
    plan = plan_media(tmp_path, ["full.jpg", "half.jpg"], SMALL, downloads=["full.jpg", "half.jpg"], workers=1)
    for source, sampling in (("full.jpg", 0), ("half.jpg", 2)):
        with Image.open(_original(plan, source)) as out:
            assert JpegImagePlugin.get_sampling(out) == sampling, source


def test_png_and_transparent_sources_stay_lossless(tmp_path: Path):
    scan = Image.linear_gradient("L").resize((700, 500))
    scan.save(tmp_path / "scan.png")
    logo = Image.new("RGBA", (600, 400), (200, 20, 20, 255))
    logo.paste((0, 0, 0, 0), (300, 0, 600, 400))
    logo.save(tmp_path / "logo.webp", lossless=True)
    plan = plan_media(tmp_path, ["scan.png", "logo.webp"], SMALL, downloads=["scan.png", "logo.webp"], workers=1)
    assert plan.images["scan.png"].original.url.endswith("/scan-original.png")
    with Image.open(_original(plan, "scan.png")) as out:
        assert out.format == "PNG" and out.size == (700, 500)
        assert out.convert("L").tobytes() == scan.tobytes()  # lossless
    with Image.open(_original(plan, "logo.webp")) as out:
        assert out.format == "PNG" and out.mode == "RGBA"
        assert out.getpixel((500, 200))[3] == 0 and is_red(out.getpixel((100, 200)))


def test_no_download_unless_asked(tmp_path: Path):
    save_jpeg(tmp_path / "a.jpg", upright())
    save_jpeg(tmp_path / "b.jpg", upright(400, 600))
    plan = plan_media(tmp_path, ["a.jpg", "b.jpg"], SMALL, downloads=["b.jpg"], workers=1)
    assert plan.images["a.jpg"].original is None and plan.images["b.jpg"].original is not None
    assert [url for url in plan.copies if "original" in url] == [plan.images["b.jpg"].original.url]
    assert len(_cache_originals(tmp_path)) == 1  # no work done for a.jpg
    site = tmp_path / "site"
    write_media(plan, site)
    assert [p.name for p in site.rglob("*original*")] == ["b-original.jpg"]


def test_warm_build_with_downloads_opens_no_image(rotated: Path, monkeypatch):
    save_jpeg(rotated / "q.jpg", upright())
    cold = plan_media(rotated, ["p.jpg", "q.jpg"], SMALL, downloads=["p.jpg"], workers=1)
    assert cold.decoded == 2

    def forbidden(*args, **kwargs):
        raise AssertionError("a cached photo was decoded again")

    monkeypatch.setattr(media_plan, "render_photo", forbidden)
    monkeypatch.setattr(Image, "open", forbidden)
    warm = plan_media(rotated, ["p.jpg", "q.jpg"], SMALL, downloads=["p.jpg"], workers=1)
    assert warm.decoded == 0 and warm.images == cold.images and warm.copies == cold.copies


def test_turning_download_on_makes_only_the_download(rotated: Path, monkeypatch):
    before = plan_media(rotated, ["p.jpg"], SMALL, workers=1)
    assert before.images["p.jpg"].original is None
    calls = []
    render = media_plan.render_photo

    def spy(*args):
        calls.append(args[4:])
        return render(*args)

    monkeypatch.setattr(media_plan, "render_photo", spy)
    after = plan_media(rotated, ["p.jpg"], SMALL, downloads=["p.jpg"], workers=1)
    assert after.decoded == 1 and calls == [(True, False)]  # one decode, for the download only
    assert after.images["p.jpg"].renditions == before.images["p.jpg"].renditions
    with Image.open(_original(after, "p.jpg")) as out:
        assert out.size == (1200, 800)
    again = plan_media(rotated, ["p.jpg"], SMALL, downloads=["p.jpg"], workers=1)
    assert again.decoded == 0 and again.images == after.images


def test_a_changed_download_quality_gives_the_download_a_new_address(rotated: Path):
    """Derivatives keep their addresses (download_quality is not in their fingerprint); the
    download, remade at the new quality, must not keep the address a browser or a proxy
    may hold the old file under."""
    first = plan_media(rotated, ["p.jpg"], SMALL, downloads=["p.jpg"], workers=1).images["p.jpg"]
    finer = replace(SMALL, download_quality=SMALL.download_quality - 20)
    second = plan_media(rotated, ["p.jpg"], finer, downloads=["p.jpg"], workers=1).images["p.jpg"]
    assert [r.url for r in first.renditions] == [r.url for r in second.renditions]
    assert first.original.url != second.original.url
    assert first.original.url.rsplit("/", 1)[1] == second.original.url.rsplit("/", 1)[1] == "p-original.jpg"
    assert first.original.size != second.original.size


def test_prune_removes_downloads_no_photo_asks_for(tmp_path: Path):
    save_jpeg(tmp_path / "a.jpg", upright())
    save_jpeg(tmp_path / "b.jpg", upright(400, 600))
    both = ["a.jpg", "b.jpg"]
    plan = plan_media(tmp_path, both, SMALL, downloads=both, workers=1)
    assert len(_cache_originals(tmp_path)) == 2
    assert prune_cache(tmp_path, both, SMALL, downloads=both) == 0
    assert prune_cache(tmp_path, both, SMALL, downloads=["a.jpg"]) == 1  # b's download was switched off
    assert _cache_originals(tmp_path) == [_original(plan, "a.jpg")]
    kept = plan_media(tmp_path, both, SMALL, downloads=["a.jpg"], workers=1)
    assert kept.decoded == 0 and kept.images["a.jpg"] == plan.images["a.jpg"]
    assert prune_cache(tmp_path, ["a.jpg"], SMALL, downloads=["a.jpg"]) == 1  # b's entry
    assert plan_media(tmp_path, ["a.jpg"], SMALL, downloads=["a.jpg"], workers=1).decoded == 0


def test_sizes_are_written_the_way_each_language_reads_them():
    assert format_pixels(4000, 3000, "zh") == "4000 × 3000"
    assert format_pixels(4000, 3000, "en") == "4,000 × 3,000"
    assert format_file_size(3_240_000, "zh") == format_file_size(3_240_000, "en") == "3.2 MB"
    assert format_file_size(312_400, "en") == "312 kB"
    assert format_file_size(999_800, "en") == "1.0 MB"
    assert format_file_size(12, "en") == "1 kB" and format_file_size(0, "zh") == "0 kB"  # hall publish: nothing sent
