"""Painting one row of the essay pane: its spans styled by kind, then passages, terms, matches and the
navigation target laid over the essay characters they cover. Control and bidi characters from the essay are
painted as one visible character each (``␛``, ``�``), so they never reach the terminal and cells still map
to text offsets."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from reader.page.ranges import Ranges, Target
from reader.page.rows import GLOSS, GUTTER, NOTE, TEXT, TRANSLATION, TRANSLIT, WARNING, Row
from reader.safe_text import same_length

#: The component style (``essay-view--<name>``) of each kind of span that is not essay text.
KIND_STYLES: dict[str, str] = {
    TRANSLATION: "translation",
    TRANSLIT: "translit",
    GLOSS: "gloss",
    NOTE: "note",
    WARNING: "warning",
    GUTTER: "gutter",
}
Layers = Sequence[tuple[Ranges, str]]


def paint_row(
    row: Row | None,
    width: int,
    base: Style,
    style: Callable[[str], Style],
    layers: Layers,
    target: Target | None,
    console: Console,
    *,
    is_cursor: bool,
) -> Strip:
    """The strip for ``row`` at ``width`` cells (blank when there is no such row)."""
    if row is None:
        return Strip([Segment(" " * width, base)], width)
    text = Text(end="", no_wrap=True)
    position = 0
    gap: int | None = None  # the offset after the last essay text: where padding sits
    for span in row.spans:
        kind_style = KIND_STYLES.get(span.kind)
        text.append(same_length(span.text), style(kind_style) if kind_style else None)
        if span.kind == TEXT and span.start is not None:
            _overlay(text, position, span.start, span.start + len(span.text), style, layers, target)
            gap = span.start + len(span.text)
        elif span.kind == TEXT and gap is not None:  # padding that widens a word for its gloss
            _overlay_gap(text, position, len(span.text), gap, style, layers, target)
        position += len(span.text)
    if is_cursor:
        text.stylize_before(style("cursor"))
    text.stylize_before(base)
    strip = Strip(list(text.render(console)))
    cursor_style = base + style("cursor") if is_cursor else base
    return strip.extend_cell_length(width, cursor_style).crop(0, width)


def _overlay(
    text: Text,
    position: int,
    start: int,
    end: int,
    style: Callable[[str], Style],
    layers: Layers,
    target: Target | None,
) -> None:
    """Style the essay characters ``start:end`` drawn at ``position`` of ``text``."""
    for ranges, name in layers:
        for low, high, _ in ranges.overlapping(start, end):
            text.stylize(style(name), position + max(low, start) - start, position + min(high, end) - start)
    if target is not None and target.start < end and target.end > start:
        text.stylize(
            style("target"),
            position + max(target.start, start) - start,
            position + min(target.end, end) - start,
        )


def _overlay_gap(
    text: Text,
    position: int,
    length: int,
    gap: int,
    style: Callable[[str], Style],
    layers: Layers,
    target: Target | None,
) -> None:
    """Style padding drawn at ``position`` between document offsets ``gap - 1`` and ``gap`` as a mark
    spanning both sides of it (a passage, say) would style it, so a mark never shows holes."""
    for ranges, name in layers:
        found = ranges.at(gap - 1)
        if found is not None and found[1] > gap:
            text.stylize(style(name), position, position + length)
    if target is not None and target.start < gap < target.end:
        text.stylize(style("target"), position, position + length)
