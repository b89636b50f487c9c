"""Naming and writing an exported edition: one renderer per format, whole files or none.

The default name is the essay's stem with the format's extension, in the folder given (the current
directory for ``reader export``, the exports folder for the app). A target that is the essay itself is
refused, and the default name steps aside (``<stem>.bilingual.<ext>``) rather than be the essay. The
file is written beside its final place and renamed into it (:mod:`reader.atomic_files`), so a full disk
or a kill never leaves half an edition, and an unwritable place is one line of error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.atomic_files import write_bytes_atomically
from reader.errors import BadInput
from reader.export.edition import Edition
from reader.export.formats import EXTENSIONS
from reader.input_files import shown_path


def render(edition: Edition, fmt: str) -> bytes:
    """The edition in format ``fmt`` (one of :data:`EXTENSIONS`), as the file's bytes."""
    from reader.export.epub import render_epub
    from reader.export.html import render_html
    from reader.export.markdown import render_markdown

    renderers: dict[str, Callable[[Edition], bytes]] = {
        "html": lambda edition: render_html(edition).encode("utf-8"),
        "md": lambda edition: render_markdown(edition).encode("utf-8"),
        "epub": render_epub,
    }
    if fmt not in renderers:
        raise BadInput(f"unknown export format {fmt!r}; known: {', '.join(EXTENSIONS)}")
    return renderers[fmt](edition)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.exists() and other.exists() and one.samefile(other)
    except OSError:
        return one.resolve() == other.resolve()


def default_output(essay: Path, fmt: str, folder: Path) -> Path:
    """``<folder>/<stem>.<ext>``, or ``<stem>.bilingual.<ext>`` when the first would be the essay."""
    target = folder / f"{essay.stem}{EXTENSIONS[fmt]}"
    if _same_file(target, essay):
        target = folder / f"{essay.stem}.bilingual{EXTENSIONS[fmt]}"
    return target


def resolve_target(essay: Path, fmt: str, output: Path | None, folder: Path) -> Path:
    """Where the edition goes: ``output`` (a file, or a folder to put the default name in), else the
    default name in ``folder``. BadInput when that is the essay itself."""
    if output is None:
        target = default_output(essay, fmt, folder)
    elif output.is_dir():
        target = default_output(essay, fmt, output)
    else:
        target = output
    if _same_file(target, essay):
        raise BadInput(f"{shown_path(target)}: that is the essay itself; choose another output file")
    if target.exists() and not target.is_file():
        # A pipe or a device (/dev/null) would be replaced by the renamed file, not written to.
        raise BadInput(f"{shown_path(target)}: not a regular file; choose a file or a folder to write to")
    return target


def write_edition(data: bytes, target: Path) -> None:
    """Write the edition's bytes to ``target`` atomically (BadInput, one line, when it cannot be)."""
    try:
        # A file to share: readable by others as a normal file would be (a temporary file is 0600).
        mode = target.stat().st_mode & 0o777 if target.is_file() else 0o644
        write_bytes_atomically(target, data, mode=mode)
    except OSError as exc:
        raise BadInput(f"{shown_path(target)}: cannot write the export ({exc.strerror or exc})") from None
