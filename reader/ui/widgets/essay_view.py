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

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from reader.errors import Cancelled
from reader.essay.document import Document
from reader.page.layout import AsidePiece, EssayLayout, PassageSpan, window_around
from reader.page.ranges import Ranges, Target
from reader.page.rows import GLOSS as GLOSS_KIND
from reader.page.rows import GUTTER, NOTE, TEXT, TRANSLATION, TRANSLIT
from reader.ui.messages import LayoutReady, TermActivated

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

    DEFAULT_CSS = """
    EssayView {
        background: $surface;
        scrollbar-gutter: stable;
        padding: 0 1;
    }
    EssayView > .essay-view--russian { color: $text-warning; }
    EssayView > .essay-view--translation { color: $text-success; text-style: italic; }
    EssayView > .essay-view--translit { color: $text-accent; text-style: italic; }
    EssayView > .essay-view--gloss { color: $text-secondary; text-style: italic; }
    EssayView > .essay-view--note { color: $text-muted; text-style: italic; }
    EssayView > .essay-view--gutter { color: $text-muted; }
    EssayView > .essay-view--term { text-style: underline; }
    EssayView > .essay-view--match { background: $warning 40%; }
    EssayView > .essay-view--target { background: $accent 50%; text-style: bold; }
    EssayView > .essay-view--cursor { background: $boost; }
    EssayView:focus > .essay-view--cursor { background: $primary 25%; }
    """

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
        self.relayout()

    def set_passages(self, passages: Sequence[Any]) -> None:
        """The passages to mark (objects with ``start``, ``end``); relays the essay out."""
        self.passages = Ranges([(p.start, p.end, p) for p in passages])
        if self.essay_layout is not None:
            self._keep_place()
            if self.essay_layout.set_passages(self._spans()):
                self._install(self.essay_layout)
        self._restyle()

    def set_terms(self, hits: Sequence[Any]) -> None:
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

    _KIND_STYLES: ClassVar[dict[str, str]] = {
        TRANSLATION: "translation",
        TRANSLIT: "translit",
        GLOSS_KIND: "gloss",
        NOTE: "note",
        GUTTER: "gutter",
    }

    def _render_row(self, row_y: int, width: int, is_cursor: bool) -> Strip:
        base = self.rich_style
        row = self.essay_layout.row(row_y) if self.essay_layout is not None else None
        if row is None:
            return Strip([Segment(" " * width, base)], width)
        text = Text(end="", no_wrap=True)
        position = 0
        for span in row.spans:
            kind_style = self._KIND_STYLES.get(span.kind)
            text.append(span.text, self._style(kind_style) if kind_style else None)
            if span.kind == TEXT and span.start is not None:
                self._overlay(text, position, span.start, span.start + len(span.text))
            position += len(span.text)
        if is_cursor:
            text.stylize_before(self._style("cursor"))
        text.stylize_before(base)
        segments = list(text.render(self.app.console))
        strip = Strip(segments)
        cursor_style = base + self._style("cursor") if is_cursor else base
        return strip.extend_cell_length(width, cursor_style).crop(0, width)

    def _overlay(self, text: Text, position: int, start: int, end: int) -> None:
        """Style the essay characters ``start:end`` drawn at ``position`` of ``text``."""
        layers = (
            (self.passages, "russian"),
            (self.terms, "term"),
            (self.matches, "match"),
        )
        for ranges, style in layers:
            for low, high, _ in ranges.overlapping(start, end):
                text.stylize(
                    self._style(style), position + max(low, start) - start, position + min(high, end) - start
                )
        target = self.target
        if target is not None and target.start < end and target.end > start:
            text.stylize(
                self._style("target"),
                position + max(target.start, start) - start,
                position + min(target.end, end) - start,
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

    def cursor_down(self, rows: int = 1) -> None:
        self.move_cursor(self._cursor_on_screen() + rows)

    def cursor_up(self, rows: int = 1) -> None:
        self.move_cursor(self._cursor_on_screen() - rows)

    def page(self, direction: int) -> None:
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

    def rendered_rows(self) -> list[str]:
        """The text of every row (tests and debugging; lays the whole essay out)."""
        if self.essay_layout is None:
            return []
        return [
            row.text
            for y in range(self.essay_layout.total_rows)
            if (row := self.essay_layout.row(y)) is not None
        ]
