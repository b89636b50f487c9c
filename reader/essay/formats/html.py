"""Web pages: the article's text without the page around it, with trafilatura.

trafilatura finds the main text and drops navigation, headers, footers, share buttons and comments; it
also reads the title, author and date from the page's metadata. It is given the page's bytes only, never a
URL: nothing is fetched, and no script runs (lxml parses the page, nothing executes it). Its XML output
keeps the structure, so headings, paragraphs, list items, quotations and table rows become blocks.
"""

from __future__ import annotations

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
from reader.essay.formats.source import MB, label, quiet, read_capped

MAX_BYTES = 50 * MB
_BLOCK_TAGS = frozenset({"head", "p", "item", "row", "code"})
_KEEP_LINES = frozenset({"code"})


def extract_html(path: Path) -> Extracted:
    """The main text of an HTML page. Raises BadInput when the page has none."""
    data = read_capped(path, MAX_BYTES)
    return extract_html_bytes(data, label(path))


def extract_html_bytes(data: bytes | str, label: str) -> Extracted:
    import trafilatura
    from lxml import etree

    with quiet("trafilatura", "htmldate", "courlan", "justext"):
        xml = trafilatura.extract(
            data,
            output_format="xml",
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
        )
    if not xml:
        raise BadInput(f"{label}: no main text found in the page")
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    main = root.find("main")
    blocks = _blocks(main) if main is not None else []
    text = join_blocks(blocks)
    if not text.strip():
        raise BadInput(f"{label}: no main text found in the page")
    meta = ExtractedMeta(
        format="html",
        encoding="html",
        title=text_or_none(root.get("title")),
        author=text_or_none(root.get("author")),
        year=year_of(root.get("date")),
        source=text_or_none(root.get("url")) or text_or_none(root.get("sitename")),
    )
    return Extracted(text, meta)


def _blocks(main: Any) -> list[str]:
    """Each block-level element of trafilatura's ``<main>`` as one cleaned block, in document order."""
    blocks: list[str] = []
    for element in main.iter(*_BLOCK_TAGS):
        if element.tag == "row":
            cells = [clean_block(_text(cell)) for cell in element.iter("cell")]
            blocks.append(" | ".join(cell for cell in cells if cell))
            continue
        if _inside_block(element):
            continue
        keep_lines = element.tag in _KEEP_LINES or element.find(".//lb") is not None
        text = clean_block(_text(element), keep_lines=keep_lines)
        blocks.append(f"• {text}" if element.tag == "item" and text else text)
    return blocks


def _inside_block(element: Any) -> bool:
    """True for a block nested in another (a ``<p>`` in a list item): the outer one holds its text."""
    parent = element.getparent()
    while parent is not None and parent.tag != "main":
        if parent.tag in _BLOCK_TAGS:
            return True
        parent = parent.getparent()
    return False


def _text(element: Any) -> str:
    """The element's text, in document order, a ``<lb/>`` read as a line break."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _text(child))
        parts.append(child.tail or "")
    return "".join(parts)
