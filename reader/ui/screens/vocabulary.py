"""The vocabulary screen: the words the reader saved, newest first, searched as you type; ``enter`` goes back
to the place a word came from, ``delete`` / ``x`` forgets it.

The search box has the keyboard when the screen opens (typed letters search); ``down`` or ``tab`` moves to
the list, where the one-letter keys work. Saved words come from a file, so every row is built as literal
``Content``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import ClassVar, cast

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.safe_text import one_line
from reader.ui.screens.tool import ToolScreen
from reader.ui.services import ReaderServices, services
from reader.ui.type_ahead import type_into
from reader.words.vocabulary import SavedWord

#: Characters of a word's sentence shown in its row.
CONTEXT_WIDTH = 70


def word_prompt(word: SavedWord) -> Content:
    """One row: the stressed word, its sense, then its sentence and essay, dimmed, on a second line."""
    head = Content.assemble((one_line(word.stressed or word.lemma), "bold"))
    if word.sense:
        head = Content.assemble(head, "  ", one_line(word.sense, 60))
    where = [one_line(word.context, CONTEXT_WIDTH)] if word.context else []
    if word.essay:
        where.append(one_line(Path(word.essay).name, 40))
    if where:
        head = Content.assemble(head, "\n", (" · ".join(where), "dim"))
    return head


class VocabularyScreen(ToolScreen):
    """The saved words; ``enter`` opens the essay a word came from at the word."""

    DEFAULT_CSS = """
    VocabularyScreen #vocabulary-title {
        height: auto;
        padding: 0 1;
        background: $primary 30%;
    }
    VocabularyScreen #vocabulary-search {
        margin: 0 1;
    }
    VocabularyScreen #vocabulary-words {
        height: 1fr;
    }
    VocabularyScreen #vocabulary-hint {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("slash", "focus_search", "Search", priority=True),
        Binding("down,tab", "focus_words", "Words", show=False),
        Binding("delete,x", "remove", "Remove"),
        # The app's f3, kept out of this footer: at 80 columns it has no room (help and the palette show it).
        Binding("f3", "app.search_library", "Search library", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[SavedWord] = []

    def compose(self) -> ComposeResult:
        yield Static(id="vocabulary-title")
        yield Input(placeholder="Type to search your words", id="vocabulary-search")
        yield OptionList(id="vocabulary-words")
        yield Static(
            Content("enter go to the word · delete/x remove · / search · esc back"), id="vocabulary-hint"
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#vocabulary-search", Input).focus()
        self.refresh_words()

    def on_screen_resume(self) -> None:
        self.refresh_words()

    def refresh_words(self) -> None:
        """List the saved words matching the search box, newest first."""
        query = self.query_one("#vocabulary-search", Input).value.strip()
        words = services(self).words
        self.shown = words.words(query or None)
        listing = self.query_one("#vocabulary-words", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        listing.add_options(Option(word_prompt(word)) for word in self.shown)
        if self.shown:
            listing.highlighted = min(highlighted or 0, len(self.shown) - 1)
        total = len(words.words())
        title = f"Vocabulary: {total} saved word{'s' if total != 1 else ''}"
        if query:
            title += one_line(f" · {len(self.shown)} matching “{query}”")
        elif not total:
            title += " · select a Russian word in an essay (← →) and press s"
        self.query_one("#vocabulary-title", Static).update(Content(title))

    @on(Input.Changed, "#vocabulary-search")
    def _search_changed(self) -> None:
        self.refresh_words()

    @on(Input.Submitted, "#vocabulary-search")
    def _search_submitted(self) -> None:
        self.action_go_to()

    @on(OptionList.OptionSelected, "#vocabulary-words")
    def _word_selected(self) -> None:
        self.action_go_to()

    def current(self) -> SavedWord | None:
        index = self.query_one("#vocabulary-words", OptionList).highlighted
        return self.shown[index] if index is not None and index < len(self.shown) else None

    def on_key(self, event: events.Key) -> None:
        """Typing on the list goes on into the search box; ``x`` still removes the word there."""
        if self.focused is self.query_one("#vocabulary-words", OptionList):
            type_into(self, self.query_one("#vocabulary-search", Input), event, keep="?x")

    def action_focus_search(self) -> None:
        self.query_one("#vocabulary-search", Input).focus()

    def action_focus_words(self) -> None:
        self.query_one("#vocabulary-words", OptionList).focus()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_remove(self) -> None:
        word = self.current()
        if word is None or self.query_one("#vocabulary-search", Input).has_focus:
            return
        try:
            services(self).words.remove(word)
        except OSError as exc:
            self.notify(one_line(f"Cannot save the vocabulary: {exc}"), severity="error", markup=False)
            return
        self.notify(one_line(f"Removed {word.stressed or word.lemma}"), timeout=2, markup=False)
        self.refresh_words()

    def action_go_to(self) -> None:
        """Open the essay the highlighted word came from, at the word."""
        word = self.current()
        if word is None:
            return
        if not word.essay or not Path(word.essay).is_file():
            self.notify("This word's essay is not available", severity="warning", markup=False)
            return
        go_to_word(self, Path(word.essay), word.offset or 0)


def go_to_word(screen: Screen[None], essay: Path, offset: int) -> None:
    """Show ``essay`` with the word at ``offset`` selected: in the reader already open on it, or in a new
    one that starts there."""
    app = services(screen)
    reader = app.reader_screen
    document = reader.document if reader is not None else None
    path = document.path if document is not None else None
    if reader is not None and path is not None and path.resolve() == essay.resolve():
        while screen.app.screen is not reader:
            screen.app.pop_screen()
        reader.view.select_word_at(offset)
        return
    store = app.state_store
    store.put(essay, replace(store.get(essay), offset=offset, cursor=offset))
    app.open_essay(essay)
    screen.app.call_after_refresh(_select_when_open, screen.app, offset)


def _select_when_open(app: App[object], offset: int) -> None:
    reader = cast(ReaderServices, app).reader_screen
    if reader is not None:
        reader.view.select_word_at(offset)
