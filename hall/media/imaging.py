"""Every use of Pillow in the hall: verifying a photo and decoding it once by the same rules
(oriented, sRGB, no metadata), writing its derivatives, placeholder, full-size download and
crops, and reading its EXIF GPS. Runs in worker processes; never raises for a bad photo,
returns an error verdict (hall/media/verdicts.py)."""

from __future__ import annotations

import base64
import io
import math
import warnings
from pathlib import Path
from typing import Any, NamedTuple

from PIL import Image, ImageCms, ImageDraw, ImageFile, ImageFilter, ImageFont, ImageOps, JpegImagePlugin

from .cache import write_cache_folder
from .model import MediaSettings
from .verdicts import bomb_pixels, sniff

_MIME = {"webp": "image/webp", "jpeg": "image/jpeg", "avif": "image/avif", "png": "image/png"}
_EXT = {"webp": "webp", "jpeg": "jpg", "avif": "avif", "png": "png"}
_RESAMPLE = {"lanczos": Image.Resampling.LANCZOS, "bicubic": Image.Resampling.BICUBIC,
             "bilinear": Image.Resampling.BILINEAR}
GPS_IFD = 0x8825


def render_photo(path: str, key: str, cache: str, settings: MediaSettings,
                 download: bool = False, derivatives: bool = True) -> dict[str, Any]:
    """Decode one photo once and write all its derivatives into its cache entry.

    With ``download``, the photo is decoded at full size and its full-size download is
    written too, into a sub-folder of the entry; with ``derivatives=False`` (the entry is
    already cached) only that. Returns the entry's metadata (``{}`` without derivatives),
    or the error verdict of ``checked_decode``. Runs in a worker process; never raises
    for a bad photo.
    """
    decoded = checked_decode(path, settings, full=download)
    if isinstance(decoded, dict):
        return decoded

    image, icc = decoded.image, decoded.icc
    if download:  # one sRGB conversion at full size, shared by the download and the derivatives
        image, icc = _to_srgb(_opaque(image), icc), None
    entry = Path(cache) / key[:2] / key
    meta: dict[str, Any] = {}
    if derivatives:
        animated = {"frames": decoded.frames} if decoded.frames > 1 else {}  # plan_media warns of it
        meta = write_cache_folder(
            entry, lambda tmp: {**_write_derivatives(image, decoded.oriented, icc, tmp, settings), **animated})
    if download:
        write_cache_folder(entry / settings.original_folder(),
                            lambda tmp: _write_original(image, decoded, tmp, settings))
    return meta


def verify_photo(path: str, settings: MediaSettings) -> dict[str, Any]:
    """The verdict on one photo (hall/media/verdicts.py): decoded exactly as a build decodes
    it, so that a photo ``hall check`` passes is one the build accepts. Runs in a worker
    process; never raises for a bad photo."""
    decoded = checked_decode(path, settings)
    if isinstance(decoded, dict):
        return decoded
    return {"ok": True, "frames": decoded.frames, "width": decoded.oriented[0], "height": decoded.oriented[1]}


def checked_decode(path: str, settings: MediaSettings, full: bool = False) -> _Decoded | dict[str, Any]:
    """The one place the rules for a photo live: its first bytes (empty, a PDF), then a
    strict decode (truncated files are errors, not grey bands as in sigal; more pixels than
    ``settings.max_pixels`` is a decompression bomb). Returns the decoded photo or an error
    verdict; both ``verify_photo`` (check) and ``render_photo`` (build) go through it."""
    try:
        with open(path, "rb") as handle:
            sniffed = sniff(handle.read(16))
    except OSError as err:
        return {"error": "image.unreadable", "detail": f"({err.strerror or err})"}
    if sniffed:
        return sniffed
    _register_heif()
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    Image.MAX_IMAGE_PIXELS = settings.max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return _decode(path, settings, full=full)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
        return {"error": "image.bomb", "detail": f"({err})", "pixels": bomb_pixels(str(err))}
    except Image.UnidentifiedImageError:
        return {"error": "image.unreadable"}
    except OSError as err:
        code = "image.truncated" if "truncat" in str(err).lower() else "image.corrupt"
        return {"error": code, "detail": f"({err})"}
    except (SyntaxError, ValueError, EOFError, TypeError, IndexError, KeyError, MemoryError) as err:
        return {"error": "image.corrupt", "detail": f"({type(err).__name__}: {err})"}



def _register_heif() -> None:
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # pragma: no cover - pillow-heif is a dependency
        pass



class _Decoded(NamedTuple):
    image: Image.Image  # oriented
    oriented: tuple[int, int]  # the original's size after orientation
    icc: bytes | None
    format: str | None  # the source's, e.g. "JPEG", "PNG"
    sampling: int  # the source JPEG's chroma subsampling (0 = 4:4:4, 2 = 4:2:0), -1 if none
    frames: int = 1  # more than one: an animated GIF or WebP, of which the first frame is published



def _decode(path: str, settings: MediaSettings, full: bool = False) -> _Decoded:
    """Open, decode at the smallest DCT scale the largest width allows (every pixel with
    ``full``), orient."""
    with Image.open(path) as opened:
        orientation = opened.getexif().get(0x0112, 1)
        icc = opened.info.get("icc_profile")
        width, height = opened.size
        swapped = orientation in (5, 6, 7, 8)
        oriented = (height, width) if swapped else (width, height)
        target = min(oriented[0], max(settings.widths))
        scale = target / oriented[0]
        needed = (math.ceil(width * scale), math.ceil(height * scale))
        if opened.format == "JPEG" and scale < 1 and not full:
            mode = opened.mode if opened.mode in ("L", "CMYK") else "RGB"
            opened.draft(mode, needed)
        source_format = opened.format
        sampling = JpegImagePlugin.get_sampling(opened)
        frames = getattr(opened, "n_frames", 1)
        opened.load()
        image = ImageOps.exif_transpose(opened)
        if image is opened:
            image = opened.copy()
    image.info = {k: v for k, v in image.info.items() if k == "transparency"}
    return _Decoded(image, oriented, icc, source_format, sampling, frames)



def _normalize_mode(image: Image.Image) -> Image.Image:
    """To L, RGB or RGBA (CMYK stays for the ICC step); 16-bit scaled, palette expanded."""
    mode = image.mode
    if mode.startswith("I;16") or mode == "I":
        image = image.convert("I") if mode != "I" else image
        low, high = image.getextrema()
        divisor = 256 if high > 255 else 1
        return image.point(lambda value: value / divisor).convert("L")
    if mode == "F":
        return image.convert("L")
    if mode == "1":
        return image.convert("L")
    if mode == "P":
        return image.convert("RGBA" if "transparency" in image.info or image.palette.mode == "RGBA" else "RGB")
    if mode in ("LA", "PA", "La", "RGBa"):
        return image.convert("RGBA")
    if mode in ("L", "RGB", "RGBA", "CMYK"):
        return image
    return image.convert("RGB")



_SRGB = None



def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Convert to sRGB through the embedded ICC profile, if any; CMYK always ends as RGB."""
    global _SRGB
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            description = ImageCms.getProfileDescription(profile) or ""
            if "srgb" not in description.lower().replace(" ", "") or image.mode == "CMYK":
                if _SRGB is None:
                    _SRGB = ImageCms.createProfile("sRGB")
                out_mode = "RGBA" if image.mode == "RGBA" else "RGB"
                return ImageCms.profileToProfile(image, profile, _SRGB, outputMode=out_mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: fall back to the plain conversion below
    if image.mode == "CMYK":
        return image.convert("RGB")
    return image



def _write_derivatives(
    image: Image.Image, oriented: tuple[int, int], icc: bytes | None, folder: Path, settings: MediaSettings
) -> dict[str, Any]:
    image = _opaque(image)
    resample = _RESAMPLE.get(settings.resample, Image.Resampling.LANCZOS)
    src_w, src_h = oriented
    widths = settings.widths_for(src_w)
    renditions: list[dict[str, Any]] = []
    current = image
    made: list[tuple[int, Image.Image]] = []
    for index, width in enumerate(sorted(widths, reverse=True)):
        height = max(1, round(src_h * width / src_w))
        if current.size != (width, height):
            current = current.resize((width, height), resample)
        if index == 0:
            current = _to_srgb(current, icc)
        current.info = {}
        made.append((width, current))
    made.reverse()
    for fmt in settings.formats:
        for width, frame in made:
            name = f"{width}.{_EXT[fmt]}"
            _save(frame, folder / name, fmt, settings)
            renditions.append({"file": name, "width": frame.width, "height": frame.height, "mime": _MIME[fmt]})
    largest = made[-1][1]
    return {
        "width": largest.width,
        "height": largest.height,
        "source_width": src_w,
        "source_height": src_h,
        "renditions": renditions,
        "placeholder": _placeholder(made[0][1], settings),
    }



def _opaque(image: Image.Image) -> Image.Image:
    """To L, RGB or RGBA (see ``_normalize_mode``), dropping an alpha channel that hides nothing."""
    image = _normalize_mode(image)
    if image.mode == "RGBA" and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")
    return image



def _write_original(image: Image.Image, decoded: _Decoded, folder: Path, settings: MediaSettings) -> dict[str, Any]:
    """The full-size download: every pixel, already oriented and in sRGB, with no metadata.

    PNG when the photo has transparency (JPEG would lose it) or came as PNG (a scan or a
    drawing saved losslessly stays lossless, at about its own size); JPEG for everything
    else, since a photo re-encoded as PNG grows several times for no visible gain. The JPEG
    keeps full-resolution colour (4:4:4) unless the source JPEG had already halved it
    (4:2:0), where 4:4:4 would only add bytes."""
    image.info = {}  # no comment, DPI, ICC or transparency key rides along into the file
    if image.mode == "RGBA" or decoded.format == "PNG":
        fmt, name = "png", "original.png"
        image.save(folder / name, "PNG")
    else:
        fmt, name = "jpeg", "original.jpg"
        image.save(folder / name, "JPEG", quality=settings.download_quality, optimize=True,
                   subsampling=2 if decoded.sampling == 2 else 0)
    return {"file": name, "width": image.width, "height": image.height, "mime": _MIME[fmt],
            "size": (folder / name).stat().st_size}



def _flatten(image: Image.Image) -> Image.Image:
    if image.mode == "RGBA":
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image if image.mode in ("RGB", "L") else image.convert("RGB")



def _save(image: Image.Image, path: Path, fmt: str, settings: MediaSettings) -> None:
    """Encode with no metadata at all (no EXIF, XMP, ICC, comments)."""
    if fmt == "jpeg":
        _flatten(image).save(path, "JPEG", quality=settings.jpeg_quality, optimize=True)
    elif fmt == "webp":
        frame = image if image.mode in ("RGB", "RGBA") else image.convert("RGB")
        frame.save(path, "WEBP", quality=settings.webp_quality, method=settings.webp_method)
    elif fmt == "avif":
        frame = image if image.mode in ("RGB", "RGBA") else image.convert("RGB")
        frame.save(path, "AVIF", quality=settings.avif_quality, speed=8)
    elif fmt == "png":
        image.save(path, "PNG")
    else:
        raise ValueError(f"unknown format {fmt}")



def _placeholder(image: Image.Image, settings: MediaSettings) -> str:
    """A ~16 px wide, blurred WebP as a data: URI (a few hundred bytes)."""
    width = settings.placeholder_width
    height = max(1, round(image.height * width / image.width))
    tiny = _flatten(image).convert("RGB").resize((width, height), Image.Resampling.BOX)
    tiny = tiny.filter(ImageFilter.GaussianBlur(0.6))
    buffer = io.BytesIO()
    tiny.save(buffer, "WEBP", quality=40, method=4)
    return "data:image/webp;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")



def crop_box(width: int, height: int, ratio: float, focus: tuple[float, float]) -> tuple[int, int, int, int]:
    """The largest box of ``ratio`` (w/h) inside the image, centred on ``focus`` as far as it can be."""
    if width / height > ratio:
        crop_w, crop_h = round(height * ratio), height
    else:
        crop_w, crop_h = width, round(width / ratio)
    left = min(max(round(focus[0] * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(focus[1] * height - crop_h / 2), 0), height - crop_h)
    return left, top, left + crop_w, top + crop_h



def cut_crops(base: Path, folder: Path, focus: tuple[float, float], settings: MediaSettings) -> None:
    def write(tmp: Path) -> dict[str, Any]:
        meta: dict[str, list[dict[str, Any]]] = {}
        with Image.open(base) as opened:
            image = opened.convert("RGB")
        resample = _RESAMPLE.get(settings.resample, Image.Resampling.LANCZOS)
        for crop, ratio_w, ratio_h, widths in settings.crops:
            cut = image.crop(crop_box(image.width, image.height, ratio_w / ratio_h, focus))
            sizes = sorted({min(w, cut.width) for w in widths})
            meta[crop] = []
            for fmt in settings.formats:
                for width in sizes:
                    frame = cut if width == cut.width else cut.resize((width, round(width * ratio_h / ratio_w)), resample)
                    file = f"{crop}-{width}.{_EXT[fmt]}"
                    _save(frame, tmp / file, fmt, settings)
                    meta[crop].append({"file": file, "width": frame.width, "height": frame.height, "mime": _MIME[fmt]})
        return meta

    write_cache_folder(folder, write)



def photo_has_gps(path: Path) -> bool:
    """Does the photo's EXIF say where it was taken? (False for an unreadable photo: the
    media stage reports those.)"""
    try:
        with Image.open(path) as image:
            gps = image.getexif().get_ifd(GPS_IFD)
    except Exception:  # unreadable photos are reported by plan_media
        return False
    return bool(gps) and any(tag in gps for tag in (1, 2, 3, 4))



def draw_card(out: Path, size: tuple[int, int], bands: list[tuple[tuple[int, int, int, int], str]],
              texts: list[tuple[tuple[int, int], str, str, int, int, str]], logo: Path | None,
              logo_box: tuple[int, int, int]) -> None:
    """A share card (hall/media/cards.py lays it out): filled ``bands`` (box, colour), then
    ``texts`` ((x, y), text, font file, face index, size, colour) and the logo PNG scaled
    into ``logo_box`` (x, y, side); saved as an optimised PNG with no metadata."""
    card = Image.new("RGB", size, bands[0][1] if bands else "#ffffff")
    draw = ImageDraw.Draw(card)
    for box, colour in bands:
        draw.rectangle(box, fill=colour)
    for (x, y), text, font, index, font_size, colour in texts:
        draw.text((x, y), text, font=ImageFont.truetype(font, font_size, index=index), fill=colour)
    if logo is not None and logo.is_file():
        with Image.open(logo) as opened:
            mark = opened.convert("RGBA").resize((logo_box[2], logo_box[2]), Image.Resampling.LANCZOS)
        card.paste(mark, logo_box[:2], mark)
    card.save(out, "PNG", optimize=True)


def text_widths(texts: list[str], font: str, index: int, size: int) -> list[float]:
    """Widths in pixels of ``texts`` set in ``font`` (for wrapping a card's title)."""
    face = ImageFont.truetype(font, size, index=index)
    return [face.getlength(text) for text in texts]


def font_faces(font: str) -> list[str] | None:
    """The names of a font file's faces ("Noto Sans CJK SC Bold"…), None if Pillow cannot read it."""
    names: list[str] = []
    for index in range(16):
        try:
            family, style = ImageFont.truetype(font, 12, index=index).getname()
        except OSError:
            break
        names.append(f"{family} {style}")
    return names or None
