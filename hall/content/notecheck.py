"""Before publishing: every note staff left in a published entry, with its file and line.

Notes (hall/content/notes.py) never reach visitors, so a note left in is not a mistake while
work goes on: the sample hall keeps its placeholders as notes on purpose. Reported on every
load, they would add a warning per note to each `hall check`, build and preview rebuild and
bury the warnings that matter. So they are listed where they count, by ``--strict`` (``hall
check``, ``hall build``, ``mkdocs build``): there each one is a "note.left" warning, which
strict mode makes an error. A plain ``hall check`` says only how many there are.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .model import Body, Hall, map_texts
from .notes import Note, find_notes
from .problems import ProblemLog

#: How much of a note a problem quotes.
EXCERPT = 40


def count_notes(hall: Hall) -> int:
    """How many notes the published entries hold (the plain check's one line about them)."""
    return sum(len(notes) for _, notes in _notes_by_file(hall))


def check_notes(hall: Hall, log: ProblemLog) -> None:
    """Report each note of a published entry as a "note.left" warning with file and line."""
    for file, notes in _notes_by_file(hall):
        for note in notes:
            excerpt = " ".join(" ".join(line.lstrip(" >") for line in note.text.split("\n")).split())
            excerpt = excerpt if len(excerpt) <= EXCERPT else excerpt[:EXCERPT] + "…"
            log.report(
                "note.left", hall.root / file,
                f"已发布的内容中还有给工作人员的注：“{excerpt}”。公开的网站不显示它，但这里的内容还没有定稿。",
                f"A note for staff is still in published content: “{excerpt}”. The public site leaves it out, "
                "but the text here is not final.",
                "补全或核实内容后删除这条注；还没准备好，就先把条目设为 status: draft。预览（hall serve）中注会高亮显示。",
                "Remove the note once the text is final; if the entry is not ready, set status: draft. "
                "The preview (hall serve) highlights notes.",
                line=note.line or None, column=note.column if note.line else None, level="warning",
            )


def _notes_by_file(hall: Hall) -> list[tuple[str, list[Note]]]:
    """The notes of the published hall, file by file: bodies with their own lines, YAML
    fields located in their file."""
    public = hall.published()
    found: list[tuple[str, list[Note]]] = []

    def fields_of(file: str, value: object) -> None:
        texts: list[str] = []
        map_texts(value, lambda text: texts.append(text) or text, lambda text, _: text)
        notes = [note for text in texts for note in find_notes(text, markdown=False)]
        if notes:
            found.append((file, _located(hall.root / file, notes)))

    def bodies_of(bodies: dict[str, Body] | object) -> None:
        for body in getattr(bodies, "values", lambda: [])():
            notes = find_notes(body.text)
            if notes:
                found.append((body.file, notes))

    for zone in public.zones:
        fields_of("exhibits/zones.yml", replace(zone, exhibits=()))
        for exhibit in zone.exhibits:
            fields_of(f"{exhibit.folder}/exhibit.yml", replace(exhibit, bodies={}))
            bodies_of(exhibit.bodies)
    for item in public.news:
        fields_of(f"{item.folder}/news.yml", replace(item, bodies={}))
        bodies_of(item.bodies)
    for page in public.pages:
        bodies_of(page.bodies)
    fields_of("content/home.yml", public.home)
    fields_of("content/timeline.yml", public.timeline)
    fields_of("content/achievements.yml", public.achievements)
    fields_of("exhibits/tags.yml", public.tag_labels)
    fields_of("content/news/categories.yml", public.news_categories)
    visit = getattr(public, "visit", None)
    if visit is not None:
        fields_of(visit.file, visit)
    return found


def _located(path: Path, notes: list[Note]) -> list[Note]:
    """The notes of a YAML file with their line and column in it: each is found in the file's
    text (not in a comment), one occurrence per note; line 0 when YAML quoting changed it."""
    try:
        lines = path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeError):
        return [replace(note, line=0, column=0) for note in notes]
    used: set[tuple[int, int]] = set()
    located = []
    for note in notes:
        first = note.text.split("\n")[0]
        place = next(((number, column) for number, line in enumerate(lines, 1)
                      for column in _columns(line, first) if (number, column) not in used), None)
        if place:
            used.add(place)
        located.append(replace(note, line=place[0] if place else 0, column=place[1] if place else 0))
    return located


def _columns(line: str, text: str) -> list[int]:
    """1-based columns where ``text`` starts in ``line``, before any YAML comment."""
    comment = line.find(" #") if not line.lstrip().startswith("#") else 0
    columns, start = [], line.find(text)
    while start >= 0 and (comment < 0 or start < comment):
        columns.append(start + 1)
        start = line.find(text, start + 1)
    return columns
