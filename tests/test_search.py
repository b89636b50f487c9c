"""The search matcher on text in memory: inflection, glossary spellings, case, phrases, ё and stress."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import BadInput
from reader.glossary import Glossary, load_glossary
from reader.search import find_in_text, parse_query
from reader.search.sentences import sentence_spans
from reader.search.tokens import english_stem, words

TEXT = (
    "Номенклатуру назначали сверху. The nomenklatura of the kolkhozes grew.\n\n"
    "Число колхозов росло, а в колхо́зе работали все. Ёлки и елки.\n\n"
    "Stalin's Five-Year Plans were the FIVE year plan; the plan of plans.\n"
)


def found(query: str, text: str = TEXT, glossary: Glossary | None = None) -> list[str]:
    return [text[start:end] for start, end in find_in_text(text, query, glossary)]


def test_russian_query_finds_inflected_forms() -> None:
    assert found("колхоз", glossary=Glossary({})) == ["колхозов", "колхо́зе"]
    assert found("колхозами", glossary=Glossary({})) == ["колхозов", "колхо́зе"]


def test_glossary_term_finds_every_spelling_in_both_scripts() -> None:
    assert found("nomenklatura") == ["Номенклатуру", "nomenklatura"]
    assert found("Номенклатура") == ["Номенклатуру", "nomenklatura"]
    assert found("kolkhoz") == ["kolkhozes", "колхозов", "колхо́зе"]


def test_without_the_glossary_a_latin_word_finds_only_itself() -> None:
    assert found("nomenklatura", glossary=Glossary({})) == ["nomenklatura"]


def test_english_is_case_insensitive_and_folds_plurals_and_possessives() -> None:
    assert found("STALIN") == ["Stalin's"]
    assert found("plan", glossary=Glossary({})) == ["Plans", "plan", "plan", "plans"]


def test_quoted_phrase_matches_words_in_order() -> None:
    assert found('"five year plan"') == ["Five-Year Plans", "FIVE year plan"]
    assert found('"plan five"') == []
    assert found("«число колхозов»") == ["Число колхозов"]


def test_every_word_must_occur_for_any_match() -> None:
    assert found("stalin plan", glossary=Glossary({})) == ["Stalin's", "Plans", "plan", "plan", "plans"]
    assert found("stalin zzzunknown") == []


def test_yo_is_e_and_stress_marks_are_ignored() -> None:
    assert found("елки", glossary=Glossary({})) == ["Ёлки", "елки"]
    assert found("ёлка", glossary=Glossary({})) == ["Ёлки", "елки"]
    assert found("колхо́з", glossary=Glossary({})) == ["колхозов", "колхо́зе"]


def test_offsets_index_the_text() -> None:
    for query in ("kolkhoz", "nomenklatura", '"five year plan"', "елки"):
        spans = find_in_text(TEXT, query)
        assert spans
        for start, end in spans:
            assert TEXT[start:end].strip() == TEXT[start:end]
            assert words(TEXT[start:end])[0]


@pytest.mark.parametrize("query", ["", "   ", '""', "!!! ---"])
def test_a_query_without_words_is_refused(query: str) -> None:
    with pytest.raises(BadInput, match="no words"):
        parse_query(query, load_glossary())


def test_english_stem_is_light() -> None:
    assert [english_stem(w) for w in ("kulaks", "classes", "policies", "class", "status", "kolkhozes")] == [
        "kulak",
        "class",
        "policy",
        "class",
        "status",
        "kolkhoz",
    ]


def test_sentences_cover_the_words_and_end_at_punctuation() -> None:
    text = "One two. «Три четыре!» Five\nsix.\n\nSeven"
    assert [text[start:end] for start, end in sentence_spans(text)] == [
        "One two.",
        "«Три четыре!»",
        "Five\nsix.",
        "Seven",
    ]


def test_a_long_sentence_is_cut_at_a_space() -> None:
    text = "word " * 500
    spans = sentence_spans(text)
    assert len(spans) > 1
    assert all(end - start <= 1000 for start, end in spans)
    assert sum(len(words(text[start:end])[0]) for start, end in spans) == 500


_PIECES = st.sampled_from(
    [
        "колхоз",
        "Колхозов",
        "колхо́зе",
        "ёлка",
        "Kul'tura",
        "Stalin's",
        "plans",
        "PLAN",
        "five-year",
        "nomenklatura",
    ]
)
_GAPS = st.sampled_from([" ", "  ", ", ", ". ", "!\n\n", "\n", " «", "» ", "'", " — "])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(_PIECES, _GAPS), max_size=25),
    st.sampled_from(["колхоз", "plan", '"five year"', "ёлки"]),
)
def test_spans_are_whole_words_in_order_and_never_overlap(pieces: list[tuple[str, str]], query: str) -> None:
    text = "".join(piece + gap for piece, gap in pieces)
    found, starts = words(text)
    assert all(text[start : start + len(word)] == word for word, start in zip(found, starts, strict=True))
    boundaries = {start for start in starts} | {
        start + len(word) for word, start in zip(found, starts, strict=True)
    }
    spans = find_in_text(text, query, Glossary({}))
    assert spans == sorted(spans)
    for start, end in spans:
        assert start in boundaries and end in boundaries and start < end
    assert all(end <= following for (_start, end), (following, _end) in pairwise(spans))
