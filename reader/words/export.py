"""Saved words as files other programs import: Anki's text format and CSV.

Anki (2.1.54 and later) reads a tab-separated text file whose first lines are file headers
(docs.ankiweb.net, "Importing > Text Files > File Headers"): ``#separator:tab``, ``#html:true``,
``#notetype:Basic``, ``#columns:Front<TAB>Back<TAB>Tags`` and ``#tags column:3``. Each later line is one
note. Fields are HTML: text is escaped (``&``, ``<``, ``>`` and quotes, so no field needs CSV quoting),
line breaks become ``<br>`` and tabs spaces, so each note stays on one line with exactly three fields.
The front shows the stressed word and its sentence with the word in ``<b>``; the back the chosen sense,
the grammar of the form and the sentence's translation.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable

from reader.words.vocabulary import SavedWord

ANKI_COLUMNS = ("Front", "Back", "Tags")
ANKI_HEADERS = (
    "#separator:tab",
    "#html:true",
    "#notetype:Basic",
    "#columns:" + "\t".join(ANKI_COLUMNS),
    f"#tags column:{len(ANKI_COLUMNS)}",
)
CSV_COLUMNS = (
    "lemma",
    "stressed",
    "word",
    "sense",
    "grammar",
    "context",
    "translation",
    "essay",
    "offset",
    "added",
)
#: What a spreadsheet would run as a formula at the start of a cell.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _html(text: str) -> str:
    """Escaped text on one line: line breaks as ``<br>``, tabs and other controls as spaces."""
    escaped = html.escape(text, quote=True)
    escaped = re.sub(r"\r\n|[\n\r\u2028\u2029]", "<br>", escaped)
    return re.sub(r"[\x00-\x1f\x7f]", " ", escaped)


def marked_context(context: str, word: str) -> str:
    """The sentence, escaped, with the first whole-word occurrence of ``word`` in ``<b>``."""
    match = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", context, re.IGNORECASE) if word else None
    if match is None:
        return _html(context)
    return (
        _html(context[: match.start()])
        + "<b>"
        + _html(match.group())
        + "</b>"
        + _html(context[match.end() :])
    )


def anki_note(word: SavedWord) -> tuple[str, str, str]:
    """(front, back, tags) of one note."""
    front = f"<b>{_html(word.stressed or word.lemma)}</b>"
    if word.context:
        front += "<br><br>" + marked_context(word.context, word.word)
    back = _html(word.sense)
    if word.grammar:
        back += f"<br><i>{_html(word.word)}: {_html(word.grammar)}</i>"
    if word.translation:
        back += "<br><br>" + _html(word.translation)
    tags = "reader"
    return front, back, tags


def anki_text(words: Iterable[SavedWord]) -> str:
    """The Anki import file: headers, then one tab-separated note per line."""
    lines = list(ANKI_HEADERS)
    lines += ["\t".join(anki_note(word)) for word in words]
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(words: Iterable[SavedWord]) -> str:
    """A CSV file with a header row (RFC 4180 quoting; a cell a spreadsheet would take for a formula is
    prefixed with an apostrophe)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for word in words:
        data = word.to_json()
        writer.writerow([_cell(data[column]) for column in CSV_COLUMNS])
    return out.getvalue()
