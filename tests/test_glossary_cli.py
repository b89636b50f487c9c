"""``reader glossary ...`` and ``reader annotate`` as a user runs them: output shapes and exit codes."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from reader import paths
from reader.essay.decoding import read_text_file
from reader.glossary import check_glossary_files
from tests.support.cli import run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "glossary"
PROBLEM_LINE = re.compile(r"^.+\.yaml:\d+: .+$")


def test_lookup_json_shape_and_typo() -> None:
    result = run_cli("glossary", "lookup", "nomenklatra", "--json", "--limit", "3")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert 1 <= len(data) <= 3
    assert all(set(item) == {"id", "term", "russian", "gloss", "score"} for item in data)
    assert data[0]["id"] == "nomenklatura"


def test_lookup_inflected_russian_is_exact() -> None:
    result = run_cli("glossary", "lookup", "колхозов", "--json")
    data = json.loads(result.stdout)
    assert (data[0]["id"], data[0]["score"]) == ("kolkhoz", 100)


def test_lookup_human_output_and_overlay() -> None:
    result = run_cli("glossary", "lookup", "kolkhoz", "--glossary", str(FIXTURES / "overlay"))
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert "kolkhoz" in first and "my own gloss" in first


def test_show_json_and_human() -> None:
    result = run_cli("glossary", "show", "kolkhoz", "--json")
    assert result.returncode == 0, result.stderr
    entry = json.loads(result.stdout)
    assert entry["id"] == "kolkhoz" and entry["russian"] == "колхоз"
    assert entry["sources"] and {"author", "title", "year"} <= set(entry["sources"][0])
    human = run_cli("glossary", "show", "kolkhoz")
    assert human.returncode == 0
    assert "колхоз" in human.stdout and "Sources:" in human.stdout


def test_show_unknown_id_suggests_the_closest() -> None:
    result = run_cli("glossary", "show", "kolhoz")
    assert result.returncode == 1
    [line] = [line for line in result.stderr.splitlines() if not line.startswith("reader: warning:")]
    assert line.startswith("reader: no glossary entry with id 'kolhoz'")
    assert "kolkhoz" in line
    assert "Traceback" not in result.stderr


def test_list_by_category() -> None:
    result = run_cli("glossary", "list", "--category", "security", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data and {item["category"] for item in data} == {"security"}
    assert {"cheka", "nkvd"} <= {item["id"] for item in data}
    assert run_cli("glossary", "list", "--category", "sports").returncode == 1


def test_check_reports_each_problem_with_its_line() -> None:
    bad = FIXTURES / "bad"
    result = run_cli("glossary", "check", str(bad))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines and all(PROBLEM_LINE.match(line) for line in lines), lines
    assert len(lines) == len(check_glossary_files([bad]))
    assert any("duplicate_id.yaml:16: duplicate id 'twin'" in line for line in lines)


def test_check_refuses_what_is_neither_a_directory_nor_a_file(tmp_path: Path) -> None:
    pipe = tmp_path / "terms.yaml"
    os.mkfifo(pipe)  # checking it used to print "glossary OK: 0 entries in 0 file(s)"
    result = run_cli("glossary", "check", str(pipe))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == f"reader: {pipe}: not a glossary directory or file\n"


def test_check_valid_directory_prints_a_summary() -> None:
    result = run_cli("glossary", "check", str(FIXTURES / "basic"))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "glossary OK: 12 entries in 1 file(s)"


def test_check_overlay_against_the_curated_glossary() -> None:
    # The overlay's see_also points at curated ids (kulak): not dangling when checked as an overlay.
    result = run_cli("glossary", "check", str(FIXTURES / "overlay"))
    assert result.returncode == 0, result.stdout


def test_check_by_default_includes_the_user_glossary() -> None:
    user_dir = paths.user_glossary_dir()
    user_dir.mkdir(parents=True)
    shutil.copy(FIXTURES / "bad" / "duplicate_id.yaml", user_dir / "mine.yaml")
    result = run_cli("glossary", "check")
    assert result.returncode == 1
    assert f"{user_dir / 'mine.yaml'}:16: duplicate id 'twin'" in result.stdout


def test_check_missing_directory_is_bad_input(tmp_path: Path) -> None:
    result = run_cli("glossary", "check", str(tmp_path / "nope"))
    assert result.returncode == 1
    assert result.stderr.startswith("reader: ")


def test_annotate_json_offsets_index_the_decoded_text(tmp_path: Path) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_bytes(
        "The kulaks and the Bolsheviks' Central Committee.\n\nЦитата: «колхозов стало больше», "
        "писал ЦК ВКП(б).\n".encode("cp1251")
    )
    result = run_cli("annotate", str(essay), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["path"] == str(essay)
    text = read_text_file(essay).text
    terms = data["terms"]
    assert all(set(t) == {"id", "start", "end", "text"} for t in terms)
    assert all(text[t["start"] : t["end"]] == t["text"] for t in terms)
    ids = [t["id"] for t in terms]
    assert {"kulak", "bolshevik", "central-committee", "kolkhoz"} <= set(ids)


def test_annotate_human_summary_and_hits(tmp_path: Path) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text("kulaks, kulak, кулаками в деревне; trudodni.\n", encoding="utf-8")
    overlay = str(FIXTURES / "overlay")
    summary = run_cli("annotate", str(essay), "--glossary", overlay)
    assert summary.returncode == 0, summary.stderr
    assert summary.stdout.splitlines()[0] == f"{essay}: 4 glossary hit(s) of 2 term(s)"
    assert any(line.strip().startswith("kulak") and "×3" in line for line in summary.stdout.splitlines())
    hits = run_cli("annotate", str(essay), "--glossary", overlay, "--hits")
    assert len(hits.stdout.splitlines()) == 5


def test_annotate_reports_bad_entries_as_warnings_but_succeeds(tmp_path: Path) -> None:
    user_dir = paths.user_glossary_dir()
    user_dir.mkdir(parents=True)
    shutil.copy(FIXTURES / "bad" / "missing_field.yaml", user_dir / "mine.yaml")
    essay = tmp_path / "essay.txt"
    essay.write_text("a complete kolkhoz\n", encoding="utf-8")
    result = run_cli("annotate", str(essay), "--json")
    assert result.returncode == 0, result.stderr
    assert f"reader: warning: {user_dir / 'mine.yaml'}:16: entry 'incomplete': missing field 'gloss'" in (
        result.stderr.splitlines()
    )
    ids = [t["id"] for t in json.loads(result.stdout)["terms"]]
    assert ids == ["complete", "kolkhoz"]


def test_annotate_errors_are_one_line(tmp_path: Path) -> None:
    missing = run_cli("annotate", str(tmp_path / "nope.txt"))
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"reader: {tmp_path / 'nope.txt'}: no such file"
    essay = tmp_path / "essay.txt"
    essay.write_text("kulak\n", encoding="utf-8")
    no_dir = run_cli("annotate", str(essay), "--glossary", str(tmp_path / "none"))
    assert no_dir.returncode == 1
    assert "no such glossary directory" in no_dir.stderr
