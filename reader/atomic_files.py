"""Files reader writes (reading state, vocabulary, library indexes, caches): whole or not at all.

:func:`read_json_store` reads one of reader's own JSON files with limits, and :func:`set_aside` keeps an
unusable one out of the way, so the state and the vocabulary recover from damage the same way.

:func:`write_text_atomically` (and :func:`write_bytes_atomically`) writes beside the target, fsyncs
and renames into place, so a kill or a full disk never leaves half a file. :func:`move_aside` keeps a
file reader could not use (``<name>.corrupt-<time>``, never over an earlier copy), so the user can look
at it and nothing is lost.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from pathlib import Path

from reader.input_files import UnreadableFile, read_limited, shown_path, size_text


class UnusableStore(Exception):
    """One of reader's JSON files exists but cannot be used; ``why`` says so ("is corrupt: ...")."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def read_json_store(file: Path, limit: int, what: str) -> object | None:
    """The JSON value in ``file`` (None when there is no file yet); UnusableStore when it is not a regular
    file, larger than ``limit``, not UTF-8 or not JSON (nesting too deep for the parser included)."""
    try:
        data = read_limited(file, limit, what)
    except UnreadableFile as exc:
        if exc.missing:
            return None
        if exc.problem.startswith("too large"):
            raise UnusableStore(f"is too large (larger than {size_text(limit)})") from None
        raise UnusableStore(f"cannot be read ({exc.problem})") from None
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise UnusableStore("is not UTF-8 text") from None
    except (ValueError, RecursionError):
        raise UnusableStore("is corrupt: not valid JSON") from None


def set_aside(file: Path, what: str, why: str) -> tuple[str, bool]:
    """Move the unusable ``file`` aside (so no save overwrites it); the one-line problem to report, and
    whether saving may go on (not when the file could not be moved)."""
    shown = shown_path(file)
    try:
        moved = move_aside(file)
    except OSError as exc:
        problem = f"{shown}: {what} {why} and cannot be moved aside ({exc.strerror or exc}); "
        return problem + f"{what} will not be saved this session", False
    return f"{shown}: {what} {why}; kept it as {shown_path(moved.name)} and started fresh", True


def write_text_atomically(file: Path, text: str, *, mode: int | None = None, sync: bool = True) -> None:
    """Write ``text`` to a temporary file beside ``file``, fsync it, then move it into place."""
    write_bytes_atomically(file, text.encode("utf-8"), mode=mode, sync=sync)


def write_bytes_atomically(file: Path, data: bytes, *, mode: int | None = None, sync: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``file``, fsync it, then move it into place."""
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            if sync:
                os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_json_atomically(file: Path, payload: object, *, indent: int | None = 1) -> None:
    """``payload`` as JSON (UTF-8, a final newline), written atomically."""
    write_text_atomically(file, json.dumps(payload, ensure_ascii=False, indent=indent) + "\n")


def move_aside(file: Path, companions: tuple[str, ...] = ()) -> Path:
    """Rename ``file`` (and ``file`` + each suffix in ``companions``, such as SQLite's ``-wal``) to
    ``<name>.corrupt-<time>``, never over an earlier copy; the new path."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    moved = file.with_name(f"{file.name}.corrupt-{stamp}")
    number = 1
    while moved.exists():
        number += 1
        moved = file.with_name(f"{file.name}.corrupt-{stamp}-{number}")
    file.rename(moved)
    for suffix in companions:
        with contextlib.suppress(FileNotFoundError):
            file.with_name(file.name + suffix).replace(moved.with_name(moved.name + suffix))
    return moved
