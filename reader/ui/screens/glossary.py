"""The glossary screen: every entry by category, fuzzy search as you type, and the entry beside the list.

The search box has the keyboard when the screen opens, so typed letters search rather than fire the list's
one-letter keys (``o``, ``c``); those work once the reader moves to the list (tab, down or enter).
The glossary loads lazily (the morphology dictionaries take a moment), so the first access happens in a
worker; lookups run in an exclusive worker too, so a fast typist never waits for a stale query, and what
was typed while the glossary loaded is searched as soon as it is ready.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.safe_text import one_line
from reader.ui.screens.tool import ToolScreen
from reader.ui.services import services
from reader.ui.type_ahead import type_into
from reader.ui.widgets.entry_panel import EntryPanel

if TYPE_CHECKING:
    from reader.glossary import Glossary
    from reader.glossary.model import Entry

ALL_CATEGORIES = "all"
SEARCH_LIMIT = 40


def entry_prompt(entry: Entry) -> Text:
    """One row of the entry list: headword, Russian and gloss, as literal text."""
    prompt = Text(entry.term, style="bold")
    prompt.append(f"  {entry.russian}")
    if entry.gloss:
        prompt.append(f"  {entry.gloss}", style="dim")
    return prompt


class GlossaryScreen(ToolScreen):
    """Browse the glossary; ``o`` jumps to the open entry's occurrences in the essay being read."""

    DEFAULT_CSS = """
    GlossaryScreen #glossary-search {
        dock: top;
        margin: 0 1;
    }
    GlossaryScreen #glossary-categories {
        width: 20;
        height: 1fr;
    }
    GlossaryScreen #glossary-entries-pane {
        width: 1fr;
        height: 1fr;
    }
    GlossaryScreen #glossary-entries {
        height: 1fr;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    GlossaryScreen #glossary-status {
        height: auto;
        color: $text-muted;
        padding: 0 1;
    }
    GlossaryScreen EntryPanel {
        width: 45%;
    }
    GlossaryScreen.-narrow #glossary-categories {
        display: none;  /* below 70 columns: the entries and the open entry need the room */
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("slash", "focus_search", "Search", priority=True),  # never typed into the search
        Binding("o", "jump_to_occurrences", "Occurrences in essay"),
        Binding("c", "focus_categories", "Categories", show=False),
        Binding("down", "focus_entries", "Entries", show=False),
        # The app's f3 and t, kept out of this footer: at 80 columns they have no room (help shows them).
        Binding("f3", "app.search_library", "Search library", show=False),
        Binding("t", "app.toggle_translations", "Translations", show=False),
    ]

    def __init__(self, initial_entry: str | None = None) -> None:
        super().__init__()
        self.HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-roomy")]  # the classes the CSS above uses
        self.initial_entry = initial_entry
        self.category = ALL_CATEGORIES
        self._glossary: Glossary | None = None

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="Search the glossary (English, Russian or transliteration)", id="glossary-search"
        )
        with Horizontal():
            yield OptionList(id="glossary-categories")
            with Vertical(id="glossary-entries-pane"):
                yield OptionList(id="glossary-entries")
                yield Static(id="glossary-status")
            yield EntryPanel(id="glossary-entry")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(EntryPanel).display = False
        self.query_one("#glossary-entries", OptionList).loading = True
        self.search_box.focus()
        self._load()

    @work(exclusive=True, group="glossary-load", exit_on_error=False, description="Loading the glossary")
    async def _load(self) -> None:
        app = services(self)
        glossary = await asyncio.to_thread(lambda: app.glossary)
        self._glossary = glossary
        categories = self.query_one("#glossary-categories", OptionList)
        categories.add_option(Option(Text(f"All ({len(glossary.entries)})"), id=ALL_CATEGORIES))
        for category in glossary.categories():
            count = len(glossary.by_category(category))
            categories.add_option(Option(Text(f"{category} ({count})"), id=category))
        self.query_one("#glossary-entries", OptionList).loading = False
        initial = glossary.get(self.initial_entry) if self.initial_entry else None
        if self.initial_entry and initial is None:
            self.notify(
                one_line(f"No glossary entry {self.initial_entry!r}"), severity="warning", markup=False
            )
        if initial is not None:
            self._show_category(initial.category, select=initial.id)
            self.query_one(EntryPanel).show_entry(initial)
        else:
            self._show_category(ALL_CATEGORIES)
            if self.search_box.value.strip():  # typed while the glossary loaded
                self.search(self.search_box.value)

    @property
    def entry_list(self) -> OptionList:
        return self.query_one("#glossary-entries", OptionList)

    @property
    def search_box(self) -> Input:
        return self.query_one("#glossary-search", Input)

    def _show_category(self, category: str, select: str | None = None) -> None:
        """Fill the entry list with one category (or all), highlighting ``select`` when given."""
        if self._glossary is None:
            return
        self.category = category
        categories = self.query_one("#glossary-categories", OptionList)
        with categories.prevent(OptionList.OptionHighlighted):
            categories.highlighted = categories.get_option_index(category)
        if category == ALL_CATEGORIES:
            entries = sorted(self._glossary.entries.values(), key=lambda e: e.term.casefold())
        else:
            entries = sorted(self._glossary.by_category(category), key=lambda e: e.term.casefold())
        self._fill(entries, f"{len(entries)} entries in {category}", select)

    def _fill(self, entries: list[Entry], status: str, select: str | None = None) -> None:
        entry_list = self.entry_list
        entry_list.clear_options()
        entry_list.add_options(Option(entry_prompt(entry), id=entry.id) for entry in entries)
        if select is not None and entries:
            entry_list.highlighted = entry_list.get_option_index(select)
        elif entries:
            entry_list.highlighted = 0
        else:  # nothing listed: no entry beside the list either
            self.query_one(EntryPanel).hide()
        self.query_one("#glossary-status", Static).update(Text(status))

    @on(Input.Changed, "#glossary-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @work(exclusive=True, group="glossary-search", exit_on_error=False, description="Searching the glossary")
    async def search(self, query: str) -> None:
        """Show the entries matching ``query``, best first; an empty query shows the chosen category."""
        if self._glossary is None:
            return
        query = query.strip()
        if not query:
            self._show_category(self.category)
            return
        results = await asyncio.to_thread(self._glossary.lookup, query, SEARCH_LIMIT)
        entries = [result.entry for result in results]
        count = f"{len(entries)} match{'es' if len(entries) != 1 else ''}" if entries else "No match"
        self._fill(entries, one_line(f"{count} for “{query}”"))

    @on(Input.Submitted, "#glossary-search")
    def _search_submitted(self) -> None:
        self.entry_list.focus()

    @on(OptionList.OptionHighlighted, "#glossary-categories")
    def _category_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id is not None and event.option_id != self.category:
            self.search_box.value = ""
            self._show_category(event.option_id)

    @on(OptionList.OptionSelected, "#glossary-categories")
    def _category_selected(self) -> None:
        self.entry_list.focus()

    @on(OptionList.OptionHighlighted, "#glossary-entries")
    def _entry_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        entry = self._glossary.get(event.option_id) if event.option_id and self._glossary else None
        if entry is not None:
            self.query_one(EntryPanel).show_entry(entry, focus=False)

    @on(OptionList.OptionSelected, "#glossary-entries")
    def _entry_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self._glossary.get(event.option_id) if event.option_id and self._glossary else None
        if entry is not None:
            self.query_one(EntryPanel).show_entry(entry, focus=True)

    @on(EntryPanel.Closed)
    def _panel_closed(self) -> None:
        self.entry_list.focus()

    @property
    def open_entry(self) -> Entry | None:
        """The entry shown in the panel, if any."""
        panel = self.query_one(EntryPanel)
        return panel.entry if panel.display else None

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_focus_search(self) -> None:
        self.search_box.focus()

    def action_focus_entries(self) -> None:
        self.entry_list.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``down`` moves from the search box to the entries; elsewhere the focused list moves its cursor.
        ``c`` has no categories to move to where the screen is too narrow to show them."""
        if action == "focus_entries":
            return self.focused is self.search_box
        if action == "focus_categories":
            return not self.has_class("-narrow")  # the categories are hidden below 70 columns
        return True

    def on_key(self, event: events.Key) -> None:
        """Typing on the entries goes on into the search box; ``o`` and ``c`` keep their meaning there."""
        if self.focused is self.entry_list:
            type_into(self, self.search_box, event, keep="?oc")

    def action_focus_categories(self) -> None:
        self.query_one("#glossary-categories", OptionList).focus()

    def action_jump_to_occurrences(self) -> None:
        """Go back to the open essay, at the first occurrence of the entry shown."""
        app = services(self)
        entry = self.open_entry
        if entry is None:
            self.notify("Open an entry first", severity="warning", markup=False)
            return
        reader_screen = app.reader_screen
        if reader_screen is None:
            self.notify("No essay is open: open one from the library first", severity="warning", markup=False)
            return
        if reader_screen.term_count(entry.id) == 0:  # stay here: the search is not lost
            self.notify(f"“{entry.term}” does not occur in the open essay", severity="warning", markup=False)
            return
        self.app.pop_screen()
        app.jump_to_term(entry.id)
