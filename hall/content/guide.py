"""Guide numbers (导览编号): the short number a visitor keys in to reach an exhibit, printed
on its placard, its card, the floor plan and the audio guide; and the visiting route.

Numbers come in blocks of a hundred per zone, by place in visiting order: the first zone's
exhibits are 101, 102 …, the second's 201 …. A block keeps a zone's numbers stable when another
zone gains or loses an exhibit, so placards already printed stay right; an exhibit may pin its
own number with ``guide: 12`` in ``exhibit.yml`` (a number used twice is an error). Pinning
moves no other exhibit: a pinned exhibit keeps its place in the count, and only an exhibit
whose own number a pin takes gets another one, the first free number after its zone's last.
Drafts get their number too, so publishing one later moves no other exhibit's number.
"""

from __future__ import annotations

from dataclasses import replace

from .context import ReadContext
from .model import Exhibit, Hall, Zone

#: The numbers of one zone's block: zone k (1-based) numbers its exhibits k*100 + 1 ….
GUIDE_BLOCK = 100
#: The longest number a visitor is asked to key in.
GUIDE_DIGITS = 4


def read_guide_override(ctx: ReadContext, fields, exhibit_id: str) -> None:
    """Remember ``guide:`` of an exhibit.yml (checked once every exhibit is read)."""
    if fields.data.get("guide") is not None:
        ctx.guide_overrides[exhibit_id] = fields


def number_guides(ctx: ReadContext, zones: list[Zone]) -> list[Zone]:
    """The zones with every exhibit's guide number set: pinned numbers first, then each
    exhibit's place in its zone's block; an exhibit whose place's number is pinned by another
    gets the first free number after its zone's last place."""
    taken: dict[str, str] = {}  # number → exhibit id
    pinned: dict[str, str] = {}
    for zone in zones:
        for exhibit in zone.exhibits:
            fields = ctx.guide_overrides.get(exhibit.id)
            number = _pinned_number(fields) if fields is not None else None
            if number is None:
                continue
            if number in taken:
                fields.report(
                    "guide", "guide.duplicate",
                    f"导览编号 {number} 已被展品 {taken[number]} 使用；每个展品的编号必须不同。",
                    f"The guide number {number} is already used by the exhibit {taken[number]}; "
                    "every exhibit needs a number of its own.",
                    "改用另一个编号，或删除 guide 这一行，由系统按参观顺序自动编号。",
                    "Choose another number, or delete the guide line to have it numbered in visiting order.",
                )
                continue
            taken[number], pinned[exhibit.id] = exhibit.id, number
    by_place: dict[str, str] = {}  # exhibit id → number, or "" where a pin took it
    for index, zone in enumerate(zones, start=1):
        for place, exhibit in enumerate(zone.exhibits, start=1):
            if exhibit.id in pinned:
                continue
            number = str(index * GUIDE_BLOCK + place)
            by_place[exhibit.id] = "" if number in taken else number
            taken.setdefault(number, exhibit.id)
    result = []
    for index, zone in enumerate(zones, start=1):
        numbered = []
        candidate = index * GUIDE_BLOCK + len(zone.exhibits)
        for exhibit in zone.exhibits:
            number = pinned.get(exhibit.id) or by_place[exhibit.id]
            if not number:  # its place's number is pinned by another exhibit
                candidate += 1
                while str(candidate) in taken:
                    candidate += 1
                number = str(candidate)
                taken[number] = exhibit.id
            numbered.append(replace(exhibit, guide=number, guide_pinned=exhibit.id in pinned))
        result.append(replace(zone, exhibits=tuple(numbered)))
    return result


def _pinned_number(fields) -> str | None:
    value = fields.data.get("guide")
    text = str(value).strip() if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    if text.isascii() and text.isdigit() and len(text) <= GUIDE_DIGITS and int(text) > 0:
        return str(int(text))
    fields.report(
        "guide", "guide.invalid",
        f"导览编号“{value}”无效：应为 1 至 {GUIDE_DIGITS} 位的正整数（观众要在数字键盘上输入它）。",
        f"The guide number “{value}” is not valid: it must be a whole number of 1 to {GUIDE_DIGITS} digits "
        "(visitors key it in on a number pad).",
        "例如 guide: 12；不需要固定编号时删除这一行。",
        "For example guide: 12; delete the line if the exhibit needs no fixed number.",
    )
    return None


def visiting_route(hall: Hall) -> tuple[Exhibit, ...]:
    """Every exhibit of the hall in visiting order: zone by zone, each zone's exhibits in order."""
    return tuple(exhibit for zone in hall.zones for exhibit in zone.exhibits)


def exhibits_by_guide(hall: Hall) -> dict[str, Exhibit]:
    """The exhibits a visitor can reach by their guide number (the keypad's table)."""
    return {exhibit.guide: exhibit for exhibit in visiting_route(hall) if exhibit.guide}
