"""Looking entries up by what a reader types: exact and inflected names first, then near spellings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.glossary import Glossary, load_glossary

BASIC = Path(__file__).parent / "fixtures" / "glossary" / "basic"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(curated_dir=BASIC, include_user=False)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kolkhoz", "kolkhoz"),
        ("KOLKHOZ", "kolkhoz"),
        ("колхоз", "kolkhoz"),
        ("колхозов", "kolkhoz"),
        ("колхозный", "kolkhoz"),
        ("kolkhozes", "kolkhoz"),
        ("war-communism", "war-communism"),
        ("war communism", "war-communism"),
        ("five year plans", "five-year-plan"),
        ("Центральным комитетом", "central-committee"),
        ("ВЧК", "cheka"),
        ("  nep ", "nep"),
    ],
)
def test_exact_and_inflected_rank_first_with_100(glossary: Glossary, query: str, expected: str) -> None:
    results = glossary.lookup(query)
    assert results[0].entry.id == expected
    assert results[0].score == 100
    assert all(r.score < 100 for r in results[1:])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nomenklatra", "nomenklatura"),
        ("nomenclature", "nomenklatura"),
        ("kolhoz", "kolkhoz"),
        ("bolshevick", "bolshevik"),
        ("номенклатра", "nomenklatura"),
        ("gosplam", "gosplan"),
    ],
)
def test_typos_find_the_entry_first(glossary: Glossary, query: str, expected: str) -> None:
    results = glossary.lookup(query)
    assert results[0].entry.id == expected
    assert 70 <= results[0].score < 100


def test_gloss_words_are_searched_with_less_weight(glossary: Glossary) -> None:
    results = glossary.lookup("collective farm")
    assert results[0].entry.id == "kolkhoz"
    assert results[0].score < 100
    assert glossary.lookup("council")[0].entry.id == "soviet"


def test_results_are_best_first_and_limited(glossary: Glossary) -> None:
    results = glossary.lookup("kulak", limit=3)
    assert len(results) <= 3
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)
    assert glossary.lookup("kulak", limit=1)[0].entry.id == "kulak"


def test_nothing_like_the_query_finds_nothing(glossary: Glossary) -> None:
    assert glossary.lookup("xyzzy qwerty") == []
    assert glossary.lookup("") == []
    assert glossary.lookup("   ") == []
