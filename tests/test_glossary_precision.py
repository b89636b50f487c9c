"""The precision of the glossary on the bundled essays: every hit judged, at least 98% right, and the
hits that were once wrong stay fixed.

The judgements live in ``tests/fixtures/glossary/judged-hits.tsv`` (one row per entry, surface form and
following word, see ``tests/glossary_precision.py``); a change to the glossary or the matcher that adds
or moves hits makes the first test fail until the new rows are judged.
"""

from __future__ import annotations

import pytest

from reader.glossary import Glossary
from tests.glossary_precision import curated, hit_table, precision, read_judged


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return curated()


def test_every_hit_on_the_bundled_essays_is_judged(glossary: Glossary) -> None:
    table = hit_table(glossary)
    judged = read_judged()
    assert sorted(key for key in table if key not in judged) == []
    assert sorted(key for key in judged if key not in table) == []  # no stale rows either
    assert all(judged[key].verdict in {"ok", "wrong"} for key in table)
    assert sum(table.values()) >= 800  # the essays are annotated at all


def test_precision_is_at_least_98_percent(glossary: Glossary) -> None:
    right, wrong, unjudged = precision(hit_table(glossary), read_judged())
    assert unjudged == 0
    assert right / (right + wrong) >= 0.98


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("overthrow the soviet government and", [("soviet-adjective", "soviet")]),
        ("the future of the soviet economy", [("soviet-adjective", "soviet")]),
        ("return to Soviet-era levels", [("soviet-adjective", "Soviet")]),
        ("fatal for the Soviet Republic.", [("soviet-adjective", "Soviet")]),
        ("Eastern Europe and the Sovet Union", [("ussr", "Sovet Union")]),
        ("Lysenko had kept Soviet genetics", [("lysenko", "Lysenko"), ("soviet-adjective", "Soviet")]),
        ("see ‘China’s New Economic Policy’", []),
        ("whereas the October 1917 Revolution claimed", []),
        ("The Russian Congress of People’s Deputies in April 1991", []),
        ("participation in the soviets dried up", [("soviet", "soviets")]),
    ],
)
def test_hits_once_judged_wrong_stay_fixed(
    glossary: Glossary, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(h.id, h.text) for h in glossary.annotate(text)] == expected
