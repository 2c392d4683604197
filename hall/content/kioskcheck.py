"""`hall check`: body links that cannot work on the hall's touch screens.

A kiosk shows pages only: a link to another site becomes a QR code (hall-kiosk.js), but a
link to a file of the site that is not a page (a photo linked rather than shown, a data
download, the feed) has nothing to open on a screen with no downloads and no viewer, so the
kiosk ignores the touch. Links to files the site does not publish at all (a PDF) are errors
of the link check already (links.py); they get no second message here. On the public site it works, so this is a warning, not an error.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urlsplit

from .bodylinks import body_links
from .links import hall_bodies
from .model import Hall
from .problems import ProblemLog

#: Addresses that are pages: a folder (``/about/``), an HTML file, or a Markdown source
#: (the build turns ``../x/zh.md`` into the page's address).
_PAGE_SUFFIXES = frozenset({"", ".html", ".htm", ".md"})


def _file_not_page(url: str) -> str | None:
    """The file name if ``url`` (a link within the site) points at a file that is not a page."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # another site (a QR code on the kiosk), mailto:, or an anchor in the page
    name = PurePosixPath(parts.path).name
    if parts.path.endswith("/") or PurePosixPath(name).suffix.lower() in _PAGE_SUFFIXES:
        return None
    return name


def kiosk_problems(hall: Hall, log: ProblemLog) -> None:
    """Warn about each body link to a file of the site that a kiosk cannot open."""
    reported = {(problem.file, problem.line) for problem in log.errors}  # a broken link: one message is enough
    for _folder, body, _draft in hall_bodies(hall):
        for link in body_links(body.text):
            name = None if link.image else _file_not_page(link.url)
            line = body.text.count("\n", 0, link.start) + 1
            if not name or (body.file, line) in reported:
                continue
            column = link.start - (body.text.rfind("\n", 0, link.start) + 1) + 1
            log.report(
                "kiosk.file_link", body.file,
                f"链接指向文件 {name}，不是网页：展厅触摸屏不能打开文件，访客点了没有反应（网站上可以正常打开）。",
                f"The link goes to the file {name}, not a page: the hall's touch screens cannot open files, "
                "so a visitor's touch does nothing there (it works on the website).",
                "如果是照片，用 ![说明](文件名) 直接显示；其他文件可以在页面中写明内容，或链接到介绍它的页面。",
                "For a photo, show it with ![description](file); for other files, give their content in the "
                "page, or link to a page that presents them.",
                line=line, column=column, level="warning",
            )
