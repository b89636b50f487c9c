"""The reading measure: how wide the page of essay text is set, and where it sits in a wider pane.

Lines of a hundred characters or so are read comfortably; lines of two hundred are not (the eye loses its
place going back to the start of the next one). So the essay is laid out at the *measure*, a number of
columns from the user's preferences, and centred in a pane wider than that; a narrower pane gets the
pane's width. The page holds everything laid out: the essay text and the translations beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Columns of the page when the preferences do not say otherwise.
DEFAULT_MEASURE = 100


@dataclass(frozen=True)
class Page:
    """Where the text goes in a pane: ``width`` columns, ``margin`` blank columns left of it."""

    width: int
    margin: int


def page_in(available: int, measure: int = DEFAULT_MEASURE) -> Page:
    """The page in a pane ``available`` columns wide: at most ``measure`` columns, centred."""
    available = max(1, available)
    width = max(1, min(available, measure))
    return Page(width, (available - width) // 2)
