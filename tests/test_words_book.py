"""Word forms looked up once per session, short glosses, and the Russian words of a text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import MissingResource
from reader.words.book import GLOSS_WIDTH, WordBook, short_gloss
from reader.words.dictionary import Dictionary
from reader.words.tokens import words_in, words_in_spans


def test_russian_words_with_hyphens_and_stress_marks_without_punctuation() -> None:
    text = "«Из-за́ того, что» — Lenin said: СССР и т.д."
    found = [text[a:b] for a, b in words_in(text)]
    assert found == ["Из-за́", "того", "что", "СССР", "и", "т", "д"]


def test_words_only_inside_the_spans() -> None:
    text = "Один два. Three. Четыре"
    assert [text[a:b] for a, b in words_in_spans(text, [(17, 23), (0, 9)])] == ["Один", "два", "Четыре"]


def test_short_gloss_drops_notes_and_is_cut_to_fit() -> None:
    assert short_gloss("vein (anatomy)") == "vein"
    assert short_gloss("to live, to dwell") == "to live"
    assert short_gloss("(possession)") == "(possession)"
    cut = short_gloss("internationalisation")
    assert len(cut) == GLOSS_WIDTH and cut.endswith("…")


def test_a_form_is_looked_up_once() -> None:
    calls: list[str] = []

    class Counting(Dictionary):
        def lookup(self, key: str):  # type: ignore[no-untyped-def]
            calls.append(key)
            return super().lookup(key)

    from reader import paths

    book = WordBook(glossary_ids=dict, dictionary=Counting(paths.dictionary_file()))
    assert not book.ready and book.known("жила") is None
    first = book.look_up("жила")
    looked = len(calls)
    assert book.ready and looked >= 2  # жить and жила
    assert book.look_up("Жила") is first and book.known("жила") is first
    assert len(calls) == looked
    assert book.gloss("жила") == short_gloss(first.analyses[0].senses[0])


def test_glosses_of_a_text_by_word_start() -> None:
    book = WordBook(glossary_ids=dict)
    text = "He said: Она жила в Москве."
    glosses = book.glosses(text, words_in(text))
    assert glosses[text.index("жила")] == book.gloss("жила") != ""
    assert glosses[text.index("Москве")] == "Moscow"
    assert text.index("He") not in glosses


def test_glossary_ids_come_from_the_given_glossary() -> None:
    book = WordBook(glossary_ids=lambda: {"колхоз": "kolkhoz"})
    assert book.look_up("колхозов").analyses[0].glossary == "kolkhoz"


def test_a_missing_dictionary_is_a_missing_resource(tmp_path: Path) -> None:
    book = WordBook(glossary_ids=dict, dictionary=Dictionary(tmp_path / "absent.sqlite3"))
    with pytest.raises(MissingResource):
        book.gloss("жила")
    assert not book.ready


def test_a_gloss_passes_over_notes_about_the_form() -> None:
    book = WordBook(glossary_ids=dict)
    assert book.look_up("чем").analyses[0].senses[0].startswith("Prepositional")
    assert book.gloss("чем") == "than"
    assert book.look_up("у").analyses[0].senses[0] == "(possession)"
    assert book.gloss("у") == "by"
