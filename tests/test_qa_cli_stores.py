"""``reader bookmarks add|delete`` and ``reader vocab add|remove`` when the store cannot be written: one line
on stderr and exit status 1, never "saved" with exit 0 for a change that was dropped, never a traceback."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
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


def test_a_vocabulary_export_that_fails_midway_leaves_the_earlier_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.atomic_files import os as atomic_os
    from reader.cli import main

    assert main(["vocab", "add", "жила"]) == 0
    folder = tmp_path / "exports"
    folder.mkdir()
    earlier = folder / "words.csv"
    earlier.write_text("an earlier export\n", encoding="utf-8")

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_os, "fsync", disk_full)
    capsys.readouterr()
    assert main(["vocab", "export", "--format", "csv", "-o", str(earlier)]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert earlier.read_text(encoding="utf-8") == "an earlier export\n"
    assert [path.name for path in folder.iterdir()] == ["words.csv"]  # no temporary file left


def test_a_vocabulary_export_into_a_named_pipe_is_written_not_replaced(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    pipe = tmp_path / "words"
    os.mkfifo(pipe)
    with subprocess.Popen(
        [sys.executable, "-m", "reader", "vocab", "export", "--format", "csv", "-o", str(pipe)],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=PROJECT_ROOT,
    ) as process:
        with pipe.open("rb") as reader:
            received = reader.read()
        assert process.wait(timeout=120) == 0
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert received == run_cli("vocab", "export", "--format", "csv").stdout.encode("utf-8")
