"""reader/layout.py and reader/rows.py: an essay's rows, asides beside passages, wrapping, offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.essay.document import document_from_text
from reader.page.layout import (
    COLUMN_MIN_WIDTH,
    GUTTER_TEXT,
    AsidePiece,
    EssayLayout,
    PassageSpan,
    window_around,
)
from reader.page.rows import GUTTER, TEXT, TRANSLATION, TRANSLIT, Row, cells

ENGLISH = "The bureaucracy grew in the twenties, and the party changed with it over the years."
RUSSIAN = (
    "Что же изменилось в Советском Союзе в послевоенный период, и почему труд перестал быть эффективным?"
)
TRANSLATION_TEXT = "What changed in the Soviet Union after the war, and why did labour stop being effective?"


def essay(*paragraphs: str) -> tuple[str, list]:
    text = "\n\n".join(paragraphs)
    return text, document_from_text(text).paragraphs


def span_of(text: str, part: str) -> PassageSpan:
    start = text.index(part)
    return PassageSpan(start, start + len(part))


def right_column(row: Row) -> str:
    """The text right of the gutter."""
    text = row.text
    return text.split(GUTTER_TEXT, 1)[1] if GUTTER_TEXT in text else ""


def left_column(row: Row) -> str:
    return row.text.split(GUTTER_TEXT, 1)[0]


def test_plain_text_wraps_at_the_width_and_keeps_offsets() -> None:
    text, paragraphs = essay(ENGLISH, ENGLISH + " " + ENGLISH)
    layout = EssayLayout(text, paragraphs, [], {}, 30)
    rows = [layout.row(y) for y in range(layout.total_rows)]
    assert all(cells(row.text) <= 30 for row in rows)
    assert rows[layout.paragraph_y(1) - 1].text == ""  # a blank row between paragraphs
    for row in rows:
        for span in row.spans:
            assert span.kind == TEXT and text[span.start : span.end] == span.text
    words = " ".join(row.text for row in rows).split()
    assert words == text.split()


def test_whole_paragraph_passage_gets_two_columns_aligned_at_the_top() -> None:
    text, paragraphs = essay(ENGLISH, RUSSIAN, ENGLISH)
    passage = span_of(text, RUSSIAN)
    asides = {passage.start: (AsidePiece(TRANSLATION_TEXT, TRANSLATION),)}
    layout = EssayLayout(text, paragraphs, [passage], asides, 80)
    first, after = layout.paragraph_y(1), layout.paragraph_y(2)
    block = [layout.row(y) for y in range(first, after - 1)]
    left_width = (80 - len(GUTTER_TEXT)) // 2
    assert all(row.text.index(GUTTER_TEXT) == left_width for row in block)  # one column edge
    assert right_column(block[0]).startswith(TRANSLATION_TEXT.split()[0])  # aligned with the passage's top
    assert left_column(block[0]).startswith(RUSSIAN.split()[0])
    assert " ".join(right_column(row) for row in block).split() == TRANSLATION_TEXT.split()
    assert " ".join(left_column(row) for row in block).split() == RUSSIAN.split()
    assert layout.row(after - 1).text == ""  # then the next paragraph, below the longer column
    assert layout.row(after).text.startswith("The bureaucracy")
    gutter_spans = [span for row in block for span in row.spans if span.kind == GUTTER]
    assert len(gutter_spans) == len(block) and all(span.start is None for span in gutter_spans)


def test_longer_translation_pads_the_left_column() -> None:
    text, paragraphs = essay("Вся власть Советам!", ENGLISH)
    passage = span_of(text, "Вся власть Советам!")
    asides = {passage.start: (AsidePiece(TRANSLATION_TEXT * 3, TRANSLATION),)}
    layout = EssayLayout(text, paragraphs, [passage], asides, 80)
    block = [layout.row(y) for y in range(layout.paragraph_y(1) - 1)]
    assert len(block) > 3
    assert left_column(block[0]).strip() == "Вся власть Советам!"
    assert all(left_column(row).strip() == "" for row in block[1:])
    assert all(
        row.start == row.end == passage.end for row in block[1:]
    )  # padding rows map to the passage end


def test_inline_phrase_gets_its_translation_after_the_closing_quote() -> None:
    sentence = "See my series of posts «Америка и Фашизм» on this, and more."
    text, paragraphs = essay(sentence)
    passage = span_of(text, "Америка и Фашизм")
    asides = {passage.start: (AsidePiece("America and Fascism", TRANSLATION),)}
    layout = EssayLayout(text, paragraphs, [passage], asides, 200)
    row = layout.row(0)
    assert row.text == "See my series of posts «Америка и Фашизм» ⟨America and Fascism⟩ on this, and more."
    kinds = {span.text.strip(): span.kind for span in row.spans}
    assert kinds["⟨America and Fascism⟩"] == TRANSLATION


def test_inline_pieces_are_joined_and_wrap_keeps_brackets_on_words() -> None:
    sentence = "He said «Вся власть Советам» twice."
    text, paragraphs = essay(sentence)
    passage = span_of(text, "Вся власть Советам")
    pieces = (AsidePiece("All power to the Soviets", TRANSLATION), AsidePiece("Vsya vlast Sovetam", TRANSLIT))
    layout = EssayLayout(text, paragraphs, [passage], {passage.start: pieces}, 200)
    assert "» ⟨All power to the Soviets · Vsya vlast Sovetam⟩ twice." in layout.row(0).text
    narrow = EssayLayout(text, paragraphs, [passage], {passage.start: pieces}, 12)
    lines = [narrow.row(y).text for y in range(narrow.total_rows)]
    assert all(cells(line) <= 12 for line in lines)
    assert not any(line.rstrip().endswith("⟨") or line.lstrip().startswith("⟩") for line in lines)


def test_narrow_width_stacks_the_aside_under_the_paragraph() -> None:
    text, paragraphs = essay(RUSSIAN)
    passage = span_of(text, RUSSIAN)
    asides = {passage.start: (AsidePiece(TRANSLATION_TEXT, TRANSLATION),)}
    layout = EssayLayout(text, paragraphs, [passage], asides, COLUMN_MIN_WIDTH - 1)
    lines = [layout.row(y).text for y in range(layout.total_rows)]
    assert not any(GUTTER_TEXT in line for line in lines)
    first_aside = next(number for number, line in enumerate(lines) if line.startswith("↳ "))
    assert " ".join(lines[:first_aside]).split() == RUSSIAN.split()
    assert all(cells(line) <= COLUMN_MIN_WIDTH - 1 for line in lines)


def test_aside_of_a_passage_running_into_the_next_paragraph_stays_with_its_start() -> None:
    text, paragraphs = essay("Первый абзац текста.", "Второй абзац текста.")
    passage = PassageSpan(0, len(text))
    asides = {0: (AsidePiece("First paragraph.", TRANSLATION),)}
    layout = EssayLayout(text, paragraphs, [passage], asides, 80)
    rows = [layout.row(y).text for y in range(layout.total_rows)]
    assert sum("First paragraph." in row for row in rows) == 1
    assert "First paragraph." in rows[0]


def test_offsets_map_rows_back_to_the_document() -> None:
    text, paragraphs = essay(ENGLISH, RUSSIAN, "Short «Кадры решают всё» line.")
    passages = [span_of(text, RUSSIAN), span_of(text, "Кадры решают всё")]
    asides = {p.start: (AsidePiece("translation here", TRANSLATION),) for p in passages}
    layout = EssayLayout(text, paragraphs, passages, asides, 70)
    for y in range(layout.total_rows):
        row = layout.row(y)
        x = 0
        for span in row.spans:
            for index, char in enumerate(span.text):
                offset = row.offset_at(x)
                if span.start is None:
                    assert offset is None
                else:
                    assert offset == span.start + index and text[offset] == char
                    assert row.x_of(offset) == x
                x += cells(char)
        if row.start < row.end:
            assert layout.y_for_offset(row.start) == y
            assert layout.offset_for_y(y) == row.start


def test_set_asides_relays_only_what_changed() -> None:
    text, paragraphs = essay(ENGLISH, RUSSIAN, ENGLISH)
    passage = span_of(text, RUSSIAN)
    layout = EssayLayout(text, paragraphs, [passage], {}, 80)
    plain_rows = layout.total_rows
    assert layout.set_asides({passage.start: (AsidePiece(TRANSLATION_TEXT * 4, TRANSLATION),)})
    assert layout.total_rows > plain_rows
    assert GUTTER_TEXT in layout.row(layout.paragraph_y(1)).text
    assert not layout.set_asides(dict(layout.asides))  # nothing changed
    assert layout.set_asides({})
    assert layout.total_rows == plain_rows


def test_window_lays_out_only_paragraphs_around_the_position() -> None:
    text, paragraphs = essay(*[f"Paragraph {number}. {ENGLISH}" for number in range(200)])
    middle = paragraphs[100].start
    first, last = window_around(paragraphs, middle, 2_000)
    assert first < 100 < last and last - first < 60
    window = EssayLayout(text, paragraphs, [], {}, 60, window=(first, last))
    full = EssayLayout(text, paragraphs, [], {}, 60)
    assert not window.complete and full.complete
    assert window.row(window.y_for_offset(middle)).text == full.row(full.y_for_offset(middle)).text


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.text(alphabet="abcxyzАБВЖЯ«»., ", min_size=1, max_size=25), min_size=1, max_size=40),
    breaks=st.lists(st.booleans(), min_size=40, max_size=40),
    width=st.integers(min_value=1, max_value=90),
)
def test_property_rows_cover_the_text_and_fit_the_width(
    words: list[str], breaks: list[bool], width: int
) -> None:
    parts = [word + ("\n\n" if brk else " ") for word, brk in zip(words, breaks, strict=False)]
    text = "".join(parts).strip() or "x"
    document = document_from_text(text)
    layout = EssayLayout(text, document.paragraphs, [], {}, width)
    covered = []
    for y in range(layout.total_rows):
        row = layout.row(y)
        assert cells(row.text) <= max(width, 1)
        for span in row.spans:
            assert text[span.start : span.end] == span.text
            covered.append(span.text)
    assert "".join("".join(covered).split()) == "".join(text.split())


def test_every_row_top_maps_back_to_its_row() -> None:
    """What the app saves as the reading position (the top row's offset) restores the same row."""
    text, paragraphs = essay(ENGLISH, ENGLISH + " " + ENGLISH, ENGLISH)
    layout = EssayLayout(text, paragraphs, [], {}, 40)
    for y in range(layout.total_rows):
        assert layout.y_for_offset(layout.offset_for_y(y)) == y
