"""The `hall` command: a friendly front for staff over MkDocs (build, serve, check, new …).

MkDocs does the building; this module only chooses quiet logging, prints short bilingual
progress and results, and turns every expected failure into a message without a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from ..content import load_hall
from ..content.kioskcheck import kiosk_problems
from ..content.notecheck import count_notes
from ..content.strict import strict_problems
from ..content.system_problems import shown_path
from ..media.verify import check_photos
from ..mkdocs.switches import ENV_KIOSK, ENV_PREVIEW
from .arguments import StaffArgumentParser
from .config import config_file_of, site_languages
from .placards import add_parser as add_placards_parser
from .publish import add_publish_parser
from .say import VERBOSE_HELP, say, say_internal_error, say_system_error, verbose_option
from .staff import (
    cmd_fix_encoding,
    cmd_new,
    cmd_translated,
    print_translations,
    publishing_checks,
)

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _StaffLogHandler(logging.Handler):
    """Shows staff the warnings and errors of a build, not MkDocs' chatter."""

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().strip()
        if not message or message.startswith("Aborted with"):
            return
        if message.startswith(("Error building page", "Error reading page")) and "[Errno" in message:
            return  # a full disk or a refused write: hall explains it once, in both languages (say.py)
        print(message, file=sys.stderr, flush=True)


def _quiet_logging(verbose: bool) -> None:
    handler: logging.Handler
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    else:
        handler = _StaffLogHandler()
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


def cmd_check(args: argparse.Namespace) -> int:
    config_file = config_file_of(args)
    started = time.perf_counter()
    hall, log = load_hall(config_file.parent, site_languages(config_file))
    count = len(hall.exhibits)
    publishing_checks(hall, log)  # personal data (hall/content/privacy.py), as a publishing build does
    check_photos(hall, log)  # every photo decoded as the build does, once per content (hall/media/verify.py)
    kiosk_problems(hall, log)  # links a touch screen cannot open (hall/content/kioskcheck.py)
    if getattr(args, "translations", False):
        print_translations(hall)
    if getattr(args, "strict", False):  # before publishing: warnings are errors (hall/content/strict.py)
        strict_problems(hall, log)
    if log.problems:
        print(log.format(), file=sys.stderr)
    if log.errors:
        say("检查未通过，请按上面的提示修改。", "Check failed: fix the problems above.", sys.stderr)
        return 1
    say(
        f"检查通过：{len(hall.zones)} 个展区，{count} 件展品（{time.perf_counter() - started:.1f} 秒）。",
        f"Check passed: {len(hall.zones)} zones, {count} exhibits.",
    )
    notes = 0 if getattr(args, "strict", False) else count_notes(hall)  # never published; --strict lists them
    if notes:
        say(f"已发布的内容中还有 {notes} 条给工作人员的注（不会发布）；发布前用 hall check --strict 逐条列出。",
            f"{notes} note(s) for staff remain in published content (never published); "
            "`hall check --strict` lists each one before publishing.")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import Abort, ConfigurationError

    from ..mkdocs.build import run_build

    config_file = config_file_of(args)
    _quiet_logging(args.verbose)
    if args.drafts:
        os.environ[ENV_PREVIEW] = "1"
    if getattr(args, "kiosk", False):
        os.environ[ENV_KIOSK] = "1"  # the plugin builds the kiosk variant into site-kiosk/; children inherit it
    if getattr(args, "strict", False):  # before building: warnings are errors, every language present
        hall, log = load_hall(config_file.parent, site_languages(config_file))
        publishing_checks(hall, log)
        check_photos(hall, log)  # a photo warning fails a strict build too, before anything is written
        strict_problems(hall, log)
        if log.errors:
            print(log.format(), file=sys.stderr)
            say("构建失败（严格模式），原有站点未被改动。", "Build failed (strict mode); the previous site is untouched.", sys.stderr)
            return 1
    started = time.perf_counter()
    say("正在构建站点（所有语言）……", "Building the site (every language)…")
    try:
        overrides = {"site_dir": args.site_dir} if args.site_dir else {}
        config = run_build(str(config_file), **overrides)
    except (Abort, ConfigurationError) as err:
        if isinstance(err, ConfigurationError):
            print(err, file=sys.stderr)
        say("构建失败，原有站点未被改动。请按上面的提示修改后重试。",
             "Build failed; the previous site is untouched. Fix the problems above and try again.", sys.stderr)
        return 1
    except KeyboardInterrupt:
        say("构建已中断，原有站点未被改动。", "Build interrupted; the previous site is untouched.", sys.stderr)
        return 130
    except OSError as err:  # a full disk, a read-only or locked folder: the staging folder is dropped
        output = config_file.parent / (args.site_dir or ("site-kiosk" if getattr(args, "kiosk", False) else "site"))
        say_system_error(err, "build", config_file.parent, output=output, verbose=args.verbose)
        say("构建失败，原有站点未被改动。", "Build failed; the previous site is untouched.", sys.stderr)
        return 1
    site_dir = Path(config.site_dir)
    pages = sum(1 for _ in site_dir.rglob("index.html"))
    shown = shown_path(site_dir, config_file.parent)  # site, not the staff PC's whole path
    say(
        f"完成：{pages} 个页面已写入 {shown}（{time.perf_counter() - started:.1f} 秒）。",
        f"Done: {pages} pages written to {shown}.",
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import ConfigurationError

    from ..mkdocs.serving import check_port, serve_preview

    config_file = config_file_of(args)
    _quiet_logging(args.verbose)
    logging.getLogger("mkdocs.livereload").setLevel(logging.WARNING)
    try:
        check_port("127.0.0.1", args.port)
    except OSError as err:  # another preview still running, most often
        say_system_error(err, "serve", config_file.parent, port=args.port, verbose=args.verbose)
        return 1
    address = f"127.0.0.1:{args.port}"
    say(f"预览地址 http://{address}/ （英文 /en/）。保存文件后页面会自动刷新；按 Ctrl+C 退出。",
         f"Preview at http://{address}/ (English at /en/). Pages reload when you save; Ctrl+C quits.")
    try:  # content errors, a bad photo, a full disk: the preview shows them and keeps running
        serve_preview(str(config_file), "127.0.0.1", args.port, verbose=args.verbose)
    except ConfigurationError as err:
        print(err, file=sys.stderr)
        say("mkdocs.yml 有错误，预览无法启动。请按上面的提示修改。",
            "mkdocs.yml has an error, so the preview cannot start. Fix the problem above.", sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


def cmd_kiosk(args: argparse.Namespace) -> int:
    from .kiosk import launch
    from .kiosk_update import update

    if args.action == "update":  # a new kiosk build from a URL or a USB stick, swapped in whole
        return update(args.source, args.site)
    return launch(args.site, args.port, args.idle, args.display)


def cmd_prune_media(args: argparse.Namespace) -> int:
    """Delete cached photo derivatives that no photo of the hall (drafts included) uses."""
    from ..media import (
        cover_photos,
        download_photo_files,
        prune_cache,
        published_photo_files,
    )

    config_file = config_file_of(args)
    hall, log = load_hall(config_file.parent, site_languages(config_file))
    if log.errors:
        print(log.format(), file=sys.stderr)
        say("内容有错误，为免误删，未清理缓存。", "The content has errors; the cache was left as it is.", sys.stderr)
        return 1
    from ..media.panoramas import PANORAMA_SETTINGS

    panoramas = [(hall.tour.files if hall.tour else (), PANORAMA_SETTINGS)]
    removed = prune_cache(config_file.parent, published_photo_files(hall), downloads=download_photo_files(hall),
                          crops=cover_photos(hall), also=panoramas)
    say(f"已清理 {removed} 个不再使用的图片缓存。", f"Removed {removed} unused photo cache entries.")
    return 0


STRICT_HELP = ("发布前用：任何警告（未完成的内容等）都算错误，且每种语言的译文必须齐全 "
               "before publishing: every warning (unfinished work …) is an error, and every translation must exist")


def build_parser() -> argparse.ArgumentParser:
    parser = StaffArgumentParser(
        prog="hall", description="展厅网站工具 The exhibition hall site tool: build, preview, check, scaffold."
    )
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="站点配置 site settings (mkdocs.yml)")
    common = verbose_option()  # accepted before and after every subcommand (hall/cli/say.py)
    parser.add_argument("-v", "--verbose", action="store_true", help=VERBOSE_HELP)
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", parents=[common], help="构建所有语言的站点 build every language into site/")
    build.add_argument("--drafts", action="store_true", help="包含草稿 include drafts")
    build.add_argument("-d", "--site-dir", help="输出目录 output folder (default: site/)")
    build.add_argument("--strict", action="store_true", help=STRICT_HELP)
    build.add_argument("--kiosk", action="store_true", help="构建触摸屏版到 site-kiosk/ build the touch-screen variant")
    build.set_defaults(func=cmd_build)

    kiosk = sub.add_parser("kiosk", parents=[common], help="在本机启动触摸屏（服务 + 全屏浏览器） run the touch-screen kiosk")
    kiosk.add_argument("action", nargs="?", choices=["update"], help="update：从网址或 U 盘更新站点 update the site from --from")
    kiosk.add_argument("--from", dest="source", help="新站点的网址或文件夹 URL or folder of the new kiosk build")
    kiosk.add_argument("--site", default="site-kiosk", help="触摸屏版站点目录 kiosk build folder")
    kiosk.add_argument("--port", type=int, default=8765)
    kiosk.add_argument("--idle", type=int, default=None, help="无操作多少秒后返回待机画面 idle seconds")
    kiosk.add_argument("--display", default=None, help="X 显示器，例如 :0  X display, e.g. :0")
    kiosk.set_defaults(func=cmd_kiosk)

    serve = sub.add_parser("serve", parents=[common], help="实时预览（含草稿） live preview, drafts shown")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)

    check = sub.add_parser("check", parents=[common], help="只检查内容，不构建 validate only")
    check.add_argument("--translations", action="store_true",
                       help="列出各语言缺少或过时的译文 list missing or outdated translations per language")
    check.add_argument("--strict", action="store_true", help=STRICT_HELP)
    check.set_defaults(func=cmd_check)

    translated = sub.add_parser("translated", parents=[common], help="记录译文所依据的中文版本 record which Chinese text a translation follows")
    translated.add_argument("files", nargs="+", help="译文文件 translation files, e.g. exhibits/history/ming-mosque/en.md")
    translated.set_defaults(func=cmd_translated)

    new = sub.add_parser("new", parents=[common], help="新建条目模板 scaffold a new entry")
    new.add_argument("kind", choices=["exhibit", "news", "zone"], help="exhibit | news | zone")
    new.add_argument("name", help="exhibit: 展区/文件夹名 zone/folder (history/old-well); "
                                  "news: 日期-短名 date-slug (2024-05-01-lecture); zone: id (crafts)")
    new.set_defaults(func=cmd_new)

    add_publish_parser(sub, common)  # hall/cli/publish.py

    prune = sub.add_parser("prune-media", parents=[common], help="清理不再使用的图片缓存 delete unused photo derivatives from .cache/")
    prune.set_defaults(func=cmd_prune_media)

    fix = sub.add_parser("fix-encoding", parents=[common], help="把 GBK 文件转换为 UTF-8 convert GBK files to UTF-8")
    fix.add_argument("files", nargs="+")
    fix.set_defaults(func=cmd_fix_encoding)

    add_placards_parser(sub, common)  # hall placards: print-ready PDFs (hall/cli/placards.py)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        return 130
    except OSError as err:  # the computer refused (port in use, full disk, locked folder): say why and what to do
        say_system_error(err, args.command, Path(args.config_file).resolve().parent, port=getattr(args, "port", None),
                         verbose=args.verbose)
        return 1
    except Exception as err:  # a bug of ours: say so briefly, keep the traceback for --verbose
        if args.verbose:
            raise
        say_internal_error(err, [a for a in argv if a not in ("-v", "--verbose")])
        return 3


def run() -> None:
    """The ``hall`` command: ``main``, then end the process at once (a finished build's
    objects need no tearing down; hall/mkdocs/quick_exit.py)."""
    from ..mkdocs.quick_exit import exit_now

    exit_now(main())

