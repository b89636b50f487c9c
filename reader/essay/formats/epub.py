"""EPUB books: the chapters in spine order, each chapter's title as a heading, the book's metadata.

Read with zipfile and lxml rather than ebooklib: reader needs only the container, the package document
(OPF) and the chapters, and opening the zip itself lets it check every entry first (:mod:`.zipped`).
The XML parser resolves no entities and loads nothing from the network.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from reader.errors import BadInput
from reader.essay.formats.blocks import Extracted, ExtractedMeta, join_blocks, text_or_none, year_of
from reader.essay.formats.xhtml import Block, document_blocks, inline_text, parse_html
from reader.essay.formats.zipped import open_zip, read_member
from reader.input_files import shown_path

_CONTAINER = "META-INF/container.xml"
_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
_CHAPTER_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml", "text/xml"})


def extract_epub(path: Path) -> Extracted:
    """The text and metadata of an EPUB. Raises BadInput for anything unsafe, corrupt or not an EPUB."""
    with open_zip(path, "EPUB") as zf:
        return _read_book(zf, shown_path(path))


def _read_book(zf: zipfile.ZipFile, label: str) -> Extracted:
    names = set(zf.namelist())
    if _CONTAINER not in names:
        raise BadInput(f"{label}: a zip archive but not an EPUB (no {_CONTAINER})")
    if "mimetype" in names:
        mimetype = read_member(zf, "mimetype", label, "EPUB").strip()
        if mimetype != b"application/epub+zip":
            raise BadInput(f"{label}: a zip archive but not an EPUB (mimetype {mimetype[:40]!r})")
    container = _xml(read_member(zf, _CONTAINER, label, "EPUB"), label, _CONTAINER)
    rootfile = container.find(".//c:rootfile", _NS)
    opf_path = rootfile.get("full-path") if rootfile is not None else None
    if not opf_path:
        raise BadInput(f"{label}: corrupt EPUB ({_CONTAINER} names no package document)")
    opf = _xml(read_member(zf, opf_path, label, "EPUB"), label, opf_path)
    base = posixpath.dirname(opf_path)
    manifest = {
        item.get("id"): item
        for item in opf.iterfind("opf:manifest/opf:item", _NS)
        if item.get("id") and item.get("href")
    }
    toc = _toc_titles(zf, opf, manifest, base, label)
    blocks: list[str] = []
    for itemref in opf.iterfind("opf:spine/opf:itemref", _NS):
        item = manifest.get(itemref.get("idref"))
        if item is None or item.get("media-type") not in _CHAPTER_TYPES:
            continue
        name = _resolve(base, item.get("href"))
        chapter = document_blocks(parse_html(read_member(zf, name, label, "EPUB")))
        title = toc.get(name)
        if title and not (chapter and chapter[0].heading):
            chapter.insert(0, Block(title, heading=True))
        blocks += [block.text for block in chapter]
    text = join_blocks(blocks)
    if not text:
        raise BadInput(f"{label}: the EPUB holds no text")
    return Extracted(text, _metadata(opf))


def _xml(data: bytes, label: str, name: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise BadInput(f"{label}: corrupt EPUB ({name} is not well-formed XML)") from None


def _resolve(base: str, href: str) -> str:
    """A manifest or TOC link as the archive entry it names (relative to the package document)."""
    return posixpath.normpath(posixpath.join(base, unquote(urlsplit(href).path)))


def _metadata(opf: Any) -> ExtractedMeta:
    def first(tag: str) -> str | None:
        element = opf.find(f"opf:metadata/dc:{tag}", _NS)
        return text_or_none("".join(element.itertext())) if element is not None else None

    return ExtractedMeta(
        format="epub",
        encoding="epub",
        title=first("title"),
        author=first("creator"),
        year=year_of(first("date")),
        source=first("publisher") or first("source"),
    )


def _toc_titles(
    zf: zipfile.ZipFile, opf: Any, manifest: dict[str, Any], base: str, label: str
) -> dict[str, str]:
    """Chapter titles by entry name, from the EPUB 3 navigation document or else the EPUB 2 NCX."""
    nav = next((item for item in manifest.values() if "nav" in (item.get("properties") or "").split()), None)
    if nav is not None:
        return _nav_titles(zf, _resolve(base, nav.get("href")), label)
    spine = opf.find("opf:spine", _NS)
    ncx = manifest.get(spine.get("toc")) if spine is not None else None
    if ncx is not None:
        return _ncx_titles(zf, _resolve(base, ncx.get("href")), label)
    return {}


def _nav_titles(zf: zipfile.ZipFile, name: str, label: str) -> dict[str, str]:
    from reader.essay.formats.blocks import clean_block

    root = parse_html(read_member(zf, name, label, "EPUB"))
    titles: dict[str, str] = {}
    if root is None:
        return titles
    folder = posixpath.dirname(name)
    for link in root.iter("a"):
        href, text = link.get("href"), clean_block(inline_text(link))
        if href and text:
            titles.setdefault(_resolve(folder, href), text)
    return titles


def _ncx_titles(zf: zipfile.ZipFile, name: str, label: str) -> dict[str, str]:
    from reader.essay.formats.blocks import clean_block

    root = _xml(read_member(zf, name, label, "EPUB"), label, name)
    folder = posixpath.dirname(name)
    titles: dict[str, str] = {}
    for point in root.iter(f"{{{_NS['ncx']}}}navPoint"):
        text = point.find("ncx:navLabel/ncx:text", _NS)
        content = point.find("ncx:content", _NS)
        if text is not None and content is not None and content.get("src"):
            titles.setdefault(_resolve(folder, content.get("src")), clean_block("".join(text.itertext())))
    return titles
