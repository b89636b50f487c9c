"""Essays in every common format, turned into text and metadata: :func:`extract` is the one entry point.

One module per format: ``text`` (plain text in any encoding :mod:`reader.essay.decoding` reads),
``markdown``, ``html`` (web pages, main text only), ``epub``, ``pdf`` (with a text layer) and ``docx``. The
format is chosen by the file's suffix, or for an unknown suffix by its first bytes. Every failure is a
one-line :class:`~reader.errors.BadInput` naming the file and the problem. Nothing here fetches anything
or runs a script, and archives are checked before they are read (:mod:`.zipped`).

The libraries behind the formats are imported only when a file of that format is read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.essay.formats.blocks import Extracted, ExtractedMeta
from reader.input_files import UnreadableFile, read_limited

__all__ = ["SUFFIXES", "Extracted", "ExtractedMeta", "extract", "format_of"]


def _text(path: Path) -> Extracted:
    from reader.essay.formats.text import extract_text

    return extract_text(path)


def _markdown(path: Path) -> Extracted:
    from reader.essay.formats.markdown import extract_markdown

    return extract_markdown(path)


def _html(path: Path) -> Extracted:
    from reader.essay.formats.html import extract_html

    return extract_html(path)


def _epub(path: Path) -> Extracted:
    from reader.essay.formats.epub import extract_epub

    return extract_epub(path)


def _pdf(path: Path) -> Extracted:
    from reader.essay.formats.pdf import extract_pdf

    return extract_pdf(path)


def _docx(path: Path) -> Extracted:
    from reader.essay.formats.docx import extract_docx

    return extract_docx(path)


_EXTRACTORS: dict[str, Callable[[Path], Extracted]] = {
    "text": _text,
    "markdown": _markdown,
    "html": _html,
    "epub": _epub,
    "pdf": _pdf,
    "docx": _docx,
}
#: File suffix -> format.
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".epub": "epub",
    ".pdf": "pdf",
    ".docx": "docx",
}
_SNIFF_BYTES = 4096


def format_of(path: Path) -> str:
    """The format of ``path``: by suffix, else by its first bytes (plain text when nothing else fits)."""
    known = SUFFIXES.get(path.suffix.lower())
    if known is not None:
        return known
    try:
        # Only a regular file is opened: a named pipe with no writer would block open() forever.
        head = read_limited(path, _SNIFF_BYTES, "an essay file", truncate=True)
    except UnreadableFile:
        return "text"  # the text reader gives the one-line error for a missing or unreadable file
    return sniff(head)


def sniff(head: bytes) -> str:
    """The format the first bytes of a file announce."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/epub+zip" in head[:100] or b"META-INF/container.xml" in head:
            return "epub"
        if b"word/" in head or b"[Content_Types].xml" in head:
            return "docx"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (
        lowered.startswith(b"<?xml") and b"<html" in lowered
    ):
        return "html"
    return "text"


def extract(path: Path | str) -> Extracted:
    """The text and metadata of an essay file in any supported format."""
    path = Path(path)
    return _EXTRACTORS[format_of(path)](path)
