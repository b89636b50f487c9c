"""Each rule that marks a translation suspect, tested on hand-written outputs (the rules, not a model)."""

from __future__ import annotations

import pytest

from reader.translation.quality import is_suspect, suspect_reasons

SOURCE = "Кадры решают всё."


@pytest.mark.parametrize(
    "translation",
    [
        "Cadres decide everything.",
        "The five-year plan was fulfilled in four years, in 1933.",
        "Very, very good.",
        "1000000 people.",
        "Mississippi",
        "«Cadres» — decide — everything!",
    ],
)
def test_ordinary_translations_are_not_suspect(translation: str) -> None:
    assert suspect_reasons(SOURCE + " " * 40, translation) == ()


def test_the_same_word_four_times_in_a_row() -> None:
    assert "repeated word" in suspect_reasons(SOURCE, "the the the the party")
    assert not is_suspect(SOURCE, "the the the party")


def test_one_word_dominating_a_long_output() -> None:
    assert "one word dominates" in suspect_reasons(SOURCE, "power to power, power of power and power")
    assert not is_suspect(SOURCE, "power to the soviets and the land")  # 'the' is 2 of 7 words


def test_stutter_inside_a_word() -> None:
    assert "repeated letters" in suspect_reasons(SOURCE, "The ooooooooo plan")
    assert "repeated letters" in suspect_reasons(SOURCE, "tototototototo")
    assert not is_suspect(SOURCE, "A loooong plan")  # four o's in a row is spelling, not a loop


def test_only_symbols() -> None:
    assert suspect_reasons(SOURCE, " ... !!! —") == ("only symbols",)
    assert not is_suspect(SOURCE, "...1917!")


def test_empty_output_for_a_real_source() -> None:
    assert suspect_reasons(SOURCE, "  ") == ("empty",)
    assert not is_suspect("  ", "  ")


def test_far_longer_than_the_source() -> None:
    limit = 3 * len(SOURCE) + 20
    assert "far longer than the source" in suspect_reasons(SOURCE, "x" * (limit + 1))
    assert not is_suspect(SOURCE, "Cadres decide absolutely everything, said the General Secretary.")
