"""Display rows and the word wrap that makes them: the vocabulary of :mod:`reader.page.layout`.

A :class:`Row` is one line on screen, a tuple of :class:`Span` runs; a span of essay text keeps the
document offset it came from (``start``), so a row, a click or a cursor maps back to ``Document.text``.
:func:`wrap` fills rows greedily from :class:`Chunk` runs of text. No Textual here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

#: Kinds of span: essay text, and what the layout puts beside it.
TEXT = "text"
TRANSLATION = "translation"
TRANSLIT = "translit"
GLOSS = "gloss"
NOTE = "note"
WARNING = "warning"
GUTTER = "gutter"

_TOKEN = re.compile(r"\n|[^\S\n]+|\S+")
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def cells(text: str) -> int:
    """Terminal cells ``text`` takes: its length unless it holds wide (East Asian) characters."""
    return len(text) if text.isascii() or not _WIDE.search(text) else cell_len(text)


@dataclass(frozen=True)
class Span:
    """A run of one kind of text on a row. ``start`` is the document offset of essay text, else None."""

    text: str
    kind: str
    start: int | None = None

    @property
    def end(self) -> int | None:
        return None if self.start is None else self.start + len(self.text)


@dataclass(frozen=True)
class Row:
    """One display line. ``start``/``end`` bound the essay text on it (equal when it has none)."""

    spans: tuple[Span, ...]
    start: int
    end: int
    paragraph: int

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    def offset_at(self, x: int) -> int | None:
        """The document offset of the essay character at cell ``x``, or None (aside, padding, past end)."""
        position = 0
        for span in self.spans:
            width = cells(span.text)
            if x < position + width:
                if span.start is None:
                    return None
                return span.start + _index_at_cell(span.text, x - position)
            position += width
        return None

    def x_of(self, offset: int) -> int | None:
        """The cell where the essay character at document ``offset`` is drawn on this row, or None."""
        position = 0
        for span in self.spans:
            if span.start is not None and span.start <= offset < span.start + len(span.text):
                return position + cells(span.text[: offset - span.start])
            position += cells(span.text)
        return None


def _index_at_cell(text: str, x: int) -> int:
    if text.isascii() or not _WIDE.search(text):
        return x
    position = 0
    for index, char in enumerate(text):
        position += cell_len(char)
        if x < position:
            return index
    return len(text) - 1


@dataclass(frozen=True)
class Chunk:
    """A run of text to wrap: essay text with its document offset, or an aside (``start`` None)."""

    text: str
    kind: str
    start: int | None


def wrap(chunks: Sequence[Chunk], width: int) -> list[tuple[Span, ...]]:
    """Greedy word wrap of ``chunks`` at ``width`` cells; ``\\n`` breaks a line, long words are cut.

    Spaces where a line breaks are dropped; everything else keeps its document offset.
    """
    width = max(1, width)
    rows: list[tuple[Span, ...]] = []
    line: list[list[int]] = []  # [chunk index, begin, end] runs, merged when contiguous
    used = 0

    def add(index: int, begin: int, end: int) -> None:
        if line and line[-1][0] == index and line[-1][2] == begin:
            line[-1][2] = end
        else:
            line.append([index, begin, end])

    def flush() -> None:
        nonlocal line, used
        spans = []
        for index, begin, end in line:
            chunk = chunks[index]
            start = None if chunk.start is None else chunk.start + begin
            spans.append(Span(chunk.text[begin:end], chunk.kind, start))
        rows.append(tuple(spans))
        line, used = [], 0

    for index, chunk in enumerate(chunks):
        for match in _TOKEN.finditer(chunk.text):
            token = match.group()
            begin, end = match.span()
            if token == "\n":
                flush()
                continue
            size = cells(token)
            if token[0].isspace():
                if used and used + size <= width:
                    add(index, begin, end)
                    used += size
                elif used:
                    flush()
                continue
            if used + size <= width:
                add(index, begin, end)
                used += size
                continue
            if size <= width:
                flush()
                add(index, begin, end)
                used = size
                continue
            while begin < end:  # a word longer than the line: cut it
                if used >= width:
                    flush()
                take = min(width - used, end - begin)
                add(index, begin, begin + take)
                used += take
                begin += take
    if line or not rows:
        flush()
    return rows
