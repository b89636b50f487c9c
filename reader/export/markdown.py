"""The Markdown edition: the essay's paragraphs, each Russian passage's translation after its paragraph
as a block quote, glossary terms marked with footnotes (``[^3]``) whose notes close the file.

Essay and glossary text is escaped wherever Markdown would read it as structure: a backslash before
the characters that open emphasis, code, links, HTML or entities, tables and strike-through, and
before what would open a heading, list, quote or rule at the start of a line. Line breaks inside a
paragraph are kept as hard breaks. So ``<script>`` in an essay is text, never HTML, in any renderer.
"""

from __future__ import annotations

import re

from reader.export.credits import credits, translation_line
from reader.export.edition import Aside, Block, Edition, Note

#: Always escaped; ``_`` only where it could open or close emphasis (not inside a word, as in ru_en).
_INLINE = re.compile(r"([\\`*\[\]<>&|~]|(?<![^\W_])_|_(?![^\W_]))")
_LINE_START = re.compile(r"^([#+\-=>:]|\d+(?=[.)]))")
_BLANK_RUN = re.compile(r"\s*\n\s*")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _inline(text: str) -> str:
    return _INLINE.sub(r"\\\1", text.replace("\r", " ").replace("\t", " "))


def _line_start(line: str) -> str:
    """A backslash before what would make ``line`` a heading, list item, quote or rule."""
    match = _LINE_START.match(line)
    if match is None:
        return line
    if match.group(1)[0].isdigit():  # "1." would start an ordered list: escape the dot
        return line[: match.end()] + "\\" + line[match.end() :]
    return "\\" + line


def _lines(escaped: str) -> str:
    """Inline-escaped text made safe line by line, its line breaks kept as hard breaks."""
    lines = [_line_start(line.strip(" ")) for line in _BLANK_RUN.split(escaped.strip())]
    return "\\\n".join(line for line in lines if line)


def escape(text: str) -> str:
    """One line of text, inert in CommonMark and GitHub Markdown."""
    return _line_start(_inline(" ".join(text.split())))


def escape_lines(text: str) -> str:
    """Escaped text, its line breaks kept as hard breaks (a backslash at the end of the line)."""
    return _lines(_inline(text))


def superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT)


def _paragraph(block: Block, linked: set[int]) -> str:
    """The paragraph, a footnote marker after a term's first mention, numbers after the passages when
    it holds several."""
    numbered = len(block.asides) > 1
    told = {aside.number for aside in block.asides}
    parts: list[str] = []
    for index, run in enumerate(block.runs):
        parts.append(_inline(run.text))
        if run.note is not None and run.note not in linked:
            linked.add(run.note)
            parts.append(f"[^{run.note}]")
        following = block.runs[index + 1].passage if index + 1 < len(block.runs) else None
        if numbered and run.passage in told and following != run.passage:
            parts.append(f"⁽{superscript(run.passage or 0)}⁾")
    return _lines("".join(parts))


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def _aside(aside: Aside, numbered: bool) -> str:
    number = f"{superscript(aside.number)} " if numbered else ""
    if aside.translation is not None:
        text = f"{number}{escape_lines(aside.translation)}"
        if aside.suspect:
            text += "\n\n*(The model may have translated this badly.)*"
        return text
    lines = []
    if aside.lang != "ru":
        lines.append(f"{number}Not translated (language: {escape(aside.lang)}).")
        number = ""
    lines.append(f"{number}*{escape_lines(aside.transliteration)}*")
    if aside.glosses:
        lines.append("Glossary: " + "; ".join(escape(gloss) for gloss in aside.glosses))
    return "\n\n".join(lines)


def _block(block: Block, linked: set[int]) -> str:
    text = _paragraph(block, linked)
    if not block.asides:
        return text
    numbered = len(block.asides) > 1
    asides = "\n\n".join(_aside(aside, numbered) for aside in block.asides)
    return f"{text}\n\n{_quoted(asides)}"


def _note(note: Note) -> str:
    parts = [f"**{escape(note.term)}**" + (f" ({escape(note.russian)})" if note.russian else "")]
    if note.gloss:
        parts.append(f": *{escape(note.gloss)}*.")
    if note.definition:
        parts.append(f" {escape(note.definition)}")
    if note.period:
        parts.append(f" Period: {escape(note.period)}.")
    if note.sources:
        parts.append(f" Sources: {escape('; '.join(note.sources))}.")
    return f"[^{note.number}]: " + "".join(parts)


def render_markdown(edition: Edition) -> str:
    """The edition as CommonMark (with footnotes, as GitHub, Pandoc and most editors read them)."""
    meta = edition.meta
    byline = ", ".join(part for part in (meta.author, str(meta.year) if meta.year else None) if part)
    linked: set[int] = set()
    body = "\n\n".join(_block(block, linked) for block in edition.blocks)
    lines = [f"# {escape(meta.title)}", ""]
    if byline:
        lines += [f"*{escape(byline)}*", ""]
    lines += [
        "A bilingual edition made with reader. " + escape(translation_line(edition)),
        "",
        "---",
        "",
        body,
        "",
        "## Glossary notes",
        "",
    ]
    lines += [_note(note) + "\n" for note in edition.notes] or [
        "No glossary terms were found in this essay.",
        "",
    ]
    lines += ["## About this edition", ""]
    lines += [f"- {escape(line)}" for line in credits(edition)]
    return "\n".join(lines) + "\n"
