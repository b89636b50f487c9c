"""A search with a limit: the first matches of the unlimited search, exact, with every matching essay
counted; and ``reader search --limit``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.errors import BadInput
from reader.essay.library import load_document
from reader.search import EssayResults, SearchIndex
from tests.support.cli import run_cli

ESSAYS = {
    "a.txt": "Alpha\n\nThe zorblax came. Then a zorblax left; zorblax and Stalin met.\n\nNo match here.\n",
    "b.txt": "Beta\n\nOne zorblax only. Колхозов было мало.\n",
    "c.txt": "Gamma\n\nStalin alone. Zorblaxes in plenty, zorblax again.\n",
}


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "essays"
    folder.mkdir()
    for name, text in ESSAYS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def ours(results: list[EssayResults], folder: Path) -> list[EssayResults]:
    return [result for result in results if result.path.parent == folder]


def flat(results: list[EssayResults]) -> list[tuple[str, int, int, str]]:
    return [(r.path.name, m.start, m.end, m.text) for r in results for m in r.matches]


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 100])
def test_a_limited_search_lists_the_first_matches_of_the_whole_search(library: Path, limit: int) -> None:
    with SearchIndex([library], include_user=False) as index:
        everything = ours(index.search("zorblax", index.entries()), library)
        limited = ours(index.search("zorblax", index.entries(), limit=limit), library)
    assert flat(limited) == flat(everything)[:limit]
    # Every matching essay is still there, with its number of matching sentences.
    assert [r.path.name for r in limited] == [r.path.name for r in everything] == ["a.txt", "b.txt", "c.txt"]
    for cut, whole in zip(limited, everything, strict=True):
        assert cut.sentences == whole.sentences == len({m.context_start for m in whole.matches})
        assert cut.truncated == (len(cut.matches) < len(whole.matches))
    for result in limited:
        text = load_document(result.path).text
        assert all(text[m.start : m.end] == m.text for m in result.matches)


def test_past_the_limit_an_essay_is_counted_not_listed(library: Path) -> None:
    with SearchIndex([library], include_user=False) as index:
        first, second, third = ours(index.search("zorblax", index.entries(), limit=2), library)
    assert [m.text for m in first.matches] == ["zorblax", "zorblax"] and first.truncated
    assert first.sentences == 2
    assert second.matches == () and second.truncated and second.sentences == 1
    assert third.matches == () and third.truncated and third.sentences == 1


def test_every_word_must_occur_in_an_essay_listed_with_a_limit(library: Path) -> None:
    with SearchIndex([library], include_user=False) as index:
        results = ours(index.search("zorblax Stalin", index.entries(), limit=100), library)
    assert [r.path.name for r in results] == ["a.txt", "c.txt"]  # b.txt has no Stalin
    assert [m.text for m in results[1].matches] == ["Stalin", "Zorblaxes", "zorblax"]


def test_a_limit_below_one_is_refused(library: Path) -> None:
    with SearchIndex([library], include_user=False) as index, pytest.raises(BadInput, match="at least 1"):
        index.search("zorblax", limit=0)


def test_cli_limit_and_the_json_fields(library: Path) -> None:
    result = run_cli("search", "zorblax", "--json", "--limit", "1", "--library", str(library))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["limit"] == 1 and data["truncated"] is True
    mine = [essay for essay in data["results"] if Path(essay["path"]).parent == library]
    assert [len(essay["matches"]) for essay in mine] == [1, 0, 0]
    assert [essay["sentences"] for essay in mine] == [2, 1, 1]
    everything = json.loads(
        run_cli("search", "zorblax", "--json", "--limit", "0", "--library", str(library)).stdout
    )
    assert everything["limit"] is None and everything["truncated"] is False
    assert sum(len(e["matches"]) for e in everything["results"] if Path(e["path"]).parent == library) == 6


def test_cli_readable_listing_says_what_was_left_out(library: Path) -> None:
    result = run_cli("search", "zorblax", "--limit", "1", "--library", str(library))
    assert result.returncode == 0, result.stderr
    assert "… 2 matching sentence(s) in all" in result.stdout
    assert result.stdout.rstrip().endswith("--limit 0 for all")


@pytest.mark.parametrize("bad", ["-1", "many"])
def test_cli_bad_limit_is_one_line(bad: str) -> None:
    result = run_cli("search", "zorblax", "--limit", bad)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "--limit" in result.stderr


@pytest.mark.parametrize(
    "query",
    ["nomenklatura", "колхозов", "kulaks", "Trotsky", "bureaucracy", "secret police", "nomenklatra", "zzyzx"],
)
def test_glossary_exact_names_the_entries_lookup_scores_100(query: str) -> None:
    from reader.glossary import load_glossary
    from reader.glossary.lookup import EXACT_SCORE

    glossary = load_glossary()
    exact = {result.entry.id for result in glossary.lookup(query, limit=50) if result.score >= EXACT_SCORE}
    assert {entry.id for entry in glossary.exact(query)} == exact
