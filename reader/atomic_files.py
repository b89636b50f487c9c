"""Files reader writes (reading state, vocabulary, library indexes, caches): whole or not at all.

:func:`write_text_atomically` writes beside the target, fsyncs and renames into place, so a kill or a
full disk never leaves half a file. :func:`move_aside` keeps a file reader could not use
(``<name>.corrupt-<time>``, never over an earlier copy), so the user can look at it and nothing is lost.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from pathlib import Path


def write_text_atomically(file: Path, text: str, *, mode: int | None = None, sync: bool = True) -> None:
    """Write ``text`` to a temporary file beside ``file``, fsync it, then move it into place."""
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
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
