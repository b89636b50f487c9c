"""``reader search``: the JSON shape, the readable listing, warnings and bad input."""

from __future__ import annotations

import json
from pathlib import Path

from reader.essay.library import load_document
from tests.support.cli import run_cli


def make_library(tmp_path: Path) -> Path:
    folder = tmp_path / "essays"
    folder.mkdir()
    (folder / "farms.txt").write_text(
        "Farms\n\nThe kolkhoz was new. Колхозов стало больше; \x1b[31mколхозники\x1b[0m ушли.\n",
        encoding="utf-8",
    )
    return folder


def test_json_output_has_the_documented_shape_and_exact_offsets(tmp_path: Path) -> None:
    folder = make_library(tmp_path)
    result = run_cli("search", "колхоз", "--json", "--library", str(folder))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"query", "limit", "truncated", "results"} and data["query"] == "колхоз"
    for essay in data["results"]:
        assert set(essay) == {"path", "title", "matches", "sentences", "truncated"}
        decoded = load_document(essay["path"]).text
        for match in essay["matches"]:
            assert set(match) == {"start", "end", "text", "context"}
            assert decoded[match["start"] : match["end"]] == match["text"]
            assert match["text"] in match["context"]
    mine = [essay for essay in data["results"] if Path(essay["path"]).parent == folder]
    assert [m["text"] for m in mine[0]["matches"]] == ["kolkhoz", "Колхозов"]
    assert mine[0]["title"] == "Farms"


def test_readable_listing_marks_matches_and_escapes_control_characters(tmp_path: Path) -> None:
    folder = make_library(tmp_path)
    result = run_cli("search", "ушли", "--library", str(folder))
    assert result.returncode == 0, result.stderr
    assert "⟦ушли⟧" in result.stdout
    assert "\x1b" not in result.stdout and "\\x1b" in result.stdout


def test_no_match_is_not_an_error(tmp_path: Path) -> None:
    result = run_cli("search", "zzqqxyzzy", "--library", str(make_library(tmp_path)))
    assert result.returncode == 0
    assert result.stdout.strip() == "no matches for zzqqxyzzy"


def test_an_empty_query_is_bad_input_in_one_line() -> None:
    result = run_cli("search", "")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("reader: search: ")


def test_a_missing_library_folder_is_bad_input(tmp_path: Path) -> None:
    result = run_cli("search", "kolkhoz", "--library", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "nowhere" in result.stderr


def test_a_corrupt_index_warns_once_and_answers(tmp_path: Path) -> None:
    folder = make_library(tmp_path)
    index_file = Path(json.loads(run_cli("paths", "--json").stdout)["search_index"])
    index_file.parent.mkdir(parents=True)
    index_file.write_text("not a database at all", encoding="utf-8")
    result = run_cli("search", "kolkhoz", "--json", "--library", str(folder))
    assert result.returncode == 0
    assert (
        result.stderr.count("reader: warning:") == 1
        and "moved it to search.sqlite3.corrupt-" in result.stderr
    )
    assert json.loads(result.stdout)["results"]
    again = run_cli("search", "kolkhoz", "--json", "--library", str(folder))
    assert again.stderr == ""
