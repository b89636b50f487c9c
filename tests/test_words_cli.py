"""``reader word``: the JSON contract, the readable output, and one-line errors with exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import run_cli


def test_json_shape() -> None:
    result = run_cli("word", "колхозников", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["query"] == "колхозников"
    first = data["analyses"][0]
    assert {"lemma", "stressed", "pos", "grammar", "senses", "glossary"} <= first.keys()
    assert first["lemma"] == "колхозник"
    assert first["stressed"] == ["колхо́зник"]
    assert first["pos"] == "noun"
    assert first["grammar"].startswith("genitive plural")
    assert "collective farmer" in first["senses"]
    assert first["glossary"] == "kolkhoznik"
    for item in data["analyses"]:
        assert isinstance(item["lemma"], str) and isinstance(item["grammar"], str)
        assert all(isinstance(sense, str) for sense in item["senses"])
        assert all(isinstance(form, str) for form in item["stressed"])
        assert item["glossary"] is None or isinstance(item["glossary"], str)


def test_homograph_in_json() -> None:
    data = json.loads(run_cli("word", "стали", "--json").stdout)
    assert [item["lemma"] for item in data["analyses"]][:2] == ["стать", "сталь"]


def test_readable_output() -> None:
    result = run_cli("word", "жила")
    assert result.returncode == 0, result.stderr
    assert "жить  (verb)" in result.stdout
    assert "жила: past, feminine singular" in result.stdout
    assert "жи́ла  (noun)" in result.stdout
    assert "- vein (blood vessel)" in result.stdout


def test_unknown_word_is_not_an_error() -> None:
    result = run_cli("word", "Гингрича", "--json")
    assert result.returncode == 0, result.stderr
    first = json.loads(result.stdout)["analyses"][0]
    assert first["lemma"] == "Гингрич" and first["senses"] == []
    assert "not in the dictionary" in run_cli("word", "Гингрича").stdout


@pytest.mark.parametrize("word", ["hello", "колхоз\x1b]0;x\x07"])
def test_not_russian_exits_1_in_one_line(word: str) -> None:
    result = run_cli("word", word)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("reader: ")
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert result.stdout == ""


def test_missing_dictionary_exits_2_in_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "gone.sqlite3"
    result = run_cli("word", "жила", env={"READER_DICTIONARY": str(missing)})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert str(missing) in result.stderr
    assert "Traceback" not in result.stderr


def test_corrupt_dictionary_exits_2_in_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"\x00garbage" * 1000)
    result = run_cli("word", "жила", "--json", env={"READER_DICTIONARY": str(broken)})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert str(broken) in result.stderr
    assert result.stdout == ""


def test_paths_lists_the_dictionary_and_vocabulary() -> None:
    data = json.loads(run_cli("paths", "--json").stdout)
    assert data["dictionary"].endswith("ru-en.sqlite3")
    assert data["vocabulary"].endswith("vocabulary.json")
