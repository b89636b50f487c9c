"""Essay files that cannot be read: one line, exit 1, no traceback, no hang, no forged lines."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import reader.input_files
from reader.errors import BadInput
from reader.essay.decoding import read_text_file
from tests.support.cli import run_cli

ESSAY = "An essay that quotes Russian: «Вся власть Советам!»\n"


def assert_one_line_refusal(args: tuple[str, ...], fragment: str) -> str:
    result = run_cli(*args, timeout=60)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert fragment in result.stderr
    return result.stderr


def test_a_file_name_over_the_limit(tmp_path: Path) -> None:
    name = tmp_path / ("a" * 300 + ".txt")
    stderr = assert_one_line_refusal(("detect", str(name)), "the file name is too long")
    assert len(stderr) < 260  # the long path is cut, the problem still shown


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_without_a_writer_is_refused_not_waited_on(tmp_path: Path) -> None:
    pipe = tmp_path / "essay.txt"
    os.mkfifo(pipe)
    assert_one_line_refusal(("detect", str(pipe)), "is a named pipe, not an essay file")


def test_a_directory_is_refused(tmp_path: Path) -> None:
    assert_one_line_refusal(("annotate", str(tmp_path)), "is a directory, not an essay file")


def test_a_path_with_a_newline_cannot_forge_a_line(tmp_path: Path) -> None:
    path = tmp_path / "evil\nreader: all good.txt"
    path.write_bytes(b"\x00\x01binary")
    stderr = assert_one_line_refusal(("detect", str(path)), "binary file")
    assert "evil\\x0areader: all good.txt" in stderr


def test_a_path_with_escape_sequences_is_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "\x1b]0;pwned\x07.txt"
    stderr = assert_one_line_refusal(("detect", str(path)), "no such file")
    assert "\x1b" not in stderr and "\x07" not in stderr and "\\x1b]0;pwned\\x07" in stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads through any permission")
def test_a_folder_without_search_permission(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "essay.txt").write_text(ESSAY, encoding="utf-8")
    locked.chmod(0)
    try:
        assert_one_line_refusal(("detect", str(locked / "essay.txt")), "permission denied")
    finally:
        locked.chmod(0o700)


def test_permission_denied_on_stat_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    essay = tmp_path / "locked" / "essay.txt"
    essay.parent.mkdir()
    essay.write_text(ESSAY, encoding="utf-8")

    def denied(path: object, *args: object, **kwargs: object) -> os.stat_result:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(reader.input_files.os, "stat", denied)
    with pytest.raises(BadInput) as caught:
        read_text_file(essay)
    assert str(caught.value) == f"{essay}: permission denied"


def test_a_file_that_vanishes_between_stat_and_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text(ESSAY, encoding="utf-8")
    real_open = os.open

    def vanish_then_open(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        os.unlink(path)
        return real_open(path, flags, *args)

    monkeypatch.setattr(reader.input_files.os, "open", vanish_then_open)
    with pytest.raises(BadInput) as caught:
        read_text_file(essay)
    assert str(caught.value) == f"{essay}: no such file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_file_swapped_for_a_pipe_after_stat_is_refused_without_hanging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text(ESSAY, encoding="utf-8")
    real_open = os.open

    def swap_then_open(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        os.unlink(path)
        os.mkfifo(path)
        return real_open(path, flags, *args)

    monkeypatch.setattr(reader.input_files.os, "open", swap_then_open)
    with pytest.raises(BadInput, match="is a named pipe, not an essay file"):
        read_text_file(essay)


def test_a_readable_essay_still_reads(tmp_path: Path) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text(ESSAY, encoding="utf-8")
    assert read_text_file(essay).text == ESSAY
