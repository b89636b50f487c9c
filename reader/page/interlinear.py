"""Word-by-word glosses: each Russian word with its short English gloss on the line under it.

:func:`wrap_interlinear` is :func:`reader.page.rows.wrap` for a paragraph whose words carry glosses:
every line of text is followed by a line of glosses, each gloss starting under its word, and a word
with a gloss longer than itself takes the gloss's width (the text row is padded), so glosses never run
into each other and wrap with the text. A line without any gloss (English prose) gets no gloss line.
Text keeps its document offsets, as in ``wrap``; padding and glosses have none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.page.rows import GLOSS, TEXT, Chunk, Span, cells

_TOKEN = re.compile(r"\n|[^\S\n]+|\S+")


@dataclass
class _Line:
    """A text row being filled and the gloss row under it."""

    spans: list[Span]
    glosses: list[str]
    used: int = 0

    def add(self, span: Span, gloss: str, width: int) -> None:
        """Put ``span`` (and ``gloss`` under it) at the end; both are padded to ``width`` cells."""
        text_width = cells(span.text)
        last = self.spans[-1] if self.spans else None
        if last is not None and last.kind == span.kind and _joins(last, span):
            self.spans[-1] = Span(last.text + span.text, span.kind, last.start)
        else:
            self.spans.append(span)
        if width > text_width:
            self.spans.append(Span(" " * (width - text_width), TEXT, None))
        self.glosses.append(gloss.ljust(width))
        self.used += width

    def rows(self) -> list[tuple[Span, ...]]:
        found = [tuple(self.spans)]
        under = "".join(self.glosses).rstrip()
        if under:
            found.append((Span(under, GLOSS, None),))
        return found


def _joins(first: Span, second: Span) -> bool:
    if first.start is None or second.start is None:
        return first.start is None and second.start is None
    return first.start + len(first.text) == second.start


def _gloss_under(text: str, start: int | None, glosses: Mapping[int, str]) -> str:
    """The glosses of the words starting inside ``text`` (at document ``start``), each at its word's
    column, an earlier one cut (with ``…``) so that one space separates it from the next."""
    if start is None:
        return ""
    line = ""
    for index in range(len(text)):
        gloss = glosses.get(start + index)
        if gloss is None:
            continue
        column = cells(text[:index])
        if line and len(line) >= column:
            line = line[: max(0, column - 2)].rstrip() + "…"
        line = line.ljust(column) + gloss
    return line


def wrap_interlinear(
    chunks: Sequence[Chunk], width: int, glosses: Mapping[int, str]
) -> list[tuple[Span, ...]]:
    """Greedy word wrap of ``chunks`` at ``width`` cells, a gloss line under each text line that has
    glosses. ``glosses`` maps the document offset where a word starts to its short gloss."""
    width = max(1, width)
    rows: list[tuple[Span, ...]] = []
    line = _Line([], [])

    def flush() -> None:
        nonlocal line
        rows.extend(line.rows())
        line = _Line([], [])

    for chunk in chunks:
        for match in _TOKEN.finditer(chunk.text):
            token = match.group()
            begin = match.start()
            start = None if chunk.start is None else chunk.start + begin
            if token == "\n":
                flush()
                continue
            size = cells(token)
            if token[0].isspace():
                if line.used and line.used + size <= width:
                    line.add(Span(token, chunk.kind, start), "", size)
                elif line.used:
                    flush()
                continue
            gloss = _gloss_under(token, start, glosses) if chunk.kind == TEXT else ""
            column = min(max(size, len(gloss)), width) if size <= width else size
            gloss = gloss if len(gloss) <= column else gloss[: max(0, column - 1)] + "…"
            if line.used + column > width and line.used:
                flush()
            if column <= width:
                line.add(Span(token, chunk.kind, start), gloss, column)
                continue
            for cut in range(0, len(token), width):  # a word longer than the line: cut it
                piece = token[cut : cut + width]
                if line.used:
                    flush()
                line.add(Span(piece, chunk.kind, None if start is None else start + cut), "", cells(piece))
    if line.spans or not rows:
        flush()
    return rows
