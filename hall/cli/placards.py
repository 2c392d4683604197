"""`hall placards`: print-ready PDFs of the exhibits' placards, the zones' and the entrance poster.

A placard is hung for years, so what it says must be what is published: the hall as the
public site shows it (no drafts, no staff notes), and QR codes to the real public address.
The sample's placeholder address is refused unless staff ask for a visibly marked draft.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..content import load_hall
from ..content.guide import visiting_route
from ..content.system_problems import shown_path
from ..outputs.placeholders import placeholder_site_url
from .config import config_file_of
from .say import say
from .staff import publishing_checks

PARTS = ("exhibits", "zones", "poster")
SHEETS = ("a4", "a6")


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``hall placards`` on the ``hall`` command's subcommands."""
    placards = sub.add_parser("placards", parents=[common],
                              help="生成可打印的展品说明牌、展区牌和入口海报（PDF） print-ready placards and poster (PDF)")
    placards.add_argument("--out", default=None, help="输出目录 output folder (default: placards/)")
    placards.add_argument("--draft", action="store_true",
                          help="草稿：每张都印上“草稿 DRAFT”，可用示例网址 a draft, marked as such, may use the placeholder address")
    placards.add_argument("--only", choices=PARTS, help="只生成一种 only one kind: exhibits | zones | poster")
    placards.add_argument("--sheet", choices=SHEETS,
                          help="展品说明牌只生成 A6 单张或 A4 拼版 exhibit placards on A6 pages or four per A4 sheet only")
    placards.add_argument("--font", default=None, help="中文字体文件 a CJK font file (.ttc/.otf/.ttf)")
    placards.set_defaults(func=cmd_placards)


def _settings(config_file: Path) -> tuple[str, tuple[str, ...], dict[str, str], str]:
    """site_url, languages, the hall's name per language and placard_font, from mkdocs.yml."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    plugin = config.plugins.get("hall")
    options = plugin.config if plugin else {}
    languages = tuple(options.get("languages") or ("zh", "en"))
    names = dict(options.get("site_name") or {})
    names.setdefault(languages[0], config.site_name or "")
    return config.site_url or "", languages, names, str(options.get("placard_font") or "")


def cmd_placards(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import ConfigurationError

    from ..outputs.placards import FontNotFound, Job, find_font, texts, write_placards  # fpdf2: only here

    config_file = config_file_of(args)
    root = config_file.parent
    started = time.perf_counter()
    try:
        site_url, languages, names, configured_font = _settings(config_file)
    except ConfigurationError as err:
        print(err, file=sys.stderr)
        say("mkdocs.yml 有错误，未生成说明牌。请按上面的提示修改。",
            "mkdocs.yml has an error, so no placards were made. Fix the problem above.", sys.stderr)
        return 1
    hall, log = load_hall(root, languages)
    publishing_checks(hall, log)  # personal data: a placard is published too
    if log.errors:
        print(log.format(), file=sys.stderr)
        say("内容有错误，未生成说明牌（原有的 PDF 未被改动）。请按上面的提示修改后重试。",
            "The content has errors, so no placards were made (existing PDFs are untouched). "
            "Fix the problems above and try again.", sys.stderr)
        return 1
    if placeholder_site_url(site_url) and not args.draft:
        shown = site_url.strip() or "（空 / empty）"
        say(f"mkdocs.yml 中的网址 site_url 是示例或空的（{shown}）：二维码会指向错误的地址。"
            "请把 site_url 改为展厅网站的正式网址（例如 https://展厅域名/），再运行 hall placards；"
            "只想看看排版时，运行 hall placards --draft（每张都印有“草稿”）。",
            f"site_url in mkdocs.yml is a placeholder or empty ({shown}): the QR codes would lead nowhere. "
            "Set site_url to the hall's real public address, then run hall placards again; "
            "to check the layout only, run hall placards --draft (every placard is marked DRAFT).", sys.stderr)
        return 1
    if not site_url.strip():
        say("mkdocs.yml 中没有 site_url：请写上网址（草稿也可以用示例网址 https://hall.example.cn/）。",
            "mkdocs.yml has no site_url: write one (a draft may use the example https://hall.example.cn/).", sys.stderr)
        return 1
    try:
        font = find_font([args.font or configured_font] if (args.font or configured_font) else [])
    except FontNotFound as err:
        say(err.zh, err.en, sys.stderr)
        return 1
    public = hall.for_audience(False)  # no drafts, no staff notes: nothing meant for staff is printed
    job = Job(
        exhibits=texts.exhibit_placards(public, site_url),
        zones=texts.zone_placards(public, site_url),
        poster=texts.poster(public, site_url),
        words=texts.wording(public, names, args.draft),
        font=font,
        parts=(args.only,) if args.only else PARTS,
        sheets=(args.sheet,) if args.sheet else ("a6", "a4"),
    )
    out = Path(args.out).resolve() if args.out else root / "placards"
    written = write_placards(job, out)
    if not written:
        say("没有可打印的内容（没有已发布的展品）。", "Nothing to print (no published exhibits).")
        return 0
    for path in written:
        print(f"  {shown_path(path, root)}")
    draft = "（草稿）" if args.draft else ""
    pdfs = sum(1 for path in written if path.suffix == ".pdf")
    say(f"完成{draft}：{pdfs} 个 PDF 已写入 {shown_path(out, root)}（展厅共 {len(job.exhibits)} 件已发布展品、"
        f"{len(job.zones)} 个展区；{time.perf_counter() - started:.1f} 秒）。",
        f"Done{' (draft)' if args.draft else ''}: {pdfs} PDF(s) written to {shown_path(out, root)} "
        f"({len(job.exhibits)} published exhibits, {len(job.zones)} zones).")
    if not args.draft and {"exhibits", "zones"} & set(job.parts):
        _say_unpinned(public)
    return 0


def _say_unpinned(public) -> None:
    """Printed numbers that a new exhibit earlier in the zone would move (hall/content/guide.py),
    each with the line that pins it as printed."""
    unpinned = [exhibit for exhibit in visiting_route(public) if not exhibit.guide_pinned]
    if not unpinned:
        return
    say(f"注意：{len(unpinned)} 件展品的导览编号没有固定。本展区前面增删展品时，它们的编号会变，"
        "已印的说明牌就不对了。在各自的 exhibit.yml 中加上下面这一行，编号就固定为印出的号码：",
        f"Note: the guide numbers of {len(unpinned)} exhibits are not pinned. Adding or removing an exhibit "
        "earlier in their zone would change them, and the printed placards would be wrong. Add the line "
        "below to each exhibit.yml to pin the number as printed:")
    for exhibit in unpinned:
        print(f"  {exhibit.folder}/exhibit.yml    guide: {exhibit.guide}")
