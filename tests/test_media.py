"""hall.media on generated photos: orientation, metadata, colour modes, bad files, the cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageDraw

from hall import media
from hall.media import (
    MediaSettings,
    body_images,
    plan_media,
    prune_cache,
    rewrite_body_images,
    write_media,
)
from tests.support.photos import png_claiming

SMALL = MediaSettings(widths=(200, 400, 600))

# Pillow's exif_transpose applies these to orientation n; we store the inverse.
_STORE = {
    1: None, 2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE, 8: Image.Transpose.ROTATE_270,
}


def upright(width: int = 600, height: int = 400) -> Image.Image:
    """Blue with a red block in the top-left corner, so orientation mistakes show."""
    image = Image.new("RGB", (width, height), (30, 60, 200))
    ImageDraw.Draw(image).rectangle((0, 0, width // 4, height // 4), fill=(220, 20, 20))
    return image


def exif_with(orientation: int = 1, gps: bool = False) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x013B] = "Zhang San Photographer"  # Artist
    exif[0x010F] = "CameraMakerX"  # Make
    if gps:
        exif[0x8825] = {1: "N", 2: (30.0, 15.0, 7.0), 3: "E", 4: (103.0, 5.0, 9.0)}
    return exif


def save_jpeg(path: Path, image: Image.Image, orientation: int = 1, gps: bool = False, **kw) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    stored = image.transpose(_STORE[orientation]) if _STORE[orientation] is not None else image
    stored.save(path, "JPEG", quality=92, exif=exif_with(orientation, gps).tobytes(), **kw)
    return path


def files_of(plan, source: str, root: Path) -> list[Path]:
    return [plan.copies[r.url] for r in plan.images[source].renditions]


def largest(plan, source: str, mime: str = "image/jpeg") -> Image.Image:
    rendition = plan.images[source].largest(mime)
    return Image.open(plan.copies[rendition.url])


def is_red(pixel) -> bool:
    r, g, b = pixel[:3]
    return r > 150 and g < 90 and b < 90


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_is_applied(tmp_path: Path, orientation: int):
    save_jpeg(tmp_path / "p.jpg", upright(), orientation)
    plan = plan_media(tmp_path, ["p.jpg"], SMALL, workers=1)
    assert not plan.problems.errors
    image_set = plan.images["p.jpg"]
    assert (image_set.width, image_set.height) == (600, 400)
    for mime in ("image/jpeg", "image/webp"):
        out = largest(plan, "p.jpg", mime).convert("RGB")
        assert out.size == (600, 400)
        assert is_red(out.getpixel((20, 20))), (orientation, mime)
        assert not is_red(out.getpixel((580, 380))), (orientation, mime)


@pytest.mark.parametrize("gps", [True, False])
def test_all_metadata_is_dropped(tmp_path: Path, gps: bool):
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    source = save_jpeg(tmp_path / "gps.jpg", upright(), 6, gps=gps, icc_profile=srgb)
    with Image.open(source) as original:  # the fixture really carries what must go
        assert bool(original.getexif().get_ifd(0x8825)) is gps
        assert original.info.get("icc_profile")
    plan = plan_media(tmp_path, ["gps.jpg"], SMALL, workers=1)
    outputs = files_of(plan, "gps.jpg", tmp_path)
    assert len(outputs) == 6  # 3 widths x (WebP + JPEG)
    for path in outputs:
        data = path.read_bytes()
        for marker in (b"Exif", b"EXIF", b"Zhang", b"CameraMakerX", b"ICCP", b"ICC_PROFILE", b"XMP", b"http://ns.adobe"):
            assert marker not in data, (path.name, marker)
        with Image.open(path) as out:
            assert not out.getexif()
            assert "icc_profile" not in out.info and "exif" not in out.info


def test_widths_never_upscale():
    settings = MediaSettings(widths=(480, 960, 1600))
    assert settings.widths_for(4000) == (480, 960, 1600)
    assert settings.widths_for(1200) == (480, 960, 1200)
    assert settings.widths_for(500) == (500,)
    assert all(w <= 700 for w in settings.widths_for(700))


def test_jpeg_is_decoded_at_reduced_scale(tmp_path: Path, monkeypatch):
    save_jpeg(tmp_path / "big.jpg", upright(2400, 1600))
    requested = []
    original = Image.Image.draft

    def spy(self, mode, size):
        requested.append(size)
        return original(self, mode, size)

    from PIL import JpegImagePlugin

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    plan = plan_media(tmp_path, ["big.jpg"], SMALL, workers=1)
    assert requested == [(600, 400)]
    assert plan.images["big.jpg"].fallback.width == 600


def test_cmyk_becomes_rgb(tmp_path: Path):
    Image.new("CMYK", (600, 400), (0, 255, 255, 0)).save(tmp_path / "cmyk.jpg", "JPEG", quality=95)
    plan = plan_media(tmp_path, ["cmyk.jpg"], SMALL, workers=1)
    assert not plan.problems.errors
    for mime in ("image/jpeg", "image/webp"):
        out = largest(plan, "cmyk.jpg", mime)
        assert out.mode == "RGB"
        assert is_red(out.getpixel((300, 200)))


def test_alpha_kept_in_webp_and_flattened_in_jpeg(tmp_path: Path):
    image = Image.new("RGBA", (600, 400), (200, 20, 20, 255))
    ImageDraw.Draw(image).rectangle((300, 0, 600, 400), fill=(0, 0, 0, 0))
    image.save(tmp_path / "logo.png")
    plan = plan_media(tmp_path, ["logo.png"], SMALL, workers=1)
    webp = largest(plan, "logo.png", "image/webp")
    assert webp.mode == "RGBA" and webp.getpixel((500, 200))[3] == 0
    jpeg = largest(plan, "logo.png", "image/jpeg")
    assert jpeg.mode == "RGB" and min(jpeg.getpixel((500, 200))) > 240  # white, not black


def test_palette_with_transparency(tmp_path: Path):
    image = Image.new("P", (600, 400), 0)
    image.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    ImageDraw.Draw(image).rectangle((0, 0, 300, 400), fill=1)
    image.save(tmp_path / "pal.png", transparency=1)
    plan = plan_media(tmp_path, ["pal.png"], SMALL, workers=1)
    assert not plan.problems.errors
    assert largest(plan, "pal.png", "image/webp").getpixel((100, 200))[3] == 0
    assert is_red(largest(plan, "pal.png", "image/jpeg").getpixel((500, 200)))


def test_16_bit_grayscale_is_scaled_not_clipped(tmp_path: Path):
    image = Image.new("I;16", (600, 400))
    image.putdata([min(65535, x * 110) for _ in range(400) for x in range(600)])
    image.save(tmp_path / "scan16.png")
    with Image.open(tmp_path / "scan16.png") as check:
        assert check.mode.startswith("I")
    plan = plan_media(tmp_path, ["scan16.png"], SMALL, workers=1)
    out = largest(plan, "scan16.png").convert("L")
    left, middle, right = (out.getpixel((x, 200)) for x in (5, 300, 595))
    assert left < 20 and 100 < middle < 160 and right > 230


def test_heic_is_read(tmp_path: Path):
    import pillow_heif

    pillow_heif.register_heif_opener()
    upright().save(tmp_path / "iphone.heic", "HEIF", quality=90)
    plan = plan_media(tmp_path, ["iphone.heic"], SMALL, workers=1)
    assert not plan.problems.errors
    out = largest(plan, "iphone.heic")
    assert out.size == (600, 400) and is_red(out.convert("RGB").getpixel((20, 20)))


def _bomb_png(path: Path, width: int, height: int) -> None:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels."""
    path.write_bytes(png_claiming(width, height))


def test_bad_photos_are_errors_and_nothing_is_half_written(tmp_path: Path):
    good = save_jpeg(tmp_path / "ok.jpg", upright())
    data = good.read_bytes()
    (tmp_path / "truncated.jpg").write_bytes(data[: len(data) * 2 // 3])
    (tmp_path / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 20)
    (tmp_path / "notes.png").write_bytes(b"this is a text file, not a photo")
    _bomb_png(tmp_path / "bomb.png", 20000, 20000)
    sources = ["ok.jpg", "truncated.jpg", "corrupt.jpg", "notes.png", "bomb.png", "missing.jpg"]
    plan = plan_media(tmp_path, sources, SMALL, workers=1)
    codes = {p.file: p.code for p in plan.problems.errors}
    assert codes == {
        "truncated.jpg": "image.truncated", "corrupt.jpg": codes["corrupt.jpg"], "notes.png": "image.unreadable",
        "bomb.png": "image.bomb", "missing.jpg": "image.missing",
    }
    assert codes["corrupt.jpg"] in ("image.corrupt", "image.unreadable", "image.truncated")
    for problem in plan.problems.errors:  # bilingual, with a hint
        assert problem.zh and problem.en and problem.hint_zh and problem.hint_en
        assert any("\u4e00" <= c <= "\u9fff" for c in problem.zh)
    assert list(plan.images) == ["ok.jpg"]
    cache = tmp_path / ".cache" / "hall-media"
    entries = [p for bucket in cache.iterdir() if bucket.is_dir() for p in bucket.iterdir()]
    assert len(entries) == 1 and ".tmp-" not in entries[0].name  # only the good photo, complete
    assert plan.problems.format().count("错误") >= 5


def test_bad_photo_in_a_worker_process(tmp_path: Path):
    save_jpeg(tmp_path / "a.jpg", upright())
    save_jpeg(tmp_path / "b.jpg", upright(400, 600))
    (tmp_path / "c.jpg").write_bytes((tmp_path / "a.jpg").read_bytes()[:1500])
    plan = plan_media(tmp_path, ["a.jpg", "b.jpg", "c.jpg"], SMALL, workers=2)
    assert [p.file for p in plan.problems.errors] == ["c.jpg"]
    assert set(plan.images) == {"a.jpg", "b.jpg"} and plan.decoded == 3


def test_small_photo_is_a_warning(tmp_path: Path):
    save_jpeg(tmp_path / "tiny.jpg", upright(240, 160))
    plan = plan_media(tmp_path, ["tiny.jpg"], SMALL, workers=1)
    assert not plan.problems.errors
    assert [p.code for p in plan.problems.warnings] == ["image.small"]
    assert [r.width for r in plan.images["tiny.jpg"].renditions] == [200, 240, 200, 240]


def test_warm_build_decodes_nothing(tmp_path: Path, monkeypatch):
    for index in range(5):
        save_jpeg(tmp_path / f"e{index}" / "p.jpg", upright(600, 400 + index))
    sources = [f"e{index}/p.jpg" for index in range(5)]
    downloads = sources[:2]  # two of them offer their full-size original
    cold = plan_media(tmp_path, sources, SMALL, downloads=downloads, workers=2)
    assert cold.decoded == 5
    assert [s for s in sources if cold.images[s].original] == downloads

    def forbidden(*args, **kwargs):
        raise AssertionError("a cached photo was decoded again")

    monkeypatch.setattr(media, "render_photo", forbidden)
    monkeypatch.setattr(Image, "open", forbidden)
    warm = plan_media(tmp_path, sources, SMALL, downloads=downloads, workers=1)
    assert warm.decoded == 0
    assert warm.images == cold.images and warm.copies == cold.copies
    # the same bytes moved to another exhibit: still no decoding
    (tmp_path / "moved").mkdir()
    (tmp_path / "moved" / "p.jpg").write_bytes((tmp_path / "e0" / "p.jpg").read_bytes())
    moved = plan_media(tmp_path, ["moved/p.jpg"], SMALL, workers=1)
    assert moved.decoded == 0
    assert moved.images["moved/p.jpg"].fallback.url.split("/")[1] == cold.images["e0/p.jpg"].fallback.url.split("/")[1]


def test_editing_a_photo_in_place_changes_its_derivatives(tmp_path: Path):
    path = save_jpeg(tmp_path / "p.jpg", upright())
    first = plan_media(tmp_path, ["p.jpg"], SMALL, workers=1)
    save_jpeg(path, upright().transpose(Image.Transpose.FLIP_LEFT_RIGHT))  # same size, same name
    second = plan_media(tmp_path, ["p.jpg"], SMALL, workers=1)
    assert second.decoded == 1
    assert second.images["p.jpg"].fallback.url != first.images["p.jpg"].fallback.url
    assert not is_red(largest(second, "p.jpg").convert("RGB").getpixel((20, 20)))
    assert is_red(largest(second, "p.jpg").convert("RGB").getpixel((580, 20)))


def test_settings_are_part_of_the_key(tmp_path: Path):
    save_jpeg(tmp_path / "p.jpg", upright())
    a = plan_media(tmp_path, ["p.jpg"], SMALL, workers=1)
    b = plan_media(tmp_path, ["p.jpg"], MediaSettings(widths=(300, 600)), workers=1)
    assert b.decoded == 1 and a.images["p.jpg"].fallback.url != b.images["p.jpg"].fallback.url


def test_write_media_and_prune(tmp_path: Path):
    save_jpeg(tmp_path / "a.jpg", upright())
    save_jpeg(tmp_path / "b.jpg", upright(400, 600))
    plan = plan_media(tmp_path, ["a.jpg", "b.jpg"], SMALL, workers=1)
    site = tmp_path / "site"
    write_media(plan, site)
    for url in plan.copies:
        assert (site / url).is_file()
    assert not any(site.rglob("*.jpg.jpg"))
    assert prune_cache(tmp_path, ["a.jpg"], SMALL) == 1
    assert prune_cache(tmp_path, ["a.jpg"], SMALL) == 0
    again = plan_media(tmp_path, ["a.jpg", "b.jpg"], SMALL, workers=1)
    assert again.decoded == 1  # b was pruned, a was kept


def test_placeholder_is_tiny(tmp_path: Path):
    save_jpeg(tmp_path / "p.jpg", upright())
    placeholder = plan_media(tmp_path, ["p.jpg"], SMALL, workers=1).images["p.jpg"].placeholder
    assert placeholder.startswith("data:image/webp;base64,") and len(placeholder) < 400


def test_body_images_are_rewritten(tmp_path: Path):
    save_jpeg(tmp_path / "exhibits" / "z" / "e" / "detail.jpg", upright())
    text = 'Intro\n\n![门楼细部](detail.jpg "t")\n\n![外链](https://example.com/x.jpg) ![](../../../outside.png)'
    assert body_images(text, "exhibits/z/e/zh.md") == ["exhibits/z/e/detail.jpg", "outside.png"]
    plan = plan_media(tmp_path, ["exhibits/z/e/detail.jpg"], SMALL, workers=1)
    html = rewrite_body_images(text, "exhibits/z/e/zh.md", plan.images, "../../../")
    assert '<picture class="hall-picture hall-picture--body">' in html
    assert 'alt="门楼细部"' in html and 'width="600" height="400"' in html
    assert 'srcset="../../../media/' in html and "https://example.com/x.jpg" in html
