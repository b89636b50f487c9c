"""The curated glossary (``glossary/``): valid, complete, and every required term found however it is written.

The Russian inflected forms and English plurals are generated from each entry's headwords (pymorphy3 for
Russian), so the test follows the content rather than a hand table that could drift; a few hand-written
cases from the issue are checked too.
"""

from __future__ import annotations

import re

import pytest

from reader import paths
from reader.glossary import Glossary, check_glossary, load_glossary
from reader.glossary.morphology import analyzer

REQUIRED_IDS = (
    "nomenklatura",
    "kolkhoz",
    "kolkhoznik",
    "sovkhoz",
    "kulak",
    "dekulakization",
    "collectivization",
    "nep",
    "nepman",
    "war-communism",
    "gosplan",
    "five-year-plan",
    "perestroika",
    "glasnost",
    "uskoreniye",
    "politburo",
    "central-committee",
    "sovnarkom",
    "soviet",
    "bolshevik",
    "menshevik",
    "socialist-revolutionaries",
    "cheka",
    "ogpu",
    "nkvd",
    "kgb",
    "gulag",
    "komsomol",
    "stakhanovite",
    "apparatchik",
    "intelligentsia",
    "thermidor",
    "samizdat",
    "blat",
    "khozraschet",
    "vesenkha",
    "duma",
    "zemstvo",
    "obshchina",
    "great-terror",
    "socialism-in-one-country",
    "permanent-revolution",
    "stalinism",
    "trotskyism",
)

_CASES = ({"gent"}, {"ablt"}, {"datv"})


@pytest.fixture(scope="module")
def curated() -> Glossary:
    return load_glossary(include_user=False)


def inflect_word(word: str) -> str:
    """``word`` in the first oblique case pymorphy3 can put it in that differs from it."""
    parse = analyzer().parse(word)[0]
    for grammemes in _CASES:
        inflected = parse.inflect(grammemes)
        if inflected is not None and inflected.word.replace("ё", "е") != word.lower().replace("ё", "е"):
            form: str = inflected.word
            if word.isupper() and len(word) > 1:
                return form.upper()
            return form[0].upper() + form[1:] if word[0].isupper() else form
    return word  # indeclinable: Политбюро, КГБ


def inflect_phrase(russian: str) -> str:
    """Every Cyrillic word of a headword inflected (Центральный комитет -> Центрального комитета)."""
    return re.sub(r"[А-Яа-яЁё]+", lambda match: inflect_word(match.group()), russian)


def english_plural(term: str) -> str:
    """The plural of an English headword's last word (for a term already plural: its singular)."""
    if term.endswith("ies"):
        return term[:-3] + "y"
    if term.endswith("s"):
        return term[:-1]
    if term.endswith(("x", "z", "ch", "sh")):
        return term + "es"
    if term.endswith("y") and term[-2:-1] not in tuple("aeiou"):
        return term[:-1] + "ies"
    return term + "s"


#: Entries whose Russian headword or English plural is ambiguous match only in context (their ``context``
#: rules): the frame gives each the context its rule asks for. The bare words are tested to find nothing
#: in tests/test_glossary_context.py.
#: Names that need a Soviet context (``soviet_context``) get one in the same paragraph; only the hits on the
#: framed text itself are compared.
SOVIET_FRAME = "See: {text}; in the USSR."
CONTEXT_FRAMES = {
    "kulak": "See: {text} в деревне.",
    "soviet": "See: {text}, избранный делегатами.",
    "duma": "See: the {text}.",
    **dict.fromkeys(("five-year-plan", "politburo", "central-committee", "thermidor", "nep"), SOVIET_FRAME),
}


def assert_resolves(glossary: Glossary, entry_id: str, text: str) -> None:
    template = CONTEXT_FRAMES.get(entry_id, "See: {text}.")
    frame = template.format(text=text)
    begin = template.index("{text}")
    hits = [h for h in glossary.annotate(frame) if h.start < begin + len(text) and h.end > begin]
    assert [(h.id, h.text) for h in hits] == [(entry_id, text)], f"annotate {text!r}"
    exact = [r.entry.id for r in glossary.lookup(text, limit=20) if r.score == 100]
    assert entry_id in exact, f"lookup {text!r} gave {exact}"


def test_curated_glossary_validates() -> None:
    report = check_glossary([paths.bundled_glossary_dir()])
    assert [str(p) for p in report.problems] == []
    assert report.entries >= 150


def test_glossary_size(curated: Glossary) -> None:
    assert len(curated) >= 450
    assert len(curated.by_category("people")) >= 40


def test_every_required_id_is_present(curated: Glossary) -> None:
    assert [entry_id for entry_id in REQUIRED_IDS if curated.get(entry_id) is None] == []


@pytest.mark.parametrize("entry_id", REQUIRED_IDS)
@pytest.mark.parametrize("kind", ["term", "russian", "russian-inflected", "english-plural"])
def test_required_id_resolves(curated: Glossary, entry_id: str, kind: str) -> None:
    entry = curated.get(entry_id)
    if entry is None:
        pytest.fail(f"{entry_id} is not in the curated glossary")
    text = {
        "term": lambda: entry.term,
        "russian": lambda: entry.russian,
        "russian-inflected": lambda: inflect_phrase(entry.russian),
        "english-plural": lambda: english_plural(entry.term),
    }[kind]()
    assert_resolves(curated, entry_id, text)


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("номенклатуру", "nomenklatura"),
        ("колхозов", "kolkhoz"),
        ("кулаками", "kulak"),
        ("нэпманы", "nepman"),
        ("большевиков", "bolshevik"),
        ("Политбюро", "politburo"),
        ("ВЧК", "cheka"),
        ("НЭП", "nep"),
        ("kulaks", "kulak"),
        ("Bolsheviks", "bolshevik"),
        ("Gosplan's", "gosplan"),
        ("kolkhozes", "kolkhoz"),
        ("kolkhozy", "kolkhoz"),
        ("war communism", "war-communism"),
        ("five-year plan", "five-year-plan"),
        ("Five Year Plans", "five-year-plan"),
        ("New Economic Policy", "nep"),
        ("Центрального комитета", "central-committee"),
        ("новой экономической политики", "nep"),
        ("Great Terror", "great-terror"),
        ("socialism in one country", "socialism-in-one-country"),
        ("permanent revolution", "permanent-revolution"),
    ],
)
def test_issue_examples(curated: Glossary, text: str, entry_id: str) -> None:
    assert_resolves(curated, entry_id, text)


@pytest.mark.parametrize("text", ["Sovietology", "Sovietologists", "blather", "blatant", "nepotism"])
def test_no_false_positives_in_the_curated_glossary(curated: Glossary, text: str) -> None:
    assert curated.annotate(f"{text} is a word.") == []


def test_typo_finds_nomenklatura_first(curated: Glossary) -> None:
    assert curated.lookup("nomenklatra")[0].entry.id == "nomenklatura"


def test_bundled_essays_are_annotated(curated: Glossary) -> None:
    text = (paths.bundled_corpus_dir() / "stalinism-its-origin-and-future.txt").read_text(encoding="utf-8")
    hits = curated.annotate(text)
    assert {"stalinism", "perestroika", "glasnost"} <= {h.id for h in hits}
    assert all(text[h.start : h.end] == h.text for h in hits)
