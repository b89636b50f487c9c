"""Finding glossary terms in text: inflection, plurals, multi-word names, and no false positives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.glossary import Glossary, TermHit, load_glossary
from reader.glossary.names import english_forms

BASIC = Path(__file__).parent / "fixtures" / "glossary" / "basic"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(curated_dir=BASIC, include_user=False)


def found(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    hits = glossary.annotate(text)
    assert all(text[h.start : h.end] == h.text for h in hits)
    return [(h.id, h.text) for h in hits]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("номенклатуру", "nomenklatura"),
        ("колхозов", "kolkhoz"),
        ("колхозами", "kolkhoz"),
        ("колхозного", "kolkhoz"),  # a listed form, itself inflected
        ("кулаками", "kulak"),
        ("большевиков", "bolshevik"),
        ("Госпланом", "gosplan"),
        ("ВЧК", "cheka"),
        ("НЭПа", "nep"),
        ("советов", "soviet"),
        ("блата", "blat"),
        ("пятилетки", "five-year-plan"),
    ],
)
def test_inflected_russian_words(glossary: Glossary, text: str, expected: str) -> None:
    assert found(glossary, f"Он говорил о {text}.") == [(expected, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Центрального комитета", "central-committee"),
        ("Центральным комитетом", "central-committee"),
        ("новой экономической политики", "nep"),
        ("военного коммунизма", "war-communism"),
        ("Всероссийской чрезвычайной комиссии", "cheka"),
        ("пятилетнего плана", "five-year-plan"),
    ],
)
def test_inflected_russian_phrases(glossary: Glossary, text: str, expected: str) -> None:
    assert found(glossary, f"В докладе {text} говорилось.") == [(expected, text)]


def test_ye_and_yo_are_the_same_letter() -> None:
    glossary = load_glossary(curated_dir=BASIC, include_user=False)
    assert found(glossary, "Советом и Совётом")[0] == ("soviet", "Советом")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kulaks", "kulak"),
        ("Kulaks", "kulak"),
        ("KULAK", "kulak"),
        ("kolkhozes", "kolkhoz"),
        ("kolkhozy", "kolkhoz"),
        ("Kolchos", "kolkhoz"),
        ("Bolsheviks", "bolshevik"),
        ("Bolshevik's", "bolshevik"),
        ("Gosplan's", "gosplan"),
        ("Gosplan’s", "gosplan"),
        ("soviets", "soviet"),
        ("NEP", "nep"),
        ("TsK", "central-committee"),
        ("Tsentral'nyi komitet", "central-committee"),
        ("Tsentral’nyi komitet", "central-committee"),
        ("Tsentralnyi komitet", "central-committee"),  # soft sign dropped
        ("nomenclatura", "nomenklatura"),
    ],
)
def test_english_words_and_transliterations(glossary: Glossary, text: str, expected: str) -> None:
    assert found(glossary, f"The {text} were there.") == [(expected, text)]


def test_plural_possessive_leaves_the_apostrophe_out(glossary: Glossary) -> None:
    assert found(glossary, "the Bolsheviks' programme") == [("bolshevik", "Bolsheviks")]


@pytest.mark.parametrize(
    "text",
    [
        "war communism",
        "War Communism",
        "war-communism",
        "War\ncommunism",
    ],
)
def test_multi_word_english(glossary: Glossary, text: str) -> None:
    assert found(glossary, f"Under {text}, trade stopped.") == [("war-communism", text)]


@pytest.mark.parametrize(
    "text",
    [
        "five-year plan",
        "five year plan",
        "Five Year Plans",
        "Five-Year Plans",
        "five‑year plan",  # non-breaking hyphen
        "fiveyear plan",
        "five-year plan's",
    ],
)
def test_hyphenation_variants(glossary: Glossary, text: str) -> None:
    assert found(glossary, f"The {text} began.") == [("five-year-plan", text)]


def test_new_economic_policy_and_its_abbreviation(glossary: Glossary) -> None:
    text = "The New Economic Policy (NEP) ended; НЭП кончился."
    assert found(glossary, text) == [
        ("nep", "New Economic Policy"),
        ("nep", "NEP"),
        ("nep", "НЭП"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Sovietology",
        "Sovietologists",
        "blather",
        "blatant",
        "nepotism",
        "Bolshevism",
        "kulakdom",
        "plan",
        "five plans",
        "war. Communism",  # punctuation breaks a multi-word name
        "war\n\ncommunism",  # so does a paragraph break
    ],
)
def test_no_match_inside_longer_words(glossary: Glossary, text: str) -> None:
    assert found(glossary, text) == []


def test_russian_look_alikes_do_not_match(glossary: Glossary) -> None:
    # Words sharing a prefix with a headword but not its lemma.
    assert found(glossary, "Кулакова, колхозница? советник, блатной") == []


def test_longest_name_wins_and_hits_do_not_overlap(glossary: Glossary) -> None:
    # "Central Committee" (two words) wins over nothing; "soviet" inside a longer name is not re-reported.
    text = "the Central Committee's soviets and the five-year plans"
    assert found(glossary, text) == [
        ("central-committee", "Central Committee's"),
        ("soviet", "soviets"),
        ("five-year-plan", "five-year plans"),
    ]


def test_offsets_index_the_original_text_when_lower_case_changes_length(glossary: Glossary) -> None:
    text = "İİ kulaks İ колхозов"  # "İ".lower() is two characters
    hits = glossary.annotate(text)
    assert [(h.id, text[h.start : h.end]) for h in hits] == [("kulak", "kulaks"), ("kolkhoz", "колхозов")]


def test_english_forms() -> None:
    assert {"kulaks", "kulak's"} <= english_forms("kulak")
    assert "kolkhozes" in english_forms("kolkhoz")
    assert "party's" in english_forms("party") and "parties" in english_forms("party")
    assert "revolutionary" in english_forms("revolutionaries")
    assert "nepmen" in english_forms("nepman")
    assert english_forms("блат") == {"блат"}


def test_cost_does_not_depend_on_name_count_per_word(glossary: Glossary) -> None:
    """Many names sharing a first word still resolve to the right, longest one."""
    entries = dict(glossary.entries)
    base = entries["soviet"]
    from dataclasses import replace

    for n in range(200):
        entries[f"soviet-{n}"] = replace(
            base, id=f"soviet-{n}", term=f"soviet number {n}", russian="совет", transliterations=(), forms=()
        )
    many = Glossary(entries)
    assert found(many, "a soviet number 137 and a soviet") == [
        ("soviet-137", "soviet number 137"),
        ("soviet", "soviet"),
    ]


_FRAGMENTS = [
    "kulak",
    "kulaks",
    "Bolsheviks'",
    "five",
    "year",
    "plan",
    "plans",
    "war",
    "communism",
    "Central",
    "Committee",
    "колхоз",
    "колхозов",
    "Центрального",
    "комитета",
    "НЭП",
    "новой",
    "экономической",
    "политики",
    "Sovietology",
    "blat",
    "blather",
    "Gosplan’s",
    "İ",
    "ё",
    "TsK",
    "fiveyear",
    "soviet",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_FRAGMENTS),
            st.text(alphabet="abcİёЁ-' \n.,’", max_size=4),
        ),
        max_size=25,
    ),
    st.lists(st.sampled_from([" ", "-", "\n", "'", ". ", "", "  ", "\n\n"]), min_size=25, max_size=25),
)
def test_hits_never_overlap_and_index_the_text(words: list[str], seps: list[str]) -> None:
    glossary = load_glossary(curated_dir=BASIC, include_user=False)
    text = "".join(word + sep for word, sep in zip(words, seps, strict=False))
    hits = glossary.annotate(text)
    previous_end = 0
    for hit in hits:
        assert isinstance(hit, TermHit)
        assert 0 <= previous_end <= hit.start < hit.end <= len(text)
        assert text[hit.start : hit.end] == hit.text
        assert hit.id in glossary.entries
        previous_end = hit.end
    assert glossary.annotate(text) == hits  # deterministic
