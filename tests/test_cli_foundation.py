"""The command line as users and scripts meet it: help, the library, detect --json, bad input."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from reader import paths
from tests.support.cli import run_cli

ESSAY = paths.bundled_corpus_dir() / "socialism-bureaucracy-and-the-market-7.txt"


@pytest.mark.parametrize(
    "args", [["--help"], ["detect", "--help"], ["library", "--help"], ["paths", "--help"]]
)
def test_help(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 0
    assert "usage: reader" in result.stdout


def test_console_script_help() -> None:
    import shutil
    import subprocess

    script = shutil.which("reader")
    if script is None:
        pytest.skip("the reader console script is not on PATH")
    result = subprocess.run([script, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "detect" in result.stdout


def test_library_json_lists_the_bundled_essays_with_passage_counts() -> None:
    result = run_cli("library", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    bundled = [row for row in rows if row["origin"] == "bundled"]
    assert len(bundled) == 5
    counts = {Path(row["path"]).name: row["russian_passages"] for row in bundled}
    assert counts[ESSAY.name] > 0
    assert all(isinstance(count, int) for count in counts.values())


def test_detect_json_offsets_index_the_decoded_text() -> None:
    result = run_cli("detect", str(ESSAY), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"path", "encoding", "passages", "mixed_script"}
    text = ESSAY.read_text(encoding="utf-8")
    assert data["encoding"] == "utf-8"
    assert data["passages"]
    for passage in data["passages"]:
        assert set(passage) == {"start", "end", "lang", "lang_confidence", "text"}
        assert text[passage["start"] : passage["end"]] == passage["text"]


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("cp1251", b""),
        ("koi8-r", b""),
    ],
)
def test_detect_reads_every_supported_encoding(tmp_path: Path, encoding: str, bom: bytes) -> None:
    quote = '"' if encoding == "koi8-r" else "«»"  # KOI8-R has no guillemets
    text = (
        f"An essay that quotes {quote[0]}Америка и Фашизм{quote[-1]} and then:\n\n"
        "Жители СССР были во многом разделены.\n"
    )
    path = tmp_path / "essay.txt"
    path.write_bytes(bom + text.encode(encoding))
    result = run_cli("detect", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    texts = [passage["text"] for passage in data["passages"]]
    assert "Америка и Фашизм" in texts
    assert any("СССР" in t for t in texts)
    for passage in data["passages"]:
        assert text[passage["start"] : passage["end"]] == passage["text"]


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    broken = tmp_path / "broken.txt"
    broken.write_bytes("Начало текста, всё хорошо".encode() + b"\xc3\x28\xff" + "и конец текста".encode())
    return {
        "empty": (empty, "empty"),
        "binary": (binary, "binary"),
        "directory": (tmp_path, "directory"),
        "missing": (tmp_path / "missing.txt", "no such file"),
        "undecodable": (broken, "invalid UTF-8"),
    }


@pytest.mark.parametrize("case", ["empty", "binary", "directory", "missing", "undecodable"])
@pytest.mark.parametrize("command", ["detect", "library-open"])
def test_bad_input_is_one_line_exit_1_and_writes_nothing(tmp_path: Path, case: str, command: str) -> None:
    path, fragment = _bad_inputs(tmp_path)[case]
    before = sorted(p.name for p in tmp_path.iterdir())
    args = ["detect", str(path), "--json"] if command == "detect" else [str(path)]
    result = run_cli(*args)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reader: ") and str(path) in lines[0] and fragment in lines[0]
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["detect"], "reader: detect: the following arguments are required: PATH"),
        (["translate", "x.txt", "--beam", "many"], "reader: translate: argument --beam"),
        (["models", "frob"], "reader: models: argument ACTION: invalid choice"),
        (["--bogus"], "reader: unrecognized arguments: --bogus"),
    ],
)
def test_a_usage_mistake_is_bad_input_in_one_line(args: list[str], expected: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 1  # argparse's own 2 would read as "missing resource"
    assert result.stderr.startswith(expected)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_library_warns_about_a_malformed_index_yaml(tmp_path: Path) -> None:
    (tmp_path / "essay.txt").write_text("An Essay\n\nText.", encoding="utf-8")
    (tmp_path / "index.yaml").write_text("essay.txt: {title: [unclosed\n", encoding="utf-8")
    result = run_cli("library", "--json", "--library", str(tmp_path))
    assert result.returncode == 0
    [warning] = result.stderr.splitlines()
    assert warning.startswith("reader: warning: ") and "index.yaml:" in warning and "invalid YAML" in warning
    assert [row["title"] for row in json.loads(result.stdout)][-1] == "An Essay"


@pytest.mark.parametrize("option", ["--library", "--glossary"])
def test_opening_the_app_with_a_missing_folder_fails_before_the_app_starts(
    tmp_path: Path, option: str
) -> None:
    missing = tmp_path / "typo"
    result = run_cli(option, str(missing), timeout=60)
    assert result.returncode == 1
    assert result.stderr == f"reader: {missing}: no such {option[2:]} directory\n"
    assert result.stdout == ""


def test_a_50_mb_essay_is_handled(tmp_path: Path) -> None:
    chunk = ESSAY.read_bytes()
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            handle.write(chunk)
            handle.write(b"\n\n")
    result = run_cli("detect", str(path), "--json")
    assert result.returncode == 0, result.stderr[-500:]
    data = json.loads(result.stdout)
    assert len(data["passages"]) > 1000


def test_paths_json() -> None:
    result = run_cli("paths", "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert {"corpus", "glossary", "user_essays", "translation_cache", "argos_packages"} <= set(data)
