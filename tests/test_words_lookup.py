"""``look_up``: lemmas, grammar and English senses of inflected Russian words from the essays and FLORES.

Every word below was picked from ``corpus/*.txt`` or FLORES-200 ``rus_Cyrl.devtest`` (or, for forms
neither has, such as imperatives, from ordinary Russian). Each case asserts the lemma of the first
reading and that one of its senses contains an expected English word.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from reader.errors import BadInput
from reader.glossary import load_glossary
from reader.words import look_up
from reader.words.glossary_index import build_index
from reader.words.lookup import FALLBACK_PARTS, FALLBACK_REFLEXIVE


@pytest.fixture(scope="module")
def glossary_ids() -> Mapping[str, str]:
    """The curated glossary's index, built once (each test has its own empty cache directory)."""
    return build_index(load_glossary(include_user=False))


# (form, lemma of the first reading, English word in one of its senses, words in its grammar)
CASES = [
    # nouns, every case
    ("государство", "государство", "state", "nominative singular"),
    ("партии", "партия", "party", "genitive singular"),
    ("большинству", "большинство", "majority", "dative singular"),
    ("номенклатуру", "номенклатура", "nomenklatura", "accusative singular"),
    ("трудом", "труд", "labour", "instrumental singular"),
    ("государстве", "государство", "state", "prepositional singular"),
    ("граждан", "гражданин", "citizen", "genitive plural"),
    ("крестьянами", "крестьянин", "peasant", "instrumental plural"),
    ("годах", "год", "year", "prepositional plural"),
    ("людей", "человек", "person", "genitive plural"),
    ("детям", "ребёнок", "child", "dative plural"),
    ("временем", "время", "time", "instrumental singular"),
    ("исследователи", "исследователь", "explorer", "nominative plural"),
    ("колхозов", "колхоз", "kolkhoz", "genitive plural"),
    # verbs: past, present, future, imperative, infinitive
    ("перестал", "перестать", "stop", "past, masculine singular"),
    ("сказала", "сказать", "say", "past, feminine singular"),
    ("получили", "получить", "receive", "past, plural"),
    ("говорят", "говорить", "speak", "present, 3rd person plural"),
    ("читает", "читать", "read", "present, 3rd person singular"),
    ("знаешь", "знать", "know", "present, 2nd person singular"),
    ("нарушает", "нарушать", "violate", "present, 3rd person singular"),
    ("воруют", "воровать", "steal", "present, 3rd person plural"),
    ("скажи", "сказать", "say", "imperative, singular"),
    ("покажите", "показать", "show", "imperative, plural"),
    ("давайте", "давать", "give", "imperative, plural"),
    ("использовать", "использовать", "use", "infinitive"),
    # participles and gerunds
    ("работающих", "работать", "work", "participle (present active)"),
    ("построенный", "построить", "build", "participle (past passive)"),
    ("отправленных", "отправить", "send", "participle (past passive)"),
    ("сделано", "сделать", "make", "short participle (past passive), neuter singular"),
    ("решено", "решить", "decide", "short participle"),
    ("прочитав", "прочитать", "read", "adverbial participle (past)"),
    # adjectives: long, short, comparative
    ("рыночной", "рыночный", "market", "feminine singular"),
    ("политических", "политический", "political", "genitive plural"),
    ("красива", "красивый", "beautiful", "short form, feminine singular"),
    ("недоступны", "недоступный", "inaccessible", "short form, plural"),
    ("нужны", "нужный", "necessary", "short form, plural"),
    ("лучше", "хороший", "good", "comparative"),
    ("больше", "большой", "big", "comparative"),
    # ё written or not
    ("самолётом", "самолёт", "aircraft", "instrumental singular"),
    ("самолетом", "самолёт", "aircraft", "instrumental singular"),
    ("зелёные", "зелёный", "green", "nominative plural"),
    ("еще", "ещё", "still", ""),
    # stress marks in the query
    ("молоко́", "молоко", "milk", "nominative singular"),
    ("госуда́рства", "государство", "state", "genitive singular"),
    # proper names
    ("Москве", "Москва", "Moscow", "prepositional singular"),
    ("России", "Россия", "Russia", "genitive singular"),
    ("Нью-Йорка", "Нью-Йорк", "New York", "genitive singular"),
    # upper case
    ("СССР", "СССР", "USSR", ""),
    ("ЛЮДЕЙ", "человек", "person", "genitive plural"),
]


@pytest.mark.parametrize(("form", "lemma", "english", "grammar"), CASES, ids=[case[0] for case in CASES])
def test_first_reading(
    form: str, lemma: str, english: str, grammar: str, glossary_ids: Mapping[str, str]
) -> None:
    found = look_up(form, glossary_ids=glossary_ids)
    first = found.analyses[0]
    assert first.lemma == lemma
    assert any(english.casefold() in sense.casefold() for sense in first.senses), first.senses
    assert grammar in first.grammar
    assert first.fallback is None


def test_enough_forms_are_covered() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("form", "readings"),
    [
        ("жила", [("жить", "verb", "past, feminine singular", "live"), ("жила", "noun", "feminine", "vein")]),
        (
            "стали",
            [("стать", "verb", "past, plural", "become"), ("сталь", "noun", "genitive singular", "steel")],
        ),
    ],
)
def test_homographs_give_every_lemma(form: str, readings: list[tuple[str, str, str, str]]) -> None:
    found = {item.lemma: item for item in look_up(form).analyses}
    for lemma, pos, grammar, english in readings:
        item = found[lemma]
        assert item.pos == pos
        assert grammar in item.grammar
        assert any(english in sense for sense in item.senses)


def test_readings_are_ordered_by_likelihood() -> None:
    assert [item.lemma for item in look_up("жила").analyses][:2] == ["жить", "жила"]


def test_stress_is_given_for_the_lemma() -> None:
    assert look_up("колхозников").analyses[0].stressed == ["колхо́зник"]
    assert look_up("замок").analyses[0].stressed == ["за́мок", "замо́к"]  # homographs differ in stress
    assert look_up("жила").analyses[0].stressed == ["жить"]  # one vowel: no mark needed


def test_query_is_normalised() -> None:
    found = look_up("  за́мок ")
    assert found.query == "замок"
    decomposed = look_up("е\u0308лки")  # ё as е + combining diaeresis
    assert decomposed.query == "ёлки"
    assert decomposed.analyses[0].lemma == "ёлка"


def test_reflexive_verb_falls_back_to_the_verb_without_sya() -> None:
    item = look_up("транслироваться").analyses[0]
    assert item.lemma == "транслироваться"
    assert item.fallback == FALLBACK_REFLEXIVE
    assert any("broadcast" in sense for sense in item.senses)


def test_hyphenated_compound_falls_back_to_its_parts() -> None:
    item = look_up("американо-китайский").analyses[0]
    assert item.fallback == FALLBACK_PARTS
    assert any(sense.startswith("американо: American") for sense in item.senses)
    assert any(sense.startswith("китайский: ") and "Chinese" in sense for sense in item.senses)


def test_unknown_word_keeps_lemma_and_grammar_without_senses() -> None:
    found = look_up("Гингрича")  # a surname from FLORES the dictionary lacks
    first = found.analyses[0]
    assert first.lemma == "Гингрич"
    assert first.pos == "proper noun"
    assert "genitive singular" in first.grammar
    assert first.senses == []
    assert first.stressed == []


def test_glossary_terms_are_named() -> None:
    assert look_up("колхозов").analyses[0].glossary == "kolkhoz"
    assert look_up("колхозников").analyses[0].glossary == "kolkhoznik"
    assert look_up("номенклатуры").analyses[0].glossary == "nomenklatura"
    assert look_up("молоко").analyses[0].glossary is None


def test_glossary_index_can_be_passed_in() -> None:
    found = look_up("молока", glossary_ids={"молоко": "milk-entry"})
    assert found.analyses[0].glossary == "milk-entry"


@pytest.mark.parametrize(
    "word", ["hello", "Sоviet", "123", "", "колхоз!", "колхоз\x1b[31m", "два слова", "я" * 101]
)
def test_not_a_russian_word_is_bad_input(word: str) -> None:
    with pytest.raises(BadInput) as raised:
        look_up(word)
    assert "\n" not in str(raised.value)
    assert "\x1b" not in str(raised.value)


def test_senses_fit_the_part_of_speech() -> None:
    verb = next(item for item in look_up("стали").analyses if item.lemma == "стать")
    assert "steel" not in " ".join(verb.senses)


USER_ENTRY = """\
- id: milk-norm
  term: milk norm
  russian: молоко
  forms: []
  transliterations: [moloko]
  gloss: milk delivery quota
  definition: >-
    A test entry: the quota of milk a household owed the state.
  category: agriculture
  period: 1930s
  see_also: []
  sources:
    - author: A. Author
      title: A Title
      year: 1999
"""


def test_glossary_index_is_cached_and_rebuilt_when_the_glossary_changes() -> None:
    from reader import paths

    assert look_up("молока").analyses[0].glossary is None
    index_file = paths.word_glossary_index_file()
    assert index_file.is_file()
    built_at = index_file.stat().st_mtime_ns
    look_up("колхозов")
    assert index_file.stat().st_mtime_ns == built_at  # reused while the glossary is unchanged

    user_glossary = paths.user_glossary_dir()
    user_glossary.mkdir(parents=True)
    (user_glossary / "mine.yaml").write_text(USER_ENTRY, encoding="utf-8")
    from reader.glossary import clear_cache

    clear_cache()
    assert look_up("молока").analyses[0].glossary == "milk-norm"
    index_file.write_text("{broken", encoding="utf-8")  # a damaged cache is rebuilt, not an error
    assert look_up("молока").analyses[0].glossary == "milk-norm"
