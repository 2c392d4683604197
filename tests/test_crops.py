"""Fixed-ratio crops around a focal point, for cards and the kiosk's attract screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from hall.media import crop_box, plan_crops, plan_media, prune_cache


def test_crop_box_is_the_largest_box_of_the_ratio_centred_on_the_focus():
    assert crop_box(1600, 1200, 3 / 2, (0.5, 0.5)) == (0, 66, 1600, 1133)
    assert crop_box(1200, 1600, 3 / 2, (0.5, 0.0)) == (0, 0, 1200, 800)  # clamped at the top
    assert crop_box(1200, 1600, 3 / 2, (0.5, 1.0)) == (0, 800, 1200, 1600)  # and at the bottom
    assert crop_box(1600, 900, 1.0, (0.9, 0.5)) == (700, 0, 1600, 900)


def _portrait_with_a_red_top(path: Path) -> None:
    image = Image.new("RGB", (1200, 1600), "white")
    image.paste((200, 0, 0), (0, 0, 1200, 300))  # a red band across the top
    image.save(path, quality=92)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    folder = tmp_path / "exhibits" / "history" / "x"
    folder.mkdir(parents=True)
    _portrait_with_a_red_top(folder / "p.jpg")
    return tmp_path


def _pixel(plan, source, focus, crop, index):
    rendition = plan.images[source].crops[focus][crop][index]
    with Image.open(plan.copies[rendition.url]) as image:
        return rendition, image.convert("RGB").getpixel((image.width // 2, 5))


def test_crops_follow_the_focal_point(photo: Path):
    source = "exhibits/history/x/p.jpg"
    plan = plan_media(photo, [source], workers=1)
    plan = plan_crops(plan, [(source, (0.5, 0.05)), (source, (0.5, 0.95))])
    top, top_pixel = _pixel(plan, source, (0.5, 0.05), "card", -1)
    bottom, bottom_pixel = _pixel(plan, source, (0.5, 0.95), "card", -1)
    assert (top.width, top.height) == (960, 640) and top.mime == "image/jpeg"
    assert top_pixel[0] > 150 and top_pixel[1] < 80  # the red band is in the top crop
    assert bottom_pixel == pytest.approx((255, 255, 255), abs=8)  # not in the bottom one
    cards = plan.images[source].crops[(0.5, 0.05)]["card"]
    assert sorted({(r.width, r.mime) for r in cards}) == [
        (480, "image/jpeg"), (480, "image/webp"), (960, "image/jpeg"), (960, "image/webp")]
    wide = plan.images[source].crops[(0.5, 0.05)]["wide"]
    assert {(r.width, r.height) for r in wide} == {(1200, 675)}  # never upscaled
    for rendition in cards + wide:
        assert Path(plan.copies[rendition.url]).is_file()


def test_a_warm_build_opens_no_image_for_crops(photo: Path, monkeypatch):
    source = "exhibits/history/x/p.jpg"
    plan_crops(plan_media(photo, [source], workers=1), [(source, (0.3, 0.3))])

    def refuse(*args, **kwargs):
        raise AssertionError("an image was opened on a warm build")

    monkeypatch.setattr(Image, "open", refuse)
    warm = plan_crops(plan_media(photo, [source], workers=1), [(source, (0.3, 0.3))])
    assert warm.decoded == 0
    assert warm.images[source].crops[(0.3, 0.3)]["card"]


def test_cards_on_the_built_site_use_the_crops(site):
    page = (site / "exhibits/history/index.html").read_text(encoding="utf-8")
    card = page[page.index('class="hall-card__link"'):]
    card = card[:card.index("</picture>")]
    assert "-card-960.jpg" in card and 'width="960" height="640"' in card


def test_prune_drops_crops_of_focal_points_no_photo_has_any_more(photo: Path):
    source = "exhibits/history/x/p.jpg"
    plan = plan_crops(plan_media(photo, [source], workers=1), [(source, (0.5, 0.05)), (source, (0.5, 0.95))])
    old = Path(plan.copies[plan.images[source].crops[(0.5, 0.05)]["card"][0].url]).parent
    kept = Path(plan.copies[plan.images[source].crops[(0.5, 0.95)]["card"][0].url]).parent
    assert prune_cache(photo, [source]) == 0 and old.is_dir()  # without the focal points: crops stay
    assert prune_cache(photo, [source], crops=[(source, (0.5, 0.95))]) == 1
    assert not old.exists() and kept.is_dir()
    renditions = plan.images[source].renditions
    assert all(Path(plan.copies[r.url]).is_file() for r in renditions)  # the photo's own files stay
