"""Decoding essays: the encodings Russian texts come in, and every way a file can fail to be text."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.errors import BadInput
from reader.essay.decoding import decode_bytes, read_text_file

RUSSIAN = (
    "Что же изменилось в Советском Союзе в послевоенный период, и почему труд перестал быть "
    "эффективным, как прежде. Жители СССР были во многом разделены на номенклатуру и обычных людей."
)
MIXED = f"The essay quotes a paragraph:\n\n{RUSSIAN}\n\nand goes on in English."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (MIXED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + MIXED.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + MIXED.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + MIXED.encode("utf-16-be"), "utf-16-be"),
        (MIXED.encode("cp1251"), "cp1251"),
        (MIXED.encode("koi8-r"), "koi8-r"),
    ],
)
def test_supported_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data, "essay.txt")
    assert decoded.text == MIXED
    assert decoded.encoding == encoding


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
def test_short_russian_phrases_in_8bit_encodings(codec: str) -> None:
    for phrase in ("СССР", "Америка и Фашизм", "колхоз", "НЭП и кулаки"):
        text = f"A title: {phrase}."
        assert decode_bytes(text.encode(codec), "x").text == text


def test_bom_is_not_part_of_the_text() -> None:
    assert not decode_bytes(codecs.BOM_UTF8 + b"hello", "x").text.startswith("\ufeff")
    assert not decode_bytes(codecs.BOM_UTF16_LE + "hello".encode("utf-16-le"), "x").text.startswith("\ufeff")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"ELF\x00\x01\x02", "binary"),
        ("Русский текст".encode() + b"\xff\xfe\xfa" + "и ещё текст, много текста".encode(), "invalid UTF-8"),
    ],
)
def test_bad_bytes_give_one_line_errors_naming_the_file(data: bytes, fragment: str) -> None:
    with pytest.raises(BadInput) as caught:
        decode_bytes(data, "/tmp/essay.txt")
    message = str(caught.value)
    assert message.startswith("/tmp/essay.txt: ")
    assert fragment in message
    assert "\n" not in message


def test_read_text_file_errors(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no such file"):
        read_text_file(tmp_path / "missing.txt")
    with pytest.raises(BadInput, match="is a directory"):
        read_text_file(tmp_path)


@given(st.text(min_size=1).filter(lambda s: s.strip() and "\x00" not in s and not s.startswith("\ufeff")))
def test_any_utf8_text_round_trips(text: str) -> None:
    # Lone carriage returns are the one change (they become line feeds, see the classic Mac test below).
    decoded = decode_bytes(text.encode("utf-8"), "x").text
    assert len(decoded) == len(text)
    assert decoded.replace("\n", "\r") == text.replace("\n", "\r")
    if "\r" not in text:
        assert decoded == text


@given(
    st.lists(
        st.sampled_from(
            ["колхоз", "Политбюро", "номенклатуру", "и", "в", "СССР", "the", "plan", "1937", ", ", ". "]
        ),
        min_size=3,
        max_size=40,
    )
)
def test_cyrillic_prose_in_either_8bit_encoding_round_trips(words: list[str]) -> None:
    text = "Он писал: " + " ".join(words) + " и многое другое о жизни в стране."
    for codec in ("cp1251", "koi8-r"):
        assert decode_bytes(text.encode(codec), "x").text == text


def test_a_western_code_page_is_read_as_western_not_misread_as_cyrillic() -> None:
    text = "Le café de la Révolution et les élèves du lycée à Paris."
    decoded = decode_bytes(text.encode("latin-1"), "french.txt")
    assert decoded.text == text
    assert decoded.encoding == "cp1252"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_instead_of_read_forever() -> None:
    with pytest.raises(BadInput, match=r"^/dev/zero: is a device, not an essay file$"):
        read_text_file("/dev/zero")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)  # no writer: opening it for reading would block forever
    with pytest.raises(BadInput, match=r": is a named pipe, not an essay file$"):
        read_text_file(pipe)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.essay.decoding

    big = tmp_path / "big.txt"
    big.write_bytes(b"endless text " * 100)
    monkeypatch.setattr(reader.essay.decoding, "MAX_FILE_BYTES", 64)
    with pytest.raises(BadInput, match="too large"):
        read_text_file(big)


def test_classic_mac_line_endings_become_line_feeds_in_place() -> None:
    text = "Title\r\rРусский абзац.\r\rEnglish, with a CRLF\r\nline.\r"
    decoded = decode_bytes(text.encode("utf-8"), "mac.txt").text
    assert decoded == "Title\n\nРусский абзац.\n\nEnglish, with a CRLF\r\nline.\n"
    assert len(decoded) == len(text)  # offsets into the file's text are unchanged


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # 3 BOM bytes + 12 bytes of Привет: the bad byte is the file's 16th (offset 15).
        (codecs.BOM_UTF8 + "Привет".encode() + b"\xff hello", "not valid UTF-8 at byte 15"),
        # 2 BOM bytes + 12 bytes of Привет, then a lone surrogate.
        (codecs.BOM_UTF16_LE + "Привет".encode("utf-16-le") + b"\x00\xd8ok", "not valid UTF-16 at byte 14"),
    ],
)
def test_a_broken_byte_after_a_bom_is_located_from_the_start_of_the_file(data: bytes, expected: str) -> None:
    with pytest.raises(BadInput, match=f"^x.txt: {expected}$"):
        decode_bytes(data, "x.txt")
