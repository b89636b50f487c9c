"""Plain text: the file decoded as it is (:mod:`reader.essay.decoding`), every character kept, so offsets
are the file's own."""

from __future__ import annotations

from pathlib import Path

from reader.essay.decoding import read_text_file
from reader.essay.formats.blocks import Extracted, ExtractedMeta


def extract_text(path: Path) -> Extracted:
    decoded = read_text_file(path)
    return Extracted(decoded.text, ExtractedMeta(format="text", encoding=decoded.encoding))
