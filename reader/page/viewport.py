"""Which rows of a laid-out essay to show: keeping the reader's place across a relayout, and where a
passage lands when navigation brings it on screen.

Pure arithmetic on :class:`reader.page.layout.EssayLayout` rows, no Textual: the essay view asks these
for the row to scroll to. Two rules:

* **Across a resize** (or any relayout), the cursor keeps its share of the screen height (a cursor a
  third of the way down stays a third of the way down), and the passage under it, with its translation,
  stays wholly on screen when it fits; the top line is not what a reader is looking at.
* **Stepping to a passage** (``n``/``N``) brings it to the upper third of the screen, so its translation
  has room below, unless it already starts there and fits.
"""

from __future__ import annotations

from reader.page.layout import EssayLayout
from reader.page.rows import GUTTER


def block_rows(layout: EssayLayout, start: int, end: int) -> tuple[int, int]:
    """The first and last rows showing document ``start:end`` and what is laid out with it: the rest of
    a two-column block, or the aside rows stacked under it."""
    first = layout.y_for_offset(start)
    last = max(first, layout.y_for_offset(max(start, end - 1)))
    here = layout.row(last)
    if here is None:
        return first, last
    while True:
        row = layout.row(last + 1)
        if row is None or row.paragraph != here.paragraph or not row.spans:
            break
        beside = any(span.kind == GUTTER for span in row.spans)
        if not beside and row.start != row.end:  # essay text of its own: the block has ended
            break
        last += 1
    return first, last


def screen_share(cursor_y: int, top: int, height: int) -> float | None:
    """How far down the screen the cursor is (0 top, 1 bottom), or None when it is off screen."""
    if height <= 0 or not top <= cursor_y < top + height:
        return None
    return (cursor_y - top) / max(1, height - 1)


def top_keeping(cursor_y: int, share: float, height: int, block: tuple[int, int] | None = None) -> int:
    """The top row that puts the cursor ``share`` of the way down a screen ``height`` rows high, moved
    as little as needed to show all of ``block`` (the passage under the cursor) when it fits."""
    height = max(1, height)
    top = cursor_y - round(share * (height - 1))
    if block is not None and block[1] - block[0] < height:
        first, last = block
        top = max(min(top, first), last - height + 1)
    top = min(max(top, cursor_y - height + 1), cursor_y)  # the cursor itself is always on screen
    return max(0, top)


def top_for_passage(block: tuple[int, int], top: int, height: int) -> int:
    """The top row that shows ``block`` from the upper third of the screen (nearer the top when it is
    too tall for that), or ``top`` when the block already starts in the upper third and fits."""
    first, last = block
    third = max(0, height // 3)
    if top <= first <= top + third and last < top + height:
        return top
    margin = min(third, max(0, height - (last - first + 1)))
    return max(0, first - margin)
