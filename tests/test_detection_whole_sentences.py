"""Whole sentences stay whole: Latin names, codes, numerals and bracketed asides inside Russian text.

A Russian sentence is translated as one unit only if detection returns it as one passage; a Latin word or a
Roman numeral must not cut it. English prose around Russian words must still not be swallowed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.detection import detect
from tests.test_detection_accuracy import sentences

ASIDE = "(enemies of the people)"


def passage_texts(text: str) -> list[str]:
    return [passage.text for passage in detect(text).passages]


@pytest.mark.parametrize(
    "sentence",
    [
        "На XX съезде КПСС Хрущёв выступил с докладом о культе личности.",
        "В XVIII веке Россия стала империей.",
        "Компания Apple и фирма IBM обсуждали новый договор.",
        "В 1932 году прошла XVII партконференция.",
        "Партия провела XIX конференцию, а Gorbachev и Yeltsin спорили.",
        "Модель iPhone 15 (Pro Max) продавалась и в России.",
        "Фильм «Gone with the Wind» шёл в кинотеатрах Москвы.",
        'Газета "New York Times" — 12 статей о России — вышла вчера.',
        "Две песни — Audition и City of Stars — попали в номинацию.",
        "Показатель pH определяется степенью насыщенности ионами водорода (H в pH) в растворе.",
    ],
)
def test_latin_names_codes_and_numerals_stay_inside(sentence: str) -> None:
    assert passage_texts(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "IBM объявила о новом компьютере.",
        "XVII партконференция прошла в 1932 году.",
        "Компания выпустила новый iPhone 15 Pro.",
        "Доклад прочитал делегат из города Sverdlovsk",
        "Тревогу поднял Тихоокеанский центр предупреждения о цунами (PTWC).",
    ],
)
def test_names_opening_or_closing_a_russian_sentence_stay_inside(sentence: str) -> None:
    assert passage_texts(sentence) == [sentence]


def test_names_after_a_short_russian_phrase_in_english_stay_out() -> None:
    assert passage_texts("He wrote СССР Politburo.") == ["СССР"]
    assert passage_texts("The slogan Вся власть Советам, Lenin wrote.") == ["Вся власть Советам"]
    assert passage_texts("The phrase Вся власть Советам (all power to the soviets).") == [
        "Вся власть Советам"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        f"В газетах их называли «врагами народа» {ASIDE} без всякого суда и следствия.",
        f'В газетах их называли "врагами народа" {ASIDE} без всякого суда и следствия.',
        f"В газетах их называли „врагами народа“ {ASIDE} без всякого суда и следствия.",
        f"В газетах их называли врагами народа — {ASIDE} — без всякого суда и следствия.",
        f"В газетах их называли врагами народа, {ASIDE}, без всякого суда и следствия.",
        f"В газетах их называли врагами народа {ASIDE}, без всякого суда и следствия.",
    ],
)
def test_english_aside_after_a_quote_or_punctuation_stays_inside(sentence: str) -> None:
    assert passage_texts(sentence) == [sentence]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The word колхоз meant a collective farm.", ["колхоз"]),
        ("In 1956 Khrushchev spoke at the XX съезд in Moscow.", ["съезд"]),
        ("Stalin's «Головокружение от успехов» appeared in Pravda.", ["Головокружение от успехов"]),
    ],
)
def test_english_text_with_one_russian_word_stays_english(text: str, expected: list[str]) -> None:
    assert passage_texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the words «колхоз» and «совхоз» in a list", ["колхоз", "совхоз"]),
        (
            "Lenin: «Вся власть Советам», Trotsky: «Перманентная революция».",
            ["Вся власть Советам", "Перманентная революция"],
        ),
        ("The СССР, Moscow and the КГБ", ["СССР", "КГБ"]),
        ("the terms колхоз, Gosplan, совхоз", ["колхоз", "совхоз"]),
    ],
)
def test_english_prose_between_russian_words_still_splits(text: str, expected: list[str]) -> None:
    assert passage_texts(text) == expected


def test_flores_russian_sentences_are_one_passage(flores_dir: Path) -> None:
    lines = sentences(flores_dir, "rus_Cyrl")
    split = [line for line in lines if len(detect(line).passages) > 1]
    share = len(split) / len(lines)
    print(f"\nRussian sentences in more than one passage: {len(split)} of {len(lines)} ({share:.2%})")
    assert len(split) <= 0.003 * len(lines)


def test_flores_english_sentences_gain_no_passage(flores_dir: Path) -> None:
    assert [line for line in sentences(flores_dir, "eng_Latn") if detect(line).passages] == []
