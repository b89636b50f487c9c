"""Detection: what counts as a passage, where it starts and ends, its language, and mixed-script words."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

import pytest

from reader.detection import Detection, Passage, detect, identify_language
from tests.support.cli import REPO_ROOT, run_cli

CORPUS = REPO_ROOT / "corpus"
RUSSIAN_ESSAY = CORPUS / "socialism-bureaucracy-and-the-market-7.txt"
CYRILLIC = re.compile("[\u0400-\u052f]")


def only_passage(text: str) -> Passage:
    passages = detect(text).passages
    assert len(passages) == 1, passages
    return passages[0]


def texts(detection: Detection) -> list[str]:
    return [passage.text for passage in detection.passages]


# --- what a passage spans -------------------------------------------------------------------------------


def test_guillemet_title_is_russian_without_its_guillemets() -> None:
    text = "see my series of posts “Америка и Фашизм”). And «Америка и Фашизм» again."
    detection = detect(text)
    assert texts(detection) == ["Америка и Фашизм", "Америка и Фашизм"]
    assert [passage.lang for passage in detection.passages] == ["ru", "ru"]
    for passage in detection.passages:
        assert text[passage.start : passage.end] == passage.text


@pytest.mark.parametrize(
    "quoted",
    ["„Война и мир“", '"Война и мир"', "«Война и мир»", "“Война и мир”", "(Война и мир)", "[Война и мир]"],
)
def test_enclosing_quotes_and_brackets_are_trimmed(quoted: str) -> None:
    assert only_passage(f"Tolstoy wrote {quoted} in the 1860s.").text == "Война и мир"


def test_single_word_standing_alone() -> None:
    passage = only_passage("After 1991 the СССР was gone.")
    assert (passage.text, passage.lang) == ("СССР", "ru")


def test_separate_quoted_words_in_english_stay_separate() -> None:
    detection = detect("the words «колхоз» and «совхоз», or «СССР», «КГБ» in a list")
    assert texts(detection) == ["колхоз", "совхоз", "СССР", "КГБ"]


def test_russian_paragraph_with_english_asides_is_one_passage() -> None:
    text = (
        "ФСБ — Федеральная служба «безопасности» России — вслед за позорным, предавшим страну "
        "предшественником КГБ, выполняет приказы секретного, кровавого хозяина (boss) — американского "
        "ЦРУ (CIA). Среди таких «задач» — мне запретить выступать в СМИ. А это далеко не всё…"
    )
    passage = only_passage(f"{text}\n")
    assert passage.text == text
    assert passage.lang == "ru"


def test_multi_word_aside_and_latin_name_inside_russian() -> None:
    aside = "Депутаты называли себя слугами народа (servants of the people) и голосовали единогласно."
    assert only_passage(aside).text == aside
    citation = "Номенклатура и члены их семей. (Мотивация и стимулирование в СССР, Oleg2012, Живой Журнал)"
    assert only_passage(citation).text == citation


def test_latin_lookalike_letter_typed_for_a_russian_preposition_stays_inside() -> None:
    text = "Вместе c тем общество стало другим."  # a Latin c for the preposition с
    assert only_passage(text).text == text


def test_english_title_after_a_russian_title_is_not_part_of_it() -> None:
    text = (
        "См. книгу «Безмолвный террор — История политических гонений на семью в США» — "
        "«Silent Terror: One family’s history of political persecution in the United States» —"
    )
    assert (
        only_passage(text).text
        == "См. книгу «Безмолвный террор — История политических гонений на семью в США»"
    )


def test_english_sentence_between_russian_words_splits_them() -> None:
    text = "Он писал «Правда Советов» (Pravda) in the years when the party still trusted «Известия»."
    assert texts(detect(text)) == ["Он писал «Правда Советов»", "Известия"]


def test_english_prose_between_russian_names_is_not_an_aside() -> None:
    text = "the Коммунистическая партия Советского Союза (CPSU) and the Верховный Совет met"
    assert texts(detect(text)) == ["Коммунистическая партия Советского Союза", "Верховный Совет"]


def test_bracketed_gloss_after_a_short_russian_start_is_an_aside() -> None:
    assert only_passage("ЦРУ (CIA) выполняет приказы.").text == "ЦРУ (CIA) выполняет приказы."


def test_quote_opening_a_russian_sentence_is_kept_when_it_closes_inside() -> None:
    text = "«Правда» сообщила о победе."
    assert only_passage(text).text == text


def test_consecutive_sentences_join_but_paragraphs_do_not() -> None:
    text = "Мы пили чай. Было поздно.\nНочь была тёмной.\n\nУтром мы уехали.\r\n\r\nДорога была долгой."
    assert texts(detect(text)) == [
        "Мы пили чай. Было поздно.\nНочь была тёмной.",
        "Утром мы уехали.",
        "Дорога была долгой.",
    ]


def test_digits_dashes_and_punctuation_between_words_stay_inside() -> None:
    text = "Революция 1917 года — начало; 4-месячные планы, 13 лет (и т.д.) прошли."
    assert only_passage(text).text == text


def test_final_punctuation_belongs_to_a_sentence_not_to_a_quoted_word() -> None:
    assert only_passage("Он ушёл домой.").text == "Он ушёл домой."
    assert only_passage("They called it Советский Союз.").text == "Советский Союз"
    assert only_passage("He said: «Мы победим!»").text == "Мы победим!"


def test_transliterated_russian_is_never_a_passage() -> None:
    detection = detect("The kolkhoz and the nomenklatura, glasnost and perestroika, the Politburo and GULAG.")
    assert detection.passages == []
    assert detection.mixed_script == []


def test_empty_and_latin_only_texts() -> None:
    assert detect("") == Detection(passages=[], mixed_script=[])
    assert detect("Just English.\n\n") == Detection(passages=[], mixed_script=[])


# --- mixed script ---------------------------------------------------------------------------------------


def test_latin_word_with_cyrillic_lookalike_is_mixed_script_not_a_passage() -> None:
    text = "The Sоviet Union and the Rеd Army."  # Cyrillic о in Sоviet, Cyrillic е in Rеd
    detection = detect(text)
    assert detection.passages == []
    assert [(m.text, m.start, m.end) for m in detection.mixed_script] == [("Sоviet", 4, 10), ("Rеd", 25, 28)]


def test_cyrillic_word_with_one_latin_lookalike_stays_in_its_passage() -> None:
    text = "Жители СCСР были разделены"  # the second letter of СCСР is a Latin C
    detection = detect(text)
    assert texts(detection) == [text]
    assert detection.mixed_script == []


def test_latin_word_starting_with_a_cyrillic_lookalike_is_mixed_script() -> None:
    detection = detect("Students at Оxford")  # Cyrillic О
    assert detection.passages == []
    assert [m.text for m in detection.mixed_script] == ["Оxford"]


def test_mixed_script_word_inside_russian_splits_the_passage() -> None:
    detection = detect("Он любит Sоviet песни и марши")
    assert texts(detection) == ["Он любит", "песни и марши"]
    assert [m.text for m in detection.mixed_script] == ["Sоviet"]


# --- language -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Америка и Фашизм", "ru"),
        ("СССР", "ru"),
        ("Что же изменилось в Советском Союзе в послевоенный период?", "ru"),
        ("Вся власть Советам", "ru"),
        ("Слава Україні", "uk"),
        ("Київ — столиця України, і там живуть мої друзі.", "uk"),
        ("Ми говоримо українською мовою, бо це наша рідна мова.", "uk"),
        ("Беларуская мова — адна з усходнеславянскіх моў.", "be"),
        ("Това е книга, която всички харесват, защото е интересна.", "bg"),
        ("Той каза, че ще дойде във вторник със своите приятели.", "bg"),
        ("Ово је књига коју сви воле, јер је веома занимљива.", "sr"),
        ("Ова е книга што сите ја сакаат, бидејќи е интересна.", "mk"),
        ("Бұл кітапты барлық адамдар жақсы көреді.", "kk"),
    ],
)
def test_identify_language(text: str, lang: str) -> None:
    assert identify_language(text) == lang


def test_a_sentence_with_a_latin_name_is_one_passage_in_its_language() -> None:
    passage = only_passage("Президент Trump підписав указ про нові санкції.")
    assert (passage.text, passage.lang) == ("Президент Trump підписав указ про нові санкції.", "uk")


def test_pieces_of_a_sentence_cut_by_many_names_share_its_language() -> None:
    names = "Joe Biden, Kamala Harris, Antony Blinken, Lloyd Austin"  # more than an aside holds
    detection = detect(f"Президент — {names} — підписав указ про нові санкції.")
    assert texts(detection) == ["Президент", "підписав указ про нові санкції"]
    assert [passage.lang for passage in detection.passages] == ["uk", "uk"]


def test_other_cyrillic_sentences_in_an_essay_are_not_russian() -> None:
    text = (
        "A Ukrainian line: Ми говоримо українською мовою, бо це наша рідна мова.\n\n"
        "A Bulgarian one: Той каза, че ще дойде във вторник със своите приятели.\n\n"
        "And a Serbian one: Ово је књига коју сви воле, јер је веома занимљива."
    )
    assert [passage.lang for passage in detect(text).passages] == ["uk", "bg", "sr"]


# --- the bundled corpus ---------------------------------------------------------------------------------


def test_russian_paragraphs_of_the_essay_are_detected_as_russian() -> None:
    text = RUSSIAN_ESSAY.read_text(encoding="utf-8")
    detection = detect(text)
    paragraphs = [block.strip() for block in re.split(r"\n\s*\n", text)]
    russian_paragraphs = [p for p in paragraphs if len(CYRILLIC.findall(p)) > 0.5 * len(re.findall(r"\w", p))]
    assert len(russian_paragraphs) >= 6
    for paragraph in russian_paragraphs:
        covering = [passage for passage in detection.passages if passage.text in paragraph]
        assert covering, paragraph
        longest = max(covering, key=lambda passage: len(passage.text))
        assert longest.lang == "ru"
        share = len(CYRILLIC.findall(longest.text)) / len(CYRILLIC.findall(paragraph))
        assert share >= 0.9, (longest.text, paragraph)
    assert {passage.lang for passage in detection.passages} == {"ru"}
    assert "Америка и Фашизм" in texts(detection)
    assert not any("Silent Terror" in passage.text for passage in detection.passages)


@pytest.mark.parametrize(
    "path", sorted(path for path in CORPUS.glob("*.txt") if path != RUSSIAN_ESSAY), ids=lambda path: path.stem
)
def test_english_essays_have_no_russian_passage(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert CYRILLIC.search(text) is None  # the premise: these essays hold no Cyrillic at all
    detection = detect(text)
    assert detection.translated() == []
    assert detection.passages == []


# --- command line ---------------------------------------------------------------------------------------


def test_cli_detect_json_offsets_index_the_decoded_text(tmp_path: Path) -> None:
    essay = tmp_path / "essay.txt"
    text = "Intro «Америка и Фашизм» and the Sоviet state.\n\nЧто же изменилось в Советском Союзе?\n"
    essay.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))  # offsets count from after the BOM
    result = run_cli("detect", str(essay), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert [(p["lang"], p["text"]) for p in payload["passages"]] == [
        ("ru", "Америка и Фашизм"),
        ("ru", "Что же изменилось в Советском Союзе?"),
    ]
    for item in payload["passages"]:
        assert 0.25 <= item["lang_confidence"] <= 1.0
    for item in payload["passages"] + payload["mixed_script"]:
        assert text[item["start"] : item["end"]] == item["text"]
    assert [m["text"] for m in payload["mixed_script"]] == ["Sоviet"]


def test_cli_detect_human_readable_on_the_russian_essay() -> None:
    result = run_cli("detect", str(RUSSIAN_ESSAY))
    assert result.returncode == 0, result.stderr
    assert "[ru]" in result.stdout
    assert "Америка и Фашизм" in result.stdout
