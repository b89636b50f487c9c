"""Blocks of an (X)HTML document read in full: the chapters of an EPUB.

A book's chapter has no boilerplate to drop, so each block-level element (heading, paragraph, list item,
quotation, table row) becomes one block, in document order; scripts, styles and navigation are skipped.
lxml's HTML parser reads the markup without fetching anything or running scripts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.essay.formats.blocks import clean_block

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LEAF_BLOCKS = HEADINGS | {"p", "li", "pre", "dt", "dd", "tr", "caption", "figcaption"}
_CONTAINERS = frozenset(
    {
        "html", "body", "div", "section", "article", "main", "blockquote", "ul", "ol", "dl", "table",
        "thead", "tbody", "tfoot", "figure", "aside", "header", "footer", "center", "hgroup",
    }
)  # fmt: skip
_SKIPPED = frozenset({"head", "script", "style", "nav", "noscript", "template", "svg", "math", "iframe"})


@dataclass(frozen=True)
class Block:
    """One block of text; ``heading`` marks h1-h6."""

    text: str
    heading: bool = False


def parse_html(data: bytes) -> Any:
    """The document tree of an (X)HTML file, parsed leniently and offline."""
    from lxml import etree, html

    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True)
    try:
        return html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        return None


def document_blocks(root: Any) -> list[Block]:
    """The blocks of a parsed document's body."""
    blocks: list[Block] = []
    if root is None:
        return blocks
    body = root.find("body")
    _walk(body if body is not None else root, blocks)
    return blocks


def _tag(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):  # a comment or processing instruction
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _walk(element: Any, blocks: list[Block]) -> None:
    run: list[str] = [element.text or ""]
    for child in element:
        tag = _tag(child)
        if tag in _SKIPPED or _is_navigation(child):
            pass
        elif tag in _LEAF_BLOCKS or tag in _CONTAINERS:
            _flush(run, blocks)
            if tag in _LEAF_BLOCKS and not _has_block_inside(child):
                _leaf(child, tag, blocks)
            else:
                _walk(child, blocks)
        else:
            run.append(inline_text(child))
        run.append(child.tail or "")
    _flush(run, blocks)


def _leaf(element: Any, tag: str, blocks: list[Block]) -> None:
    if tag == "tr":
        cells = [clean_block(inline_text(cell)) for cell in element if _tag(cell) in ("td", "th")]
        text = " | ".join(cell for cell in cells if cell)
    else:
        text = clean_block(inline_text(element), keep_lines=tag == "pre" or element.find(".//br") is not None)
        if tag == "li" and text:
            text = f"• {text}"
    if text:
        blocks.append(Block(text, heading=tag in HEADINGS))


def _flush(run: list[str], blocks: list[Block]) -> None:
    text = clean_block("".join(run), keep_lines=True)
    if text:
        blocks.append(Block(text))
    run.clear()


def _has_block_inside(element: Any) -> bool:
    return any(_tag(node) in _LEAF_BLOCKS or _tag(node) in _CONTAINERS for node in element.iterdescendants())


def _is_navigation(element: Any) -> bool:
    kind = element.get("{http://www.idpf.org/2007/ops}type") or element.get("epub:type") or ""
    return "toc" in kind.split() or "pagebreak" in kind.split()


def inline_text(element: Any) -> str:
    """The text of an inline element and its children; ``<br>`` is a line break, scripts are skipped."""
    tag = _tag(element)
    if tag == "br":
        return "\n"
    if tag in _SKIPPED:
        return ""
    parts = [element.text or ""]
    for child in element:
        parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
