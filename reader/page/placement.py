"""Where translations go, as the reader chooses with ``p``: beside their passage, under it, or hidden.

``beside``: a passage that is most of its paragraph gets two columns, the translation on the right (under
it in a pane too narrow for columns); ``under``: the translation is stacked under the paragraph at every
width; ``hidden``: no translations at all, the essay alone (transliterations asked for with ``r`` stay).
Short phrases keep their translation inline, right after them, with ``beside`` and ``under`` alike.
"""

from __future__ import annotations

from reader.reading.preferences import PLACEMENTS

#: What the reader is told when a placement is chosen.
PLACEMENT_NOTES = {
    "beside": "Translations beside their passages",
    "under": "Translations under their passages",
    "hidden": "Translations hidden (p to show them again)",
}


def next_placement(current: str) -> str:
    """The placement after ``current`` in the cycle beside → under → hidden → beside."""
    index = PLACEMENTS.index(current) if current in PLACEMENTS else -1
    return PLACEMENTS[(index + 1) % len(PLACEMENTS)]
