"""Make the placeholder 720° panoramas that the sample tour (content/tour.yml) refers to.

Why this exists: the tour needs equirectangular photos (2:1) so that the viewer, the cube
faces, the no-WebGL preview and the browser tests can be built and tried, but we have no
panoramas of the hall and must not pass off a drawing as a photo. So each one is an honest
placeholder: a plain box room drawn in equirectangular projection (floor, walls and ceiling
with a grid, door outlines where tour.yml puts the doorways, frames where it puts exhibit
hotspots), with "示意全景 / PLACEHOLDER PANORAMA" written all around the horizon, for staff
to replace with a photo from a phone's panorama mode or a 360° camera (keep the file name).

The output is deterministic (it depends only on the scene's settings below), so running
the script again gives the same bytes. Each file is 4096 × 2048 and about 250–350 KB.

Usage, from the repository root::

    python scripts/make_sample_panoramas.py           # make only the missing files
    python scripts/make_sample_panoramas.py --force   # remake every placeholder

Needs Pillow, NumPy and PyYAML; a Noto CJK font (fonts-noto-cjk) for the text if installed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import yaml
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
TOUR = ROOT / "content" / "tour.yml"
WIDTH, HEIGHT = 4096, 2048
#: The room around the camera, in metres: half width and depth, floor and ceiling heights.
HALF, FLOOR, CEILING = 5.0, -1.5, 2.2
#: Wall colours per zone (muted, so the labels stay readable).
COLOURS = {
    "prologue": (176, 160, 134),
    "history": (150, 162, 176),
    "customs": (170, 150, 160),
    "achievements": (146, 170, 150),
}
FONT_FILES = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def rays() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The direction of every pixel (x right, y up, z ahead) and its yaw in degrees."""
    lon = (np.arange(WIDTH) + 0.5) / WIDTH * 2 * np.pi - np.pi
    lat = np.pi / 2 - (np.arange(HEIGHT) + 0.5) / HEIGHT * np.pi
    lon, lat = np.meshgrid(lon, lat)
    return np.cos(lat) * np.sin(lon), np.sin(lat), np.cos(lat) * np.cos(lon), np.degrees(lon)


def draw_room(scene: dict) -> Image.Image:
    x, y, z, yaw = rays()
    with np.errstate(divide="ignore"):
        t_wall = np.minimum(HALF / np.abs(x), HALF / np.abs(z))
        t_flat = np.where(y > 0, CEILING / y, FLOOR / y)
    t = np.minimum(t_wall, np.where(t_flat > 0, t_flat, np.inf))
    px, py, pz = x * t, y * t, z * t
    on_wall = t_wall <= t_flat
    wall = np.array(COLOURS.get(scene["zone"], (160, 160, 160)), dtype=np.float32)
    image = np.empty((HEIGHT, WIDTH, 3), dtype=np.float32)
    image[:] = wall
    image[~on_wall & (y < 0)] = (112, 104, 96)  # floor
    image[~on_wall & (y > 0)] = (226, 224, 218)  # ceiling
    # a one-metre grid on every surface, so the projection reads as a room
    grid = np.zeros_like(t, dtype=bool)
    for a, b in ((px, pz), (px, py), (pz, py)):
        grid |= (np.abs(a - np.round(a)) < 0.012 * t) & (np.abs(b) < HALF + 0.01)
    image[grid] *= 0.78
    for door in scene.get("doorways") or ():
        near = np.abs(((yaw - door["yaw"] + 180) % 360) - 180)
        inside = on_wall & (near < 9) & (py < FLOOR + 2.1)
        edge = on_wall & (near < 9.6) & (py < FLOOR + 2.2) & ~inside
        image[inside] = (60, 52, 46)
        image[edge] = (250, 240, 200)
    for spot in scene.get("hotspots") or ():
        near = np.abs(((yaw - spot["yaw"] + 180) % 360) - 180)
        height = py - (np.tan(np.radians(spot.get("pitch", 0))) * HALF)
        frame = on_wall & (near < 7) & (np.abs(height) < 0.6)
        image[frame] = (236, 230, 214)
        image[frame & ((near > 6.2) | (np.abs(height) > 0.52))] = (120, 70, 40)
    picture = Image.fromarray(image.clip(0, 255).astype(np.uint8))
    label(picture, scene)
    return picture


def label(picture: Image.Image, scene: dict) -> None:
    """"示意全景 / PLACEHOLDER PANORAMA" and the scene's title, four times around the horizon."""
    font_file = next((f for f in FONT_FILES if Path(f).exists()), None)
    if font_file is None:
        return
    big, small = ImageFont.truetype(font_file, 58), ImageFont.truetype(font_file, 42)
    draw = ImageDraw.Draw(picture)
    title = f"{scene['title']['zh']}  {scene['title']['en']}"
    for column in range(4):
        centre = column * WIDTH // 4 + WIDTH // 8
        for text, font, top in (("示意全景 PLACEHOLDER PANORAMA", big, HEIGHT // 2 - 330), (title, small, HEIGHT // 2 - 240)):
            box = draw.textbbox((0, 0), text, font=font)
            left = centre - (box[2] - box[0]) // 2
            draw.rectangle((left - 24, top - 12, left + box[2] - box[0] + 24, top + box[3] - box[1] + 28), fill=(250, 248, 240))
            draw.text((left, top), text, font=font, fill=(150, 30, 30))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="remake files that exist")
    args = parser.parse_args()
    tour = yaml.safe_load(TOUR.read_text(encoding="utf-8"))
    for scene in tour["scenes"]:
        target = ROOT / "content" / scene["file"]
        if target.exists() and not args.force:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        draw_room(scene).save(target, "JPEG", quality=72, optimize=True, progressive=True)
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
