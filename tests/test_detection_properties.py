"""Property tests: whatever the text, detection's spans are well-formed and index the text exactly."""

from __future__ import annotations

import itertools
import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reader.detection import Detection, detect
from reader.detection.langdata import LANGUAGES

CYRILLIC = re.compile("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
QUOTE_PAIRS = {"«": "»", "„": "“”", "“": "”", '"': '"', "(": ")", "[": "]"}
CLOSERS = {"»": "«", "”": "“„", "“": "„", '"': '"', ")": "(", "]": "["}

WORDS = st.sampled_from(
    [
        *str.split("Что же изменилось в Советском Союзе СССР Київ їжак ў ћ ђ ј љ ә қ ъгъл шофьор"),
        *str.split("Soviet kolkhoz nomenklatura boss CIA Oleg2012 the of a"),
        *["Sоviet", "СCСР", "Rеd", "м'ясо", "п’ять", "за\u0301мок", "4-месячные", "1917", "13"],
    ]
)
SEPARATORS = st.sampled_from(
    [
        *[" ", "  ", "\n", "\n\n", "\r\n\r\n", " \n \n", ", ", ". ", "! ", "… ", " — ", "-", "'", "’"],
        *["«", "»", "„", "“", "”", '"', "(", ")", "[", "]", ": ", "; ", "\u00a0", "\t", "\u2029"],
    ]
)
ESSAYS = st.lists(st.one_of(WORDS, SEPARATORS), max_size=60).map("".join)
ANY_TEXT = st.text(
    alphabet=st.sampled_from(
        list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўјљњћђѓќѕәқңөүұһ АСЕОРХаеорсх")
        + list("abcdefgxyzACEOPX0123456789 \n\r\t.,;:!?…—–-'’\"«»„“”()[]\u0301\u2029")
    ),
    max_size=200,
)


def check_well_formed(text: str, detection: Detection) -> None:
    spans = [(p.start, p.end, p.text) for p in detection.passages]
    mixed = [(m.start, m.end, m.text) for m in detection.mixed_script]
    for group in (spans, mixed, sorted(spans + mixed)):
        for (_, end, _), (next_start, _, _) in itertools.pairwise(group):
            assert end <= next_start, "spans overlap or are out of order"
    for start, end, span_text in spans + mixed:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == span_text
        assert span_text == span_text.strip()
    for passage in detection.passages:
        assert passage.lang in LANGUAGES
        assert CYRILLIC.search(passage.text)
        assert not re.search(r"\n[^\S\n]*\n|\u2029", passage.text), "a passage crosses a paragraph break"
        first, last = passage.text[0], passage.text[-1]
        if first in QUOTE_PAIRS:  # an opening quote only when its partner is inside, not enclosing
            assert any(closer in passage.text[1:] for closer in QUOTE_PAIRS[first])
        if last in CLOSERS:
            assert any(opener in passage.text[:-1] for opener in CLOSERS[last])
    for word in detection.mixed_script:
        assert CYRILLIC.search(word.text) and re.search("[A-Za-z]", word.text)


@settings(max_examples=300, deadline=None)
@given(ESSAYS)
def test_spans_are_well_formed_on_essay_like_text(text: str) -> None:
    check_well_formed(text, detect(text))


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_spans_are_well_formed_on_any_text(text: str) -> None:
    check_well_formed(text, detect(text))


@settings(max_examples=100, deadline=None)
@given(ESSAYS)
def test_a_preceding_english_paragraph_only_shifts_the_spans(text: str) -> None:
    prefix = "An English paragraph about the Soviet Union.\n\n"
    plain, shifted = detect(text), detect(prefix + text)
    assert [(p.start + len(prefix), p.end + len(prefix), p.lang) for p in plain.passages] == [
        (p.start, p.end, p.lang) for p in shifted.passages
    ]
    assert [m.start + len(prefix) for m in plain.mixed_script] == [m.start for m in shifted.mixed_script]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=100))
def test_text_without_cyrillic_has_no_passage(text: str) -> None:
    assume(not CYRILLIC.search(text))
    assert detect(text) == Detection(passages=[], mixed_script=[])
