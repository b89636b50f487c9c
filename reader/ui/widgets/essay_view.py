"""The essay pane: a Line-API scroll view over :class:`reader.page.layout.EssayLayout` rows.

Only the rows on screen are rendered, each once per look (an LRU of strips), so a 5 MB essay scrolls
as fast as a short one. Essay text is data: rows become ``rich.text.Text`` built with ``append``, never
parsed as markup. Styles (Russian passages, translations, glossary terms, search matches, the cursor
line) are component classes, so the theme decides the colours.

The view keeps a cursor row (up/down move it and the view follows) and a *target*: the passage, term or
search match that navigation last landed on, drawn highlighted, which ``enter`` acts on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from rich.style import Style
from textual import events, work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from reader.detection import Passage
from reader.errors import Cancelled
from reader.essay.document import Document
from reader.glossary import TermHit
from reader.page.layout import AsidePiece, EssayLayout, PassageSpan, window_around
from reader.page.ranges import Ranges, Target
from reader.ui.messages import LayoutReady, TermActivated
from reader.ui.widgets.row_painter import paint_row

#: Essays up to this many characters are laid out at once; longer ones show a window first.
SYNC_LAYOUT_CHARS = 400_000
#: Characters of text around the reading position laid out for the first screen of a long essay.
WINDOW_CHARS = 40_000


class EssayView(ScrollView, can_focus=True, inherit_bindings=False):
    """The scrolling, word-wrapped essay with its asides. Keys are bound by the reader screen."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "essay-view--russian",
        "essay-view--translation",
        "essay-view--translit",
        "essay-view--gloss",
        "essay-view--note",
        "essay-view--gutter",
        "essay-view--term",
        "essay-view--match",
        "essay-view--target",
        "essay-view--cursor",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: Document | None = None
        self.essay_layout: EssayLayout | None = None
        self.passages = Ranges()
        self.terms = Ranges()
        self.matches = Ranges()
        self.asides: dict[int, tuple[AsidePiece, ...]] = {}
        self.cursor_y = 0
        self.target: Target | None = None
        self._anchor = 0  # document offset kept at the top across relayouts
        self._cursor_offset = 0
        self._pending_top: int | None = None
        self._generation = 0
        self._look = 0  # bumped when styling changes without a relayout
        self._strips: LRUCache[tuple[int, int, int, bool], Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._last_place: tuple[int, int, float] | None = None

    # -- content -------------------------------------------------------------------------------------
    def load(self, document: Document, *, top: int = 0, cursor: int = 0) -> None:
        """Show ``document`` with ``top`` (a document offset) at the top and the cursor at ``cursor``."""
        self.document = document
        self._anchor, self._cursor_offset = top, cursor
        self.passages = Ranges()
        self.terms = Ranges()
        self.matches = Ranges()
        self.asides = {}
        self.target = None
        self._last_place = None
        self.relayout()

    def set_passages(self, passages: Sequence[Passage]) -> None:
        """The passages to mark (objects with ``start``, ``end``); relays the essay out."""
        self.passages = Ranges([(p.start, p.end, p) for p in passages])
        if self.essay_layout is not None:
            self._keep_place()
            if self.essay_layout.set_passages(self._spans()):
                self._install(self.essay_layout)
        self._restyle()

    def set_terms(self, hits: Sequence[TermHit]) -> None:
        """Glossary hits (``id``, ``start``, ``end``) to underline; styling only, no relayout."""
        self.terms = Ranges([(hit.start, hit.end, hit) for hit in hits])
        self._restyle()

    def set_matches(self, spans: Sequence[tuple[int, int]]) -> None:
        self.matches = Ranges([(start, end, None) for start, end in spans])
        self._restyle()

    def set_asides(self, asides: Mapping[int, Sequence[AsidePiece]]) -> None:
        """What to show beside each passage (by passage start). Re-lays only the paragraphs that change."""
        self.asides = {start: tuple(pieces) for start, pieces in asides.items() if pieces}
        if self.essay_layout is None:
            return
        self._keep_place()
        if self.essay_layout.set_asides(self.asides):
            self._install(self.essay_layout)

    # -- layout --------------------------------------------------------------------------------------
    @property
    def wrap_width(self) -> int:
        return max(10, self.scrollable_content_region.width)

    def relayout(self) -> None:
        """Lay the essay out again at the current width (in a worker for long essays)."""
        if self.document is None or self.size.width == 0:
            return
        self._generation += 1
        document, width = self.document, self.wrap_width
        spans = self._spans()
        if len(document.text) <= SYNC_LAYOUT_CHARS:
            self._install(EssayLayout(document.text, document.paragraphs, spans, self.asides, width))
            return
        window = window_around(document.paragraphs, self._anchor, WINDOW_CHARS)
        self._install(
            EssayLayout(document.text, document.paragraphs, spans, self.asides, width, window=window)
        )
        self.call_after_refresh(
            self._layout_in_background, document, spans, dict(self.asides), width, self._generation
        )

    def _spans(self) -> list[PassageSpan]:
        return [PassageSpan(start, end) for start, end, _ in self.passages.items]

    @work(
        thread=True, exclusive=True, exit_on_error=False, group="layout", description="Laying out the essay"
    )
    def _layout_in_background(
        self, document: Document, spans: list[PassageSpan], asides: dict, width: int, generation: int
    ) -> None:
        worker = get_current_worker()
        try:
            layout = EssayLayout(
                document.text,
                document.paragraphs,
                spans,
                asides,
                width,
                is_cancelled=lambda: worker.is_cancelled,
            )
        except Cancelled:
            return
        self.post_message(LayoutReady(layout, generation))

    def on_layout_ready(self, message: LayoutReady) -> None:
        message.stop()
        if message.generation != self._generation or self.document is None:
            return
        self._keep_place()
        layout: EssayLayout = message.layout
        layout.set_passages(self._spans())  # what arrived while the worker ran
        layout.set_asides(self.asides)
        self._install(layout)

    @property
    def complete(self) -> bool:
        """True once the whole essay is laid out (long essays show a window of it first)."""
        return self.essay_layout is not None and self.essay_layout.complete

    def _keep_place(self) -> None:
        """Remember the offsets at the top and under the cursor, to restore them after a relayout."""
        if self._pending_top is not None:
            return  # the last layout's position is not applied yet: the anchor still holds
        if self.essay_layout is not None and self.essay_layout.total_rows:
            self._anchor = self.essay_layout.offset_for_y(int(self.scroll_y))
            self._cursor_offset = self.essay_layout.offset_for_y(self.cursor_y)

    def _install(self, layout: EssayLayout) -> None:
        self.essay_layout = layout
        self._strips.clear()
        self.virtual_size = Size(self.wrap_width, layout.total_rows)
        self.cursor_y = layout.y_for_offset(self._cursor_offset)
        # The new virtual size may not bound the scroll until the next refresh: scroll now and again then.
        self._pending_top = layout.y_for_offset(self._anchor)
        self.scroll_to(y=self._pending_top, animate=False, immediate=True)
        self.call_after_refresh(self._settle_scroll)
        self.refresh()

    def _settle_scroll(self) -> None:
        if self._pending_top is not None:
            self.scroll_to(y=self._pending_top, animate=False, immediate=True)
            self._pending_top = None

    def on_resize(self, event: events.Resize) -> None:
        if self.document is None:
            return
        if self.essay_layout is None or self.essay_layout.width != self.wrap_width:
            self._keep_place()
            self.relayout()

    def _restyle(self) -> None:
        self._look += 1
        self.reading_place()  # keep the place current while the view has a size
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = {}
        self._strips.clear()

    # -- rendering -----------------------------------------------------------------------------------
    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(f"essay-view--{name}", partial=True)
        return style

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row_y = scroll_y + y
        width = self.scrollable_content_region.width
        is_cursor = row_y == self.cursor_y and self.essay_layout is not None
        key = (row_y, self._generation * 1_000_003 + self._look, width, is_cursor)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(row_y, width, is_cursor)
            self._strips[key] = strip
        return strip.crop(scroll_x, scroll_x + width)

    def _render_row(self, row_y: int, width: int, is_cursor: bool) -> Strip:
        row = self.essay_layout.row(row_y) if self.essay_layout is not None else None
        layers = ((self.passages, "russian"), (self.terms, "term"), (self.matches, "match"))
        return paint_row(
            row,
            width,
            self.rich_style,
            self._style,
            layers,
            self.target,
            self.app.console,
            is_cursor=is_cursor,
        )

    # -- cursor and navigation -----------------------------------------------------------------------
    @property
    def total_rows(self) -> int:
        return self.essay_layout.total_rows if self.essay_layout is not None else 0

    @property
    def top_offset(self) -> int:
        """The document offset at the top of the view."""
        if self.essay_layout is None or not self.essay_layout.total_rows:
            return self._anchor
        return self.essay_layout.offset_for_y(int(self.scroll_y))

    @property
    def cursor_offset(self) -> int:
        if self.essay_layout is None or not self.essay_layout.total_rows:
            return self._cursor_offset
        return self.essay_layout.offset_for_y(self.cursor_y)

    @property
    def bottom_offset(self) -> int:
        """The document offset at the bottom of the view (for reading progress)."""
        if self.essay_layout is None or not self.essay_layout.total_rows:
            return self._anchor
        row = self.essay_layout.row(
            min(int(self.scroll_y) + self.size.height, self.essay_layout.total_rows) - 1
        )
        return row.end if row is not None else 0

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

    def reading_place(self) -> tuple[int, int, float] | None:
        """(top offset, cursor offset, share read), as last seen while the essay was laid out and on
        screen (a view being unmounted has no height: its own figures would be wrong)."""
        if self.document is not None and self.essay_layout is not None and self.size.height:
            length = max(1, len(self.document.text))
            progress = 1.0 if self.scroll_y >= self.max_scroll_y else min(1.0, self.bottom_offset / length)
            self._last_place = self.top_offset, self.cursor_offset, round(progress, 3)
        return self._last_place

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

    def go_to(self, target: Target, *, top_margin: int = 3) -> None:
        """Move the cursor to ``target`` and show it a few rows below the top of the view."""
        if self.essay_layout is None:
            return
        y = self.essay_layout.y_for_offset(target.start)
        height = self.scrollable_content_region.height
        if not int(self.scroll_y) <= y < int(self.scroll_y) + height:
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

    def on_click(self, event: events.Click) -> None:
        """A click on a glossary term opens it; any click moves the cursor there."""
        offset = event.get_content_offset(self)
        if offset is None or self.essay_layout is None:
            return
        y = int(self.scroll_y) + offset.y
        row = self.essay_layout.row(y)
        if row is None:
            return
        self.move_cursor(y)
        position = row.offset_at(offset.x + int(self.scroll_x))
        hit = self.terms.at(position) if position is not None else None
        if hit is not None:
            self.target = Target("term", hit[0], hit[1], hit[2].id)
            self._restyle()
            self.post_message(TermActivated(hit[2].id))
