"""Reading a file reader did not write: regular files only, size capped, every failure one line.

Essays, glossary YAML, ``index.yaml`` and ``state.json`` may come from anywhere. A named pipe with no
writer would block ``open()`` forever and a device never ends, so the path is ``stat``-ed first and
anything but a regular file is refused before it is opened. It is then opened non-blocking (a file swapped
for a pipe in between cannot hang the open) and checked again on the open descriptor. The size is checked
before reading and the read stops one byte past the limit, so a file that grows meanwhile is caught too.

Paths in messages go through :func:`shown_path`: a file name holding a newline or an escape sequence
cannot forge a second line or drive the terminal, and a very long one is cut.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from reader.errors import BadInput
from reader.safe_text import one_line

#: The longest path a message shows; the rest of the line is left for the problem.
PATH_SHOWN_MAX = 160

_MB = 1024 * 1024
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)
_ERRNO_PROBLEMS = {
    errno.ENOENT: "no such file",
    errno.ENOTDIR: "no such file (a part of the path is not a folder)",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.ELOOP: "too many levels of symbolic links",
}


class UnreadableFile(BadInput):
    """A file that cannot be read. ``problem`` is the message without the path; ``missing`` is true
    when the file does not exist (a caller may take that as "nothing saved yet")."""

    def __init__(self, path: Path | str, problem: str, *, missing: bool = False) -> None:
        super().__init__(f"{shown_path(path)}: {problem}")
        self.problem = problem
        self.missing = missing


def shown_path(path: Path | str) -> str:
    """``path`` as a message shows it: one line, control characters escaped, at most PATH_SHOWN_MAX long."""
    return one_line(str(path), PATH_SHOWN_MAX)


def size_text(size: int) -> str:
    """A byte count for a message: whole megabytes from one MB up, bytes below."""
    return f"{size // _MB} MB" if size >= _MB else f"{size} bytes"


def read_limited(path: Path | str, limit: int, what: str = "a text file", *, truncate: bool = False) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them; UnreadableFile otherwise.

    ``what`` names the kind of file expected, for refusals ("is a named pipe, not an essay file").
    With ``truncate``, a longer file is no error: its first ``limit`` bytes are returned (a format sniff).
    """
    path = Path(path)
    try:
        _check_mode(path, os.stat(path).st_mode, what)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _unreadable(path, exc) from None
    try:
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            _check_mode(path, status.st_mode, what)
            if not truncate:
                _check_size(path, status.st_size, limit)
            data = handle.read(limit + 1)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if truncate:
        return data[:limit]
    if len(data) > limit:
        raise UnreadableFile(path, f"too large (the limit is {size_text(limit)})")
    return data


def _check_mode(path: Path, mode: int, what: str) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise UnreadableFile(path, f"is {kind}, not {what}")


def _check_size(path: Path, size: int, limit: int) -> None:
    if size > limit:
        raise UnreadableFile(path, f"too large ({size_text(size)}; the limit is {size_text(limit)})")


def _unreadable(path: Path, exc: OSError) -> UnreadableFile:
    problem = _ERRNO_PROBLEMS.get(exc.errno or 0) or f"cannot read ({exc.strerror or type(exc).__name__})"
    return UnreadableFile(path, problem, missing=exc.errno == errno.ENOENT)
