"""reader/asides.py: what is shown beside each passage, and the order passages are translated in."""

from __future__ import annotations

from reader.detection import Passage
from reader.glossary.model import TermHit
from reader.page.asides import PENDING_NOTE, SUSPECT_NOTE, Translated, build_asides, glosses_in
from reader.page.rows import GLOSS, NOTE, TRANSLATION, TRANSLIT
from reader.page.transliteration import transliterate
from reader.reading.session import nearest_first
from reader.reading.state import EssayState

TEXT = "Intro «Вся власть Советам» and then «Кадры решают всё» and «Слава Україні»."


def passage(part: str, lang: str = "ru") -> Passage:
    start = TEXT.index(part)
    return Passage(start, start + len(part), lang, part)


POWER, CADRES, UKRAINIAN = (
    passage("Вся власть Советам"),
    passage("Кадры решают всё"),
    passage("Слава Україні", "uk"),
)


def test_translation_pending_and_suspect() -> None:
    translations = {
        POWER.start: Translated("All power to the Soviets"),
        CADRES.start: Translated("x x x", True),
    }
    asides = build_asides([POWER, CADRES], EssayState(), translations, model_missing=False)
    assert [(piece.text, piece.kind) for piece in asides[POWER.start]] == [
        ("All power to the Soviets", TRANSLATION)
    ]
    assert [piece.text for piece in asides[CADRES.start]] == [SUSPECT_NOTE, "x x x"]
    pending = build_asides([POWER], EssayState(), {}, model_missing=False)
    assert pending[POWER.start][0].text == PENDING_NOTE and pending[POWER.start][0].kind == NOTE


def test_hidden_translations_and_transliteration() -> None:
    translations = {POWER.start: Translated("All power to the Soviets")}
    hidden = EssayState().toggle_all()
    assert build_asides([POWER], hidden, translations, model_missing=False) == {}
    one_shown = hidden.toggle_one(POWER.start)
    assert POWER.start in build_asides([POWER, CADRES], one_shown, translations, model_missing=False)
    with_translit = build_asides([POWER], EssayState(transliterate=True), translations, model_missing=False)
    assert [piece.kind for piece in with_translit[POWER.start]] == [TRANSLATION, TRANSLIT]
    assert with_translit[POWER.start][1].text == transliterate(POWER.text)


def test_without_a_model_transliteration_and_glosses_stand_in() -> None:
    glosses = {POWER.start: ("Советам: councils of workers' deputies",)}
    asides = build_asides([POWER, UKRAINIAN], EssayState(), {}, model_missing=True, glosses=glosses)
    assert [(p.kind, p.text) for p in asides[POWER.start]] == [
        (TRANSLIT, "Vsya vlast Sovetam"),
        (GLOSS, "Советам: councils of workers' deputies"),
    ]
    assert asides[UKRAINIAN.start][0].kind == TRANSLIT  # not Russian: never sent to the ru->en model
    with_model = build_asides([UKRAINIAN], EssayState(), {}, model_missing=False)
    assert with_model[UKRAINIAN.start][0].kind == TRANSLIT


def test_glosses_in_collects_each_entry_once_per_passage() -> None:
    class Entry:
        def __init__(self, term: str, gloss: str) -> None:
            self.term, self.gloss = term, gloss

    entries = {"soviet": Entry("soviet", "council"), "cadres": Entry("cadres", "")}
    start = TEXT.index("Советам")
    cadres = TEXT.index("Кадры")
    hits = [
        TermHit("cadres", cadres, cadres + 5, "Кадры"),
        TermHit("soviet", start, start + 7, "Советам"),
        TermHit("soviet", start, start + 7, "Советам"),
        TermHit("unknown", 0, 5, "Intro"),
    ]
    found = glosses_in([POWER, CADRES, UKRAINIAN], hits, entries.get)
    assert found == {POWER.start: ("Советам: council",), CADRES.start: ("cadres",)}


def test_nearest_first_orders_by_distance_from_the_reading_position() -> None:
    ordered = nearest_first([POWER, CADRES, UKRAINIAN], CADRES.start + 2)
    assert ordered[0] == CADRES
    assert nearest_first([POWER, CADRES, UKRAINIAN], len(TEXT))[0] == UKRAINIAN
    assert nearest_first([UKRAINIAN, CADRES, POWER], 0) == [POWER, CADRES, UKRAINIAN]
