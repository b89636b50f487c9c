"""Which library columns show at a given width, how wide each is, and how a row's cells read.

The title matters most, then how long the essay is, how much Russian it holds and how far it was read; the
author and year come after. So at 200 columns every author shows in full; at 80 the title takes what the
short columns leave (the author gets a fair share, not more); narrower still, the year and then the author
go, and the length is written short (see ``LAYOUTS``), so Length, Russian and Read stay on screen down to
about 45 columns.
Essays that share a title are told apart by their file name, which is kept when the title is shortened.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

from reader.essay.library import LibraryEntry
from reader.safe_text import one_line

COLUMNS = ("Title", "Author", "Year", "Length", "Russian", "Read")
#: What each cell costs beside its text: DataTable pads a cell by one on each side.
CELL_PADDING = 2
#: The table's vertical scrollbar (and a spare cell, so the last column never touches the edge).
SCROLLBAR = 3
MIN_TITLE = 16
MIN_AUTHOR = 10
#: The author takes at most this share of what the title and author have between them, when both are cut.
AUTHOR_SHARE = 0.25


@dataclass(frozen=True)
class Column:
    """One column of the table: its key, its header, its width in cells."""

    key: str
    label: str
    width: int


@dataclass(frozen=True)
class RowFacts:
    """What the table shows of one essay (``russian``/``words`` None until counted, or when unknown)."""

    entry: LibraryEntry
    russian: int | None = None
    words: int | None = None
    counted: bool = False


#: The layouts tried, richest first: (year shown, author shown, length written in full, the title width
#: the layout must leave, unless every title is shorter). The last always fits.
LAYOUTS = (
    (True, True, True, 48),
    (True, True, False, 40),
    (False, True, False, 32),
    (False, False, False, 0),
)


def plan_columns(width: int, entries: list[LibraryEntry]) -> list[Column]:
    """The columns for a table ``width`` cells wide holding ``entries``, title first."""
    usable = width - SCROLLBAR
    titles = max((cell_len(shown_title(entry, entries)) for entry in entries), default=5)
    authors = max((cell_len(one_line(entry.meta.author or "—")) for entry in entries), default=0)
    authors = max(authors, len("Author"))
    for year, author, long_length, needed in LAYOUTS:
        tail = [
            Column("length", "Length", 12 if long_length else 6),
            Column("russian", "Russian", 7),
            Column("read", "Read", 4),
        ]
        if year:
            tail.insert(0, Column("year", "Year", 4))
        room = usable - sum(column.width + CELL_PADDING for column in tail) - CELL_PADDING
        if not author:
            return [Column("title", "Title", max(MIN_TITLE, min(room, titles))), *tail]
        room -= CELL_PADDING
        if titles + authors <= room:
            author_width, title_width = authors, titles
        else:
            # The title first: the author gets what the full titles leave, up to its share.
            author_width = max(MIN_AUTHOR, min(authors, room - titles, int(room * AUTHOR_SHARE)))
            title_width = room - author_width
        if title_width >= min(titles, needed):
            return [Column("title", "Title", title_width), Column("author", "Author", author_width), *tail]
    raise AssertionError("the last layout always fits")


def shown_title(entry: LibraryEntry, entries: list[LibraryEntry]) -> str:
    """The title, with the file name after it when another essay has the same title."""
    title = one_line(entry.meta.title)
    if _title_counts(entries)[title.casefold()] > 1:
        return f"{title} · {entry.path.name}"
    return title


def _title_counts(entries: list[LibraryEntry]) -> Counter[str]:
    return Counter(one_line(entry.meta.title).casefold() for entry in entries)


def title_cell(entry: LibraryEntry, entries: list[LibraryEntry], width: int) -> Text:
    """The title cell, shortened with "…" to ``width``; a file name that tells duplicates apart is kept
    whole (dimmed) and the title before it shortened instead."""
    title = one_line(entry.meta.title)
    if _title_counts(entries)[title.casefold()] <= 1:
        return fit(title, width)
    suffix = f" · {entry.path.name}"
    room = width - cell_len(suffix)
    if room < 4:
        return fit(title + suffix, width)
    cell = fit(title, room)
    cell.append(suffix, style="dim")
    return cell


def fit(text: str, width: int) -> Text:
    """``text`` as plain Text (never markup), cut to ``width`` cells with a final "…" when longer."""
    cell = Text(text)
    if cell_len(text) > width:
        cell.truncate(width, overflow="ellipsis")
    return cell


def length_cell(facts: RowFacts, size: int, short: bool) -> str:
    """The length: words once counted ("10,338 words", or "10.3k" when short), the file size before."""
    if facts.words is None:
        return _size(size)
    if not short:
        return f"{facts.words:,} words"
    return f"{facts.words / 1000:.1f}k" if facts.words >= 1000 else str(facts.words)


def russian_cell(facts: RowFacts) -> str:
    if not facts.counted:
        return "…"
    return "?" if facts.russian is None else str(facts.russian)


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} B"
