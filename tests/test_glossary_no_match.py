"""Lookups that say "no match": queries without an entry find nothing, exact spellings, lemmas and
headwords rank above near ones, a user's entry wins a tie, and English descriptions find by meaning.

``NON_ENTRY_QUERIES`` is the list the lookup tiers and their edit allowance were tuned on: things a
reader of Soviet history might type that the glossary has no entry for, everyday English and Russian
words, and near misses of real entries ("socialist surrealism").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.glossary import Glossary, load_glossary
from tests.support.cli import run_cli

CURATED = Path(__file__).parent.parent / "glossary"
BASIC = Path(__file__).parent / "fixtures" / "glossary" / "basic"

NON_ENTRY_QUERIES = (
    *("Marshall Plan", "perestroika-era jeans", "socialist surrealism", "Bolshoi Theatre", "vodka"),
    *("samovar", "balalaika", "matryoshka", "borscht", "caviar", "Napoleon", "French Revolution"),
    *("Jacobins", "Paris Commune", "Weimar Republic", "New Deal", "McCarthyism", "Watergate", "Brexit"),
    *("European Union", "United Nations", "NATO summit", "Berlin airlift", "Korean War", "Vietnam War"),
    *("Great Depression", "Industrial Revolution", "Renaissance", "Reformation", "photosynthesis"),
    *("computer", "smartphone", "internet", "football", "weather forecast", "hello", "good morning"),
    *("thank you", "breakfast", "bicycle", "umbrella", "kitchen table", "stock exchange", "interest rate"),
    *("quantum mechanics", "Shakespeare", "Tolstoy novel", "Dostoevsky", "Tchaikovsky", "Pushkin poem"),
    *("ballet", "chess tournament", "space station", "Sputnik moon landing", "Berievshchina"),
    *("Brezhnevshchina", "cosmonaut training", "Zhdanovism purge list"),
    *("погода", "собака", "стол", "кошка", "завтрак", "спасибо", "здравствуйте", "компьютер", "футбол"),
    *("автобус", "яблоко", "книга"),
)


@pytest.fixture(scope="module")
def curated() -> Glossary:
    return load_glossary(curated_dir=CURATED, include_user=False)


def ids(glossary: Glossary, query: str, limit: int = 10) -> list[str]:
    return [result.entry.id for result in glossary.lookup(query, limit=limit)]


def test_the_non_entry_list_is_long_enough() -> None:
    assert len(set(NON_ENTRY_QUERIES)) >= 50


@pytest.mark.parametrize("query", NON_ENTRY_QUERIES)
def test_queries_without_an_entry_find_nothing(curated: Glossary, query: str) -> None:
    assert curated.lookup(query) == []


@pytest.mark.parametrize(
    ("query", "first", "below"),
    [
        ("Russian Revolution", "russian-revolution", "revolution-of-1905"),
        ("dekulakized", "dekulakization", "kulak"),
        ("collectivized", "collectivization", None),
        ("Zhdanovshchina", "zhdanovshchina", "yezhovshchina"),
        ("Cold War", "cold-war", "great-patriotic-war"),
        ("socialist realism", "socialist-realism", "left-srs"),
        ("колхозов", "kolkhoz", None),
        ("Сталина", "stalin", None),
    ],
)
def test_exact_stem_and_lemma_matches_rank_first(
    curated: Glossary, query: str, first: str, below: str | None
) -> None:
    found = ids(curated, query)
    assert found[0] == first
    if below is not None and below in found:
        assert curated.lookup(query)[found.index(below)].score < curated.lookup(query)[0].score


def test_exact_beats_near_spellings(curated: Glossary) -> None:
    results = curated.lookup("Zhdanov")
    assert results[0].entry.id == "zhdanov" and results[0].score == 100
    assert all(result.score < 100 for result in results[1:])


@pytest.mark.parametrize("query", ["secret police", "political police"])
def test_secret_police_finds_the_soviet_political_police(curated: Glossary, query: str) -> None:
    found = ids(curated, query)
    assert {"cheka", "ogpu", "nkvd", "kgb"} <= set(found)
    assert all(result.score < 100 for result in curated.lookup(query))


def test_meanings_and_glosses_find_entries(curated: Glossary) -> None:
    assert "sovkhoz" in ids(curated, "state farm")
    assert "gulag" in ids(curated, "labour camps")
    assert ids(curated, "restructuring")[0] == "perestroika"


def test_typing_a_prefix_finds_the_entry(curated: Glossary) -> None:
    assert ids(curated, "nomenk")[0] == "nomenklatura"
    assert "nomenklatura" in ids(curated, "nomenklatu")


def test_a_user_entry_wins_a_tie(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "mine.yaml").write_text(
        "- id: my-kolkhoz\n  term: kolkhoz\n  russian: колхоз\n  forms: []\n  transliterations: []\n"
        "  gloss: my own note\n  definition: Mine.\n  category: agriculture\n  period: x\n  see_also: []\n"
        "  sources:\n    - author: Me\n      title: Notes\n      year: 2024\n",
        encoding="utf-8",
    )
    plain = load_glossary(curated_dir=BASIC, include_user=False)
    assert ids(plain, "kolkhoz")[0] == "kolkhoz"
    layered = load_glossary(curated_dir=BASIC, include_user=False, extra_dirs=(overlay,))
    results = layered.lookup("kolkhoz")
    assert [r.entry.id for r in results[:2]] == ["my-kolkhoz", "kolkhoz"]
    assert results[0].score == results[1].score == 100
    assert results[0].entry.overlay and not results[1].entry.overlay


def test_cli_says_no_match() -> None:
    human = run_cli("glossary", "lookup", "Marshall Plan")
    assert human.returncode == 0, human.stderr
    assert human.stdout.strip() == "no glossary entry matches 'Marshall Plan'"
    machine = run_cli("glossary", "lookup", "Marshall Plan", "--json")
    assert machine.returncode == 0 and json.loads(machine.stdout) == []
    found = json.loads(run_cli("glossary", "lookup", "secret police", "--json").stdout)
    assert {"cheka", "ogpu", "nkvd", "kgb"} <= {item["id"] for item in found}
