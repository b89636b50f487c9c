"""The reading layout as plain data: the measure, translations beside or under, glosses with the machine
translation one row each, the rows a passage's block takes, where the view scrolls to keep the cursor's
passage on screen or bring a passage to the upper third, the placement cycle, mixed-script notes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.detection import MixedScript, Passage, detect
from reader.essay.document import document_from_text
from reader.page.asides import Translated, build_asides
from reader.page.layout import (
    BESIDE,
    GUTTER_TEXT,
    STACK_INDENT,
    UNDER,
    AsidePiece,
    EssayLayout,
    PassageSpan,
    one_row,
)
from reader.page.measure import page_in
from reader.page.mixed_script import mixed_script_asides, mixed_script_note, mixed_script_summary
from reader.page.placement import PLACEMENT_NOTES, next_placement
from reader.page.rows import GLOSS, TRANSLATION, TRANSLIT, WARNING, cells
from reader.page.viewport import block_rows, screen_share, top_for_passage, top_keeping
from reader.reading.state import EssayState

ENGLISH = "The bureaucracy grew in the twenties, and the party changed with it over the years."
RUSSIAN = (
    "Что же изменилось в Советском Союзе в послевоенный период, и почему труд перестал быть эффективным?"
)
TRANSLATION_TEXT = "What changed in the Soviet Union after the war, and why did labour stop being effective?"
GLOSSES = ("Советском Союзе: Union of Soviet Socialist Republics, 1922–1991", "труд: labour")


def essay(*paragraphs: str) -> tuple[str, list]:
    text = "\n\n".join(paragraphs)
    return text, document_from_text(text).paragraphs


def russian_layout(width: int, placement: str = BESIDE, glosses: bool = True) -> tuple[str, EssayLayout]:
    text, paragraphs = essay(ENGLISH, RUSSIAN, ENGLISH)
    start = text.index(RUSSIAN)
    pieces = [AsidePiece(TRANSLATION_TEXT, TRANSLATION)]
    if glosses:
        pieces += [AsidePiece(gloss, GLOSS) for gloss in GLOSSES]
    span = PassageSpan(start, start + len(RUSSIAN))
    return text, EssayLayout(text, paragraphs, [span], {start: pieces}, width, placement=placement)


def all_rows(layout: EssayLayout) -> list:
    return [layout.row(y) for y in range(layout.total_rows)]


def test_the_page_is_the_measure_centred_or_the_whole_pane() -> None:
    assert page_in(196, 100).width == 100 and page_in(196, 100).margin == 48
    assert page_in(101, 100).margin == 0  # an odd column goes to the right
    assert page_in(76, 100).width == 76 and page_in(76, 100).margin == 0
    assert page_in(0, 100).width == 1


def test_glosses_take_one_row_each_after_the_translation_beside() -> None:
    _, layout = russian_layout(100)
    rows = all_rows(layout)
    glossed = [row for row in rows if any(span.kind == GLOSS for span in row.spans)]
    assert len(glossed) == len(GLOSSES)
    right = [row.text.split(GUTTER_TEXT, 1)[1] for row in glossed]
    assert right[0].endswith("…") and right[0].startswith("Советском Союзе: Union")
    assert right[1] == "труд: labour"
    assert all(cells(row.text) <= 100 for row in rows)


def test_under_stacks_the_aside_below_the_paragraph_at_any_width() -> None:
    text, layout = russian_layout(120, UNDER)
    rows = all_rows(layout)
    assert not any(GUTTER_TEXT in row.text for row in rows)
    first = layout.y_for_offset(text.index(RUSSIAN))
    after = [row.text for row in rows[first:] if row.text.startswith(STACK_INDENT)]
    assert after[0].startswith(STACK_INDENT + "What changed")
    assert [line.removeprefix(STACK_INDENT).split(":")[0] for line in after[-2:]] == [
        "Советском Союзе",
        "труд",
    ]
    # The essay text is the same text: the rows still cover the paragraph.
    words = " ".join(
        span.text for row in rows for span in row.spans if span.start is not None and span.text.strip()
    ).split()
    assert words == text.split()


def test_an_inline_aside_keeps_the_translation_alone() -> None:
    text = "Intro «Вся власть Советам» and the rest of a long English sentence around it."
    paragraphs = document_from_text(text).paragraphs
    start = text.index("Вся")
    pieces = [AsidePiece("All power to the Soviets", TRANSLATION), AsidePiece("Советам: councils", GLOSS)]
    span = PassageSpan(start, start + len("Вся власть Советам"))
    layout = EssayLayout(text, paragraphs, [span], {start: pieces}, 200)
    assert "«Вся власть Советам» ⟨All power to the Soviets⟩ and" in layout.row(0).text  # type: ignore[union-attr]
    # Without a model the glosses are what there is: they stay.
    alone = [AsidePiece("Vsya vlast Sovetam", TRANSLIT), AsidePiece("Советам: councils", GLOSS)]
    layout = EssayLayout(text, paragraphs, [span], {start: alone}, 200)
    assert "⟨Vsya vlast Sovetam · Советам: councils⟩" in layout.row(0).text  # type: ignore[union-attr]


@given(st.text(min_size=0, max_size=80), st.integers(min_value=1, max_value=60))
def test_one_row_fits_and_marks_a_cut(text: str, width: int) -> None:
    cut = one_row(text, width)
    assert cells(cut) <= max(width, 1)
    assert cut == text or cut.endswith("…")


def test_block_rows_take_in_the_longer_translation_column_and_the_stacked_aside() -> None:
    long_translation = " ".join([TRANSLATION_TEXT] * 4)
    text, paragraphs = essay(ENGLISH, RUSSIAN, ENGLISH)
    start = text.index(RUSSIAN)
    span = PassageSpan(start, start + len(RUSSIAN))
    asides = {start: [AsidePiece(long_translation, TRANSLATION)]}
    for placement in (BESIDE, UNDER):
        layout = EssayLayout(text, paragraphs, [span], asides, 80, placement=placement)
        first, last = block_rows(layout, span.start, span.end)
        assert first == layout.paragraph_y(1)
        assert last == layout.paragraph_y(2) - 2  # every row of the paragraph but the blank separator
        assert layout.row(last).text.strip().endswith("effective?")  # type: ignore[union-attr]


def test_top_keeping_holds_the_cursor_share_and_shows_the_block() -> None:
    assert screen_share(30, 10, 41) == 0.5
    assert screen_share(60, 10, 41) is None  # off screen
    # The cursor half-way down a 41-row screen, on a new layout at row 200 of a 21-row screen.
    assert top_keeping(200, 0.5, 21) == 190
    # ...moved up just enough to show the whole block it is in.
    assert top_keeping(200, 0.5, 21, block=(198, 215)) == 195
    # ...or down just enough to show its end below the cursor (the start was on screen already).
    assert top_keeping(200, 1.0, 21, block=(185, 201)) == 181
    assert top_keeping(200, 0.0, 21, block=(185, 201)) == 185  # its start above the cursor
    # A block taller than the screen: the cursor still shows.
    top = top_keeping(200, 0.9, 10, block=(150, 260))
    assert top <= 200 < top + 10
    assert top_keeping(3, 0.9, 20) == 0


def test_top_for_passage_is_the_upper_third() -> None:
    assert top_for_passage((40, 44), 0, 60) == 20  # low on screen: brought up to row 20
    assert top_for_passage((15, 19), 0, 60) == 0  # already in the upper third and whole: no jump
    assert top_for_passage((300, 305), 0, 60) == 280  # off screen below
    assert top_for_passage((10, 14), 100, 60) == 0  # above the screen (N): clamped at the top
    assert top_for_passage((100, 150), 0, 60) == 91  # tall: as much of it as fits, its end on screen
    assert top_for_passage((100, 200), 0, 60) == 100  # taller than the screen: its start at the top


def test_placement_cycles_and_says_which() -> None:
    assert [next_placement(p) for p in ("beside", "under", "hidden")] == ["under", "hidden", "beside"]
    assert next_placement("sideways") == "beside"
    assert set(PLACEMENT_NOTES) == {"beside", "under", "hidden"}


def test_hidden_placement_and_glosses_with_the_translation() -> None:
    passage = Passage(0, len(RUSSIAN), "ru", RUSSIAN)
    translations = {0: Translated(TRANSLATION_TEXT)}
    glosses = {0: GLOSSES}
    kinds = [
        piece.kind
        for piece in build_asides(
            [passage],
            EssayState(),
            translations,
            model_missing=False,
            glosses=glosses,
            glosses_with_translation=True,
        )[0]
    ]
    assert kinds == [TRANSLATION, GLOSS, GLOSS]
    plain = build_asides([passage], EssayState(), translations, model_missing=False, glosses=glosses)
    assert [piece.kind for piece in plain[0]] == [TRANSLATION]
    hidden = build_asides([passage], EssayState(), translations, model_missing=False, hidden=True)
    assert hidden == {}
    with_translit = build_asides(
        [passage], EssayState(transliterate=True), translations, model_missing=False, hidden=True
    )
    assert [piece.kind for piece in with_translit[0]] == [TRANSLIT]


def test_mixed_script_words_get_a_warning_naming_the_letters() -> None:
    text = "The S\u043eviet and the \u0421\u0420\u0421\u0420-era Sovi\u0435t\u0430 plans."
    words = detect(text).mixed_script
    assert [word.text for word in words][:1] == ["S\u043eviet"]
    note = mixed_script_note("S\u043eviet")
    assert note == "⚠ Cyrillic “о” (U+043E) in a Latin word"
    assert mixed_script_note("Sovi\u0435t\u0430").count("U+") == 2
    asides = mixed_script_asides(words)
    assert all(pieces[0].kind == WARNING for pieces in asides.values())
    many = [MixedScript(n, n + 3, f"x{n}") for n in range(5)]
    assert mixed_script_summary(many).endswith(": x0, x1, x2 and 2 more")
    assert mixed_script_summary(many[:1]).startswith("1 word mixes")
