"""``reader gloss PATH``: the app's word-by-word glosses from the command line, readable and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cli import run_cli

ESSAY = "An English line.\n\nОна жила в Москве. Колхозов было много.\n\nThe end.\n"


def essay(tmp_path: Path) -> Path:
    path = tmp_path / "essay.txt"
    path.write_text(ESSAY, encoding="utf-8")
    return path


def test_json_lists_every_russian_word_with_offsets_and_gloss(tmp_path: Path) -> None:
    result = run_cli("gloss", str(essay(tmp_path)), "--json")
    assert result.returncode == 0, result.stderr
    words = json.loads(result.stdout)["words"]
    assert [word["text"] for word in words] == ["Она", "жила", "в", "Москве", "Колхозов", "было", "много"]
    for word in words:
        assert ESSAY[word["start"] : word["end"]] == word["text"]
    by_text = {word["text"]: word["gloss"] for word in words}
    assert by_text["Москве"] == "Moscow"
    assert all(by_text.values())


def test_readable_output_puts_each_gloss_under_its_word(tmp_path: Path) -> None:
    result = run_cli("gloss", str(essay(tmp_path)), "--width", "30")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "English" not in result.stdout
    assert all(len(line) <= 30 for line in lines)
    text_line = next(line for line in lines if "Москве" in line)
    under = lines[lines.index(text_line) + 1]
    assert under[text_line.index("Москве") :].startswith("Moscow")


def test_missing_dictionary_exits_2_in_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "gone.sqlite3"
    result = run_cli("gloss", str(essay(tmp_path)), env={"READER_DICTIONARY": str(missing)})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and str(missing) in result.stderr


def test_bad_width_and_missing_file_exit_1(tmp_path: Path) -> None:
    assert run_cli("gloss", str(essay(tmp_path)), "--width", "5").returncode == 1
    result = run_cli("gloss", str(tmp_path / "absent.txt"))
    assert result.returncode == 1 and result.stderr.count("\n") == 1
