"""What a reader does with the place under the cursor: copy it (``c``), copy its translation (``C``),
bookmark it with a note (``b``), and show or hide transliterations (``r``) with a word on what changed.

The part of :class:`reader.ui.screens.reader.ReaderScreen` that acts on the cursor's place rather than
moving it; the reader screen owns the essay, its passages, translations and state.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType

from reader.page.asides import Translated
from reader.page.ranges import Target
from reader.reading.bookmarks import snippet_at
from reader.reading.state import EssayState
from reader.safe_text import one_line
from reader.ui.screens.essay_navigation import EssayNavigation
from reader.ui.screens.note_dialog import NoteDialog

#: How much of a copied text the toast repeats.
SHOWN_IN_TOAST = 60


class EssayTools(EssayNavigation):
    """Copy, bookmark and transliterate, over the essay view of the subclass."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "copy_passage", "Copy passage", show=False),
        Binding("C", "copy_translation", "Copy translation", show=False),
        Binding("b", "bookmark", "Bookmark", show=False),
    ]

    # Set by the reader screen.
    path: Path
    state: EssayState
    translations: dict[int, Translated]
    model_missing: bool

    def _set_state(self, state: EssayState) -> None:
        raise NotImplementedError

    # -- the place under the cursor ------------------------------------------------------------------
    def place_under_cursor(self) -> tuple[int, int, bool] | None:
        """(start, end, is a Russian passage): the passage under the cursor, else its paragraph."""
        document = self.document
        if document is None or self.view.essay_layout is None:
            return None
        passage = self.view.passage_under_cursor()
        if passage is not None:
            return passage[0], passage[1], True
        paragraph = document.paragraph_at(self.view.cursor_offset)
        if paragraph is None:
            return None
        return paragraph.start, paragraph.end, False

    def _copy(self, text: str, what: str) -> None:
        self.app.copy_to_clipboard(text)
        shown = one_line(text, SHOWN_IN_TOAST)
        self.notify(f"Copied {what} ({len(text):,} characters): {shown}", timeout=4, markup=False)

    def action_copy_passage(self) -> None:
        place = self.place_under_cursor()
        if place is None or self.document is None:
            self.notify("Nothing under the cursor to copy", timeout=2, markup=False)
            return
        start, end, russian = place
        self._copy(self.document.text[start:end], "the Russian passage" if russian else "the paragraph")

    def action_copy_translation(self) -> None:
        passage = self.view.passage_under_cursor()
        if passage is None:
            self.notify("No Russian passage under the cursor", timeout=2, markup=False)
            return
        found = self.translations.get(passage[0])
        if found is None:
            why = "no translation model" if self.model_missing else "no translation yet"
            self.notify(f"Not copied: {why} for this passage", timeout=3, markup=False)
            return
        self._copy(found.translation, "the translation")

    # -- bookmarks -----------------------------------------------------------------------------------
    def action_bookmark(self) -> None:
        """Ask for a note, then mark the place under the cursor (a passage's start, else the cursor row)."""
        document = self.document
        if document is None or self.view.essay_layout is None:
            return
        passage = self.view.passage_under_cursor()
        offset = passage[0] if passage is not None else self.view.row_range()[0]
        snippet = snippet_at(document.text, offset)

        def keep(note: str | None) -> None:
            if note is None:
                self.notify("Not bookmarked", timeout=2, markup=False)
                return
            self.reader_app.add_bookmark(self.path, document.title, offset, snippet, note)

        self.app.push_screen(NoteDialog(one_line(snippet, 60)), keep)

    def show_bookmark(self, offset: int) -> None:
        """Bring ``offset`` (a bookmark's place) near the top of the view, the cursor on it."""
        self.view.go_to(Target("bookmark", offset, offset + 1))

    # -- transliteration -----------------------------------------------------------------------------
    def action_transliterate(self) -> None:
        self._set_state(replace(self.state, transliterate=not self.state.transliterate))
        if self.model_missing and self.state.transliterate:
            self.notify(
                "Transliterations on: without a translation model every Russian passage shows one already; "
                "they stay beside the translations once a model is installed (ctrl+d)",
                timeout=5,
                markup=False,
            )
        elif self.model_missing:
            self.notify(
                "Transliterations off: without a translation model each Russian passage still shows its "
                "transliteration in place of a translation",
                timeout=5,
                markup=False,
            )
        else:
            shown = "shown beside" if self.state.transliterate else "hidden from"
            self.notify(f"Transliterations {shown} every Russian passage", timeout=2, markup=False)
