"""Turn the bytes of an essay file into text, recognising the encodings Russian texts come in.

Supported: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1251 and KOI8-R. The two 8-bit
Cyrillic encodings decode any byte string, so they are told apart by what the result looks like:
Russian prose is mostly lower case, and each encoding read as the other turns it upper case.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from reader.errors import BadInput

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


def _cyrillic_plausibility(text: str) -> float:
    """How much ``text`` looks like Russian prose: lower-case Cyrillic after lower-case Cyrillic scores."""
    score = 0
    previous_lower = False
    for char in text:
        if "\u0430" <= char <= "\u044f" or char == "\u0451":
            if previous_lower:
                score += 1
            previous_lower = True
        else:
            if "\u0410" <= char <= "\u042f" and previous_lower:
                score -= 2  # an upper-case letter inside a word: the wrong code page
            previous_lower = False
    return score


def _first_invalid_utf8_offset(data: bytes) -> int | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return None


def _looks_like_utf8(data: bytes) -> bool:
    """True when the bytes hold UTF-8 multi-byte sequences, even if a few bytes are broken."""
    valid = data.decode("utf-8", errors="ignore")
    multibyte = sum(1 for char in valid if ord(char) > 0x7F)
    return multibyte >= 4 and multibyte * 2 >= sum(1 for byte in data if byte > 0x7F) // 2


def decode_bytes(data: bytes, source: str = "<bytes>") -> Decoded:
    """Decode an essay. Raises :class:`BadInput` naming ``source`` when the bytes are not text."""
    if not data:
        raise BadInput(f"{source}: the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise BadInput(f"{source}: not valid {encoding.upper()} at byte {exc.start}") from None
            if encoding == "utf-16":
                text = text.removeprefix("\ufeff")
            if "\x00" in text:
                raise BadInput(f"{source}: binary file (NUL characters), not an essay")
            if not text.strip():
                raise BadInput(f"{source}: the file holds no text")
            name = "utf-8-sig" if encoding == "utf-8-sig" else (
                "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
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
    if not candidates:
        raise BadInput(
            f"{source}: undecodable bytes at byte {bad_offset} "
            "(not UTF-8, UTF-16, Windows-1251 or KOI8-R)"
        )
    score, encoding, text = max(candidates, key=lambda candidate: candidate[0])
    if score <= 0 and not any("\u0400" <= char <= "\u04ff" for char in text):
        raise BadInput(f"{source}: undecodable bytes at byte {bad_offset} (not UTF-8, and not Cyrillic text)")
    return Decoded(text, encoding)


def read_text_file(path: Path | str) -> Decoded:
    """Read and decode a file, with one-line errors for every way that can fail."""
    path = Path(path)
    if not path.exists():
        raise BadInput(f"{path}: no such file")
    if path.is_dir():
        raise BadInput(f"{path}: is a directory, not an essay file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BadInput(f"{path}: too large ({size // (1024 * 1024)} MB; the limit is "
                           f"{MAX_FILE_BYTES // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except PermissionError:
        raise BadInput(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise BadInput(f"{path}: is a directory, not an essay file") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode_bytes(data, str(path))
