"""reader/page/transliteration.py: each language's passages in Latin letters by its own system.

The expected spellings are the examples the standards themselves give (the Ukrainian resolution of 2010,
the Belarusian instruction's place names, the Bulgarian Transliteration Act 2009, BGN/PCGN's Kazakh
samples), or letters of the official Serbian and Macedonian Latin alphabets.
"""

from __future__ import annotations

import re

import pytest

from reader.detection import Passage
from reader.detection.langdata import ALPHABETS, LANGUAGES
from reader.page.asides import build_asides
from reader.page.rows import TRANSLIT
from reader.page.transliteration import SCHEMAS, SYSTEMS, transliterate
from reader.reading.state import EssayState

CYRILLIC = re.compile("[\u0400-\u052f]")


def test_wikipedia_schema_is_the_default_for_russian() -> None:
    assert transliterate("Живой Журнал") == "Zhivoy Zhurnal"
    assert transliterate("Хрущёв", lang="ru") == "Khrushchyov"


def test_other_text_is_kept() -> None:
    assert transliterate("«Америка и Фашизм», 1941!") == "«Amerika i Fashizm», 1941!"
    assert transliterate("plain English") == "plain English"
    assert transliterate("«Слава Україні», 1991!", lang="uk") == "«Slava Ukraini», 1991!"


def test_russian_schemas_differ() -> None:
    outputs = {name: transliterate("Щука и ёж", schema=name) for name in SCHEMAS}
    assert len(set(outputs.values())) > 1
    assert not any(re.search("[а-яё]", text.lower()) for text in outputs.values())


def test_unknown_schema_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown transliteration schema"):
        transliterate("да", schema="klingon")


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Україні", "Ukraini"),
        ("Згорани", "Zghorany"),
        ("Розгон", "Rozghon"),
        ("Єнакієве", "Yenakiieve"),
        ("Гаєвич", "Haievych"),
        ("Короп'є", "Koropie"),
        ("Йосипівка", "Yosypivka"),
        ("Стрий", "Stryi"),
        ("Олексій", "Oleksii"),
        ("Юрій", "Yurii"),
        ("Крюківка", "Kriukivka"),
        ("Яготин", "Yahotyn"),
        ("Знам’янка", "Znamianka"),
        ("Феодосія", "Feodosiia"),
        ("Їжакевич", "Yizhakevych"),
        ("Кадиївка", "Kadyivka"),
        ("Щербухи", "Shcherbukhy"),
        ("Гоща", "Hoshcha"),
        ("Розумовський", "Rozumovskyi"),
        ("Ґорґани", "Gorgany"),
    ],
)
def test_ukrainian_follows_the_2010_national_system(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, lang="uk") == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Віцебск", "Viciebsk"),
        ("Магілёў", "Mahilioŭ"),
        ("Гомель", "Homieĺ"),
        ("Ельск", "Jeĺsk"),
        ("Бабаедава", "Babajedava"),
        ("Вераб'ёвічы", "Vierabjovičy"),
        ("Мёры", "Miory"),
        ("Любань", "Liubań"),
        ("Хоцімск", "Chocimsk"),
        ("Шаркаўшчына", "Šarkaŭščyna"),
        ("Іўе", "Iŭje"),
        ("Рагачоў", "Rahačoŭ"),
        ("Жодзішкі", "Žodziški"),
    ],
)
def test_belarusian_follows_the_2007_national_system(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, lang="be") == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("София", "Sofia"),
        ("Горна Оряховица", "Gorna Oryahovitsa"),
        ("Щастливец", "Shtastlivets"),
        ("Ябълково", "Yabalkovo"),
        ("Ючбунар", "Yuchbunar"),
        ("Кърджали", "Kardzhali"),
        ("Ъглен", "Aglen"),
        ("Кьолмен", "Kyolmen"),
        ("Шумен", "Shumen"),
        ("Илиянци", "Iliyantsi"),  # "ия" is "ia" only at the end of a word
    ],
)
def test_bulgarian_follows_the_streamlined_system(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, lang="bg") == latin


@pytest.mark.parametrize(
    ("lang", "cyrillic", "latin"),
    [
        ("sr", "Љубљана", "Ljubljana"),
        ("sr", "ЉУБЉАНА", "LJUBLJANA"),
        ("sr", "Ђорђе Ћоровић џеп", "Đorđe Ćorović džep"),
        ("sr", "Шабац, Чачак, Жабљак", "Šabac, Čačak, Žabljak"),
        ("mk", "Ѓорче Петров", "Gjorche Petrov"),
        ("mk", "Ќерка, џамија, ѕвезда", "Kjerka, djamija, dzvezda"),
        ("mk", "Денеска не одам на работа, болен сум.", "Deneska ne odam na rabota, bolen sum."),
        ("mk", "Шар Планина, Цуцер", "Shar Planina, Cucer"),
        ("kk", "Қазақстан", "Qazaqstan"),
        ("kk", "Өңірек", "Öngirek"),
        ("kk", "Оңтүстік Қазақстан Облысы", "Ongtüstik Qazaqstan Oblysy"),
        ("kk", "Әулиекөл", "Äūlīeköl"),
        ("kk", "Щебнюха Тауы", "Shchebnyukha Taūy"),
        ("kk", "Горько-Солёное Көлі", "Gor’ko-Solyonoe Köli"),
        ("kk", "Хамитқора Қыстауы", "Khamītqora Qystaūy"),
    ],
)
def test_serbian_macedonian_and_kazakh_tables(lang: str, cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, lang=lang) == latin


def test_capitals_follow_the_word() -> None:
    assert transliterate("ЩЕРБУХИ", lang="uk") == "SHCHERBUKHY"
    assert transliterate("Щербухи", lang="uk") == "Shcherbukhy"
    assert transliterate("ЄНАКІЄВЕ", lang="uk") == "YENAKIIEVE"
    assert transliterate("Я", lang="uk") == "Ya"


@pytest.mark.parametrize("lang", [*LANGUAGES, "und"])
def test_no_cyrillic_letter_is_left_in_any_language(lang: str) -> None:
    every_letter = "".join(sorted(set().union(*ALPHABETS.values())))
    for text in (every_letter, every_letter.upper()):
        assert not CYRILLIC.search(transliterate(text, lang=lang)), lang


def test_a_ukrainian_quote_labelled_russian_still_loses_its_cyrillic() -> None:
    assert transliterate("Україні", lang="ru") == "Ukrayini"


@pytest.mark.parametrize("lang", [*LANGUAGES, "und"])
def test_control_and_bidi_characters_never_come_out_raw(lang: str) -> None:
    written = transliterate("Слава\x1b[31m\u202eУкраїні\x07", lang=lang)
    assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", written)
    assert "␛" in written


def test_every_detected_language_has_a_named_system() -> None:
    assert set(LANGUAGES) <= set(SYSTEMS)


def test_the_reader_shows_each_passage_in_its_own_system() -> None:
    text = "Quote: «Слава Україні» and «Слава Украине» and «Живјела Србија»."
    passages = [
        Passage(text.index(part), text.index(part) + len(part), lang, part)
        for part, lang in (("Слава Україні", "uk"), ("Слава Украине", "ru"), ("Живјела Србија", "sr"))
    ]
    asides = build_asides(passages, EssayState(transliterate=True), {}, model_missing=True)
    shown = [[p.text for p in asides[passage.start] if p.kind == TRANSLIT] for passage in passages]
    assert shown == [["Slava Ukraini"], ["Slava Ukraine"], ["Živjela Srbija"]]


def test_an_exported_edition_transliterates_each_passage_by_its_language() -> None:
    from reader.essay.document import document_from_text
    from reader.export.edition import build_edition
    from reader.export.markup import aside

    text = "A toast: «Слава Україні» and «Слава Украине»."
    passages = [
        Passage(text.index(part), text.index(part) + len(part), lang, part)
        for part, lang in (("Слава Україні", "uk"), ("Слава Украине", "ru"))
    ]
    edition = build_edition(document_from_text(text), passages, [], lambda _id: None, {}, None)
    assert [aside.transliteration for aside in edition.asides] == ["Slava Ukraini", "Slava Ukraine"]
    html = [aside(item, numbered=True) for item in edition.asides]
    assert 'lang="uk-Latn">' in html[0] and 'lang="ru-Latn">' in html[1]
