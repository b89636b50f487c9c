"""PDF files with a text layer: text in reading order, as paragraphs, without running heads or page numbers.

pypdf reads the text (measured on a 5 MB, 520-page file: pypdf 3.9 s, pdfminer.six 14.2 s). A visitor
collects each line with its vertical position and font size, and the lines become paragraphs:

- a gap between lines clearly wider than the page's usual line spacing, or a line in a larger font (a
  heading), starts a new paragraph; lines of one paragraph are joined with a space;
- a word hyphenated at a line end ("collectivi-" / "zation") is joined again;
- the top and bottom lines of each page are dropped when they repeat on at least half the pages (and on
  two at least) with only their numbers changed (running heads and footers) or hold nothing but a page number.

A PDF without any text (a scan) is refused with a line that says so; so is an encrypted one that needs a
password (one encrypted with an empty user password, as many "protected" PDFs are, opens).
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
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
from reader.essay.formats.source import MB, quiet, read_capped
from reader.input_files import shown_path

MAX_BYTES = 200 * MB
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—(\[]*(?:(?:page|p\.|стр\.?|страница)\s*)?(?:\d{1,5}|[ivxlcdm]{1,8})"
    r"(?:\s*(?:/|of|из)\s*\d{1,5})?[\s\-–—)\]]*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_HYPHENATED_END = re.compile(r"[^\W\d_]-$")
#: A gap this many times the page's usual line spacing starts a new paragraph.
_PARAGRAPH_GAP = 1.4
#: A line whose font is this many times the body size is a heading.
_HEADING_SIZE = 1.15


@dataclass
class _Line:
    text: str
    y: float
    size: float


@dataclass
class _Page:
    lines: list[_Line] = field(default_factory=list)


def extract_pdf(path: Path) -> Extracted:
    """The text of a PDF. Raises BadInput for a corrupt, encrypted or scanned (text-less) file."""
    data = read_capped(path, MAX_BYTES)
    import pypdf
    from pypdf.errors import DependencyError, PdfReadError

    label = shown_path(path)
    if not data.lstrip()[:1024].count(b"%PDF-"):
        raise BadInput(f"{label}: corrupt PDF (no PDF header)")
    try:
        with quiet("pypdf"):
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise BadInput(f"{label}: the PDF is encrypted (password-protected); reader cannot open it")
            pages = [_read_page(page) for page in reader.pages]
            info = _metadata(reader.metadata)
    except BadInput:
        raise
    except DependencyError:
        raise BadInput(f"{label}: the PDF is encrypted (AES) and cannot be opened here") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        if "encrypt" in str(exc).lower() or "password" in str(exc).lower():
            raise BadInput(
                f"{label}: the PDF is encrypted (password-protected); reader cannot open it"
            ) from None
        raise BadInput(f"{label}: corrupt PDF ({_short(exc)})") from None
    except RecursionError:
        raise BadInput(f"{label}: corrupt PDF (objects nested without end)") from None
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise BadInput(f"{label}: a scanned PDF with no text layer (reader needs text; run OCR on it first)")
    text = join_blocks(_paragraphs(_without_running_lines(pages)))
    if not text:
        raise BadInput(f"{label}: the PDF holds no text")
    return Extracted(text, info)


def _short(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message if len(message) <= 120 else message[:119] + "…"


def _read_page(page: Any) -> _Page:
    """The page's lines, in content-stream order, each with its baseline height and font size."""
    result = _Page()
    pieces: list[str] = []
    position: list[float] = []

    def finish() -> None:
        text = "".join(pieces)
        if text.strip() and position:
            result.lines.append(_Line(text, position[0], position[1]))
        pieces.clear()
        position.clear()

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if not text:
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1.0
        for index, part in enumerate(text.split("\n")):
            if index:
                finish()
            if part:
                if position and abs(y - position[0]) > 1.0 and "".join(pieces).strip():
                    finish()
                if not position:
                    position.extend((y, size * scale))
                pieces.append(part)

    page.extract_text(visitor_text=visit)
    finish()
    return result


def _signature(line: _Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.lower().split()))


def _without_running_lines(pages: list[_Page]) -> list[_Page]:
    """The pages without page numbers and the heads and footers repeated at their top or bottom."""
    edges: Counter[str] = Counter()
    for page in pages:
        for line in _edge_lines(page, 1):
            edges[_signature(line)] += 1
    repeated = {sig for sig, count in edges.items() if count >= max(2, (len(pages) + 1) // 2)}
    cleaned = []
    for page in pages:
        heads = {id(line) for line in _edge_lines(page, 1) if _signature(line) in repeated}
        numbers = {id(line) for line in _edge_lines(page, 2) if _PAGE_NUMBER.match(line.text.strip())}
        cleaned.append(_Page([line for line in page.lines if id(line) not in heads | numbers]))
    return cleaned


def _edge_lines(page: _Page, count: int) -> list[_Line]:
    """The ``count`` top-most and ``count`` bottom-most lines of a page."""
    by_height = sorted(page.lines, key=lambda line: -line.y)
    return by_height if len(by_height) <= 2 * count else by_height[:count] + by_height[-count:]


def _paragraphs(pages: list[_Page]) -> list[str]:
    sizes = [line.size for page in pages for line in page.lines]
    body_size = statistics.median(sizes) if sizes else 0.0
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(clean_block(_join_lines(current)))
            current.clear()

    for page in pages:
        spacing = _usual_spacing(page)
        previous: _Line | None = None
        for line in page.lines:
            heading = body_size and line.size > body_size * _HEADING_SIZE
            was_heading = previous is not None and body_size and previous.size > body_size * _HEADING_SIZE
            gap = previous.y - line.y if previous is not None else None
            if (
                heading != was_heading
                or (gap is not None and (gap <= 0 or gap > spacing * _PARAGRAPH_GAP))
                or (heading and was_heading and previous is not None and abs(previous.size - line.size) > 0.5)
            ):
                flush()
            current.append(line.text)
            previous = line
        if current and _ends_paragraph(current[-1]):
            flush()
    flush()
    return blocks


def _usual_spacing(page: _Page) -> float:
    """The most common distance between consecutive lines of a page (its line spacing)."""
    gaps = [round(a.y - b.y, 1) for a, b in zip(page.lines, page.lines[1:], strict=False) if a.y - b.y > 0]
    if not gaps:
        return 1e9
    return Counter(gaps).most_common(1)[0][0]


def _ends_paragraph(text: str) -> bool:
    """A page's last line ends its paragraph unless it stops mid-sentence."""
    stripped = text.rstrip()
    return not stripped or (stripped[-1] in '.!?:;»"”)…' and not _HYPHENATED_END.search(stripped))


def _join_lines(lines: list[str]) -> str:
    """Lines of one paragraph joined with spaces; a word hyphenated across a line end joined again."""
    text = lines[0].strip()
    for line in lines[1:]:
        line = line.strip()
        if not line:
            continue
        if text.endswith("\u00ad") or (_HYPHENATED_END.search(text) and line[:1].islower()):
            text = text[:-1] + line
        else:
            text = f"{text} {line}"
    return text


def _metadata(info: Any) -> ExtractedMeta:
    def field_value(name: str) -> str | None:
        try:
            return text_or_none(info.get(name)) if info is not None else None
        except Exception:  # a broken metadata object is no reason to lose the text
            return None

    return ExtractedMeta(
        format="pdf",
        encoding="pdf",
        title=field_value("/Title"),
        author=field_value("/Author"),
        year=year_of((field_value("/CreationDate") or "").removeprefix("D:")[:4]),
        source=field_value("/Subject"),
    )
