"""The essay pane's cursor and navigation: the part of :class:`reader.ui.widgets.essay_view.EssayView`
that moves a cursor row through laid-out rows and finds what is under it.

The cursor is a row of the current :class:`reader.page.layout.EssayLayout`; the *target* is the passage,
term or search match that navigation last landed on (drawn highlighted, acted on by ``enter``). The view
subclass owns the layout, its rendering and its relayouts; this base only reads the layout.
"""

from __future__ import annotations

from typing import Any

from textual.scroll_view import ScrollView

from reader.page.layout import AsidePiece, EssayLayout
from reader.page.ranges import Ranges, Target
from reader.page.viewport import block_rows, top_for_passage


class EssayCursor(ScrollView):
    """A scroll view over essay rows with a cursor row and a navigation target."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.essay_layout: EssayLayout | None = None
        self.passages = Ranges()
        self.terms = Ranges()
        self.asides: dict[int, tuple[AsidePiece, ...]] = {}
        self.cursor_y = 0
        self.target: Target | None = None
        self._cursor_offset = 0  # document offset under the cursor, kept across relayouts
        self._pending_top: int | None = None  # the scroll a new layout asked for, until it is applied

    def _restyle(self) -> None:
        """Repaint after the cursor, the target or the marks changed (the view adds its own upkeep)."""
        self.refresh()

    @property
    def total_rows(self) -> int:
        return self.essay_layout.total_rows if self.essay_layout is not None else 0

    @property
    def cursor_offset(self) -> int:
        if self.essay_layout is None or not self.essay_layout.total_rows:
            return self._cursor_offset
        return self.essay_layout.offset_for_y(self.cursor_y)

    def move_cursor(self, y: int, *, target: Target | None = None) -> None:
        """Put the cursor on row ``y`` (clamped) and scroll just enough to show it."""
        if self.essay_layout is None or not self.essay_layout.total_rows:
            return
        y = min(max(y, 0), self.essay_layout.total_rows - 1)
        self._pending_top = None
        self.cursor_y = y
        self.target = target
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if y < top:
            self.scroll_to(y=y, animate=False, immediate=True)
        elif y >= top + height:
            self.scroll_to(y=y - height + 1, animate=False, immediate=True)
        self._restyle()

    def action_top(self) -> None:
        self.move_cursor(0)

    def action_bottom(self) -> None:
        self.move_cursor(self.total_rows - 1)

    def position_for(self, kind: str) -> int:
        """Where stepping to the next ``kind`` starts from: the target, if navigation landed on one of that
        kind, else the cursor."""
        target = self.target
        return target.start if target is not None and target.kind == kind else self.cursor_offset

    def action_cursor_down(self, rows: int = 1) -> None:
        self.move_cursor(self._cursor_on_screen() + rows)

    def action_cursor_up(self, rows: int = 1) -> None:
        self.move_cursor(self._cursor_on_screen() - rows)

    def action_page(self, direction: int) -> None:
        """Scroll a page down (1) or up (-1), the cursor moving with the text."""
        self._pending_top = None
        height = max(1, self.scrollable_content_region.height - 1)
        offset = self._cursor_on_screen() - int(self.scroll_y)
        self.scroll_to(y=int(self.scroll_y) + direction * height, animate=False, immediate=True)
        self.move_cursor(int(self.scroll_y) + offset)

    def _cursor_on_screen(self) -> int:
        """The cursor row, first brought back into view if the mouse scrolled it away."""
        top, height = int(self.scroll_y), self.scrollable_content_region.height
        if not top <= self.cursor_y < top + height:
            self.cursor_y = top
        return self.cursor_y

    def go_to(self, target: Target, *, top_margin: int = 3, upper_third: bool = False) -> None:
        """Move the cursor to ``target``: when it is off screen, show it a few rows below the top; with
        ``upper_third``, bring it (and what is laid out with it) to the upper third of the view."""
        if self.essay_layout is None:
            return
        y = self.essay_layout.y_for_offset(target.start)
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if upper_third:
            block = block_rows(self.essay_layout, target.start, target.end)
            self.scroll_to(y=top_for_passage(block, top, height), animate=False, immediate=True)
        elif not top <= y < top + height:
            self.scroll_to(y=max(0, y - top_margin), animate=False, immediate=True)
        self.move_cursor(y, target=target)

    def row_range(self) -> tuple[int, int]:
        """Document offsets the cursor row covers (a row of only an aside covers its paragraph's end)."""
        row = self.essay_layout.row(self.cursor_y) if self.essay_layout is not None else None
        if row is None:
            return 0, 0
        return row.start, max(row.end, row.start + 1)

    def passage_under_cursor(self) -> tuple[int, int, Any] | None:
        """The passage on the cursor row, or the one whose translation column the cursor is in."""
        start, end = self.row_range()
        found = self.passages.overlapping(start, end)
        if found:
            return found[0]
        row = self.essay_layout.row(self.cursor_y) if self.essay_layout is not None else None
        if row is not None and self.essay_layout is not None:
            for passage in self.essay_layout.passages_in(row.paragraph):
                if passage.start in self.asides and passage.start <= start <= passage.end:
                    return passage.start, passage.end, passage
        return None

    def term_under_cursor(self) -> tuple[int, int, Any] | None:
        if self.target is not None and self.target.kind == "term":
            return self.terms.at(self.target.start)
        start, end = self.row_range()
        found = self.terms.overlapping(start, end)
        return found[0] if found else None
