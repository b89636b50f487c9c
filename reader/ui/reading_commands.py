"""Palette commands for the reading layout of the open essay: where translations go, glosses with the
translation, a wider or narrower page. Each changes the user's preferences (saved in the settings file)
through the reader screen, which lays the essay out again and says what changed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from reader.page.placement import PLACEMENT_NOTES
from reader.reading.preferences import MAX_MEASURE, MIN_MEASURE, PLACEMENTS
from reader.ui.services import ReaderServices

#: Columns a "wider" or "narrower" page command adds or takes off.
MEASURE_STEP = 10

Command = tuple[str, Callable[[], object], str]


def reading_commands(app: ReaderServices) -> Iterator[Command]:
    """The commands, when an essay is open: (name, callback, help)."""
    screen = app.reader_screen
    if screen is None:
        return
    prefs = app.preferences
    for placement in PLACEMENTS:
        if placement != prefs.placement:
            note = PLACEMENT_NOTES[placement]
            yield (
                f"Translations {placement}",
                partial(screen.change_reading, note, placement=placement),
                f"{note.split(' (')[0]}; p cycles (kept in the settings file)",
            )
    glosses = not prefs.glosses_with_translation
    note = f"Glossary glosses {'shown' if glosses else 'not shown'} with translations"
    yield (
        f"Glosses with translations: {'on' if glosses else 'off'}",
        partial(screen.change_reading, note, glosses_with_translation=glosses),
        "The glossary's glosses of the terms in a passage, one row each under its machine translation",
    )
    for name, measure in (
        ("Wider page", min(MAX_MEASURE, prefs.measure + MEASURE_STEP)),
        ("Narrower page", max(MIN_MEASURE, prefs.measure - MEASURE_STEP)),
    ):
        if measure != prefs.measure:
            yield (
                f"{name} ({measure} columns)",
                partial(screen.change_reading, f"Page {measure} columns wide", measure=measure),
                f"The essay is set {prefs.measure} columns wide now (the measure, kept in the settings file)",
            )
