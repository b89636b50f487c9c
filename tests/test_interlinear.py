"""Word-by-word glosses in the page layout: each gloss starts under its word, a line of text is followed by
its line of glosses, both wrap together, offsets of the text are kept, and English lines get no gloss line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.essay.document import split_paragraphs
from reader.page.interlinear import wrap_interlinear
from reader.page.layout import EssayLayout, PassageSpan
from reader.page.rows import GLOSS, TEXT, Chunk, Row
from reader.words.tokens import words_in

RUSSIAN = "Она жила в Москве и работала на заводе."
GLOSSES = {
    "Она": "she",
    "жила": "to live",
    "в": "in",
    "Москве": "Moscow",
    "и": "and",
    "работала": "to work",
    "на": "on",
    "заводе": "factory",
}


def glosses_of(text: str, start: int = 0) -> dict[int, str]:
    return {start + a: GLOSSES[text[a:b]] for a, b in words_in(text) if text[a:b] in GLOSSES}


def pairs(rows: list[tuple]) -> list[tuple[str, str]]:
    texts = ["".join(span.text for span in row) for row in rows]
    return list(zip(texts[::2], texts[1::2], strict=False))


def test_each_gloss_starts_under_its_word() -> None:
    rows = wrap_interlinear([Chunk(RUSSIAN, TEXT, 0)], 200, glosses_of(RUSSIAN))
    assert len(rows) == 2
    text, under = pairs(rows)[0]
    assert rows[1][0].kind == GLOSS and rows[1][0].start is None
    row = Row(rows[0], 0, len(RUSSIAN), 0)
    for start, end in words_in(RUSSIAN):
        column = row.x_of(start)
        assert column is not None
        assert under[column:].startswith(GLOSSES[RUSSIAN[start:end]]), (RUSSIAN[start:end], text, under)


def test_a_gloss_wider_than_its_word_widens_the_word_so_glosses_never_touch() -> None:
    rows = wrap_interlinear([Chunk("в и", TEXT, 0)], 80, {0: "inside of", 2: "and"})
    text, under = pairs(rows)[0]
    assert under == "inside of and"
    assert text.index("и") == under.index("and")


def test_lines_wrap_together_within_the_width() -> None:
    rows = wrap_interlinear([Chunk(RUSSIAN, TEXT, 0)], 24, glosses_of(RUSSIAN))
    assert len(rows) > 2 and len(rows) % 2 == 0
    for text, under in pairs(rows):
        assert len(text) <= 24 and len(under) <= 24
        assert under.strip()
    seen = "".join(span.text for row in rows[::2] for span in row if span.start is not None)
    assert seen.replace(" ", "") == RUSSIAN.replace(" ", "")


def test_text_keeps_its_offsets_and_english_lines_get_no_gloss_line() -> None:
    text = "An English line here.\n" + RUSSIAN
    rows = wrap_interlinear([Chunk(text, TEXT, 100)], 80, glosses_of(RUSSIAN, 100 + 22))
    assert "".join(span.text for span in rows[0]) == "An English line here."
    assert rows[1][0].kind == TEXT  # straight on to the Russian line: no empty gloss line
    for row in rows:
        for span in row:
            if span.start is not None:
                assert text[span.start - 100 : span.start - 100 + len(span.text)] == span.text


def test_a_gloss_is_cut_to_the_line() -> None:
    rows = wrap_interlinear([Chunk("в", TEXT, 0)], 6, {0: "a very long gloss"})
    assert pairs(rows)[0][1] == "a ver…"


@given(st.lists(st.sampled_from([*GLOSSES, "word", "—", ","]), min_size=1, max_size=30), st.integers(8, 60))
def test_every_character_of_the_text_is_laid_out_once(words: list[str], width: int) -> None:
    text = " ".join(words)
    rows = wrap_interlinear([Chunk(text, TEXT, 0)], width, glosses_of(text))
    covered = [(span.start, span.text) for row in rows for span in row if span.start is not None]
    assert "".join(part for _, part in covered).replace(" ", "") == text.replace(" ", "")
    for row in rows:
        assert sum(len(span.text) for span in row) <= width


def test_layout_puts_glosses_under_a_paragraph_and_takes_them_away() -> None:
    text = "English first.\n\n" + RUSSIAN + "\n\nEnglish last."
    start = text.index(RUSSIAN)
    layout = EssayLayout(text, split_paragraphs(text), [PassageSpan(start, start + len(RUSSIAN))], {}, 80)
    before = layout.total_rows
    assert layout.set_glosses(glosses_of(RUSSIAN, start))
    assert layout.total_rows == before + 1
    y = layout.y_for_offset(start)
    row, under = layout.row(y), layout.row(y + 1)
    assert isinstance(row, Row) and isinstance(under, Row)
    assert row.offset_at(0) == start and under.text.startswith("she")
    assert layout.y_for_offset(text.index("English last")) == y + 3
    assert layout.set_glosses({})
    assert layout.total_rows == before
