"""`hall publish`: check, build, then upload the site to the bucket or server folder set in
mkdocs.yml (``publish:`` under the hall plugin), in stages that never break a page.

It builds first (unless ``--no-build``), so what goes up is exactly what the content says
today, never a ``site/`` left by an older build, a kiosk build or a preview with drafts.
Credentials come from the environment or the provider's profile, never from mkdocs.yml.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from ..content import load_hall
from ..content.strict import strict_problems
from ..i18n import format_file_size
from ..media.verify import check_photos
from ..outputs.publish import STAGE_NAMES, TargetSettings, open_target, plan_publish, publish, refusals, site_files
from ..outputs.publish.run import DELETE
from .config import config_file_of, site_languages
from .say import say
from .staff import publishing_checks

PUBLISH_HELP = "检查、构建并上传站点到 mkdocs.yml 中 publish 设定的位置 check, build and upload the site to the publish target"


def add_publish_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    publish_parser = sub.add_parser("publish", parents=[common], help=PUBLISH_HELP)
    publish_parser.add_argument("--dry-run", action="store_true", help="只列出会上传和删除的文件 only list what would change")
    publish_parser.add_argument("--no-build", action="store_true", help="上传现有的 site/，不重新构建 upload the existing site/ without building")
    publish_parser.add_argument("-d", "--site-dir", default="site", help="站点目录 site folder (default: site/)")
    publish_parser.set_defaults(func=cmd_publish)


def publish_settings(config_file: Path) -> tuple[dict, str | None]:
    """The hall plugin's options and site_url, read from mkdocs.yml without building."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    plugin = config.plugins.get("hall")
    return (dict(plugin.config) if plugin else {}), config.site_url


def _strict_check(config_file: Path) -> bool:
    hall, log = load_hall(config_file.parent, site_languages(config_file))
    publishing_checks(hall, log)
    check_photos(hall, log)
    strict_problems(hall, log)
    if log.errors:
        print(log.format(), file=sys.stderr)
    return not log.errors


def cmd_publish(args: argparse.Namespace) -> int:
    config_file = config_file_of(args)
    options, site_url = publish_settings(config_file)
    settings = TargetSettings.from_options(options.get("publish") or {})
    if settings.provider == "folder" and settings.path and not Path(settings.path).expanduser().is_absolute():
        settings = replace(settings, path=str(config_file.parent / settings.path))  # beside mkdocs.yml, wherever run
    found = refusals(site_url, options.get("icp_number", ""), options.get("psb_number", ""), settings, config_file.name)
    if not _strict_check(config_file):
        found.append(("hall check --strict 发现上面的问题：请先改正。", "`hall check --strict` found the problems above: fix them first."))
    if found:
        for zh, en in found:
            say(zh, en, sys.stderr)
        say("未发布，线上站点未被改动。", "Nothing was published; the live site is untouched.", sys.stderr)
        return 1
    site_dir = (config_file.parent / args.site_dir).resolve()
    if not args.no_build:
        command = [sys.executable, "-m", "hall.cli", "-f", str(config_file), "build", "-d", str(site_dir)]
        if subprocess.call(command) != 0:
            say("构建失败，未发布。", "The build failed; nothing was published.", sys.stderr)
            return 1
    index = site_dir / "index.html"
    if not index.is_file() or 'id="hall-kiosk-config"' in index.read_text(encoding="utf-8", errors="replace"):
        say(f"{args.site_dir} 不是可发布的网站版本：请先运行 hall build（不要用 --kiosk）。",
            f"{args.site_dir} is not a public build: run `hall build` (without --kiosk) first.", sys.stderr)
        return 1
    return _upload(site_dir, settings, args.dry_run)


def _upload(site_dir: Path, settings: TargetSettings, dry_run: bool) -> int:
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:  # a folder target does not need boto3
        BotoCoreError = ClientError = OSError  # type: ignore[assignment,misc]  # noqa: N806
    try:
        target = open_target(settings)
        say(f"正在比较 {target.description} 上已有的文件……", f"Comparing with what {target.description} holds…")
        plan = plan_publish(site_files(site_dir), target.listing())
        if plan.kept:
            say(f"目标位置原有 {plan.kept} 个文件不属于展厅网站（没有 index.html），一个也不删除：请确认 bucket、prefix 或 path 是否写对。",
                f"The target held {plan.kept} files that are not a hall site (no index.html); none is deleted: "
                "check bucket, prefix or path.", sys.stderr)
        if dry_run:
            _list_plan(plan)
            return 0
        if plan.empty:
            say(f"没有变化：{plan.unchanged} 个文件都已是最新，未上传任何文件。",
                f"Nothing changed: all {plan.unchanged} files are up to date; 0 uploaded.")
            return 0
        publish(plan, target, _progress)
    except (BotoCoreError, ClientError) as err:
        say(f"上传失败：{err}。请检查网络、存储桶名称与区域，以及环境变量中的访问密钥"
            "（AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY，或云厂商的同类变量）。已上传的部分不会破坏页面，修好后重新运行即可。",
            f"Upload failed: {err}. Check the network, the bucket name and region, and the access keys in the "
            "environment (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the provider's). What went up breaks no page: "
            "run the command again once fixed.", sys.stderr)
        return 1
    sent_zh, sent_en = (format_file_size(plan.upload_bytes, language) for language in ("zh", "en"))
    say(f"发布完成：上传 {len(plan.uploads)} 个文件（{sent_zh}），删除 {len(plan.deletions)} 个，{plan.unchanged} 个未变。",
        f"Published: {len(plan.uploads)} files uploaded ({sent_en}), {len(plan.deletions)} deleted, "
        f"{plan.unchanged} unchanged.")
    return 0


def _list_plan(plan) -> None:
    for number, stage in enumerate(sorted(STAGE_NAMES), 1):
        files = plan.stages.get(stage, [])
        zh, en = STAGE_NAMES[stage]
        say(f"第 {number} 步 {zh}：{len(files)} 个文件，{format_file_size(sum(f.size for f in files), 'zh')}",
            f"Step {number}, {en}: {len(files)} files, {format_file_size(sum(f.size for f in files), 'en')}")
        for file in files:
            print(f"  + {file.key}")
    say(f"第 4 步 删除不再使用的文件：{len(plan.deletions)} 个", f"Step 4, delete files no longer used: {len(plan.deletions)}")
    for key in plan.deletions:
        print(f"  - {key}")
    say(f"（试运行，未做任何改动；{plan.unchanged} 个文件未变。）", f"(Dry run: nothing changed; {plan.unchanged} files unchanged.)")


def _progress(stage: int, done: int, count: int, sent: int, total: int) -> None:
    if stage == DELETE:
        say(f"已删除 {done} 个不再使用的文件。", f"Deleted {done} files no longer used.")
        return
    if count == 0 or (done not in (count,) and done % max(1, count // 10)):
        return  # about ten lines per stage
    zh, en = STAGE_NAMES[stage]
    say(f"第 {stage} 步 {zh}：{done}/{count} 个文件，{format_file_size(sent, 'zh')}/{format_file_size(total, 'zh')}",
        f"Step {stage}, {en}: {done}/{count} files, {format_file_size(sent, 'en')}/{format_file_size(total, 'en')}")
