"""Make the placeholder photos that the sample exhibits refer to.

Why this exists: the sample collection in ``exhibits/`` needs pictures so that
galleries, lightboxes, image derivatives and the kiosk can be built and tested,
but we have no real photographs of the hall, and we must not pass off stock or
generated "photos" as the real thing, nor show identifiable people. So every
picture is an honest placeholder: a calm abstract design in muted colours,
clearly labelled "示意图 PLACEHOLDER" with the exhibit's Chinese title, for
staff to replace with their own photographs (keep the file name, or change it
in exhibit.yml).

The output is deterministic (the design depends only on the exhibit id and the
file name), so running the script again gives the same bytes and no noise in
version control.

Usage, from the repository root::

    python scripts/make_sample_photos.py           # make only the missing files
    python scripts/make_sample_photos.py --force   # remake every placeholder

It reads every ``exhibits/<zone>/<slug>/exhibit.yml`` and every
``content/news/<date-slug>/news.yml`` and writes each ``images[].file`` next to it. Needs Pillow and PyYAML; a Noto CJK font
(fonts-noto-cjk) is used for the text if one is installed, otherwise the
design is drawn without text.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")

#: The three picture shapes used by the sample content: 3:2, portrait 3:4, 16:9.
SIZES: tuple[tuple[int, int], ...] = ((1600, 1067), (1200, 1600), (1600, 900))

#: Muted "museum wall" colour pairs (start, end) for the background gradient.
PALETTES: tuple[tuple[tuple[int, int, int], tuple[int, int, int]], ...] = (
    ((112, 128, 122), (196, 189, 170)),  # sage to stone
    ((86, 98, 120), (176, 168, 158)),    # slate to warm grey
    ((140, 104, 86), (214, 196, 170)),   # terracotta to sand
    ((96, 112, 96), (206, 200, 176)),    # olive to parchment
    ((120, 92, 100), (204, 186, 180)),   # plum to rose grey
    ((70, 100, 108), (184, 196, 188)),   # teal to mist
    ((128, 116, 88), (222, 210, 184)),   # ochre to cream
    ((92, 92, 110), (190, 184, 196)),    # ink to lavender grey
)

JPEG_OPTIONS = {"quality": 82, "progressive": True, "optimize": True}
LABEL = "示意图 PLACEHOLDER"
JPEG_SUFFIXES = {".jpg", ".jpeg"}


@dataclass(frozen=True)
class Fonts:
    """Font files (path, face index) for the big label and the smaller lines."""

    bold: tuple[Path, int]
    regular: tuple[Path, int]


@dataclass(frozen=True)
class Placeholder:
    """One picture to make: where it goes and what it says."""

    path: Path
    exhibit_id: str
    title_zh: str


def _sc_face_index(path: Path) -> int | None:
    """Return the index of the Simplified Chinese face in a font file, if any."""
    for index in range(16):
        try:
            family, _style = ImageFont.truetype(str(path), 12, index=index).getname()
        except OSError:
            break
        if "SC" in family.split() and "Mono" not in family:
            return index
    return None


def find_cjk_fonts() -> Fonts | None:
    """Find Noto CJK fonts (serif preferred) with a Simplified Chinese face."""
    candidates: list[Path] = []
    for directory in FONT_DIRS:
        if directory.is_dir():
            candidates.extend(
                p for p in directory.rglob("*")
                if p.suffix.lower() in {".ttc", ".otf", ".ttf"}
                and any(key in p.name for key in ("NotoSerifCJK", "NotoSansCJK", "NotoSerifSC", "NotoSansSC"))
            )
    # Serif before sans, then by name, so the choice does not depend on directory order.
    candidates.sort(key=lambda p: ("Sans" in p.name, p.name, str(p)))

    def pick(weight: str) -> tuple[Path, int] | None:
        for path in candidates:
            if weight.lower() in path.name.lower():
                index = _sc_face_index(path)
                if index is not None:
                    return path, index
        return None

    regular = pick("Regular")
    bold = pick("Bold") or regular
    if regular is None:
        regular = bold
    if regular is None or bold is None:
        return None
    return Fonts(bold=bold, regular=regular)


def find_placeholders(exhibits_dir: Path, news_dir: Path | None = None) -> tuple[list[Placeholder], list[str]]:
    """List every image named in the exhibit.yml (and news.yml) files, with any problems found."""
    items: list[Placeholder] = []
    problems: list[str] = []
    ymls = [(yml, f"{yml.parent.parent.name}/{yml.parent.name}") for yml in sorted(exhibits_dir.glob("*/*/exhibit.yml"))]
    if news_dir is not None:
        ymls += [(yml, f"news/{yml.parent.name}") for yml in sorted(news_dir.glob("*/news.yml"))]
    for yml, exhibit_id in ymls:
        folder = yml.parent
        try:
            data = yaml.safe_load(yml.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            problems.append(f"{yml}: cannot read ({error}); skipped")
            continue
        title = data.get("title")
        title_zh = title.get("zh", "") if isinstance(title, dict) else str(title or "")
        for image in data.get("images") or []:
            name = image.get("file") if isinstance(image, dict) else None
            if not isinstance(name, str) or not name:
                problems.append(f"{yml}: an image has no 'file'; skipped")
                continue
            if Path(name).name != name:
                problems.append(f"{yml}: image file {name!r} must be a plain file name; skipped")
                continue
            if Path(name).suffix.lower() not in JPEG_SUFFIXES:
                problems.append(f"{yml}: {name!r} is not a .jpg file; this script only makes JPEGs; skipped")
                continue
            items.append(Placeholder(path=folder / name, exhibit_id=exhibit_id, title_zh=title_zh))
    return items, problems


def _rng(item: Placeholder) -> random.Random:
    """A random generator seeded only by the exhibit id and file name."""
    digest = hashlib.sha256(f"{item.exhibit_id}/{item.path.name}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


def _gradient(size: tuple[int, int], start: tuple[int, int, int], end: tuple[int, int, int],
              rng: random.Random) -> Image.Image:
    """A soft diagonal gradient, computed small and scaled up smoothly."""
    small = 48
    direction = rng.choice([(1.0, 0.4), (0.4, 1.0), (1.0, 1.0), (-0.6, 1.0)])
    span = abs(direction[0]) + abs(direction[1])
    base = Image.new("RGB", (small, small))
    pixels = base.load()
    for y in range(small):
        for x in range(small):
            u, v = x / (small - 1), y / (small - 1)
            if direction[0] < 0:
                u = 1 - u
            t = (abs(direction[0]) * u + direction[1] * v) / span
            pixels[x, y] = _mix(start, end, t)
    return base.resize(size, Image.Resampling.BICUBIC)


def _shapes(size: tuple[int, int], colour: tuple[int, int, int], rng: random.Random) -> Image.Image:
    """A few large, translucent geometric shapes: circles, an arch, thin lines."""
    width, height = size
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    light = (*_mix(colour, (255, 255, 255), 0.55), 0)
    dark = (*_mix(colour, (30, 30, 30), 0.35), 0)
    for _ in range(rng.randint(2, 3)):
        radius = rng.randint(min(size) // 5, min(size) // 2)
        cx, cy = rng.randint(0, width), rng.randint(0, height)
        fill = rng.choice([light, dark])[:3] + (rng.randint(28, 60),)
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=fill)
    # An arch: a simple doorway outline, a quiet nod to a hall.
    arch_w = rng.randint(width // 7, width // 5)
    arch_h = int(arch_w * rng.uniform(1.5, 2.1))
    ax = rng.choice([width // 10, width - width // 10 - arch_w])
    ay = height - arch_h - height // 12
    outline = light[:3] + (90,)
    stroke = max(3, width // 300)
    draw.arc((ax, ay, ax + arch_w, ay + arch_w), 180, 360, fill=outline, width=stroke)
    draw.line((ax, ay + arch_w // 2, ax, ay + arch_h), fill=outline, width=stroke)
    draw.line((ax + arch_w, ay + arch_w // 2, ax + arch_w, ay + arch_h), fill=outline, width=stroke)
    # Thin horizontal rules, like the lines of a display panel.
    for i in range(rng.randint(2, 4)):
        y = height // 8 + i * max(8, height // 40)
        draw.line((width // 12, y, width // 12 + width // 4, y), fill=light[:3] + (70,), width=2)
    return layer


def _fit(text: str, font_file: tuple[Path, int], max_width: int, start_size: int,
         draw: ImageDraw.ImageDraw) -> ImageFont.FreeTypeFont:
    """The largest font size (down from start_size) at which text fits max_width."""
    size = start_size
    while True:
        font = ImageFont.truetype(str(font_file[0]), size, index=font_file[1])
        if draw.textlength(text, font=font) <= max_width or size <= 12:
            return font
        size = int(size * 0.92)


def _text(image: Image.Image, item: Placeholder, fonts: Fonts) -> None:
    """The label, the exhibit's Chinese title and a small reference line."""
    width, height = image.size
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    ink = (250, 248, 242, 255)
    max_width = int(width * 0.82)

    label_font = _fit(LABEL, fonts.bold, max_width, int(min(width, height) * 0.13), draw)
    lines = [(LABEL, label_font)]
    if item.title_zh:
        lines.append((item.title_zh, _fit(item.title_zh, fonts.regular, max_width,
                                          int(label_font.size * 0.55), draw)))
    reference = f"{item.exhibit_id} · {item.path.name}"
    ref_font = _fit(reference, fonts.regular, max_width, max(16, int(min(width, height) * 0.028)), draw)

    gap = int(label_font.size * 0.45)
    boxes = [draw.textbbox((0, 0), text, font=font) for text, font in lines]
    block_h = sum(b[3] - b[1] for b in boxes) + gap * (len(lines) - 1)
    pad = int(label_font.size * 0.6)
    top = (height - block_h) // 2
    band_w = max(b[2] - b[0] for b in boxes) + 2 * pad
    draw.rounded_rectangle(
        ((width - band_w) // 2, top - pad, (width + band_w) // 2, top + block_h + pad),
        radius=pad // 2, fill=(20, 22, 26, 92),
    )
    y = top
    for (text, font), box in zip(lines, boxes):
        draw.text(((width - (box[2] - box[0])) // 2 - box[0], y - box[1]), text, font=font, fill=ink)
        y += box[3] - box[1] + gap
    ref_box = draw.textbbox((0, 0), reference, font=ref_font)
    draw.text(((width - (ref_box[2] - ref_box[0])) // 2, height - int(height * 0.06) - ref_box[3]),
              reference, font=ref_font, fill=(250, 248, 242, 200))
    image.alpha_composite(overlay)


def render(item: Placeholder, fonts: Fonts | None) -> Image.Image:
    """Draw one placeholder picture (RGB)."""
    rng = _rng(item)
    size = rng.choice(SIZES)
    start, end = rng.choice(PALETTES)
    image = _gradient(size, start, end, rng).convert("RGBA")
    image.alpha_composite(_shapes(size, _mix(start, end, 0.5), rng))
    if fonts is not None:
        _text(image, item, fonts)
    return image.convert("RGB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="remake every placeholder, not only missing ones")
    parser.add_argument("--exhibits", type=Path, default=ROOT / "exhibits", help="exhibits folder (default: %(default)s)")
    parser.add_argument("--news", type=Path, default=ROOT / "content" / "news", help="news folder (default: %(default)s)")
    args = parser.parse_args(argv)

    items, problems = find_placeholders(args.exhibits, args.news)
    fonts = find_cjk_fonts()
    if fonts is None:
        print("note: no Noto CJK font found; drawing placeholders without text", file=sys.stderr)
    made = 0
    for item in items:
        if item.path.exists() and not args.force:
            continue
        render(item, fonts).save(item.path, "JPEG", **JPEG_OPTIONS)
        made += 1
        print(f"wrote {item.path} ({item.path.stat().st_size // 1024} KB)")
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"{made} made, {len(items) - made} already present")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
