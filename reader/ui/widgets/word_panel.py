"""The side panel that explains one Russian word: each reading's stressed lemma, grammar, senses and glossary
link, beside the essay (as the glossary entry panel is).

The panel never takes the keyboard: the essay keeps it, so ``left`` / ``right`` go on stepping through
words while the panel follows. Every string comes from the dictionary file, so it is rendered as
``Content`` built from plain strings, never parsed as markup, and control characters are made visible.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from reader.safe_text import one_line, printable
from reader.ui.messages import WordLooked
from reader.ui.services import services
from reader.words.lookup import FALLBACK_PARTS, FALLBACK_REFLEXIVE, Analysis, WordLookup

HINT = "s save · c copy · esc close"
HINT_WITH_LINK = "⏎ entry · s save · c copy"
_FALLBACKS = {
    FALLBACK_REFLEXIVE: "senses of the verb without -ся",
    FALLBACK_PARTS: "senses of its parts",
}


def headword(item: Analysis) -> str:
    """The lemma as shown: its stressed spellings when the dictionary has them."""
    return printable(", ".join(item.stressed) if item.stressed else item.lemma)


def word_content(found: WordLookup, entry_name: Callable[[str], str] = str) -> Content:
    """Every reading of the word, most likely first, as literal text with styles; ``entry_name`` gives
    what a glossary link shows for an entry id (its headword and gloss, in the app)."""
    parts: list[Content | tuple[str, str] | str] = []
    if not found.analyses:
        parts.append(("No reading of this word was found.", "italic"))
    for number, item in enumerate(found.analyses):
        if number:
            parts.append("\n\n")
        parts.append((headword(item), "bold"))
        described = " · ".join(dict.fromkeys(part for part in (item.pos, item.grammar) if part))
        if described:
            parts.append("\n")
            parts.append((printable(described), "italic"))
        if item.senses:
            for sense in item.senses:
                parts.append("\n• ")
                parts.append(printable(sense))
        else:
            parts.append("\n")
            parts.append(("not in the dictionary", "dim italic"))
        if item.fallback:
            parts.append("\n")
            parts.append((f"({_FALLBACKS.get(item.fallback, item.fallback)})", "dim"))
        if item.glossary:
            parts.append("\n")
            parts.append((f"→ glossary: {printable(entry_name(item.glossary))} (enter)", "underline"))
    return Content.assemble(*parts)


def word_plain(found: WordLookup) -> str:
    """The word's readings as plain text, for the clipboard: one line per reading."""
    lines = []
    for item in found.analyses:
        line = ", ".join(item.stressed) if item.stressed else item.lemma
        described = ", ".join(dict.fromkeys(part for part in (item.pos, item.grammar) if part))
        if described:
            line += f" ({described})"
        if item.senses:
            line += ": " + "; ".join(item.senses)
        if item.glossary:
            line += f" [glossary: {item.glossary}]"
        lines.append(printable(line))
    return "\n".join(lines) or printable(found.query)


def glossary_link(found: WordLookup) -> str | None:
    """The glossary entry the word leads to: that of its most likely reading which names one."""
    return next((item.glossary for item in found.analyses if item.glossary), None)


class WordPanel(Vertical):
    """One word's readings beside the essay. Hidden until :meth:`show_word`."""

    DEFAULT_CSS = """
    WordPanel {
        dock: right;
        width: 40%;
        min-width: 30;
        max-width: 60;
        height: 1fr;
        border-left: tall $secondary;
        background: $panel;
        padding: 0 1;
        display: none;
    }
    WordPanel > #word-headword {
        text-style: bold;
        color: $text-primary;
    }
    WordPanel > #word-scroll {
        height: 1fr;
    }
    WordPanel #word-body {
        height: auto;
    }
    WordPanel > #word-hint {
        color: $text-muted;
        height: auto;
        padding: 0 0 1 0;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.found: WordLookup | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="word-headword")
        # The keys sit under the headword: the panel runs down beside the footer, which would hide them.
        yield Static(Content(HINT), id="word-hint")
        with VerticalScroll(id="word-scroll", can_focus=False):
            yield Static(id="word-body")

    def show_word(self, found: WordLookup) -> None:
        """Show ``found`` and make the panel visible."""
        self.found = found
        self.query_one("#word-headword", Static).update(Content(one_line(found.query)))
        self.query_one("#word-body", Static).update(word_content(found, self._entry_name))
        hint = HINT_WITH_LINK if glossary_link(found) else HINT
        self.query_one("#word-hint", Static).update(Content(hint))
        self.query_one("#word-scroll", VerticalScroll).scroll_home(animate=False)
        self.display = True

    def update_from(self, message: WordLooked) -> None:
        """Show what the essay view looked up: the word, or a toast when the dictionary failed, or
        nothing (the panel hides) when no word is selected any more."""
        if message.found is not None:
            self.show_word(message.found)
            return
        self.hide()
        if message.problem is not None:
            self.notify(message.problem, severity="error", title="Dictionary", markup=False)

    def _entry_name(self, entry_id: str) -> str:
        """The glossary entry's headword and gloss (its id while the glossary is still loading)."""
        glossary = services(self).loaded_glossary
        entry = glossary.get(entry_id) if glossary is not None else None
        if entry is None:
            return entry_id
        return f"{entry.term}: {entry.gloss}" if entry.gloss else entry.term

    def hide(self) -> None:
        self.display = False
        self.found = None
