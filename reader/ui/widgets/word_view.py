"""The essay pane with a word cursor: Russian words selected by keys or a click, looked up in the offline
dictionary, saved to the vocabulary, and glossed word by word under the text.

:class:`WordView` is the :class:`~reader.ui.widgets.essay_view.EssayView` with words on top: ``left`` /
``right`` (``h`` / ``l``) step through the Russian words of the essay's Russian passages, a click on one
selects it (a click on a glossary term still opens the term), and each selected word is announced with a
:class:`~reader.ui.messages.WordLooked` message that the screen hands to the word panel. The dictionary
opens in a worker started when an essay with Cyrillic text opens; each form is then looked up once per
session. ``w`` puts a short gloss under every Russian word (computed in a worker), ``s`` saves the selected
word, ``c`` copies its entry, ``enter`` follows its glossary link, ``esc`` lets go of it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import ClassVar

from textual import events, work
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.worker import get_current_worker

from reader.detection import Passage
from reader.errors import Cancelled, ReaderError
from reader.essay.document import Document
from reader.page.layout import EssayLayout
from reader.page.ranges import Ranges, Target
from reader.safe_text import one_line
from reader.scripts import CYRILLIC_LETTER
from reader.ui.messages import GlossesReady, LayoutReady, Notice, TermActivated, WordLooked
from reader.ui.services import services
from reader.ui.widgets.essay_view import SYNC_LAYOUT_CHARS, EssayView
from reader.ui.widgets.word_panel import glossary_link, word_plain
from reader.words.lookup import WordLookup
from reader.words.tokens import words_in_spans

WORD = "word"
#: Looked up to open the dictionary before the reader asks for a word.
WARM_UP_WORD = "слово"


class WordView(EssayView):
    """The essay pane, stepping word by word through its Russian passages."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,l", "step_word(1)", "Word", key_display="←→"),
        Binding("left,h", "step_word(-1)", "Previous word", show=False),
        Binding("w", "toggle_glosses", "Gloss"),
        Binding("s", "save_word", "Save word", show=False),
        Binding("c", "copy_word", "Copy word", show=False),
        Binding("enter", "word_entry", "Glossary entry", show=False),
        Binding("escape", "let_go", "Close word", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.words = Ranges()
        self.word: tuple[int, int] | None = None
        self.found: WordLookup | None = None
        self.show_glosses = False
        self.word_glosses: dict[int, str] = {}
        self._gloss_generation = 0
        self._pending_word: int | None = None

    def on_mount(self) -> None:
        self.show_glosses = services(self).words.show_glosses

    # -- content -------------------------------------------------------------------------------------
    def load(self, document: Document, *, top: int = 0, cursor: int = 0) -> None:
        """Show ``document``; when it holds Cyrillic, open the dictionary in a worker after the first paint,
        while its passages are being found, so the first lookup finds it open."""
        super().load(document, top=top, cursor=cursor)
        if CYRILLIC_LETTER.search(document.text) and not services(self).words.book.ready:
            self.call_after_refresh(self._warm_up, WARM_UP_WORD)

    def set_passages(self, passages: Sequence[Passage]) -> None:
        """Mark the passages and find the Russian words in them."""
        super().set_passages(passages)
        text = self.document.text if self.document is not None else ""
        spans = [(p.start, p.end) for p in passages if p.lang == "ru"]
        self.words = Ranges([(start, end, None) for start, end in words_in_spans(text, spans)])
        if self.show_glosses:
            self._start_glosses()
        if self._pending_word is not None:
            self.select_word_at(self._pending_word)

    def _install(self, layout: EssayLayout) -> None:
        """Install ``layout`` with the glosses shown now: put in place at once in a short essay, and laid
        out again in a worker in a long one (re-laying its every Russian paragraph would hold up the
        screen), which shows the layout as it is meanwhile."""
        if layout.glosses != self.word_glosses:
            if len(layout.text) > SYNC_LAYOUT_CHARS:
                self._relay_with_glosses(layout, self.word_glosses, self._generation)
            else:
                layout.set_glosses(self.word_glosses)
        super()._install(layout)

    def set_word_glosses(self, glosses: dict[int, str]) -> None:
        """Show ``glosses`` (word start -> gloss; empty for none) under the words."""
        self.word_glosses = glosses
        if self.essay_layout is not None:
            self._keep_place()
            self._install(self.essay_layout)

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="gloss-layout",
        description="Laying out glosses",
    )
    def _relay_with_glosses(self, old: EssayLayout, glosses: dict[int, str], generation: int) -> None:
        """The whole essay laid out as ``old`` is, with ``glosses``; dropped if the view relays meanwhile."""
        worker = get_current_worker()
        try:
            layout = EssayLayout(
                old.text,
                old.paragraphs,
                old.passages,
                old.asides,
                old.width,
                is_cancelled=lambda: worker.is_cancelled,
                placement=old.placement,
                glosses=glosses,
            )
        except Cancelled:
            return
        self.post_message(LayoutReady(layout, generation))

    # -- selecting -----------------------------------------------------------------------------------
    def action_step_word(self, direction: int) -> None:
        """Select the next (1) or previous (-1) Russian word, from the selected one or the cursor row."""
        target = self.target
        if target is not None and target.kind == WORD:
            here = target.start
        else:
            start, end = self.row_range()
            here = start - 1 if direction > 0 else end
        stepped = self.words.step(here, direction)
        if stepped is None:
            self.notify("No Russian words here (yet)", timeout=2, markup=False)
            return
        (start, end, _), wrapped = stepped
        if wrapped:
            self.notify(f"Continued from the {'top' if direction > 0 else 'bottom'}", timeout=2, markup=False)
        self.select_word(start, end)

    def select_word_at(self, offset: int) -> bool:
        """Select the word at document ``offset`` (once the passages are known, if they are not yet)."""
        found = self.words.at(offset)
        if found is None:
            self._pending_word = offset if not self.words.items else None
            return False
        self._pending_word = None
        self.select_word(found[0], found[1])
        return True

    def select_word(self, start: int, end: int) -> None:
        """Highlight the word ``start:end``, put the cursor on it and look it up."""
        if self.document is None:
            return
        self.word, self.found = (start, end), None
        self.go_to(Target(WORD, start, end))
        text = self.document.text[start:end]
        book = services(self).words.book
        known = book.known(text)
        if known is not None:
            self.post_message(WordLooked(start, end, known))
        else:
            self._look_up(text, start, end)

    @work(thread=True, exclusive=True, exit_on_error=False, group="word", description="Looking the word up")
    def _look_up(self, text: str, start: int, end: int) -> None:
        try:
            found = services(self).words.book.look_up(text)
        except ReaderError as exc:
            self.post_message(WordLooked(start, end, problem=one_line(exc.message)))
            return
        self.post_message(WordLooked(start, end, found))

    @work(thread=True, exit_on_error=False, group="word-warm-up", description="Opening the dictionary")
    def _warm_up(self, text: str) -> None:
        """Open the dictionary before the reader asks for a word, so the first lookup is quick. A failure
        is left for that lookup to report."""
        with contextlib.suppress(ReaderError):
            services(self).words.book.look_up(text)

    def on_word_looked(self, message: WordLooked) -> None:
        """Keep the selected word's lookup; a stale one (another word was selected since) goes no further."""
        if message.found is None and message.problem is None:
            return
        if (message.start, message.end) != self.word:
            message.stop()
            return
        self.found = message.found

    def on_click(self, event: events.Click) -> None:
        """A click on a Russian word selects it (a click on a glossary term opens the term, as before)."""
        offset = event.get_content_offset(self)
        if offset is None or self.essay_layout is None:
            return
        position = self.offset_on_screen(offset.x, offset.y)
        if position is None or self.terms.at(position) is not None:
            return
        word = self.words.at(position)
        if word is not None:
            event.prevent_default()  # not the essay view's click: the word is the target
            self.select_word(word[0], word[1])

    def action_let_go(self) -> None:
        """esc: let go of the selected word (the panel closes); with none, esc goes on to the screen."""
        if self.word is None:
            raise SkipAction()
        self.word, self.found = None, None
        if self.target is not None and self.target.kind == WORD:
            self.target = None
            self._restyle()
        self.post_message(WordLooked(0, 0))

    def move_cursor(self, y: int, *, target: Target | None = None) -> None:
        """Move the cursor; moving it anywhere but onto a word lets go of the selected one (its highlight
        is gone, so its panel, ``s`` and ``c`` would act on a word no longer shown)."""
        super().move_cursor(y, target=target)
        if self.word is not None and (target is None or target.kind != WORD):
            self.word, self.found = None, None
            self.post_message(WordLooked(0, 0))

    # -- acting on the word --------------------------------------------------------------------------
    def _selected(self) -> tuple[int, int, WordLookup] | None:
        if self.word is None or self.found is None:
            return None
        return self.word[0], self.word[1], self.found

    def action_word_entry(self) -> None:
        """enter on a selected word that names a glossary term: open the term's entry."""
        selected = self._selected()
        target = self.target
        link = glossary_link(selected[2]) if selected is not None else None
        if link is None or target is None or target.kind != WORD:
            raise SkipAction()
        self.post_message(TermActivated(link))

    def action_copy_word(self) -> None:
        selected = self._selected()
        if selected is None:
            raise SkipAction()
        self.app.copy_to_clipboard(word_plain(selected[2]))
        self.notify(one_line(f"Copied the entry of {selected[2].query}"), timeout=2, markup=False)

    def action_save_word(self) -> None:
        """s: save the selected word to the vocabulary, with its sentence and place."""
        selected = self._selected()
        if selected is None or self.document is None:
            self.notify("Select a Russian word first (← → or a click)", timeout=3, markup=False)
            return
        start, end, found = selected
        passage = self.passages.at(start)
        span = (passage[0], passage[1]) if passage is not None else (start, end)
        self._save(found, span, start)

    @work(thread=True, exit_on_error=False, group="vocabulary", description="Saving the word")
    def _save(self, found: WordLookup, passage: tuple[int, int], start: int) -> None:
        from reader.reading.word_context import word_entry

        assert self.document is not None
        try:
            entry = word_entry(found, self.document.text, passage, start, self.document.path)
            saved = services(self).words.save(entry)
        except (ReaderError, OSError) as exc:
            problem = exc.message if isinstance(exc, ReaderError) else f"cannot save the vocabulary ({exc})"
            self.post_message(Notice(one_line(problem), "error"))
            return
        sense = saved.sense or "no sense in the dictionary"
        self.post_message(Notice(one_line(f"Saved {saved.stressed}: {sense}")))

    def on_notice(self, message: Notice) -> None:
        message.stop()
        if message.severity == "error":
            self.notify(message.text, severity="error", title="Vocabulary", timeout=6, markup=False)
        else:
            self.notify(message.text, timeout=4, markup=False)

    # -- word-by-word glosses ------------------------------------------------------------------------
    def action_toggle_glosses(self) -> None:
        """w: show or hide a short gloss under every Russian word."""
        self.show_glosses = services(self).words.show_glosses = not self.show_glosses
        self._gloss_generation += 1
        if self.show_glosses:
            self._start_glosses()
        else:
            self.set_word_glosses({})
        state = "shown" if self.show_glosses else "hidden"
        self.notify(f"Word-by-word glosses {state}", timeout=2, markup=False)

    def _start_glosses(self) -> None:
        if self.document is None or not self.words.items:
            return
        self._gloss_generation += 1
        words = [(start, end) for start, end, _ in self.words.items]
        self._gloss(self.document.text, words, self._gloss_generation)

    @work(thread=True, exclusive=True, exit_on_error=False, group="glosses", description="Glossing words")
    def _gloss(self, text: str, words: list[tuple[int, int]], generation: int) -> None:
        worker = get_current_worker()
        try:
            glosses = services(self).words.book.glosses(text, words, lambda: worker.is_cancelled)
        except ReaderError as exc:
            self.post_message(GlossesReady({}, generation, one_line(exc.message)))
            return
        if not worker.is_cancelled:
            self.post_message(GlossesReady(glosses, generation))

    def on_glosses_ready(self, message: GlossesReady) -> None:
        message.stop()
        if message.generation != self._gloss_generation or not self.show_glosses:
            return
        if message.problem is not None:
            self.show_glosses = False
            self.notify(message.problem, severity="error", title="Dictionary", markup=False)
            return
        self.set_word_glosses(message.glosses)
