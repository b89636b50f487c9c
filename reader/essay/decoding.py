"""Turn the bytes of an essay file into text, recognising the encodings Russian texts come in.

Supported: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1251 and KOI8-R, and the Western code
pages English essays come in (Windows-1252, ISO-8859-15, Latin-1, Mac Roman). The 8-bit code pages decode
almost any byte string, so they are told apart by what the result looks like. Windows-1251 and KOI8-R:
Russian prose is mostly lower case, and each encoding read as the other turns it upper case. Cyrillic or
Western: read as Cyrillic, a Western file's accented letters become Cyrillic letters glued to Latin ones
("cafй") or lone one-letter words ("а la"), never words of their own; charset-normalizer then picks the
Western code page. Bytes that read as neither (controls, box drawing: a binary file) are refused.
"""

from __future__ import annotations

import codecs
import math
import re
from dataclasses import dataclass
from pathlib import Path

from reader.errors import BadInput
from reader.input_files import read_limited, shown_path
from reader.scripts import CYRILLIC, CYRILLIC_RUN

#: Files larger than this are refused rather than read (a clear error beats a frozen terminal).
MAX_FILE_BYTES = 256 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the name of the encoding it was read with."""

    text: str
    encoding: str


#: Relative frequency of Russian letters (per cent), for telling Windows-1251 from KOI8-R.
_RUSSIAN_LETTER_FREQUENCY = {
    "о": 10.97,
    "е": 8.45,
    "а": 8.01,
    "и": 7.35,
    "н": 6.70,
    "т": 6.26,
    "с": 5.47,
    "р": 4.73,
    "в": 4.54,
    "л": 4.40,
    "к": 3.49,
    "м": 3.21,
    "д": 2.98,
    "п": 2.81,
    "у": 2.62,
    "я": 2.01,
    "ы": 1.90,
    "ь": 1.74,
    "г": 1.70,
    "з": 1.65,
    "б": 1.59,
    "ч": 1.44,
    "й": 1.21,
    "х": 0.97,
    "ж": 0.94,
    "ш": 0.73,
    "ю": 0.64,
    "ц": 0.48,
    "щ": 0.36,
    "э": 0.32,
    "ф": 0.26,
    "ъ": 0.04,
    "ё": 0.04,
}
_LETTER_LOG_FREQUENCY = {letter: math.log(share / 100) for letter, share in _RUSSIAN_LETTER_FREQUENCY.items()}
_CYRILLIC_WORD = CYRILLIC_RUN
_LATIN_CYRILLIC_GLUE = re.compile(f"[A-Za-z][{CYRILLIC}]|[{CYRILLIC}][A-Za-z]")
_MISCASED_WORD = re.compile(r"[\u0430-\u044f\u0451][\u0410-\u042f\u0401]")
#: Characters prose does not hold: controls (but tab, line ends and form feed), C1 controls, box drawing,
#: private use, the replacement character. More than a few and the bytes were not text in that encoding.
_ODD_CHARACTER = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u2500-\u259f\ue000-\uf8ff\ufffd]")
_NON_ASCII_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")
#: Western code pages, most likely first; the names charset-normalizer uses, and the names reader reports.
_WESTERN = {"cp1252": "cp1252", "iso8859_15": "iso-8859-15", "latin_1": "latin-1", "mac_roman": "mac-roman"}
#: Characters of a file sampled for the choice: enough for certainty, cheap on a 50 MB file.
_SAMPLE_CHARS = 256 * 1024


def _cyrillic_plausibility(text: str) -> float:
    """Log-likelihood that ``text`` is Russian: letter frequencies, minus a penalty for words whose case
    flips from lower to upper inside the word (what reading one code page as the other does)."""
    sample = text[:_SAMPLE_CHARS]
    score = 0.0
    for word in _CYRILLIC_WORD.findall(sample):
        for letter in word.lower():
            score += _LETTER_LOG_FREQUENCY.get(letter, -12.0)
    score -= 8.0 * len(_MISCASED_WORD.findall(sample))
    return score


def _reads_as_prose(text: str) -> bool:
    """True when at most one character in 200 (and at least two) of the sample is one prose never holds."""
    sample = text[:_SAMPLE_CHARS]
    return len(_ODD_CHARACTER.findall(sample)) <= max(2, len(sample) // 200)


def _reads_as_cyrillic(text: str) -> bool:
    """True when the Cyrillic words of ``text`` look like words: some longer than one letter, not glued to
    Latin letters ("cafй"), not flipping case inside (the other Cyrillic code page), and no binary noise."""
    sample = text[:_SAMPLE_CHARS]
    words = _CYRILLIC_WORD.findall(sample)
    if not any(len(word) > 1 for word in words):
        return False
    if len(_LATIN_CYRILLIC_GLUE.findall(sample)) * 2 > len(words):
        return False
    if len(_MISCASED_WORD.findall(sample)) * 4 > len(words):
        return False
    return _reads_as_prose(sample)


def _reads_as_western(text: str) -> bool:
    """True when the accented letters of ``text`` sit in words with plain Latin letters ("café", "à",
    "Ölförderung"), as in Western prose, rather than forming long words of their own, and no binary noise."""
    sample = text[:_SAMPLE_CHARS]
    words = _NON_ASCII_WORD.findall(sample)
    foreign = sum(1 for word in words if len(word) > 2 and not any(char.isascii() for char in word))
    return foreign * 3 <= len(words) and _reads_as_prose(sample)


def _western(data: bytes) -> tuple[str, str] | None:
    """The Western code page charset-normalizer finds likeliest for ``data`` (ties go to the commoner
    one), with the text, when that text reads as Western prose."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:_SAMPLE_CHARS], cp_isolation=list(_WESTERN))
    order = list(_WESTERN)
    ranked = sorted(
        (match for match in matches if match.encoding in _WESTERN),
        key=lambda match: (round(match.chaos, 2), order.index(match.encoding)),
    )
    for codec in [*(match.encoding for match in ranked), *order]:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _reads_as_western(text):
            return text, _WESTERN[codec]
    return None


def _first_invalid_utf8_offset(data: bytes) -> int | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return None


def _looks_like_utf8(data: bytes) -> bool:
    """True when the bytes hold UTF-8 multi-byte sequences, even if a few bytes are broken."""
    valid = data.decode("utf-8", errors="ignore")
    multibyte_chars = len(valid) - len(valid.encode("ascii", errors="ignore"))
    high_bytes = len(data) - len(data.translate(None, bytes(range(128))))
    return multibyte_chars >= 4 and multibyte_chars * 2 >= high_bytes // 2


_LONE_CARRIAGE_RETURN = re.compile(r"\r(?!\n)")


def decode_bytes(data: bytes, source: str = "<bytes>") -> Decoded:
    """Decode an essay. Raises :class:`BadInput` naming ``source`` when the bytes are not text.

    Lines ended by a lone carriage return (classic Mac files) get a line feed in its place, one character
    for one so offsets do not move: paragraphs, passages and the reader pane all break lines at ``\n``.
    """
    decoded = _decode(data, source)
    if "\r" not in decoded.text:
        return decoded
    return Decoded(_LONE_CARRIAGE_RETURN.sub("\n", decoded.text), decoded.encoding)


def _decode(data: bytes, source: str) -> Decoded:
    if not data:
        raise BadInput(f"{source}: the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                # utf-8-sig counts from after its BOM; the utf-16 codec counts from the file's start.
                offset = exc.start + (len(bom) if encoding == "utf-8-sig" else 0)
                label = "UTF-8" if encoding == "utf-8-sig" else "UTF-16"
                raise BadInput(f"{source}: not valid {label} at byte {offset}") from None
            if encoding == "utf-16":
                text = text.removeprefix("\ufeff")
            if "\x00" in text:
                raise BadInput(f"{source}: binary file (NUL characters), not an essay")
            if not text.strip():
                raise BadInput(f"{source}: the file holds no text")
            name = (
                "utf-8-sig"
                if encoding == "utf-8-sig"
                else ("utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be")
            )
            return Decoded(text, name)
    if b"\x00" in data:
        raise BadInput(f"{source}: binary file (NUL bytes), not an essay")
    bad_offset = _first_invalid_utf8_offset(data)
    if bad_offset is None:
        text = data.decode("utf-8")
        if not text.strip():
            raise BadInput(f"{source}: the file holds no text")
        return Decoded(text, "utf-8")
    if _looks_like_utf8(data):
        raise BadInput(f"{source}: invalid UTF-8 at byte {bad_offset} (the rest of the file is UTF-8)")
    candidates: list[tuple[float, str, str]] = []
    for encoding in ("cp1251", "koi8-r"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_cyrillic_plausibility(text), encoding, text))
    if candidates:
        _score, encoding, text = max(candidates, key=lambda candidate: candidate[0])
        if _reads_as_cyrillic(text):
            return Decoded(text, encoding)
    western = _western(data)
    if western is not None:
        return Decoded(*western)
    raise BadInput(
        f"{source}: undecodable bytes at byte {bad_offset} (not UTF-8, and neither Cyrillic nor Western text)"
    )


def read_text_file(path: Path | str) -> Decoded:
    """Read and decode a file, with one-line errors for every way that can fail.

    Only regular files are read, checked before opening (a named pipe with no writer would hang, a
    device never ends; see :mod:`reader.input_files`), and at most ``MAX_FILE_BYTES`` of them.
    Messages show the path through ``one_line``, so a file name cannot forge a line.
    """
    data = read_limited(path, MAX_FILE_BYTES, "an essay file")
    return decode_bytes(data, shown_path(path))
