"""(X)HTML fragments of an edition, shared by the HTML page and the EPUB's XHTML documents.

Every piece of text goes through :func:`escape`: ``&``, ``<``, ``>`` and both quotes become entities,
so an essay or a glossary entry can never open a tag or an attribute; characters XML forbids (C0
controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so the same fragments are well-formed XHTML.
The fragments are written as XHTML (``<br/>``), which HTML5 parsers read the same way.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from itertools import groupby

from reader.export.edition import Aside, Block, Note, Run

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
SUSPECT_NOTE = "⚠ The model may have translated this badly."


def escape(text: str) -> str:
    """``text`` as element content or a quoted attribute value: never markup."""
    return html.escape(_NOT_XML.sub("\ufffd", text), quote=True)


def escape_lines(text: str) -> str:
    """Escaped, with each line break kept as ``<br/>`` (verse, addresses)."""
    return "<br/>".join(escape(line) for line in text.strip("\n").split("\n"))


def _run(run: Run, note_href: Callable[[int], str]) -> str:
    shown = escape_lines(run.text)
    if run.note is None:
        return shown
    return f'<a class="term" href="{escape(note_href(run.note))}">{shown}</a>'


def paragraph(block: Block, note_href: Callable[[int], str]) -> str:
    """The paragraph's text, passages marked with their language, terms linked to their notes; when it
    holds more than one passage, each is numbered to match its aside."""
    numbered = len(block.asides) > 1
    parts: list[str] = []
    for passage, group in groupby(block.runs, key=lambda run: run.passage):
        runs = list(group)
        inner = "".join(_run(run, note_href) for run in runs)
        if passage is None:
            parts.append(inner)
            continue
        parts.append(f'<span class="ru" lang="{escape(runs[0].lang)}">{inner}</span>')
        if numbered and passage in {aside.number for aside in block.asides}:
            parts.append(f'<sup class="pn">{passage}</sup>')
    return "".join(parts)


def aside(item: Aside, numbered: bool) -> str:
    """One passage's aside: its translation, or its transliteration and glosses."""
    number = f'<span class="pn">{item.number}</span> ' if numbered else ""
    lines: list[str] = []
    if item.translation is not None:
        lines.append(f'<p class="translation" lang="en">{number}{escape_lines(item.translation)}</p>')
        if item.suspect:
            lines.append(f'<p class="suspect">{escape(SUSPECT_NOTE)}</p>')
    else:
        if item.lang != "ru":
            lines.append(
                f'<p class="untranslated">{number}Not translated (language: {escape(item.lang)}).</p>'
            )
            number = ""
        translit_lang = escape(f"{item.lang}-Latn")  # the passage's own language, in Latin letters
        lines.append(
            f'<p class="translit" lang="{translit_lang}">{number}{escape_lines(item.transliteration)}</p>'
        )
        if item.glosses:
            glosses = "".join(f"<li>{escape(gloss)}</li>" for gloss in item.glosses)
            lines.append(f'<ul class="glosses">{glosses}</ul>')
    return f'<div class="aside" id="passage-{item.number}">{"".join(lines)}</div>'


def block(item: Block, note_href: Callable[[int], str], *, side_by_side: bool) -> str:
    """A paragraph, with its asides beside it (``side_by_side``) or after it."""
    text = paragraph(item, note_href)
    if not item.asides:
        return f"<p>{text}</p>"
    numbered = len(item.asides) > 1
    asides = "".join(aside(one, numbered) for one in item.asides)
    if side_by_side:
        return f'<div class="pair"><p class="text">{text}</p><aside class="asides">{asides}</aside></div>'
    return f'<p class="text">{text}</p><div class="asides">{asides}</div>'


def note(item: Note) -> str:
    """A glossary note: headword, Russian, gloss, definition, period, sources."""
    russian = f' <span lang="ru">({escape(item.russian)})</span>' if item.russian else ""
    parts = [f'<dt id="note-{item.number}">{escape(item.term)}{russian}</dt>', "<dd>"]
    if item.gloss:
        parts.append(f'<p class="gloss">{escape(item.gloss)}</p>')
    if item.definition:
        parts.append(f"<p>{escape(item.definition)}</p>")
    if item.period:
        parts.append(f'<p class="period">Period: {escape(item.period)}</p>')
    if item.sources:
        parts.append(f'<p class="sources">Sources: {escape("; ".join(item.sources))}.</p>')
    parts.append("</dd>")
    return "".join(parts)


def notes(items: Sequence[Note]) -> str:
    if not items:
        return "<p>No glossary terms were found in this essay.</p>"
    return "<dl>" + "".join(note(item) for item in items) + "</dl>"


def credit_list(lines: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


def byline(edition_author: str | None, year: int | None) -> str:
    """The author and year, as escaped text (empty when neither is known)."""
    parts = [part for part in (edition_author, str(year) if year else None) if part]
    return escape(", ".join(parts))
