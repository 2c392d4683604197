"""The home page's settings (``content/home.yml``) and the free pages
(``content/pages/<slug>.<language>.md``)."""

from __future__ import annotations

from .context import ReadContext
from .fields import closest
from .model import Body, FreePage, Home, Localized
from .rules import SLUG
from .yamlfile import YMap, read_text

HOME_FIELDS = ("hero", "intro", "highlights")
HERO_FIELDS = ("title", "subtitle")


def read_home(ctx: ReadContext) -> Home:
    default = Home(Localized({ctx.languages[0]: "展厅"}))
    fields = ctx.mapping_file(ctx.root / "content" / "home.yml", HOME_FIELDS)
    if fields is None:
        return default
    data = fields.data
    hero = fields.get("hero", dict) or YMap()
    hero_fields = ctx.reader(hero, fields.path) if isinstance(hero, YMap) else None
    if hero_fields:
        hero_fields.check_known(HERO_FIELDS)
    title = hero_fields.localized("title", required=True) if hero_fields else None
    highlights = fields.str_list("highlights")
    ctx.reference_checks.append((fields, "highlights", highlights, data.get("highlights")))
    return Home(
        title=title or default.title,
        subtitle=hero_fields.localized("subtitle") if hero_fields else None,
        intro=fields.localized("intro"),
        highlights=tuple(highlights),
    )



def read_free_pages(ctx: ReadContext) -> list[FreePage]:
    folder = ctx.root / "content" / "pages"
    if not folder.is_dir():
        return []
    slugs: dict[str, dict[str, Body]] = {}
    for path in sorted(folder.glob("*.md")):
        parts = path.name[:-3].rsplit(".", 1)
        slug, language = (parts[0], parts[1]) if len(parts) == 2 else (parts[0], ctx.languages[0])
        if language not in ctx.languages:
            guess = closest(language, ctx.languages)
            ctx.log.report(
                "page.language", path, f"文件名中的语言代码“{language}”不是站点语言。",
                f"The language code “{language}” in the file name is not one of the site's languages.",
                f"把文件改名为 {slug}.{guess}.md。" if guess else f"文件名应为 {slug}.zh.md 或 {slug}.en.md。",
                f"Rename it {slug}.{guess}.md." if guess else f"Name it {slug}.zh.md or {slug}.en.md.",
            )
            continue
        if not SLUG.match(slug):
            ctx.log.report(
                "page.slug", path, f"页面文件名“{slug}”只能用小写英文字母、数字和连字符。",
                f"The page file name “{slug}” may use only lowercase letters, digits and hyphens.",
                "例如 about.zh.md。", "For example: about.zh.md.",
            )
            continue
        text = read_text(path, ctx.log)
        if text is not None:
            slugs.setdefault(slug, {})[language] = Body(text, ctx.log.rel(path))
    pages = []
    for slug, bodies in slugs.items():
        if ctx.languages[0] not in bodies:
            ctx.log.report(
                "page.no_default", folder / f"{slug}.{ctx.languages[0]}.md",
                f"页面“{slug}”缺少中文版本 {slug}.{ctx.languages[0]}.md。",
                f"The page “{slug}” has no Chinese version {slug}.{ctx.languages[0]}.md.",
                "先写中文版本，其他语言可以缺省。", "Write the Chinese version first; other languages may be missing.",
            )
            continue
        pages.append(FreePage(slug, bodies))
    return pages
