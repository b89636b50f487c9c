"""Text assembled from blocks: the form every extractor hands back.

An extractor finds blocks (headings, paragraphs, list items, quotations) and this module joins them with
blank lines, which is what :func:`reader.essay.document.split_paragraphs` splits on, so each heading is a
paragraph of its own. Characters a terminal or the decoder would choke on (NUL, other controls, a byte
order mark) are dropped here, so the text written by ``reader import`` decodes back to exactly itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.essay.document import EssayMeta, guess_title

_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")
_BLANK_LINES = re.compile(r"\n{2,}")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class ExtractedMeta:
    """Metadata found inside a file. ``format`` names the reader that produced the text (``pdf``,
    ``epub`` ...); ``encoding`` is the text encoding for plain text and Markdown, else the format."""

    format: str
    encoding: str
    title: str | None = None
    author: str | None = None
    year: int | None = None
    source: str | None = None


@dataclass(frozen=True)
class Extracted:
    """An essay's text as reader shows it (every offset indexes it) and the metadata found with it."""

    text: str
    meta: ExtractedMeta

    def essay_meta(self, path: Path | None, title: str | None = None) -> EssayMeta:
        """The library's metadata for this essay: ``title`` if given (marked as supplied), else the
        file's own title, else one guessed from the text's first line or the file name."""
        chosen = " ".join((title or "").split())
        return EssayMeta(
            title=chosen or self.meta.title or guess_title(self.text, path),
            author=self.meta.author,
            year=self.meta.year,
            source=self.meta.source,
            title_supplied=bool(chosen),
        )


def clean_block(text: str, *, keep_lines: bool = False) -> str:
    """One block, tidied: controls dropped, runs of spaces made one, no blank line inside it.

    With ``keep_lines`` single line breaks stay (a poem, preformatted text); otherwise they become spaces.
    """
    text = _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _SPACES.sub(" ", text)
    if keep_lines:
        text = _BLANK_LINES.sub("\n", _SPACE_AROUND_NEWLINE.sub("\n", text))
    else:
        text = " ".join(text.split())
    return text.strip()


def join_blocks(blocks: list[str]) -> str:
    """The blocks, each cleaned, separated by one blank line; empty blocks left out."""
    kept = [block for block in blocks if block]
    return "\n\n".join(kept) + "\n" if kept else ""


def year_of(value: object) -> int | None:
    """The first plausible year (1500-2099) in a date such as ``2019-03-14`` or ``March 1930``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1500 <= value <= 2099 else None
    if value is None:
        return None
    match = _YEAR.search(str(value))
    return int(match.group(1)) if match else None


def text_or_none(value: object, limit: int = 300) -> str | None:
    """A metadata value as one clean line, or None when it is empty."""
    if value is None:
        return None
    cleaned = clean_block(str(value))
    if not cleaned:
        return None
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"
