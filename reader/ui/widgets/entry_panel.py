"""The side panel that shows one glossary entry, with see-also links a reader can follow and come back from.

Every string comes from YAML a user may have written, so it is rendered as data (``rich.text.Text``), never
as markup: a term or definition containing ``[bold]`` shows literally.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.safe_text import one_line
from reader.ui.services import services

if TYPE_CHECKING:
    from reader.glossary.model import Entry


def entry_text(entry: Entry) -> Text:
    """The body of an entry (everything but the headword and links) as literal text with styles."""
    text = Text()
    text.append(entry.russian, style="bold")
    if entry.transliterations:
        text.append("\n")
        text.append(", ".join(entry.transliterations), style="italic dim")
    if entry.gloss:
        text.append("\n\n")
        text.append(entry.gloss, style="italic")
    if entry.definition:
        text.append("\n\n")
        text.append(entry.definition)
    details = [part for part in (entry.category, entry.period) if part]
    if details:
        text.append("\n\n")
        text.append(" · ".join(details), style="dim")
    if entry.sources:
        text.append("\n\nSources\n", style="bold")
        for source in entry.sources:
            year = f" ({source.year})" if source.year is not None else ""
            text.append("• ")
            text.append(source.author)
            text.append(", ")
            text.append(source.title, style="italic")
            text.append(f"{year}\n")
        text.rstrip()
    return text


class EntryPanel(Vertical):
    """A glossary entry beside the text it explains. Hidden until :meth:`show_entry` is called."""

    DEFAULT_CSS = """
    EntryPanel {
        dock: right;
        width: 40%;
        min-width: 30;
        max-width: 60;
        height: 1fr;
        border-left: tall $primary;
        background: $panel;
        padding: 0 1;
    }
    EntryPanel > #entry-headword {
        text-style: bold;
        color: $text-primary;
        padding: 0 0 1 0;
    }
    EntryPanel > #entry-scroll {
        height: 1fr;
    }
    EntryPanel #entry-body {
        height: auto;
    }
    EntryPanel > #entry-see-also-label {
        text-style: bold;
        padding: 1 0 0 0;
    }
    EntryPanel > #entry-see-also {
        height: auto;
        max-height: 30%;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        border: none;
        padding: 0;
        background: $panel;
    }
    EntryPanel > #entry-hint {
        color: $text-muted;
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close entry"),
        # Out of the footer (no room at 80 columns): the panel's hint line names it once there is a way back.
        Binding("backspace", "back", "Back", show=False),
        # Over the links' own paging: the entry's text scrolls whichever part of the panel has the keys.
        Binding("pagedown", "scroll_body(1)", "More", show=False, priority=True),
        Binding("pageup", "scroll_body(-1)", "Back up", show=False, priority=True),
        Binding("c", "copy_entry", "Copy entry", show=False),
    ]

    class Closed(Message):
        """The reader closed the panel with ``esc``."""

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.entry: Entry | None = None
        self.history: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield Static(id="entry-headword")
        with VerticalScroll(id="entry-scroll"):
            yield Static(id="entry-body")
        # The links sit below the scrolling body, so moving through them never scrolls the text away.
        yield Static("See also", id="entry-see-also-label")
        yield OptionList(id="entry-see-also")
        yield Static(id="entry-hint")

    def show_entry(self, entry: Entry, *, focus: bool = True) -> None:
        """Show ``entry`` as a fresh start (the back history is cleared) and make the panel visible.

        With ``focus`` the panel takes the keyboard, so ``esc`` closes it and ``enter`` follows a link.
        """
        self.history.clear()
        self._render_entry(entry)
        self.display = True
        if focus:
            self.focus_entry()

    def focus_entry(self) -> None:
        """Give the keyboard to the panel: its links when it has any, else its scrolling body."""
        links = self.query_one("#entry-see-also", OptionList)
        if links.option_count:
            links.focus()
        else:
            self.query_one("#entry-scroll", VerticalScroll).focus()

    def hide(self) -> None:
        """Hide the panel and forget its history."""
        self.display = False
        self.history.clear()

    def follow(self, entry_id: str) -> bool:
        """Show the entry ``entry_id`` (a see-also link), remembering the current one for ``backspace``."""
        target = self.app.glossary.get(entry_id)  # type: ignore[attr-defined]
        if target is None:
            self.notify(one_line(f"No glossary entry {entry_id!r}"), severity="warning", markup=False)
            return False
        if self.entry is not None:
            self.history.append(self.entry)
        self._render_entry(target)
        return True

    def action_back(self) -> None:
        """Go back to the entry a see-also link was followed from."""
        if self.history:
            self._render_entry(self.history.pop())

    def action_scroll_body(self, direction: int) -> None:
        """pagedown / pageup: scroll the entry's text a page (less a line, to keep the thread)."""
        scroll = self.query_one("#entry-scroll", VerticalScroll)
        step = max(1, scroll.scrollable_content_region.height - 1)
        scroll.scroll_to(y=scroll.scroll_y + direction * step, animate=False)

    def on_mount(self) -> None:
        self.watch(self.query_one("#entry-scroll", VerticalScroll), "scroll_y", self._update_hint, init=False)

    def on_resize(self) -> None:
        self.call_after_refresh(self._update_hint)

    def _update_hint(self) -> None:
        """The keys that work now, with a sign of more text below (or above) the part on screen."""
        if self.entry is None:
            return
        scroll = self.query_one("#entry-scroll", VerticalScroll)
        parts = []
        if scroll.scroll_y < scroll.max_scroll_y:
            parts.append("▼ more: pgdn")
        elif scroll.scroll_y > 0:
            parts.append("▲ pgup")
        parts.append("esc close")
        if self.entry.see_also:
            parts.append("enter follow")
        if self.history:
            parts.append("backspace back")
        self.query_one("#entry-hint", Static).update(Text(" · ".join(parts)))

    def action_copy_entry(self) -> None:
        """Copy the entry shown (headword, Russian, gloss, definition, sources) as plain text."""
        if self.entry is not None:
            self.app.copy_to_clipboard(f"{self.entry.term}\n{entry_text(self.entry).plain}")
            self.notify(one_line(f"Copied the glossary entry {self.entry.term}"), timeout=3, markup=False)

    def action_close(self) -> None:
        self.hide()
        self.post_message(self.Closed())

    def _render_entry(self, entry: Entry) -> None:
        self.entry = entry
        self.query_one("#entry-headword", Static).update(Text(entry.term))
        self.query_one("#entry-body", Static).update(entry_text(entry))
        links = self.query_one("#entry-see-also", OptionList)
        links.clear_options()
        glossary = services(self).glossary
        for target_id in entry.see_also:
            target = glossary.get(target_id)
            prompt = Text(f"→ {target.term}" if target else f"→ {target_id}")
            if target is not None and target.gloss:
                prompt.append(f"  {target.gloss}", style="dim")
            links.add_option(Option(prompt, id=target_id))
        links.display = bool(entry.see_also)
        if entry.see_also:
            links.highlighted = 0
        self.query_one("#entry-see-also-label").display = bool(entry.see_also)
        self.query_one("#entry-scroll", VerticalScroll).scroll_home(animate=False)
        self._update_hint()
        self.call_after_refresh(self._update_hint)  # once the new text is laid out and its height known

    @on(OptionList.OptionSelected, "#entry-see-also")
    def _follow_link(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.follow(event.option_id)
