"""``reader bookmarks add|delete`` and ``reader vocab add|remove`` when the store cannot be written: one line
on stderr and exit status 1, never "saved" with exit 0 for a change that was dropped, never a traceback."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reader.paths import PROJECT_ROOT
from tests.support.cli import run_cli

ESSAY = PROJECT_ROOT / "corpus" / "socialism-bureaucracy-and-the-market-7.txt"
COMMANDS = [
    ["bookmarks", "add", str(ESSAY), "--at", "5", "--note", "here"],
    ["vocab", "add", "жила"],
]


def _refused(result: subprocess.CompletedProcess[str], file_name: str) -> None:
    assert result.returncode == 1, result.stdout
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: ") and file_name in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", COMMANDS, ids=["bookmarks", "vocab"])
def test_a_data_folder_that_is_a_file_fails_the_change(tmp_path: Path, command: list[str]) -> None:
    # The store's folder is a file: the store can neither be read, moved aside nor saved.
    blocker = tmp_path / "data"
    blocker.write_bytes(b"\x00not a folder")
    result = run_cli(*command, env={"READER_DATA_DIR": str(blocker)})
    _refused(result, str(blocker))
    assert blocker.read_bytes() == b"\x00not a folder"


@pytest.mark.parametrize("command", COMMANDS, ids=["bookmarks", "vocab"])
def test_a_data_folder_that_cannot_be_created_is_one_line(command: list[str]) -> None:
    # Nothing to read (the folder is missing), then the save fails: no folder can be made under /proc,
    # not even by root.
    if not Path("/proc/self").is_dir():
        pytest.skip("no /proc on this system")
    data = "/proc/reader-qa-no-such-folder/data"
    _refused(run_cli(*command, env={"READER_DATA_DIR": data}), "cannot save")


def test_bookmarks_delete_fails_when_nothing_can_be_saved(tmp_path: Path) -> None:
    data = tmp_path / "data"
    added = run_cli("bookmarks", "add", str(ESSAY), "--at", "5", "--json", env={"READER_DATA_DIR": str(data)})
    assert added.returncode == 0, added.stderr
    bookmark_id = added.stdout.split('"id": "')[1].split('"')[0]
    blocker = tmp_path / "blocked"
    blocker.write_text("x", encoding="utf-8")
    result = run_cli("bookmarks", "delete", bookmark_id, env={"READER_DATA_DIR": str(blocker)})
    _refused(result, str(blocker))
