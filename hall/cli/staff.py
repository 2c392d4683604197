"""Staff commands of `hall` beside building: scaffolds (`hall new`), translation status and
`hall translated`, `hall fix-encoding`, and the publishing checks `hall check` and
`hall build` run (`--strict`: hall/content/strict.py). Each prints bilingual messages and returns an exit status,
never a traceback for a staff mistake.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

from ..content import load_hall
from ..content.model import Hall
from ..content.privacy import check_privacy
from ..content.problems import ProblemLog
from ..content.rules import SLUG_PATTERN
from ..content.translations import (
    format_table,
    mark_translated,
    source_of,
)
from ..media import photo_has_gps
from .config import config_file_of, site_languages
from .say import say
from .scaffold import new_exhibit, new_news, new_zone


def publishing_checks(hall: Hall, log: ProblemLog) -> None:
    """What every publishing build checks besides the content's form: personal data."""
    check_privacy(hall, log, publishing=True, has_gps=photo_has_gps)


def print_translations(hall: Hall) -> int:
    table, missing = format_table(hall)
    print(table)
    return missing


def cmd_translated(args: argparse.Namespace) -> int:
    """Record in each translation which Chinese text it was made from."""
    status = 0
    for name in args.files:
        path = Path(name)
        source = source_of(path)
        if not path.is_file() or not source.is_file():
            say(f"找不到 {path} 或它的中文原文 {source}。", f"Cannot find {path} or its Chinese source {source}.", sys.stderr)
            status = 1
            continue
        try:
            stamp = mark_translated(path, source)
        except ValueError as err:
            print(err, file=sys.stderr)
            status = 1
            continue
        say(f"已记录：{path} 译自当前的 {source.name}（{stamp}）。", f"Recorded: {path} follows the current {source.name}.")
    return status


def cmd_new_other(root: Path, kind: str, name: str) -> int:
    """`hall new news <date-slug>` and `hall new zone <id>`."""
    try:
        if kind == "news":
            if not re.fullmatch(r"\d{4}(-\d{2}){0,2}-[a-z][a-z0-9-]*", name or ""):
                say("请写成“日期-短名”，如 2024-05-01-lecture；只知道年份就写 2024-lecture。",
                     "Write it as date-slug, e.g. 2024-05-01-lecture, or 2024-lecture when only the year is known.",
                     sys.stderr)
                return 2
            written = new_news(root, name)
            done = ("已创建草稿动态；编辑后把 status 改为 published 即可发布。",
                    "Draft news item created; edit it, then set status: published to publish it.")
        else:
            if not re.fullmatch(SLUG_PATTERN, name or ""):
                say("展区标识只能用小写英文字母、数字和连字符，如 crafts。",
                     "A zone id uses lowercase letters, digits and hyphens only, e.g. crafts.", sys.stderr)
                return 2
            written = new_zone(root, name)
            done = ("已在 exhibits/zones.yml 末尾添加展区并建好文件夹；请修改标题和简介，再用 hall new exhibit 添加展品。",
                    "Zone added at the end of exhibits/zones.yml with its folder; edit its title and intro, "
                    "then add exhibits with `hall new exhibit`.")
    except FileExistsError as err:
        say(f"{err} 已存在，未作改动。", f"{err} already exists; nothing was changed.", sys.stderr)
        return 1
    except ValueError:
        say("日期不正确。", "The date is not valid.", sys.stderr)
        return 2
    except LookupError as err:
        say(f"{err} 中还没有栏目，请先添加。", f"{err} lists no category yet; add one first.", sys.stderr)
        return 1
    for path in written:
        print(f"  + {path.relative_to(root)}")
    say(*done)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    config_file = config_file_of(args)
    root = config_file.parent
    if args.kind != "exhibit":
        return cmd_new_other(root, args.kind, args.name)
    match = re.fullmatch(rf"({SLUG_PATTERN})/({SLUG_PATTERN})", args.name or "")
    if not match:
        say("请写成“展区/文件夹名”，只用小写英文字母、数字和连字符，例如 history/old-well。",
             "Write it as zone/folder with lowercase letters, digits and hyphens, e.g. history/old-well.", sys.stderr)
        return 2
    hall, _ = load_hall(root, site_languages(config_file))
    zones = [zone.id for zone in hall.zones]
    if zones and match.group(1) not in zones:
        say(f"展区“{match.group(1)}”不存在，现有展区：{'、'.join(zones)}。",
             f"There is no zone “{match.group(1)}”; zones: {', '.join(zones)}.", sys.stderr)
        return 2
    try:
        written = new_exhibit(root, args.name)
    except FileExistsError as err:
        say(f"{err} 已存在，未作改动。", f"{err} already exists; nothing was changed.", sys.stderr)
        return 1
    for path in written:
        print(f"  + {path.relative_to(root)}")
    say("已创建草稿展品；编辑后把 status 改为 published 即可发布。",
         "Draft exhibit created; edit it, then set status: published to publish it.")
    return 0


def cmd_fix_encoding(args: argparse.Namespace) -> int:
    """Convert GBK/GB18030 files to UTF-8 in place, keeping a .bak copy first."""
    status = 0
    for name in args.files:
        path = Path(name)
        raw = path.read_bytes()
        try:
            raw.decode("utf-8")
            say(f"{name} 已是 UTF-8，无需转换。", f"{name} is already UTF-8.")
            continue
        except UnicodeDecodeError:
            pass
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            say(f"{name} 既不是 UTF-8 也不是 GBK，未改动。", f"{name} is neither UTF-8 nor GBK; left as it is.", sys.stderr)
            status = 1
            continue
        backup = path.with_name(path.name + ".bak")
        shutil.copy2(path, backup)
        path.write_text(text, encoding="utf-8")
        say(f"{name} 已转换为 UTF-8（原文件备份为 {backup.name}）。", f"{name} converted to UTF-8 (backup: {backup.name}).")
    return status
