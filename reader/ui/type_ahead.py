"""Typing on a list of results goes on into the screen's search box: the screens that say "type to search"
(library search, glossary, vocabulary) keep their one-letter keys on the list and send every other
printable key to the box, so a refined query never lands on an app key such as ``t``."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.screen import Screen
from textual.widgets import Input


def type_into(screen: Screen[Any], box: Input, event: events.Key, keep: str = "?") -> bool:
    """Send ``event``'s character to the end of ``box`` and give the box the keyboard, unless the key is
    not printable or is one of ``keep`` (the list's own keys, and ``?`` for help). True when it was sent."""
    character = event.character
    if not event.is_printable or character is None or character in keep:
        return False
    event.stop()
    event.prevent_default()
    box.select_on_focus = False  # the query goes on, not replaced by what is typed next
    screen.set_focus(box)  # now, not later: the next key goes to the box
    box.cursor_position = len(box.value)
    box.insert_text_at_cursor(character)
    box.call_later(setattr, box, "select_on_focus", True)  # once its focus event is handled
    return True
