"""Load and validate the whole hall from its folders, collecting every problem in one pass."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .fields import FieldReader, closest
from .model import Body, Exhibit, FreePage, Hall, Home, Localized, Photo, Zone
from .problems import ContentErrors, ProblemLog
from .achievements import load_achievements
from .news import load_news
from .links import check_hall_links
from .timeline import load_timeline
from . import yamlfile
from .filecache import FileCache, code_version
from .yamlfile import YList, YMap, load_yaml, mapping_items, read_text

EXHIBIT_FIELDS = (
    "title", "summary", "date", "era", "order", "tags", "status", "images", "related", "timeline",
)
IMAGE_FIELDS = ("file", "alt", "caption", "credit", "focus", "download")
ZONE_FIELDS = ("id", "title", "intro")
HOME_FIELDS = ("hero", "intro", "highlights")
HERO_FIELDS = ("title", "subtitle")
STATUSES = ("published", "draft")
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".tif", ".tiff", ".gif"}
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TAGS_FILE = "exhibits/tags.yml"
PUBLISHED_SIDE_FILES = {"exhibit.yml"}


def load_hall(root: Path, languages: tuple[str, ...] = ("zh", "en")) -> tuple[Hall, ProblemLog]:
    """Read every zone, exhibit, page and home setting under ``root``; never raises for content."""
    root = Path(root)
    log = ProblemLog(root)
    loader = _Loader(root, languages, log)
    zones = loader.zones()
    tag_labels = loader.tag_labels()
    exhibits = {e.id: e for zone in zones for e in zone.exhibits}
    home = loader.home()
    pages = loader.pages()
    news_categories, news = load_news(loader)
    timeline = load_timeline(loader, exhibits, [n.id for n in news])
    achievements = load_achievements(loader)
    loader.check_references(exhibits, home)
    loader.check_tags(tag_labels)
    hall = Hall(root, languages, tuple(zones), tuple(pages), home, news=news, news_categories=news_categories,
                timeline=timeline, achievements=achievements, tag_labels=tag_labels)
    check_hall_links(hall, log)  # body links to other entries, entries sharing an address
    loader.yaml_cache.save()
    return hall, log


def load_hall_or_raise(root: Path, languages: tuple[str, ...] = ("zh", "en")) -> tuple[Hall, ProblemLog]:
    hall, log = load_hall(root, languages)
    if log.errors:
        raise ContentErrors(log)
    return hall, log


class _Loader:
    def __init__(self, root: Path, languages: tuple[str, ...], log: ProblemLog):
        self.root = root
        self.languages = languages
        self.log = log
        self.reference_checks: list[tuple[FieldReader, str, list[str], YList | None]] = []
        self.tag_checks: list[tuple[FieldReader, list[str], YList | None]] = []
        self.yaml_cache = FileCache(root, "yaml", code_version(yamlfile) + yaml.__version__)

    def yaml(self, path: Path) -> Any:
        """``load_yaml`` with this load's cache of parsed files (hall/content/filecache.py)."""
        return load_yaml(path, self.log, self.yaml_cache)

    def reader(self, data: YMap, path: Path) -> FieldReader:
        return FieldReader(data, path, self.log, self.languages)

    def mapping_file(self, path: Path, known: tuple[str, ...] | None) -> FieldReader | None:
        """The fields of an optional YAML file holding one mapping (home.yml, timeline.yml …);
        None when it is absent or broken (the problem is reported). ``known=None`` leaves
        the keys to the caller (tags.yml, whose keys are the staff's own tags)."""
        if not path.exists():
            return None
        data = self.yaml(path)
        if not self._expect_mapping(data, path):
            return None
        fields = self.reader(data, path)
        if known is not None:
            fields.check_known(known)
        return fields

    def _expect_mapping(self, data: object, path: Path) -> bool:
        if isinstance(data, dict):
            return True
        if data is not None:
            self.log.report(
                "yaml.not_mapping", path,
                "文件内容应为“字段: 值”的映射，这里却是列表或单个值。",
                "The file should hold fields (`key: value`), but holds a list or a single value.",
                "去掉行首的“- ”，每行写成“字段: 值”。", "Remove the leading “- ” and write one `key: value` per line.",
                line=getattr(data, "mark", None) and data.mark.line,
            )
        return False

    # -- zones and exhibits ---------------------------------------------------------------

    def zones(self) -> list[Zone]:
        exhibits_dir = self.root / "exhibits"
        path = exhibits_dir / "zones.yml"
        if not path.exists():
            self.log.report(
                "zones.missing", path, "找不到展区列表文件 exhibits/zones.yml。", "exhibits/zones.yml, the list of zones, is missing.",
                "新建该文件，按参观顺序列出展区（可用 hall new zone 生成）。",
                "Create it, listing the zones in visiting order (`hall new zone` makes one).",
            )
            return []
        data = self.yaml(path)
        if data is None:
            return []
        if not isinstance(data, list):
            self.log.report(
                "yaml.not_list", path, "展区列表应为列表，每个展区以“- id: …”开头。",
                "The zone list should be a list, each zone starting with `- id: …`.",
                "参照示例，每个展区前加“- ”。", "Put “- ” before each zone, as in the sample.",
                line=getattr(data, "mark", None) and data.mark.line,
            )
            return []
        zones: list[Zone] = []
        seen: set[str] = set()
        for item in mapping_items(data, path, self.log, "每个展区应写成“- id: …”加若干字段。",
                                  "Each zone should be written `- id: …` followed by its fields."):
            fields = self.reader(item, path)
            fields.check_known(ZONE_FIELDS)
            zone_id = fields.text("id", required=True)
            title = fields.localized("title", required=True)
            intro = fields.localized("intro")
            if not zone_id:
                continue
            if not SLUG.match(zone_id):
                fields.report(
                    "id", "zone.id", f"展区标识“{zone_id}”只能用小写英文字母、数字和连字符。",
                    f"The zone id “{zone_id}” may use only lowercase letters, digits and hyphens.",
                    "例如 history、customs-and-culture。", "For example: history, customs-and-culture.",
                )
                continue
            if zone_id in seen:
                fields.report("id", "zone.duplicate", f"展区“{zone_id}”重复列出。", f"The zone “{zone_id}” is listed twice.",
                              "删除重复的一项。", "Delete the repeated entry.")
                continue
            seen.add(zone_id)
            zones.append(Zone(zone_id, title or Localized({self.languages[0]: zone_id}), intro))
        zone_ids = [z.id for z in zones]
        result = []
        for zone in zones:
            folder = exhibits_dir / zone.id
            exhibits = [] if not folder.is_dir() else [
                exhibit for child in sorted(folder.iterdir()) if child.is_dir()
                if (exhibit := self.exhibit(zone.id, child)) is not None
            ]
            exhibits.sort(key=lambda e: (e.order, e.id))
            result.append(Zone(zone.id, zone.title, zone.intro, tuple(exhibits)))
        for child in sorted(exhibits_dir.iterdir()):
            if child.is_dir() and child.name not in zone_ids and not child.name.startswith((".", "_")):
                guess = closest(child.name, zone_ids)
                self.log.report(
                    "zone.unknown", child, f"文件夹 exhibits/{child.name} 不是 zones.yml 中列出的展区，其中内容不会发布。",
                    f"The folder exhibits/{child.name} is not a zone listed in zones.yml; nothing in it is published.",
                    f"把文件夹改名为“{guess}”，或在 zones.yml 中添加该展区。" if guess else "在 exhibits/zones.yml 中添加该展区。",
                    f"Rename the folder to “{guess}”, or add the zone to zones.yml." if guess else "Add the zone to exhibits/zones.yml.",
                )
        return result

    def exhibit(self, zone: str, folder: Path) -> Exhibit | None:
        exhibit_id = f"{zone}/{folder.name}"
        yml = folder / "exhibit.yml"
        if folder.name.startswith((".", "_")):
            return None
        if not yml.exists():
            if any(folder.iterdir()):
                self.log.report(
                    "exhibit.no_yml", folder, f"展品文件夹 {exhibit_id} 中没有 exhibit.yml，该展品不会发布。",
                    f"The exhibit folder {exhibit_id} has no exhibit.yml, so it cannot be published.",
                    f"运行 hall new exhibit {exhibit_id} 生成模板，或检查文件名的拼写。",
                    f"Run `hall new exhibit {exhibit_id}` to make one, or check the file name's spelling.",
                )
            return None
        if not SLUG.match(folder.name):
            self.log.report(
                "exhibit.id", folder, f"展品文件夹名“{folder.name}”只能用小写英文字母、数字和连字符（它会成为网址的一部分）。",
                f"The exhibit folder name “{folder.name}” may use only lowercase letters, digits and hyphens (it becomes part of the URL).",
                "例如 ming-mosque。", "For example: ming-mosque.",
            )
            return None
        data = self.yaml(yml)
        if not self._expect_mapping(data, yml):
            return None
        fields = self.reader(data, yml)
        fields.check_known(EXHIBIT_FIELDS)
        title = fields.localized("title", required=True)
        order = fields.get("order", int)
        images = self.photos(fields, folder)
        related = fields.str_list("related")
        self.reference_checks.append((fields, "related", related, data.get("related")))
        bodies = self.bodies(folder)
        exhibit = Exhibit(
            id=exhibit_id,
            zone=zone,
            folder=self.log.rel(folder),
            title=title or Localized({self.languages[0]: folder.name}),
            summary=fields.localized("summary"),
            bodies=bodies,
            date=fields.date("date"),
            era=fields.localized("era"),
            order=order if order is not None else 1000,
            tags=self.tags(fields),
            status=fields.choice("status", STATUSES, "published"),  # type: ignore[arg-type]
            images=tuple(images),
            related=tuple(related),
            timeline=bool(fields.get("timeline", bool)),
        )
        self.stray_files(folder, exhibit)
        return exhibit

    def bodies(self, folder: Path) -> dict[str, Body]:
        bodies: dict[str, Body] = {}
        for language in self.languages:
            path = folder / f"{language}.md"
            if not path.exists():
                if language == self.languages[0]:
                    self.log.report(
                        "body.missing", path, f"缺少中文正文文件 {language}.md。", f"The Chinese body file {language}.md is missing.",
                        f"在文件夹中新建 {language}.md，写入展品介绍。", f"Create {language}.md in the folder with the exhibit's text.",
                    )
                continue
            text = read_text(path, self.log)
            if text is None:
                continue
            if not text.strip():
                self.log.report(
                    "file.empty", path, "正文文件是空的。", "The body file is empty.",
                    "写入正文，或删除该文件（英文缺失时会显示“译文待补”）。",
                    "Write the text, or delete the file (a missing translation is shown as pending).",
                )
                continue
            bodies[language] = Body(text, self.log.rel(path))
        return bodies

    def photos(self, fields: FieldReader, folder: Path) -> list[Photo]:
        images = fields.get("images", list) or []
        photos = []
        for index, item in enumerate(images):
            if isinstance(item, str):
                item_map = YMap(file=item)
                item_map.mark, item_map.key_marks = images.mark_of(index), {}
                item = item_map
            if not isinstance(item, dict):
                fields._wrong_type("images", dict, item)
                continue
            reader = self.reader(item, fields.path)
            reader.check_known(IMAGE_FIELDS)
            name = reader.text("file", required=True)
            alt = reader.localized("alt", required=True)
            if not name:
                continue
            path = self.photo_path(reader, folder, name)
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
                file=self.log.rel(path),
                alt=alt or Localized({self.languages[0]: ""}),
                caption=reader.localized("caption"),
                credit=reader.localized("credit"),
                focus=(float(focus[0]), float(focus[1])),
                download=bool(reader.get("download", bool)),
            ))
        return photos

    def photo_path(self, reader: FieldReader, folder: Path, name: str) -> Path | None:
        path = (folder / name).resolve()
        try:
            path.relative_to(self.log._resolved_root())
        except ValueError:
            reader.report(
                "file", "image.outside", f"图片路径“{name}”指向了内容仓库之外。",
                f"The photo path “{name}” leads outside the repository.",
                "把照片复制到本条目的文件夹中，只写文件名。", "Copy the photo into this entry's folder and give just its file name.",
            )
            return None
        if not path.is_file():
            candidates = [p.name for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES]
            guess = closest(name, candidates)
            reader.report(
                "file", "image.missing", f"找不到图片文件“{name}”。", f"The photo “{name}” does not exist.",
                f"你是不是想写“{guess}”？注意文件名区分大小写。" if guess else "把照片放进本条目的文件夹，并检查文件名。",
                f"Did you mean “{guess}”? File names are case-sensitive." if guess else "Put the photo into this entry's folder and check the name.",
            )
            return None
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            reader.report(
                "file", "image.format", f"“{name}”不是支持的图片格式。", f"“{name}” is not a supported image format.",
                "请使用 JPEG、PNG、WebP 或 HEIC 照片。", "Use a JPEG, PNG, WebP or HEIC photo.",
            )
            return None
        return path

    def stray_files(self, folder: Path, exhibit: Exhibit) -> None:
        used = {Path(p.file).name for p in exhibit.images} | {f"{lang}.md" for lang in self.languages}
        used |= PUBLISHED_SIDE_FILES
        bodies = " ".join(body.text for body in exhibit.bodies.values())
        for child in sorted(folder.iterdir()):
            if child.name in used or child.name.startswith(".") or child.name in bodies:
                continue
            self.log.report(
                "exhibit.stray_file", child, f"文件“{child.name}”没有被引用，不会发布。",
                f"The file “{child.name}” is not referenced anywhere and will not be published.",
                "如需展示，请在 exhibit.yml 的 images 中添加；否则可移走。",
                "To show it, add it under images in exhibit.yml; otherwise move it elsewhere.",
                level="warning",
            )

    # -- tags -----------------------------------------------------------------------------

    def tag_labels(self) -> dict[str, Localized]:
        """exhibits/tags.yml, ``slug: {zh: …, en: …}``: entries carry slugs, visitors read
        labels in their language. Absent file: no labels (each tag used is then warned about)."""
        fields = self.mapping_file(self.root / TAGS_FILE, None)
        if fields is None:
            return {}
        labels: dict[str, Localized] = {}
        for key, value in fields.data.items():
            slug = str(key)
            if not SLUG.match(slug):
                fields.report(
                    key, "tag.id", f"标签“{slug}”只能用小写英文字母、数字和连字符（中文名称写在后面的 zh 中）。",
                    f"The tag “{slug}” may use only lowercase letters, digits and hyphens (its labels go in zh and en).",
                    "例如 activity-room: {zh: 活动室, en: Activity room}。",
                    "For example: activity-room: {zh: 活动室, en: Activity room}.",
                )
                continue
            if value in (None, ""):
                fields.report(
                    key, "tag.label", f"标签“{slug}”没有写名称。", f"The tag “{slug}” has no label.",
                    f"写成 {slug}: {{zh: 中文名称, en: English label}}。",
                    f"Write it as {slug}: {{zh: 中文名称, en: English label}}.",
                )
                continue
            label = fields.localized(key, required=True)
            if label:
                labels[slug] = label
        return labels

    def tags(self, fields: FieldReader) -> tuple[str, ...]:
        """The ``tags`` of an exhibit or news item, remembered for ``check_tags``."""
        tags = fields.str_list("tags")
        self.tag_checks.append((fields, tags, fields.data.get("tags")))
        return tuple(tags)

    def check_tags(self, labels: dict[str, Localized]) -> None:
        """A tag missing from tags.yml is a warning, not an error: the page still shows
        it, readably but untranslated, and staff may add the label later."""
        known = list(labels)
        for fields, tags, node in self.tag_checks:
            for index, tag in enumerate(tags):
                if tag in labels:
                    continue
                guess = closest(tag, known)
                mark = node.mark_of(index) if isinstance(node, YList) else None
                readable = tag.replace("-", " ")
                example_zh = f"{tag}: {{zh: 中文名称, en: English label}}"
                self.log.report(
                    "tag.unknown", fields.path,
                    f"标签“{tag}”不在 {TAGS_FILE} 中，页面上只能显示为“{readable}”。",
                    f"The tag “{tag}” is not in {TAGS_FILE}, so pages show it as “{readable}”.",
                    f"你是不是想写“{guess}”？如果是新标签，请在 {TAGS_FILE} 中添加一行 {example_zh}。" if guess
                    else f"在 {TAGS_FILE} 中添加一行 {example_zh}。",
                    f"Did you mean “{guess}”? If it is a new tag, add a line `{example_zh}` to {TAGS_FILE}." if guess
                    else f"Add a line `{example_zh}` to {TAGS_FILE}.",
                    line=mark.line if mark else None, column=mark.column if mark else None, level="warning",
                )

    # -- home and pages -------------------------------------------------------------------

    def home(self) -> Home:
        default = Home(Localized({self.languages[0]: "展厅"}))
        fields = self.mapping_file(self.root / "content" / "home.yml", HOME_FIELDS)
        if fields is None:
            return default
        data = fields.data
        hero = fields.get("hero", dict) or YMap()
        hero_fields = self.reader(hero, fields.path) if isinstance(hero, YMap) else None
        if hero_fields:
            hero_fields.check_known(HERO_FIELDS)
        title = hero_fields.localized("title", required=True) if hero_fields else None
        highlights = fields.str_list("highlights")
        self.reference_checks.append((fields, "highlights", highlights, data.get("highlights")))
        return Home(
            title=title or default.title,
            subtitle=hero_fields.localized("subtitle") if hero_fields else None,
            intro=fields.localized("intro"),
            highlights=tuple(highlights),
        )

    def pages(self) -> list[FreePage]:
        folder = self.root / "content" / "pages"
        if not folder.is_dir():
            return []
        slugs: dict[str, dict[str, Body]] = {}
        for path in sorted(folder.glob("*.md")):
            parts = path.name[:-3].rsplit(".", 1)
            slug, language = (parts[0], parts[1]) if len(parts) == 2 else (parts[0], self.languages[0])
            if language not in self.languages:
                guess = closest(language, self.languages)
                self.log.report(
                    "page.language", path, f"文件名中的语言代码“{language}”不是站点语言。",
                    f"The language code “{language}” in the file name is not one of the site's languages.",
                    f"把文件改名为 {slug}.{guess}.md。" if guess else f"文件名应为 {slug}.zh.md 或 {slug}.en.md。",
                    f"Rename it {slug}.{guess}.md." if guess else f"Name it {slug}.zh.md or {slug}.en.md.",
                )
                continue
            if not SLUG.match(slug):
                self.log.report(
                    "page.slug", path, f"页面文件名“{slug}”只能用小写英文字母、数字和连字符。",
                    f"The page file name “{slug}” may use only lowercase letters, digits and hyphens.",
                    "例如 about.zh.md。", "For example: about.zh.md.",
                )
                continue
            text = read_text(path, self.log)
            if text is not None:
                slugs.setdefault(slug, {})[language] = Body(text, self.log.rel(path))
        pages = []
        for slug, bodies in slugs.items():
            if self.languages[0] not in bodies:
                self.log.report(
                    "page.no_default", folder / f"{slug}.{self.languages[0]}.md",
                    f"页面“{slug}”缺少中文版本 {slug}.{self.languages[0]}.md。",
                    f"The page “{slug}” has no Chinese version {slug}.{self.languages[0]}.md.",
                    "先写中文版本，其他语言可以缺省。", "Write the Chinese version first; other languages may be missing.",
                )
                continue
            pages.append(FreePage(slug, bodies))
        return pages

    # -- cross references -------------------------------------------------------------------

    def check_references(self, exhibits: dict[str, Exhibit], home: Home) -> None:
        ids = list(exhibits)
        for fields, key, values, node in self.reference_checks:
            for index, value in enumerate(values):
                if value in exhibits:
                    continue
                guess = closest(value, ids)
                mark = node.mark_of(index) if isinstance(node, YList) else None
                self.log.report(
                    f"reference.{key}", fields.path, f"{key} 中的“{value}”不是已有的展品。",
                    f"“{value}” in {key} is not an existing exhibit.",
                    f"你是不是想写“{guess}”？展品标识写作“展区/文件夹名”。" if guess else "展品标识写作“展区/文件夹名”，如 history/ming-mosque。",
                    f"Did you mean “{guess}”? An exhibit is named “zone/folder”." if guess else "An exhibit is named “zone/folder”, e.g. history/ming-mosque.",
                    line=mark.line if mark else None, column=mark.column if mark else None,
                )
