"""Reading an essay file's bytes with the checks every format shares, through
:func:`reader.input_files.read_limited`: regular files only, at most the format's cap, one-line errors.

Extractors get the bytes, never the path, so a file swapped between the check and the read cannot slip
past the checks; :func:`label` is how a message names the file (one line, escaped).
"""

from __future__ import annotations

from pathlib import Path

from reader.errors import BadInput
from reader.input_files import read_limited, shown_path

MB = 1024 * 1024


def label(path: Path) -> str:
    """``path`` as an error message shows it."""
    return shown_path(path)


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of the essay file ``path``, refused past ``limit`` or when empty."""
    data = read_limited(path, limit, "an essay file")
    if not data:
        raise BadInput(f"{label(path)}: the file is empty")
    return data
