"""Errors a user can cause or fix, each with a one-line message and an exit status.

Exit status: 1 for bad input (a file that cannot be read, a malformed glossary, a refused archive),
2 for a missing resource (no ru->en model installed). The CLI prints ``reader: <message>`` and exits;
the app shows the message in a notification. Neither prints a traceback.
"""

from __future__ import annotations


class ReaderError(Exception):
    """Base of every error that is reported to the user as one line."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class BadInput(ReaderError):
    """The input (a file, an archive, a glossary) cannot be used. Exit status 1."""

    exit_code = 1


class MissingResource(ReaderError):
    """Something the command needs is not installed or not reachable. Exit status 2."""

    exit_code = 2


class Cancelled(ReaderError):
    """The caller cancelled the work (a layout, a translation, a download); nothing half-done was kept.
    Exit status 130, as for Ctrl-C."""

    exit_code = 130
