"""Word analysis: the direct reader of pymorphy3's dictionary agrees with pymorphy3, and grammar is plain
English.

:mod:`reader.words.forms` reads pymorphy3's files itself for speed; these tests hold it to pymorphy3's own
answers (same forms, lemmas, tags, scores and order) for every Russian word of the bundled essays and of
FLORES-200 when it is present.
"""

from __future__ import annotations

import re
from pathlib import Path

import pymorphy3
import pytest

from reader import paths
from reader.words import analysis, grammar
from reader.words.forms import form_table

WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*", re.IGNORECASE)
#: Tag codes that must never reach a reader.
TAG_CODES = re.compile(
    r"\b(NOUN|ADJF|ADJS|VERB|INFN|PRTF|PRTS|GRND|nomn|gent|datv|accs|ablt|loct|femn|masc|sing|plur)\b"
)


@pytest.fixture(scope="module")
def morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


def _words(text: str) -> list[str]:
    return sorted({word.lower() for word in WORD.findall(text)})


def _assert_same_as_pymorphy3(words: list[str], morph: pymorphy3.MorphAnalyzer) -> int:
    table = form_table()
    assert table is not None
    compared = 0
    for word in words:
        mine = table.parse(word)
        if mine is None:  # left to pymorphy3 itself
            continue
        theirs = [(p.word, p.normal_form, str(p.tag), round(p.score, 9)) for p in morph.parse(word)]
        assert [(p.word, p.lemma, p.tag, round(p.score, 9)) for p in mine] == theirs, word
        compared += 1
    return compared


def test_forms_match_pymorphy3_on_the_essays(morph: pymorphy3.MorphAnalyzer) -> None:
    text = "".join(path.read_text(encoding="utf-8") for path in paths.bundled_corpus_dir().glob("*.txt"))
    assert _assert_same_as_pymorphy3(_words(text), morph) > 150


def test_forms_match_pymorphy3_on_flores(flores_dir: Path, morph: pymorphy3.MorphAnalyzer) -> None:
    lines = (flores_dir / "rus_Cyrl.devtest").read_text(encoding="utf-8").splitlines()[:300]
    assert _assert_same_as_pymorphy3(_words("\n".join(lines)), morph) > 2000


def test_words_pymorphy3_must_guess_are_left_to_it() -> None:
    table = form_table()
    assert table is not None
    assert table.parse("гингрича") is None  # not in its dictionary: predicted by pymorphy3
    assert table.parse("северо-запад") is None  # hyphenated
    assert table.parse("а") is None  # one letter
    assert analysis.readings("гингрича")[0].lemma == "гингрич"


def test_grammar_is_plain_english_for_every_form_in_the_essays() -> None:
    text = "".join(path.read_text(encoding="utf-8") for path in paths.bundled_corpus_dir().glob("*.txt"))
    for word in _words(text):
        for reading in analysis.readings(word):
            for described in reading.grammar:
                assert TAG_CODES.search(described) is None, (word, described)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("NOUN,inan,masc plur,gent", "genitive plural, masculine"),
        ("VERB,impf,intr femn,sing,past,indc", "past, feminine singular"),
        ("VERB,impf,tran plur,3per,pres,indc", "present, 3rd person plural"),
        ("VERB,perf,tran sing,1per,futr,indc", "future, 1st person singular"),
        ("VERB,perf,tran sing,impr,excl", "imperative, singular"),
        ("VERB,perf,intr plur,impr,incl", "imperative, inclusive (let's), plural"),
        ("ADJS,Qual femn,sing", "short form, feminine singular"),
        ("COMP,Qual", "comparative"),
        ("ADJF,Supr,Qual masc,sing,nomn", "superlative, nominative masculine singular"),
        (
            "PRTF,perf,tran,past,pssv inan,masc,sing,accs",
            "participle (past passive), accusative masculine singular",
        ),
        ("PRTS,perf,past,pssv neut,sing", "short participle (past passive), neuter singular"),
        ("GRND,perf,tran past", "adverbial participle (past)"),
        ("INFN,impf,intr", "infinitive"),
        ("ADVB", "adverb"),
        ("NPRO,femn,3per,Anph sing,gent", "genitive feminine singular"),
    ],
)
def test_describe(tag: str, expected: str) -> None:
    assert grammar.describe(tag) == expected


@pytest.mark.parametrize(
    ("tag", "pos"),
    [
        ("NOUN,anim,masc,Name sing,nomn", "proper noun"),
        ("NOUN,inan,femn sing,nomn", "noun"),
        ("PRTF,perf,tran,past,pssv inan,masc,sing,nomn", "verb"),
        ("COMP,Qual", "adjective"),
        ("LATN", "other"),
    ],
)
def test_part_of_speech(tag: str, pos: str) -> None:
    assert grammar.part_of_speech(tag) == pos


def test_normalise() -> None:
    assert analysis.normalise(" за́мок\u00ad ") == "замок"
    assert analysis.normalise("что̀") == "что"
    assert analysis.normalise("и\u0306") == "й"  # NFC: й stays one letter
