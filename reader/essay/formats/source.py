"""Reading an essay file's bytes with the checks every format shares, through
:func:`reader.input_files.read_limited`: regular files only, at most the format's cap, one-line errors.

Extractors get the bytes, never the path, so a file swapped between the check and the read cannot slip
past the checks; :func:`label` is how a message names the file (one line, escaped).
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterator
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


@contextlib.contextmanager
def quiet(*loggers: str) -> Iterator[None]:
    """Silence the named libraries' log records and warnings while they read a file: their complaints
    about a damaged file ("EOF marker not found") would print a second line beside reader's own."""
    saved = [(logging.getLogger(name), logging.getLogger(name).level) for name in loggers]
    try:
        for logger, _level in saved:
            logger.setLevel(logging.CRITICAL + 1)  # their child loggers inherit it
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in saved:
            logger.setLevel(level)
