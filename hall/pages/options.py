"""The site settings that shape pages, typed, with their defaults in this one place (the
MkDocs plugin's options take their defaults from here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TimelineOrder = Literal["oldest", "newest"]
TIMELINE_ORDERS: tuple[TimelineOrder, ...] = ("oldest", "newest")


@dataclass(frozen=True)
class SiteOptions:
    #: "oldest" first (a history read forwards) or "newest" first.
    timeline_order: TimelineOrder = "oldest"
    #: News items per page of the news list (news/, news/page/2/, …).
    news_per_page: int = 10

    @property
    def newest_first(self) -> bool:
        return self.timeline_order == "newest"
