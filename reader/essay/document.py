"""An essay loaded from disk: its text, metadata and paragraphs with stable ids and offsets.

Offsets everywhere in reader index ``Document.text``, the decoded file (Python ``str`` indices).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE_BREAK = re.compile(r"\n")
_TITLE_MAX_CHARS = 120
#: Blocks between blank lines longer than this are split at single line breaks (see split_paragraphs).
LONG_BLOCK_CHARS = 10_000


@dataclass(frozen=True)
class EssayMeta:
    """What the library knows of an essay. ``title_supplied`` marks a title given by the library;
    ``ends_before`` is the text at which a trailer that is not part of the essay begins (see
    :mod:`reader.essay.library`)."""

    title: str
    author: str | None = None
    year: int | None = None
    source: str | None = None
    title_supplied: bool = False
    ends_before: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A block of text between blank lines. ``id`` is ``p<index>``, stable for a given text."""

    id: str
    start: int
    end: int


@dataclass
class Document:
    """A decoded essay."""

    path: Path | None
    text: str
    encoding: str
    meta: EssayMeta
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.meta.title

    def paragraph_text(self, paragraph: Paragraph) -> str:
        return self.text[paragraph.start : paragraph.end]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph containing ``offset``, by binary search."""
        low, high = 0, len(self.paragraphs) - 1
        while low <= high:
            middle = (low + high) // 2
            paragraph = self.paragraphs[middle]
            if offset < paragraph.start:
                high = middle - 1
            elif offset >= paragraph.end:
                low = middle + 1
            else:
                return paragraph
        return None


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of ``text``: maximal blocks between blank lines, trimmed of surrounding white space.

    A block longer than :data:`LONG_BLOCK_CHARS` is split at its single line breaks too: a file that
    separates paragraphs with single newlines would otherwise be one enormous paragraph, which the
    reader pane would have to lay out whole on every change.
    """
    paragraphs: list[Paragraph] = []
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        block_end = match.start() if match else len(text)
        if block_end - position > LONG_BLOCK_CHARS:
            pieces = [*_LINE_BREAK.finditer(text, position, block_end), None]
            line_start = position
            for line_break in pieces:
                line_end = line_break.start() if line_break else block_end
                _append_trimmed(text, line_start, line_end, paragraphs)
                if line_break:
                    line_start = line_break.end()
        else:
            _append_trimmed(text, position, block_end, paragraphs)
        if match:
            position = match.end()
    return paragraphs


def _append_trimmed(text: str, start: int, end: int, paragraphs: list[Paragraph]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        paragraphs.append(Paragraph(f"p{len(paragraphs)}", start, end))


def guess_title(text: str, path: Path | None) -> str:
    """A title for an essay the library has no metadata for: a short first line, else the file name."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            if len(line) <= _TITLE_MAX_CHARS and not line.endswith((".", ",", ";", ":")):
                return line
            break
    return path.stem.replace("_", " ").replace("-", " ") if path else "Untitled"


def document_from_text(
    text: str, *, path: Path | None = None, encoding: str = "utf-8", meta: EssayMeta | None = None
) -> Document:
    """Build a Document from already decoded text."""
    if meta is None:
        meta = EssayMeta(title=guess_title(text, path))
    return Document(path=path, text=text, encoding=encoding, meta=meta, paragraphs=split_paragraphs(text))
