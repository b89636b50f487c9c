"""The command line against hostile input: a named pipe with no suffix, an absurd ``--limit``.

Each must end in one line on stderr and exit status 1, never a hang or a traceback.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reader.paths import PROJECT_ROOT
from tests.support.cli import REPO_ROOT, run_cli


@pytest.fixture
def pipe(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    path = tmp_path / "essay"  # no suffix: the format is sniffed from the first bytes
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", ["detect", "annotate", "gloss", "export", "import"])
def test_a_named_pipe_without_suffix_is_refused_in_one_line(pipe: Path, command: str) -> None:
    # Opening a pipe nobody writes to blocks forever: a hang fails the test (subprocess timeout).
    result = run_cli(command, str(pipe), timeout=30)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert str(pipe) in result.stderr and "named pipe" in result.stderr


def test_a_huge_search_limit_is_no_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "essays"
    folder.mkdir()
    (folder / "a.txt").write_text("Alpha\n\nThe zorblax came. A zorblax left.\n", encoding="utf-8")
    result = run_cli("search", "zorblax", "--json", "--limit", "9" * 30, "--library", str(folder))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    ours = [essay for essay in data["results"] if Path(essay["path"]).parent == folder]
    assert [match["text"] for essay in ours for match in essay["matches"]] == ["zorblax", "zorblax"]
    assert data["truncated"] is False


def test_export_to_a_named_pipe_is_refused_and_the_pipe_kept(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    essay = tmp_path / "essay.txt"
    essay.write_text("Title\n\nОни говорили о колхозе.\n", encoding="utf-8")
    target = tmp_path / "out.html"
    os.mkfifo(target)
    result = run_cli("export", str(essay), "-o", str(target), "--no-translate", timeout=120)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and str(target) in result.stderr
    assert stat.S_ISFIFO(target.lstat().st_mode)  # still the pipe, not replaced by a regular file


@pytest.mark.parametrize("args", [["paths"], ["glossary", "list", "--json"]])
def test_a_full_disk_under_stdout_is_one_line_and_status_1(args: list[str]) -> None:
    full = Path("/dev/full")
    if not full.exists():
        pytest.skip("no /dev/full on this system")
    with full.open("w") as stdout:
        result = subprocess.run(
            [sys.executable, "-m", "reader", *args],
            stdout=stdout,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=dict(os.environ),
            cwd=REPO_ROOT,
            timeout=120,
        )
    assert result.returncode == 1
    assert result.stderr == "reader: cannot write the output (No space left on device)\n"


def test_gloss_passes_over_a_run_of_letters_too_long_to_be_a_word(tmp_path: Path) -> None:
    run_on = "превысокомногорассмотрительствующий" * 3  # 105 letters: no word the dictionary can take
    essay = tmp_path / "essay.txt"
    essay.write_text(f"Title\n\nОни {run_on} говорили о колхозе.\n", encoding="utf-8")
    result = run_cli("gloss", str(essay), "--json")
    assert result.returncode == 0, result.stderr
    words = {word["text"]: word["gloss"] for word in json.loads(result.stdout)["words"]}
    assert words[run_on] == ""
    assert words["Они"] and words["колхозе"]  # the words around it are still glossed


def _run_bytes(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        cwd=REPO_ROOT,
        timeout=120,
    )


@pytest.mark.parametrize("encoding", ["ascii", "koi8-r"])
def test_a_stdout_that_cannot_encode_the_text_gets_escapes_not_a_traceback(encoding: str) -> None:
    # An ASCII locale cannot encode Cyrillic; KOI8-R cannot encode the "·" and "—" the listings use.
    essay = PROJECT_ROOT / "corpus" / "socialism-bureaucracy-and-the-market-7.txt"
    env = {"PYTHONIOENCODING": encoding}
    listing = _run_bytes("detect", str(essay), env=env)
    assert listing.returncode == 0, listing.stderr
    assert listing.stderr == b""
    assert "Америка".encode(encoding, "backslashreplace") in listing.stdout
    as_json = _run_bytes("word", "жила", "--json", env=env)
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout.decode(encoding))["query"] == "жила"


def test_json_of_a_file_name_with_an_undecodable_byte_is_valid_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"essay-\xff.txt")
    essay = tmp_path / name
    essay.write_text("Title\n\nОни говорили о колхозе.\n", encoding="utf-8")
    result = _run_bytes("detect", str(essay), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("utf-8"))["passages"]
