"""The CJK font the placards are set in: found on Debian, Windows or macOS, or named by staff.

Placards are printed, so the font travels inside the PDF (embedded, subset to the glyphs
used: fpdf2 does both for OpenType/CFF fonts such as Noto Sans CJK, via fontTools). Which
font was used and its licence are read from the font itself (OpenType name records 13 and
14), so the README beside the PDFs states the real licence, not an assumed one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from fontTools.ttLib import TTCollection, TTFont, TTLibError

#: Looked for in this order; a regular face first, then its bold sibling (same folder).
DEFAULT_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # Debian, Ubuntu (fonts-noto-cjk)
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",  # Arch
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",  # Fedora
    "C:/Windows/Fonts/msyh.ttc",  # Microsoft YaHei, every Windows since Vista
    "C:/Windows/Fonts/simhei.ttf",
    "/System/Library/Fonts/STHeiti Medium.ttc",  # macOS
)
#: The bold file beside a regular one, by name.
_BOLD_NAMES = {"NotoSansCJK-Regular.ttc": "NotoSansCJK-Bold.ttc", "msyh.ttc": "msyhbd.ttc"}
#: A character every Chinese font has and no Latin-only font has.
_PROBE = "展"


@dataclass(frozen=True)
class Face:
    file: str
    index: int  # the face inside a .ttc collection (Noto's "Sans CJK SC" is the third)
    name: str


@dataclass(frozen=True)
class PlacardFont:
    regular: Face
    bold: Face
    licence: str  # the font's own licence text (name record 13), "" if it states none
    licence_url: str
    characters: frozenset[int]  # code points the regular face draws

    def printable(self, text: str) -> str:
        """``text`` without the characters the font cannot draw (an emoji in a title prints
        as nothing rather than as an empty box)."""
        return "".join(ch for ch in text if ord(ch) in self.characters or ch == " ")


class FontNotFound(Exception):
    """No CJK font among the candidates: the message says where we looked and what to do."""

    def __init__(self, looked: Sequence[str]) -> None:
        self.looked = tuple(looked)
        listed = "、".join(self.looked)
        self.zh = (f"找不到可用于说明牌的中文字体（已查找：{listed}）。请安装 Noto Sans CJK（Debian：apt install fonts-noto-cjk），"
                   "或在 mkdocs.yml 的 hall 插件设置中写 placard_font: 字体文件路径（例如 C:/Windows/Fonts/msyh.ttc），"
                   "或运行 hall placards --font 字体文件路径。")
        self.en = (f"No Chinese font for the placards was found (looked for: {', '.join(self.looked)}). Install Noto Sans CJK "
                   "(Debian: apt install fonts-noto-cjk), or set placard_font: PATH under the hall plugin in mkdocs.yml "
                   "(e.g. C:/Windows/Fonts/msyh.ttc), or run hall placards --font PATH.")
        super().__init__(f"{self.zh}  {self.en}")


def _faces(path: str) -> list[TTFont]:
    try:
        if path.lower().endswith((".ttc", ".otc")):
            return list(TTCollection(path, lazy=True).fonts)
        return [TTFont(path, lazy=True)]
    except (OSError, TTLibError, ValueError, AssertionError):
        return []


def _name(font: TTFont, record: int) -> str:
    name = font["name"].getDebugName(record) if "name" in font else None
    return name or ""


def _chinese_face(path: str) -> tuple[int, TTFont] | None:
    """The Simplified Chinese face of ``path`` (the one named "… SC", else the first face
    that draws a Chinese character), or None when the file has no such face."""
    faces = _faces(path)
    named = [i for i, face in enumerate(faces) if " SC" in _name(face, 4) and "Mono" not in _name(face, 4)]
    for index in named + list(range(len(faces))):
        cmap = faces[index].getBestCmap() or {}
        if ord(_PROBE) in cmap:
            return index, faces[index]
    return None


def find_font(candidates: Sequence[str] = ()) -> PlacardFont:
    """The first candidate (``placard_font``, ``--font``; else ``DEFAULT_FONTS``) that is a
    readable font with a Chinese face; its bold sibling when there is one."""
    looked = [str(c) for c in candidates if c] or list(DEFAULT_FONTS)
    for candidate in looked:
        if not Path(candidate).is_file():
            continue
        found = _chinese_face(candidate)
        if found is None:
            continue
        index, face = found
        regular = Face(candidate, index, _name(face, 4))
        bold = regular
        sibling = _BOLD_NAMES.get(Path(candidate).name)
        if sibling and (Path(candidate).parent / sibling).is_file():
            bold_path = str(Path(candidate).parent / sibling)
            bold_found = _chinese_face(bold_path)
            if bold_found:
                bold = Face(bold_path, bold_found[0], _name(bold_found[1], 4))
        return PlacardFont(regular, bold, _name(face, 13), _name(face, 14),
                           frozenset((face.getBestCmap() or {}).keys()))
    raise FontNotFound(looked)


def subset_font(font: PlacardFont, characters: str, folder: Path) -> PlacardFont:
    """``font`` cut down to ``characters`` (every text of this run) once, into ``folder``.

    fpdf2 reads and subsets the whole font for every PDF it writes: for Noto Sans CJK (65,535
    glyphs) that is 2.3 s to add each face and 1.7 s to subset it, per PDF, so 25 s of the
    sample's 26 s went there with four PDFs of two faces. Cut to the few hundred characters
    the placards use before fpdf2 sees it, the same four PDFs take about 3 s; fpdf2 still
    subsets (and embeds) what it is given, so what reaches the PDF is unchanged."""
    from fontTools import subset

    wanted = {ord(ch) for ch in characters} | {ord(ch) for ch in "0123456789–…· "}
    faces: dict[Face, Face] = {}
    for role, face in (("regular", font.regular), ("bold", font.bold)):
        if face in faces:
            continue
        options = subset.Options()
        options.font_number = face.index
        options.name_IDs = ["*"]  # keep the font's names and its licence records
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.layout_features = ["*"]
        options.hinting = False  # print needs no hinting; plain outlines make every later pass quicker
        options.desubroutinize = True
        loaded = subset.load_font(face.file, options, lazy=False)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(wanted))
        subsetter.subset(loaded)
        suffix = ".otf" if "CFF " in loaded else ".ttf"
        target = folder / f"{role}{suffix}"
        loaded.save(str(target))
        faces[face] = Face(str(target), 0, face.name)
    return PlacardFont(faces[font.regular], faces[font.bold], font.licence, font.licence_url, font.characters)
