"""`hall kiosk update --from <URL or folder>`: a new kiosk build replaces the one a touch
screen shows, whole or not at all.

The source is a kiosk build (`hall build --kiosk` writes ``site-kiosk/`` with
``hall-manifest.json``, every file's size and SHA-256): a folder on a USB stick (the build
itself, or a folder holding ``site-kiosk/``) or an address serving one (an intranet web
server). Every file is copied or downloaded into a staging folder beside the kiosk's site
and checked against the manifest; files the kiosk already has with the same hash are copied
locally, not downloaded again. Only when all are there and right is the staging folder
swapped in with two renames (hall/mkdocs/publish.py swap_in): the server, which serves the
folder by its path, shows the new site from the next request; a pulled USB stick or a broken
download leaves the old site as it was.
"""

from __future__ import annotations

import hashlib
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path, PurePosixPath

from ..mkdocs.fingerprint import MANIFEST
from ..mkdocs.publish import drop_staging_folders, remove_leftovers, staging_folder, swap_in
from .kiosk import check_site
from .say import say


class UpdateError(Exception):
    """A problem with the source, as (Chinese, English)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def _is_url(source: str) -> bool:
    return urllib.parse.urlsplit(source).scheme in ("http", "https")


def _reader(source: str):
    """A function: manifest path → bytes, from the folder or URL ``source``."""
    if _is_url(source):
        base = source if source.endswith("/") else source + "/"

        def fetch(key: str) -> bytes:
            url = urllib.parse.urljoin(base, urllib.parse.quote(key))
            with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - http(s) only, checked above
                return response.read()
        return fetch
    folder = Path(source).expanduser()
    if not (folder / MANIFEST).is_file() and (folder / "site-kiosk" / MANIFEST).is_file():
        folder = folder / "site-kiosk"
    if not (folder / MANIFEST).is_file():
        raise UpdateError(f"{source} 里没有触摸屏版站点（找不到 {MANIFEST}）：请把 hall build --kiosk 生成的 site-kiosk 文件夹复制到 U 盘。",
                          f"No kiosk build in {source} (no {MANIFEST}): copy the site-kiosk folder that `hall build --kiosk` writes.")
    return lambda key: (folder / key).read_bytes()


def _safe(key: str) -> bool:
    path = PurePosixPath(key)
    return bool(key) and not path.is_absolute() and ".." not in path.parts and "\\" not in key and ":" not in key


def fetch_update(source: str, site_dir: Path) -> Path:
    """Copy or download the kiosk build at ``source`` into a staging folder beside
    ``site_dir``, checked file by file; returns the staging folder. Raises UpdateError."""
    read = _reader(source)
    try:
        manifest = json.loads(read(MANIFEST).decode("utf-8"))
        files = manifest["files"]
    except (OSError, urllib.error.URLError, ValueError, KeyError, TypeError) as err:
        raise UpdateError(f"读不到 {source} 的 {MANIFEST}（{err}）：请检查网址或 U 盘。",
                          f"Cannot read {MANIFEST} at {source} ({err}): check the address or the USB stick.") from err
    staging = staging_folder(site_dir)
    for key, expected in files.items():
        if not _safe(key):
            raise UpdateError(f"{MANIFEST} 中有不安全的路径：{key}", f"{MANIFEST} names an unsafe path: {key}")
        local = site_dir / key
        data = local.read_bytes() if local.is_file() and local.stat().st_size == expected["size"] else b""
        if hashlib.sha256(data).hexdigest() != expected["sha256"]:
            try:
                data = read(key)
            except (OSError, urllib.error.URLError) as err:
                raise UpdateError(f"复制 {key} 失败（{err}）。", f"Could not get {key} ({err}).") from err
        if len(data) != expected["size"] or hashlib.sha256(data).hexdigest() != expected["sha256"]:
            raise UpdateError(f"{key} 不完整或已损坏（与 {MANIFEST} 不符）：请重新复制或稍后再试。",
                              f"{key} is incomplete or damaged (it does not match {MANIFEST}): copy it again or retry later.")
        target = staging / key
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=0), encoding="utf-8")
    problem = check_site(staging)
    if problem:
        raise UpdateError(*problem.split("\n", 1))
    return staging


def update(source: str | None, site_dir: Path | str = "site-kiosk") -> int:
    """`hall kiosk update --from SOURCE`: 0 when the new site is in place, 1 otherwise."""
    site = Path(site_dir).resolve()
    if not source:
        say("请用 --from 指定新站点的网址或 U 盘文件夹，例如：hall kiosk update --from E:\\site-kiosk",
            "Give the new site's address or USB folder with --from, e.g. hall kiosk update --from /media/usb/site-kiosk",
            sys.stderr)
        return 2
    remove_leftovers(site)
    say(f"正在从 {source} 取得新的触摸屏站点……", f"Fetching the new kiosk site from {source}…")
    try:
        staging = fetch_update(source, site)
        swap_in(staging, site)
    except UpdateError as err:
        drop_staging_folders(site)
        say(err.zh, err.en, sys.stderr)
        say("更新未完成，触摸屏仍显示原来的站点。", "Not updated: the kiosk still shows the previous site.", sys.stderr)
        return 1
    except OSError as err:  # a full disk; a file held open (Windows) refused the swap
        drop_staging_folders(site)
        say(f"更新失败：{err}。触摸屏仍显示原来的站点。", f"Update failed: {err}. The kiosk still shows the previous site.", sys.stderr)
        return 1
    count = sum(1 for p in site.rglob("*") if p.is_file())
    say(f"更新完成：{count} 个文件，已显示新站点。", f"Updated: {count} files; the new site is showing.")
    return 0
