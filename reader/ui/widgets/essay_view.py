"""The essay pane: a Line-API scroll view over :class:`reader.page.layout.EssayLayout` rows.

Only the rows on screen are rendered, each once per look (an LRU of strips), so a 5 MB essay scrolls
as fast as a short one. Essay text is data: rows become ``rich.text.Text`` built with ``append``, never
parsed as markup. Styles (Russian passages, translations, glossary terms, search matches, the cursor
line) are component classes, so the theme decides the colours.

The cursor row and the navigation *target* (up/down, pages, stepping to a passage) live in the base class,
:class:`reader.ui.widgets.essay_cursor.EssayCursor`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.style import Style
from textual import events, work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.strip import Strip
from textual.worker import get_current_worker

from reader.detection import MixedScript, Passage
from reader.errors import Cancelled
from reader.essay.document import Document
from reader.glossary import TermHit
from reader.page.layout import BESIDE, AsidePiece, EssayLayout, PassageSpan, window_around
from reader.page.measure import DEFAULT_MEASURE, page_in
from reader.page.mixed_script import mixed_script_asides
from reader.page.ranges import Ranges, Target
from reader.page.viewport import block_rows, screen_share, top_keeping
from reader.ui.messages import LayoutReady, TermActivated
from reader.ui.widgets.essay_cursor import EssayCursor
from reader.ui.widgets.row_painter import paint_row

#: Essays up to this many characters are laid out at once; longer ones show a window first.
SYNC_LAYOUT_CHARS = 400_000
#: Characters of text around the reading position laid out for the first screen of a long essay.
WINDOW_CHARS = 40_000


class EssayView(EssayCursor, can_focus=True, inherit_bindings=False):
    """The scrolling, word-wrapped essay with its asides. Keys are bound by the reader screen."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "essay-view--russian",
        "essay-view--translation",
        "essay-view--translit",
        "essay-view--gloss",
        "essay-view--note",
        "essay-view--warning",
        "essay-view--spoof",
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
        self.matches = Ranges()
        self.spoofs = Ranges()  # Latin words with Cyrillic look-alike letters
        self._spoof_asides: dict[int, tuple[AsidePiece, ...]] = {}
        self.measure = DEFAULT_MEASURE
        self.placement = BESIDE
        self._anchor = 0  # document offset kept at the top across relayouts
        self._share: float | None = None  # how far down the screen the cursor was, kept across relayouts
        self._height = 0  # the view's height when the place was last kept
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
        self.spoofs = Ranges()
        self._spoof_asides = {}
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

    def set_spoofs(self, words: Sequence[MixedScript]) -> None:
        """Mixed-script words to mark, each with a warning after it; relays their paragraphs."""
        self.spoofs = Ranges([(word.start, word.end, word) for word in words])
        self._spoof_asides = mixed_script_asides(words)
        if self.essay_layout is not None:
            self._keep_place()
            self.essay_layout.set_passages(self._spans())
            self.essay_layout.set_asides(self._laid_asides())
            self._install(self.essay_layout)
        self._restyle()

    def set_reading_layout(self, measure: int, placement: str) -> None:
        """Set the page width (columns) and where column asides go, and lay the essay out again."""
        if (measure, placement) == (self.measure, self.placement):
            return
        self.measure, self.placement = measure, placement
        self._keep_place()
        self.relayout()

    def set_matches(self, spans: Sequence[tuple[int, int]]) -> None:
        self.matches = Ranges([(start, end, None) for start, end in spans])
        self._restyle()

    def set_asides(self, asides: Mapping[int, Sequence[AsidePiece]]) -> None:
        """What to show beside each passage (by passage start). Re-lays only the paragraphs that change."""
        self.asides = {start: tuple(pieces) for start, pieces in asides.items() if pieces}
        if self.essay_layout is None:
            return
        self._keep_place()
        if self.essay_layout.set_asides(self._laid_asides()):
            self._install(self.essay_layout)

    def _laid_asides(self) -> dict[int, tuple[AsidePiece, ...]]:
        return {**self.asides, **self._spoof_asides}

    # -- layout --------------------------------------------------------------------------------------
    @property
    def wrap_width(self) -> int:
        """The page's width: the measure, or the pane's width when that is narrower."""
        return page_in(max(10, self.scrollable_content_region.width), self.measure).width

    @property
    def margin(self) -> int:
        """Blank columns left of the page (it is centred in a pane wider than the measure)."""
        return page_in(max(10, self.scrollable_content_region.width), self.measure).margin

    def relayout(self) -> None:
        """Lay the essay out again at the current width (in a worker for long essays)."""
        if self.document is None or self.size.width == 0:
            return
        self._generation += 1
        document, width, asides, placement = (
            self.document,
            self.wrap_width,
            self._laid_asides(),
            self.placement,
        )
        spans = self._spans()
        text, paragraphs = document.text, document.paragraphs
        if len(text) <= SYNC_LAYOUT_CHARS:
            self._install(EssayLayout(text, paragraphs, spans, asides, width, placement=placement))
            return
        window = window_around(paragraphs, self._anchor, WINDOW_CHARS)
        self._install(EssayLayout(text, paragraphs, spans, asides, width, window=window, placement=placement))
        self.call_after_refresh(
            self._layout_in_background, document, spans, asides, width, self._generation, placement
        )

    def _spans(self) -> list[PassageSpan]:
        marked = (*self.passages.items, *self.spoofs.items)
        return [PassageSpan(start, end) for start, end, _ in marked]

    @work(
        thread=True, exclusive=True, exit_on_error=False, group="layout", description="Laying out the essay"
    )
    def _layout_in_background(
        self,
        document: Document,
        spans: list[PassageSpan],
        asides: dict,
        width: int,
        generation: int,
        placement: str,
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
                placement=placement,
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
        layout.set_asides(self._laid_asides())
        self._install(layout)

    @property
    def complete(self) -> bool:
        """True once the whole essay is laid out (long essays show a window of it first)."""
        return self.essay_layout is not None and self.essay_layout.complete

    def _keep_place(self) -> None:
        """Remember the offsets at the top and under the cursor, and how far down the screen the cursor
        is, to restore them after a relayout (see :mod:`reader.page.viewport`)."""
        if self._pending_top is not None:
            return  # the last layout's position is not applied yet: the anchor still holds
        if self.essay_layout is not None and self.essay_layout.total_rows:
            top = int(self.scroll_y)
            self._anchor = self.essay_layout.offset_for_y(top)
            self._cursor_offset = self.essay_layout.offset_for_y(self.cursor_y)
            self._share = screen_share(self.cursor_y, top, self._height)

    def _install(self, layout: EssayLayout) -> None:
        self.essay_layout = layout
        self._strips.clear()
        self.virtual_size = Size(self.wrap_width, layout.total_rows)
        self.cursor_y = layout.y_for_offset(self._cursor_offset)
        self._height = height = self.scrollable_content_region.height
        if self._share is None or not height:
            top = layout.y_for_offset(self._anchor)
        else:  # the cursor was on screen: it keeps its place on it, and its passage stays in view
            passage = self.passage_under_cursor()
            block = block_rows(layout, passage[0], passage[1]) if passage is not None else None
            top = top_keeping(self.cursor_y, self._share, height, block)
        # The new virtual size may not bound the scroll until the next refresh: scroll now and again then.
        self._pending_top = top
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
        self._keep_place()
        if self.essay_layout is None or self.essay_layout.width != self.wrap_width:
            self.relayout()
        else:  # the same page in a pane of another height
            self._install(self.essay_layout)

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
        layers = (
            (self.passages, "russian"),
            (self.spoofs, "spoof"),
            (self.terms, "term"),
            (self.matches, "match"),
        )
        page = page_in(max(10, width), self.measure)
        base = self._base_style()
        strip = paint_row(
            row,
            page.width,
            base,
            self._style,
            layers,
            self.target,
            self.app.console,
            is_cursor=is_cursor,
        )
        if page.width == width:
            return strip
        blank = Strip.blank(page.margin, base)  # the page centred, the cursor line on it only
        return Strip.join([blank, strip]).extend_cell_length(width, base)

    def _base_style(self) -> Style:
        """The view's own style (costly to compute: kept until the styles change, as the others are)."""
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    # -- cursor and navigation -----------------------------------------------------------------------
    @property
    def top_offset(self) -> int:
        """The document offset at the top of the view."""
        if self.essay_layout is None or not self.essay_layout.total_rows:
            return self._anchor
        return self.essay_layout.offset_for_y(int(self.scroll_y))

    @property
    def bottom_offset(self) -> int:
        """The document offset at the bottom of the view (for reading progress)."""
        if self.essay_layout is None or not self.essay_layout.total_rows:
            return self._anchor
        row = self.essay_layout.row(
            min(int(self.scroll_y) + self.size.height, self.essay_layout.total_rows) - 1
        )
        return row.end if row is not None else 0

    def reading_place(self) -> tuple[int, int, float] | None:
        """(top offset, cursor offset, share read), as last seen while the essay was laid out and on
        screen (a view being unmounted has no height: its own figures would be wrong)."""
        if self.document is not None and self.essay_layout is not None and self.size.height:
            length = max(1, len(self.document.text))
            progress = 1.0 if self.scroll_y >= self.max_scroll_y else min(1.0, self.bottom_offset / length)
            self._last_place = self.top_offset, self.cursor_offset, round(progress, 3)
        return self._last_place

    def offset_on_screen(self, x: int, y: int) -> int | None:
        """The document offset of the essay character drawn at cell (``x``, ``y``) of the view's content
        (the page's margin taken off), or None for an aside, padding or the margin."""
        row = self.essay_layout.row(int(self.scroll_y) + y) if self.essay_layout is not None else None
        x = x - self.margin + int(self.scroll_x)
        return row.offset_at(x) if row is not None and x >= 0 else None

    def on_click(self, event: events.Click) -> None:
        """A click on a glossary term opens it; any click moves the cursor there."""
        offset = event.get_content_offset(self)
        if offset is None or self.essay_layout is None:
            return
        y = int(self.scroll_y) + offset.y
        if self.essay_layout.row(y) is None:
            return
        self.move_cursor(y)
        position = self.offset_on_screen(offset.x, offset.y)
        hit = self.terms.at(position) if position is not None else None
        if hit is not None:
            self.target = Target("term", hit[0], hit[1], hit[2].id)
            self._restyle()
            self.post_message(TermActivated(hit[2].id))
