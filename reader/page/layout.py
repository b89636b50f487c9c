"""The layout of an essay: its paragraphs as display rows, translations beside their passages.

The app draws an essay line by line (a Line-API scroll view); this module decides what each line holds,
without knowing anything of Textual, so it is tested on its own. A passage's *aside* (its translation,
transliteration or glossary glosses) is placed in one of two ways:

* a passage that is most of its paragraph gets **two columns**: the paragraph on the left, the aside on
  the right, both starting on the paragraph's first row; the shorter side is padded, so the next
  paragraph starts below the longer one (below ``COLUMN_MIN_WIDTH`` the aside is stacked underneath);
* a shorter passage gets its aside **inline**, right after it (and after any closing quote or
  punctuation): ``«Америка и Фашизм» ⟨America and Fascism⟩``.

With the ``under`` placement (a reader's preference) the two-column asides are stacked under their
paragraph at every width. Glossary glosses in a block aside take one row each, cut with ``…``.

Rows (:mod:`reader.page.rows`) keep the document offsets of their text. They are computed per paragraph
and cached; a whole document's row count is computed once per width (seconds for megabytes, so the app
does that in a worker and shows a window of paragraphs around the reading position first).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import accumulate

from reader.errors import Cancelled
from reader.essay.document import Paragraph
from reader.page.interlinear import wrap_interlinear
from reader.page.rows import GLOSS, GUTTER, TEXT, TRANSLATION, Chunk, Row, Span, cells, wrap

#: Narrower than this, two columns are too cramped: a paragraph's aside goes underneath it instead.
COLUMN_MIN_WIDTH = 60
#: A passage covering this share of its paragraph's characters is laid out in two columns.
COLUMN_SHARE = 0.6
GUTTER_TEXT = " │ "
STACK_INDENT = "↳ "
INLINE_OPEN, INLINE_SEPARATOR, INLINE_CLOSE = " ⟨", " · ", "⟩"
#: Where a passage's aside goes when it would take a column: ``beside`` the paragraph or ``under`` it.
BESIDE, UNDER = "beside", "under"

#: Characters an inline aside is pushed past, so it follows the closing quote of the passage.
_CLOSERS = frozenset("»”\"’')]}.,;:!?…")
_ROW_CACHE_PARAGRAPHS = 4096


@dataclass(frozen=True)
class AsidePiece:
    """One part of what is shown beside a passage; ``kind`` is TRANSLATION, TRANSLIT, GLOSS or NOTE."""

    text: str
    kind: str


@dataclass(frozen=True)
class PassageSpan:
    """A passage as the layout sees it: a range of the document that may carry an aside."""

    start: int
    end: int


def _aside_chunks_inline(pieces: Sequence[AsidePiece]) -> list[Chunk]:
    """`` ⟨first · second⟩``, cut only at spaces so the brackets stay on their words. Glosses go with a
    translation only in a block: inline they would crowd the sentence (the terms are underlined)."""
    if any(piece.kind == TRANSLATION for piece in pieces):
        pieces = [piece for piece in pieces if piece.kind != GLOSS]
    chunks = [Chunk(" ", pieces[0].kind, None)]
    for number, piece in enumerate(pieces):
        text = (INLINE_OPEN.strip() if number == 0 else "") + piece.text
        if number == len(pieces) - 1:
            text += INLINE_CLOSE
        if number:
            chunks.append(Chunk(INLINE_SEPARATOR, piece.kind, None))
        chunks.append(Chunk(text, piece.kind, None))
    return chunks


def _aside_chunks_block(pieces: Sequence[AsidePiece], width: int, prefix: str = "") -> list[Chunk]:
    chunks: list[Chunk] = []
    for number, piece in enumerate(pieces):
        if number:
            chunks.append(Chunk("\n", piece.kind, None))
        if prefix:
            chunks.append(Chunk(prefix, piece.kind, None))
        text = one_row(piece.text, width - len(prefix)) if piece.kind == GLOSS else piece.text
        chunks.append(Chunk(text, piece.kind, None))
    return chunks


def one_row(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, ending in ``…`` when cut (so it wraps to one row)."""
    if cells(text) <= width:
        return text
    cut = text[: max(0, width - 1)]
    while cut and cells(cut) > width - 1:  # wide characters take two cells
        cut = cut[:-1]
    return cut.rstrip() + "…"


def _insertion_point(text: str, end: int, limit: int) -> int:
    while end < limit and text[end] in _CLOSERS:
        end += 1
    return end


def _paragraph_chunks(
    text: str, start: int, end: int, inline: Sequence[tuple[PassageSpan, Sequence[AsidePiece]]]
) -> list[Chunk]:
    """The paragraph's text, cut after each inline passage to let its aside in."""
    chunks: list[Chunk] = []
    position = start
    for passage, pieces in inline:
        cut = _insertion_point(text, min(passage.end, end), end)
        if cut < position:
            continue
        chunks.append(Chunk(text[position:cut], TEXT, position))
        chunks.extend(_aside_chunks_inline(pieces))
        position = cut
    if position < end or not chunks:
        chunks.append(Chunk(text[position:end], TEXT, position))
    return chunks


def _bounds(spans: Sequence[Span], carry: int) -> tuple[int, int]:
    starts = [span.start for span in spans if span.start is not None]
    if not starts:
        return carry, carry
    last = max(span.start + len(span.text) for span in spans if span.start is not None)
    return min(starts), last


def layout_paragraph(
    text: str,
    paragraph: Paragraph,
    index: int,
    passages: Sequence[PassageSpan],
    asides: Mapping[int, Sequence[AsidePiece]],
    width: int,
    placement: str = BESIDE,
    glosses: Mapping[int, str] | None = None,
) -> list[Row]:
    """The rows of one paragraph. ``passages`` are those overlapping it, by start; ``asides`` by start;
    ``placement`` says whether a column aside goes beside the paragraph or under it; ``glosses`` (word
    start -> gloss) put word-by-word glosses under the paragraph's words."""
    fill = partial(wrap_interlinear, glosses=glosses) if glosses else wrap
    start, end = paragraph.start, paragraph.end
    # A passage's aside belongs to the paragraph it starts in (a passage may run on into the next).
    with_aside = [(p, asides[p.start]) for p in passages if p.start >= start and asides.get(p.start)]
    column = None
    body = len(text[start:end].replace(" ", "")) or 1
    for passage, pieces in with_aside:
        covered = len(text[max(start, passage.start) : min(end, passage.end)].replace(" ", ""))
        if covered >= COLUMN_SHARE * body:
            column = (passage, pieces)
            break
    inline = [item for item in with_aside if column is None or item[0] is not column[0]]
    chunks = _paragraph_chunks(text, start, end, inline)
    rows: list[Row] = []
    carry = start
    if column is None:
        for spans in fill(chunks, width):
            carry_start, carry = _bounds(spans, carry)
            rows.append(Row(spans, carry_start, carry, index))
        return rows
    if width < COLUMN_MIN_WIDTH or placement != BESIDE:
        for spans in fill(chunks, width):
            carry_start, carry = _bounds(spans, carry)
            rows.append(Row(spans, carry_start, carry, index))
        for spans in wrap(_aside_chunks_block(column[1], width, STACK_INDENT), width):
            rows.append(Row(spans, end, end, index))
        return rows
    left_width = (width - len(GUTTER_TEXT)) // 2
    right_width = width - len(GUTTER_TEXT) - left_width
    left = fill(chunks, left_width)
    right = wrap(_aside_chunks_block(column[1], right_width), right_width)
    for number in range(max(len(left), len(right))):
        left_spans = left[number] if number < len(left) else ()
        right_spans = right[number] if number < len(right) else ()
        pad = left_width - sum(cells(span.text) for span in left_spans)
        spans = (*left_spans, Span(" " * pad + GUTTER_TEXT, GUTTER), *right_spans)
        row_start, carry = _bounds(left_spans, carry)
        rows.append(Row(spans, row_start, carry, index))
    return rows


class EssayLayout:
    """The rows of a document (or of a window of its paragraphs) at one width.

    Row counts of every paragraph in the window are computed up front; the rows themselves are kept in
    a bounded cache and recomputed on demand. ``set_asides`` re-lays only the paragraphs it touches.
    """

    def __init__(
        self,
        text: str,
        paragraphs: Sequence[Paragraph],
        passages: Sequence[PassageSpan],
        asides: Mapping[int, Sequence[AsidePiece]],
        width: int,
        window: tuple[int, int] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
        placement: str = BESIDE,
        glosses: Mapping[int, str] | None = None,
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.width = max(1, width)
        self.placement = placement
        self.passages = sorted(passages, key=lambda p: p.start)
        self._passage_starts = [p.start for p in self.passages]
        self._passage_ends = [p.end for p in self.passages]
        self._paragraph_starts = [p.start for p in paragraphs]
        self.asides: dict[int, tuple[AsidePiece, ...]] = {k: tuple(v) for k, v in asides.items() if v}
        self.glosses: dict[int, str] = dict(glosses or {})
        self._glossed = {self.paragraph_of(start) for start in self.glosses}  # paragraphs with a gloss
        self.first, self.last = window if window is not None else (0, len(paragraphs))
        self.complete = self.first == 0 and self.last == len(paragraphs)
        self._cache: OrderedDict[int, list[Row]] = OrderedDict()
        self.counts: list[int] = []
        for index in range(self.first, self.last):
            if is_cancelled is not None and index % 256 == 0 and is_cancelled():
                raise Cancelled("layout cancelled")
            self.counts.append(len(self.paragraph_rows(index)))
        self._prefix = list(accumulate(self.counts, initial=0))

    # -- geometry ------------------------------------------------------------------------------------
    @property
    def total_rows(self) -> int:
        return self._prefix[-1]

    def _separator(self, index: int) -> bool:
        return index < len(self.paragraphs) - 1

    def passages_in(self, index: int) -> list[PassageSpan]:
        """The passages overlapping paragraph ``index`` (passages do not overlap, so ends are sorted)."""
        paragraph = self.paragraphs[index]
        low = bisect_right(self._passage_ends, paragraph.start)
        high = bisect_left(self._passage_starts, paragraph.end)
        return self.passages[low:high]

    def paragraph_rows(self, index: int) -> list[Row]:
        rows = self._cache.get(index)
        if rows is not None:
            self._cache.move_to_end(index)
            return rows
        paragraph = self.paragraphs[index]
        glosses = self.glosses if index in self._glossed else None
        rows = layout_paragraph(
            self.text,
            paragraph,
            index,
            self.passages_in(index),
            self.asides,
            self.width,
            placement=self.placement,
            glosses=glosses,
        )
        if self._separator(index):
            rows.append(Row((), paragraph.end, paragraph.end, index))
        self._cache[index] = rows
        if len(self._cache) > _ROW_CACHE_PARAGRAPHS:
            self._cache.popitem(last=False)
        return rows

    def row(self, y: int) -> Row | None:
        if not 0 <= y < self.total_rows:
            return None
        slot = bisect_right(self._prefix, y) - 1
        return self.paragraph_rows(self.first + slot)[y - self._prefix[slot]]

    def paragraph_y(self, index: int) -> int:
        """The first row of paragraph ``index`` (clamped to the window)."""
        slot = min(max(index - self.first, 0), len(self.counts))
        return self._prefix[slot]

    def y_for_offset(self, offset: int) -> int:
        """The row showing document ``offset`` (the nearest row when the offset is between paragraphs)."""
        if not self.counts:
            return 0
        index = bisect_right(self._paragraph_starts, offset) - 1
        index = min(max(index, self.first), self.last - 1)
        rows = self.paragraph_rows(index)
        base = self.paragraph_y(index)
        best = 0
        for number, row in enumerate(rows):
            if row.start > offset:
                break
            if offset < row.end or row.start == row.end == offset:
                return base + number  # the row holding it (or the first empty row at it)
            best = number
        return base + best

    def offset_for_y(self, y: int) -> int:
        row = self.row(min(max(y, 0), self.total_rows - 1))
        return row.start if row is not None else 0

    # -- changes -------------------------------------------------------------------------------------
    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def set_asides(self, asides: Mapping[int, Sequence[AsidePiece]]) -> bool:
        """Replace the asides; re-lay the paragraphs whose asides changed. True if any paragraph did."""
        new = {k: tuple(v) for k, v in asides.items() if v}
        changed = {k for k in new.keys() | self.asides.keys() if new.get(k) != self.asides.get(k)}
        self.asides = new
        return self._invalidate({self.paragraph_of(start) for start in changed})

    def set_passages(self, passages: Sequence[PassageSpan]) -> bool:
        """Replace the passages. Cheap: only paragraphs holding an aside depend on them."""
        self.passages = sorted(passages, key=lambda p: p.start)
        self._passage_starts = [p.start for p in self.passages]
        self._passage_ends = [p.end for p in self.passages]
        return self._invalidate({self.paragraph_of(start) for start in self.asides})

    def set_glosses(self, glosses: Mapping[int, str]) -> bool:
        """Put word-by-word glosses (word start -> gloss; empty: none) under the words; re-lay the
        paragraphs that had or get any. True if any paragraph did."""
        if glosses == self.glosses:
            return False
        glossed = {self.paragraph_of(start) for start in glosses}
        changed = glossed | self._glossed
        self.glosses, self._glossed = dict(glosses), glossed
        return self._invalidate(changed)

    def _invalidate(self, paragraphs: set[int]) -> bool:
        """Forget the rows of ``paragraphs`` and recount them. True if there were any."""
        resized = False
        for index in sorted(paragraphs):
            self._cache.pop(index, None)
            if self.first <= index < self.last:
                count = len(self.paragraph_rows(index))
                if count != self.counts[index - self.first]:
                    self.counts[index - self.first] = count
                    resized = True
        if resized:
            self._prefix = list(accumulate(self.counts, initial=0))
        return bool(paragraphs)


def window_around(paragraphs: Sequence[Paragraph], offset: int, characters: int) -> tuple[int, int]:
    """Paragraph indices around ``offset`` holding about ``characters`` of text, for a fast first screen."""
    if not paragraphs:
        return 0, 0
    index = _bisect_paragraphs(paragraphs, offset)
    index = max(index, 0)
    first = last = index
    total = 0
    while last < len(paragraphs) and total < characters:
        total += paragraphs[last].end - paragraphs[last].start
        last += 1
    back = 0
    while first > 0 and back < characters // 2:
        first -= 1
        back += paragraphs[first].end - paragraphs[first].start
    return first, last


def _bisect_paragraphs(paragraphs: Sequence[Paragraph], offset: int) -> int:
    low, high = 0, len(paragraphs)
    while low < high:
        middle = (low + high) // 2
        if paragraphs[middle].start <= offset:
            low = middle + 1
        else:
            high = middle
    return low - 1
