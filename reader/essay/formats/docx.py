"""Word documents (.docx): paragraphs and tables in order, headings as their own paragraphs, and the
title, author and date of the document's core properties, read with python-docx after the zip's entries
have been checked (:mod:`.zipped`)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reader.errors import BadInput
from reader.essay.formats.blocks import (
    Extracted,
    ExtractedMeta,
    clean_block,
    join_blocks,
    text_or_none,
    year_of,
)
from reader.essay.formats.source import read_capped
from reader.essay.formats.zipped import MAX_ARCHIVE_BYTES, open_zip_bytes
from reader.input_files import shown_path


def extract_docx(path: Path) -> Extracted:
    """The text and metadata of a .docx. Raises BadInput for an unsafe, corrupt or foreign file."""
    label = shown_path(path)
    data = read_capped(path, MAX_ARCHIVE_BYTES)
    with open_zip_bytes(data, label, "DOCX") as zf:
        if "word/document.xml" not in zf.namelist():
            raise BadInput(f"{label}: a zip archive but not a Word document (no word/document.xml)")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        # Paragraph.style looks the style up anew on every call (nine tenths of the time on a long
        # document), so names are looked up once here, by the style id each paragraph holds.
        style_names = {style.style_id: style.name or "" for style in document.styles}
        blocks = [_block_text(item, style_names) for item in document.iter_inner_content()]
        properties = document.core_properties
        meta = ExtractedMeta(
            format="docx",
            encoding="docx",
            title=text_or_none(properties.title),
            author=text_or_none(properties.author),
            year=year_of(properties.created.year if properties.created else None),
            source=text_or_none(properties.subject),
        )
    except (PackageNotFoundError, KeyError, ValueError, AttributeError, TypeError, OSError) as exc:
        raise BadInput(f"{label}: corrupt DOCX ({type(exc).__name__})") from None
    except Exception as exc:  # lxml's XMLSyntaxError and zip errors from inside python-docx
        raise BadInput(f"{label}: corrupt DOCX ({type(exc).__name__})") from None
    text = join_blocks(blocks)
    if not text:
        raise BadInput(f"{label}: the document holds no text")
    return Extracted(text, meta)


def _block_text(item: Any, style_names: dict[str, str]) -> str:
    """A paragraph (a list item marked with a bullet) or a table, one row per line."""
    from docx.table import Table

    if isinstance(item, Table):
        rows = []
        for row in item.rows:
            cells = [clean_block(cell.text) for cell in row.cells]
            rows.append(" | ".join(dict.fromkeys(cell for cell in cells if cell)))
        return "\n".join(row for row in rows if row)
    text = clean_block(item.text, keep_lines=True)
    style = style_names.get(item._p.style or "", "")
    if text and style.startswith("List"):
        return f"• {text}"
    return text
