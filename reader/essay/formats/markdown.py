"""Markdown essays shown as text: headings, emphasis, links and lists rendered, their syntax not shown.

``# Reading notes: the **NEP**`` becomes the heading (and title) ``Reading notes: the NEP``; list items get a
bullet or their number; links show their text, images their description; code keeps its lines. YAML front
matter (between ``---`` lines at the top, at most 64 KB) is read with ``yaml.safe_load`` as metadata: title,
author, date or year, source. Front matter that is not a YAML mapping stays in the text. Parsing is
markdown-it-py's CommonMark parser; raw HTML in the file is shown as its text, never interpreted.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reader.essay.decoding import MAX_FILE_BYTES, decode_bytes
from reader.essay.formats.blocks import (
    Extracted,
    ExtractedMeta,
    clean_block,
    join_blocks,
    text_or_none,
    year_of,
)
from reader.essay.formats.source import label, read_capped

MAX_FRONT_MATTER_CHARS = 64 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def extract_markdown(path: Path) -> Extracted:
    """The rendered text of a Markdown file and the metadata of its front matter."""
    decoded = decode_bytes(read_capped(path, MAX_FILE_BYTES), label(path))
    return render_markdown(decoded.text, decoded.encoding)


def render_markdown(source: str, encoding: str = "utf-8") -> Extracted:
    front, body = _split_front_matter(source)
    blocks, first_heading = _render(body)
    text = join_blocks(blocks)
    meta = ExtractedMeta(
        format="markdown",
        encoding=encoding,
        title=text_or_none(front.get("title")) or first_heading,
        author=text_or_none(front.get("author")),
        year=year_of(front.get("year", front.get("date"))),
        source=text_or_none(front.get("source") or front.get("url")),
    )
    return Extracted(text, meta)


def _split_front_matter(source: str) -> tuple[dict[str, Any], str]:
    import yaml

    match = _FRONT_MATTER.match(source[: MAX_FRONT_MATTER_CHARS + 16])
    if match is None or len(match.group(0)) > MAX_FRONT_MATTER_CHARS:
        return {}, source
    try:
        # Anchors and aliases are refused: a few hundred bytes of them can stand for a billion strings.
        tokens = yaml.scan(match.group(1) or "", Loader=yaml.SafeLoader)
        if any(isinstance(token, yaml.AnchorToken | yaml.AliasToken) for token in tokens):
            return {}, source
        data = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError:
        return {}, source
    if not isinstance(data, dict):
        return {}, source
    return {str(key).lower(): value for key, value in data.items()}, source[match.end() :]


def _render(body: str) -> tuple[list[str], str | None]:
    """Blocks of the rendered document, and the text of its first top-level heading."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": True}).enable("table").parse(body)
    blocks: list[str] = []
    first_heading: str | None = None
    lists: list[list[int]] = []  # per open list: [next number] for ordered, [] for bullets
    prefix = ""
    in_heading = ""
    row: list[str] | None = None
    for token in tokens:
        kind = token.type
        if kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            blocks.append(" | ".join(cell for cell in row if cell))
            row = None
        elif kind == "inline" and row is not None:
            row.append(clean_block(_inline(token.children or [])))
        elif kind == "bullet_list_open":
            lists.append([])
        elif kind == "ordered_list_open":
            lists.append([int(token.attrGet("start") or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists:
            counter = lists[-1]
            prefix = "• " if not counter else f"{counter[0]}. "
            if counter:
                counter[0] += 1
        elif kind == "heading_open":
            in_heading = token.tag
        elif kind == "heading_close":
            in_heading = ""
        elif kind == "inline":
            text = clean_block(_inline(token.children or []), keep_lines=True)
            if in_heading == "h1" and first_heading is None and text:
                first_heading = " ".join(text.split())
            if text:
                blocks.append(prefix + text)
                prefix = ""
        elif kind in ("fence", "code_block"):
            blocks.append(clean_block(token.content, keep_lines=True))
        elif kind == "html_block":
            blocks.append(clean_block(_TAG.sub("", token.content), keep_lines=True))
    return blocks, first_heading


def _inline(children: list[Any]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline(child.children or []))
        elif child.type == "html_inline":
            continue
    return "".join(parts)
