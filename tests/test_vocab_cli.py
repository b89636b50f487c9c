"""``reader vocab``: add, list, remove and export from the command line, as a user would."""

from __future__ import annotations

import json
from pathlib import Path

from reader import paths
from tests.support.cli import run_cli


def test_add_list_remove(isolated_dirs: Path) -> None:
    essay = next(paths.bundled_corpus_dir().glob("*.txt"))
    added = run_cli(
        "vocab", "add", "стали", "--context", "Они  стали работать.", "--essay", str(essay), "--json"
    )
    assert added.returncode == 0, added.stderr
    saved = json.loads(added.stdout)
    assert saved["lemma"] == "стать" and saved["word"] == "стали"
    assert saved["sense"] and saved["grammar"] == "past, plural"
    assert saved["context"] == "Они стали работать."
    assert saved["translation"] is None  # no model installed, nothing cached
    assert saved["essay"] == str(essay.resolve())
    assert run_cli("vocab", "add", "колхозников").returncode == 0

    listed = json.loads(run_cli("vocab", "list", "--json").stdout)
    assert [word["lemma"] for word in listed] == ["колхозник", "стать"]
    plain = run_cli("vocab", "list").stdout
    assert "колхо́зник" in plain and "collective farmer" in plain and "«Они стали работать.»" in plain
    assert [
        w["lemma"] for w in json.loads(run_cli("vocab", "list", "--search", "farmer", "--json").stdout)
    ] == ["колхозник"]

    removed = run_cli("vocab", "remove", "стать")
    assert removed.returncode == 0 and "removed 1" in removed.stdout
    missing = run_cli("vocab", "remove", "стать")
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    assert [word["lemma"] for word in json.loads(run_cli("vocab", "list", "--json").stdout)] == ["колхозник"]


def test_add_offset_is_found_in_the_essay(tmp_path: Path) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text("An essay.\n\nОни стали работать лучше.\n", encoding="utf-8")
    saved = json.loads(
        run_cli(
            "vocab", "add", "стали", "--context", "Они стали работать лучше.", "--essay", str(essay), "--json"
        ).stdout
    )
    assert saved["offset"] == essay.read_text(encoding="utf-8").index("Они")


def test_add_refuses_a_non_russian_word() -> None:
    result = run_cli("vocab", "add", "hello")
    assert result.returncode == 1 and result.stderr.count("\n") == 1


def test_export_anki_and_csv(tmp_path: Path) -> None:
    run_cli("vocab", "add", "колхозов", "--context", "Жители колхозов\tработали.")
    anki = run_cli("vocab", "export")
    assert anki.returncode == 0, anki.stderr
    lines = anki.stdout.splitlines()
    assert lines[0] == "#separator:tab" and "#columns:Front\tBack\tTags" in lines
    notes = [line for line in lines if not line.startswith("#")]
    assert len(notes) == 1 and len(notes[0].split("\t")) == 3
    assert "<b>колхозов</b>" in notes[0]

    target = tmp_path / "out.csv"
    written = run_cli("vocab", "export", "--format", "csv", "-o", str(target))
    assert written.returncode == 0, written.stderr
    assert target.read_text(encoding="utf-8").startswith("lemma,stressed,word,sense")

    unwritable = run_cli("vocab", "export", "-o", str(tmp_path / "no" / "such" / "dir" / "x.txt"))
    assert unwritable.returncode == 1 and unwritable.stderr.count("\n") == 1


def test_corrupt_vocabulary_is_moved_aside_and_reported(isolated_dirs: Path) -> None:
    file = paths.vocabulary_file()
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text('{"version": 1, "words": [', encoding="utf-8")
    result = run_cli("vocab", "list")
    assert result.returncode == 0
    assert result.stderr.count("\n") == 1 and "moved" not in result.stdout
    assert "not valid JSON" in result.stderr and "corrupt-" in result.stderr
    moved = list(file.parent.glob("vocabulary.json.corrupt-*"))
    assert len(moved) == 1 and moved[0].read_text(encoding="utf-8") == '{"version": 1, "words": ['
    again = run_cli("vocab", "list")
    assert again.stderr == ""  # reported once: the file was moved, the next run starts clean
