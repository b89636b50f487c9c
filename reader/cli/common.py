"""Options and output helpers shared by the commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Protocol, TypeVar


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="also list the essays of DIR (repeatable)",
    )


def add_glossary_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--glossary",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="overlay every *.yaml in DIR on the curated glossary (repeatable)",
    )


def require_dirs(directories: list[Path], kind: str) -> None:
    """Refuse a mistyped ``--glossary`` / ``--library`` folder with one line, before any work is done."""
    from reader.errors import BadInput

    for directory in directories:
        if not directory.is_dir():
            raise BadInput(f"{directory}: no such {kind} directory")


def print_json(data: Any) -> None:
    """``data`` as JSON on stdout: UTF-8 as is, escaped (``\\u0436``) when stdout is not UTF-8."""
    json.dump(data, sys.stdout, ensure_ascii=not _stdout_is_utf8(), indent=2)
    sys.stdout.write("\n")


def _stdout_is_utf8() -> bool:
    import codecs

    try:
        return codecs.lookup(sys.stdout.encoding or "ascii").name == "utf-8"
    except LookupError:
        return False


class UserStore(Protocol):
    """One of the user's JSON stores as the CLI opens and saves it (the vocabulary, the bookmarks)."""

    file: Path
    problem: str | None

    @property
    def can_save(self) -> bool: ...

    def save(self) -> None: ...


Store = TypeVar("Store", bound=UserStore)


def opened_store(store: Store, *, writing: bool = False) -> Store:
    """``store``, with a file that had to be moved aside reported once on stderr. ``writing``: a file that
    could not be moved aside either is the command's error, as nothing could be saved."""
    from reader.errors import BadInput
    from reader.safe_text import one_line

    if store.problem and writing and not store.can_save:
        raise BadInput(store.problem)  # "... will not be saved this session"
    if store.problem:
        print(f"reader: warning: {one_line(store.problem, 400)}", file=sys.stderr)
    return store


def save_store(store: UserStore, what: str) -> None:
    """Save ``store``; a failure is one line naming the file and ``what`` it holds."""
    from reader.errors import BadInput
    from reader.input_files import shown_path

    try:
        store.save()
    except OSError as exc:
        raise BadInput(f"{shown_path(store.file)}: cannot save {what} ({exc.strerror or exc})") from None
