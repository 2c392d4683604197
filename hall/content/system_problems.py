"""The computer's own refusals (a full disk, a folder that may not be written, a port in use)
told to staff as problems: both languages, the one folder or file concerned, and a fix.

Python words these in English errno text with the absolute path of a temporary staging
folder ("[Errno 28] No space left on device: '/home/…/.site.building-3fa2…/en/index.html'");
a staff member needs to know which folder, what to do, and that the published site is safe.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path
from typing import Literal

from .problems import Problem, ProblemLog

Command = Literal["build", "serve", "kiosk", "other"]

#: Folders a build writes before the finished site is swapped in (hall/mkdocs/publish.py):
#: ``.site.building-1a2b3c4d`` is ``site`` to staff, as is a previous site set aside.
_STAGING = re.compile(r"(^|/)\.([^/]+)\.(?:building|old)-[0-9a-f]{8}(?=/|$)")

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED = {errno.EACCES, errno.EPERM, errno.EBUSY, getattr(errno, "ETXTBSY", errno.EBUSY)}
_PORT_IN_USE = {errno.EADDRINUSE, 10048}  # 10048: WSAEADDRINUSE, what Windows reports


def shown_path(path: str | Path, root: Path) -> str:
    """``path`` as staff should read it: relative to the repository when inside it, and a
    build's staging folder named as the folder it becomes."""
    return _STAGING.sub(r"\1\2", ProblemLog(root).rel(path))


def _retry(command: Command) -> tuple[str, str]:
    if command == "build":
        return "，然后重新运行 hall build。原有站点未被改动", ", then run `hall build` again. The previous site is untouched"
    if command == "serve":
        return "；预览仍在运行，保存任意文件即可重试", "; the preview keeps running, save any file to try again"
    return "，然后重试", ", then try again"


def port_problem(err: OSError, command: Command, host: str, port: int) -> Problem | None:
    """A port that cannot be listened on, with the command line that avoids it; None for other errors."""
    where = f"{host}:{port}"
    other = 8001 if port == 8000 else port + 1
    if err.errno in _PORT_IN_USE or getattr(err, "winerror", None) == 10048:
        return Problem(
            "system.port_in_use", where,
            f"端口 {port} 已被占用：另一个 hall {command} 窗口或其他程序正在使用它。",
            f"Port {port} is already in use: another `hall {command}` window or another program is using it.",
            f"关闭另一个正在运行的 hall {command} 窗口，或换一个端口：hall {command} --port {other}",
            f"Close the other `hall {command}` window, or use another port: hall {command} --port {other}",
        )
    if err.errno in _DENIED and not err.filename:
        return Problem(
            "system.port_forbidden", where,
            f"没有权限使用端口 {port}（1024 以下的端口只有管理员能用）。",
            f"Port {port} may not be used (ports below 1024 need administrator rights).",
            f"换一个 1024 以上的端口：hall {command} --port {other if other > 1024 else 8000}",
            f"Use a port above 1024: hall {command} --port {other if other > 1024 else 8000}",
        )
    return None


def system_problem(err: OSError, root: Path, command: Command = "other", output: Path | None = None) -> Problem:
    """Explain ``err``, met while ``command`` wrote ``output`` (the folder named when the
    error names no file, as a full disk often does), in both languages with a fix."""
    filename = err.filename or output or root
    where = shown_path(filename, root)
    again_zh, again_en = _retry(command)
    if err.errno in _DISK_FULL:
        return Problem(
            "system.disk_full", where,
            "磁盘空间已满，文件无法写入。", "The disk is full: the file cannot be written.",
            f"清理这个文件夹所在的磁盘（删除不需要的文件、清空回收站）{again_zh}。",
            f"Free space on the disk that holds this folder (delete files you do not need, empty the recycle bin){again_en}.",
        )
    if err.errno == errno.EROFS:
        return Problem(
            "system.read_only_disk", where,
            "这个文件夹所在的磁盘是只读的，无法写入。", "The disk that holds this folder is read-only.",
            f"换到可写入的磁盘或文件夹（例如 hall build -d 其他文件夹）{again_zh}。",
            f"Use a disk or folder that can be written (e.g. hall build -d another-folder){again_en}.",
        )
    if err.errno in _DENIED:
        return Problem(
            "system.permission", where,
            "没有权限写入或替换这个文件（文件夹）：它可能是只读的，或正被其他程序占用。",
            "This file or folder may not be written or replaced: it may be read-only, or held open by another program.",
            "检查文件夹的权限（属性里不要勾选“只读”，当前用户要能写入）；在 Windows 上，先关闭打开着其中文件的程序"
            f"（资源管理器的预览窗格、浏览器、杀毒软件、另一个 hall 窗口）{again_zh}。",
            "Check the folder's permissions (not read-only, writable by your user); on Windows, first close programs "
            f"holding files in it (Explorer's preview pane, a browser, antivirus, another hall window){again_en}.",
        )
    reason = err.strerror or str(err)
    return Problem(
        "system.os_error", where,
        f"系统无法完成文件操作（{reason}）。", f"The system could not complete a file operation ({reason}).",
        f"检查磁盘和这个文件夹{again_zh}；如果一再出现，请加 --verbose 再运行一次，并把结果告诉技术人员。",
        f"Check the disk and this folder{again_en}; if it keeps happening, run it again with --verbose and tell the developers.",
    )
