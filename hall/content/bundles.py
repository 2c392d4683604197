"""The parts of an entry folder (an exhibit or a news item): its bodies per language, its
photos with their texts, and files in it that nothing uses."""

from __future__ import annotations

from pathlib import Path

from .audio import is_audio_name
from .context import ReadContext
from .fields import FieldReader, closest
from .licences import read_licence
from .model import Body, Exhibit, Localized, Photo
from .rules import PHOTO_SUFFIXES
from .yamlfile import YMap, read_text

IMAGE_FIELDS = ("file", "alt", "caption", "credit", "licence", "focus", "download")
#: Files of an exhibit folder that are read but not referenced by name.
PUBLISHED_SIDE_FILES = {"exhibit.yml"}


def read_bodies(ctx: ReadContext, folder: Path) -> dict[str, Body]:
    bodies: dict[str, Body] = {}
    for language in ctx.languages:
        path = folder / f"{language}.md"
        if not path.exists():
            if language == ctx.languages[0]:
                ctx.log.report(
                    "body.missing", path, f"缺少中文正文文件 {language}.md。", f"The Chinese body file {language}.md is missing.",
                    f"在文件夹中新建 {language}.md，写入展品介绍。", f"Create {language}.md in the folder with the exhibit's text.",
                )
            continue
        text = read_text(path, ctx.log)
        if text is None:
            continue
        if not text.strip():
            ctx.log.report(
                "file.empty", path, "正文文件是空的。", "The body file is empty.",
                "写入正文，或删除该文件（英文缺失时会显示“译文待补”）。",
                "Write the text, or delete the file (a missing translation is shown as pending).",
            )
            continue
        bodies[language] = Body(text, ctx.log.rel(path))
    return bodies



def read_photos(ctx: ReadContext, fields: FieldReader, folder: Path) -> list[Photo]:
    images = fields.get("images", list) or []
    photos = []
    for index, item in enumerate(images):
        if isinstance(item, str):
            item_map = YMap(file=item)
            item_map.mark, item_map.key_marks = images.mark_of(index), {}
            item = item_map
        if not isinstance(item, dict):
            fields.wrong_type("images", dict, item)
            continue
        reader = ctx.reader(item, fields.path)
        reader.check_known(IMAGE_FIELDS)
        name = reader.text("file", required=True)
        alt = reader.localized("alt", required=True)
        if not name:
            continue
        path = photo_path(ctx, reader, folder, name)
        if path is None:
            continue
        focus = reader.get("focus", list) or [0.5, 0.5]
        if len(focus) != 2 or not all(isinstance(v, (int, float)) and 0 <= v <= 1 for v in focus):
            reader.report(
                "focus", "image.focus", "focus 应为两个 0 到 1 之间的数，如 [0.5, 0.3]。",
                "focus should be two numbers between 0 and 1, such as [0.5, 0.3].",
                "第一个数是横向位置（0 左，1 右），第二个是纵向（0 上，1 下）。",
                "The first is across (0 left, 1 right), the second down (0 top, 1 bottom).",
            )
            focus = [0.5, 0.5]
        photos.append(Photo(
            file=ctx.log.rel(path),
            alt=alt or Localized({ctx.languages[0]: ""}),
            caption=reader.localized("caption"),
            credit=reader.localized("credit"),
            focus=(float(focus[0]), float(focus[1])),
            download=bool(reader.get("download", bool)),
            licence=read_licence(reader, "licence"),  # hall/content/licences.py
        ))
    return photos



def photo_path(ctx: ReadContext, reader: FieldReader, folder: Path, name: str) -> Path | None:
    path = (folder / name).resolve()
    try:
        path.relative_to(ctx.log.resolved_root())
    except ValueError:
        reader.report(
            "file", "image.outside", f"图片路径“{name}”指向了内容仓库之外。",
            f"The photo path “{name}” leads outside the repository.",
            "把照片复制到本条目的文件夹中，只写文件名。", "Copy the photo into this entry's folder and give just its file name.",
        )
        return None
    if not path.is_file():
        candidates = [p.name for p in folder.iterdir() if p.suffix.lower() in PHOTO_SUFFIXES]
        guess = closest(name, candidates)
        reader.report(
            "file", "image.missing", f"找不到图片文件“{name}”。", f"The photo “{name}” does not exist.",
            f"你是不是想写“{guess}”？注意文件名区分大小写。" if guess else "把照片放进本条目的文件夹，并检查文件名。",
            f"Did you mean “{guess}”? File names are case-sensitive." if guess else "Put the photo into this entry's folder and check the name.",
        )
        return None
    if path.suffix.lower() not in PHOTO_SUFFIXES:
        reader.report(
            "file", "image.format", f"“{name}”不是支持的图片格式。", f"“{name}” is not a supported image format.",
            "请使用 JPEG、PNG、WebP 或 HEIC 照片。", "Use a JPEG, PNG, WebP or HEIC photo.",
        )
        return None
    return path



def report_stray_files(ctx: ReadContext, folder: Path, exhibit: Exhibit) -> None:
    used = {Path(p.file).name for p in exhibit.images} | {f"{lang}.md" for lang in ctx.languages}
    used |= PUBLISHED_SIDE_FILES
    bodies = " ".join(body.text for body in exhibit.bodies.values())
    for child in sorted(folder.iterdir()):
        if child.name in used or child.name.startswith(".") or child.name in bodies or is_audio_name(child.name):
            continue
        ctx.log.report(
            "exhibit.stray_file", child, f"文件“{child.name}”没有被引用，不会发布。",
            f"The file “{child.name}” is not referenced anywhere and will not be published.",
            "如需展示，请在 exhibit.yml 的 images 中添加；否则可移走。",
            "To show it, add it under images in exhibit.yml; otherwise move it elsewhere.",
            level="warning",
        )
