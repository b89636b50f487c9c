"""Senses and context rules: everyday words that share a spelling with a Soviet term find nothing, the
Soviet sense still does, and the ``context`` field is validated like every other field."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.glossary import Glossary, load_glossary
from reader.glossary.schema import read_glossary_file

CURATED = Path(__file__).parent.parent / "glossary"
RCP = "Russian Communist Party"


@pytest.fixture(scope="module")
def curated() -> Glossary:
    return load_glossary(curated_dir=CURATED, include_user=False)


def found(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    hits = glossary.annotate(text)
    assert all(text[h.start : h.end] == h.text for h in hits)
    return [(h.id, h.text) for h in hits]


@pytest.mark.parametrize(
    "text",
    [
        "Он дал мне хороший совет.",
        "По совету врача он бросил курить.",
        "Спасибо за советы, они мне помогли.",
        "Он сжал кулак.",
        "Он ударил кулаком по столу.",
        "Он ударник в рок-группе.",
        "Ударник нашей группы опоздал на концерт.",
        "Началась весенняя оттепель.",
        "В феврале началась оттепель.",
        "Ускорение свободного падения равно 9,8 м/с².",
        "Чистка зубов занимает две минуты.",
        "Вал двигателя сломался.",
        "Коленчатый вал заменили в мастерской.",
        "Дефицит бюджета вырос.",
        "Alexandre Dumas wrote The Three Musketeers.",
        "Dumas père and Dumas fils.",
        "The Russian Federation is a large country.",
        "The Chinese Communist Party met in Beijing.",
        "Prisoners were sent to labour camps.",
        "The doctor told him to purge the wound.",
    ],
)
def test_everyday_senses_find_nothing(curated: Glossary, text: str) -> None:
    assert found(curated, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Совет народных комиссаров принял декрет.", ("sovnarkom", "Совет народных комиссаров")),
        ("Местный совет депутатов собрался на сессию.", ("soviet", "совет")),
        ("Кулаки были высланы в Сибирь.", ("kulak", "Кулаки")),
        ("Он был ударником труда.", ("shock-worker", "ударником")),
        ("Хрущёвская оттепель началась в 1956 году.", ("thaw", "Хрущёвская оттепель")),
        ("В годы оттепели цензура ослабла.", ("thaw", "оттепели")),
        ("Политика ускорения провалилась.", ("uskoreniye", "ускорения")),
        ("Партийная чистка 1921 года.", ("purge", "Партийная чистка")),
        ("Чистки в армии начались в 1937 году.", ("purge", "Чистки")),
        ("Завод выполнил план по валу.", ("val", "валу")),
        ("Товарный дефицит рос.", ("defitsit", "дефицит")),
        ("The First and Second Dumas were dissolved.", ("duma", "Dumas")),
        ("Four Dumas sat before 1917; the Dumas were elected.", ("duma", "Dumas")),
        ("In 1990 the Russian Communist Party was founded.", ("communist-party-rsfsr", RCP)),
        ("In 1921 the Russian Communist Party banned factions.", ("cpsu", RCP)),
        ("The ruling Communist Party decided.", ("cpsu", "Communist Party")),
        ("The Soviet state sent them to labour camps.", ("gulag", "labour camps")),
        ("The Stalin-era purges of the army.", ("purge", "purges")),
    ],
)
def test_soviet_senses_still_hit(curated: Glossary, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(curated, text)


def test_soviet_context_is_the_paragraph_or_the_whole_text(curated: Glossary) -> None:
    camps = "Prisoners were sent to labour camps."
    assert found(curated, camps) == []
    camp_hit = ("gulag", "labour camps")
    assert camp_hit in found(curated, f"The USSR grew.\n{camps}")  # same paragraph (one line break)
    assert camp_hit not in found(curated, f"The USSR grew.\n\n{camps}")  # another paragraph
    about = " ".join(["The Soviet Union and Stalin's Russia."] * 3 + ["Some more words here."] * 20)
    assert camp_hit in found(curated, f"{about}\n\n{camps}")


def test_lookup_ignores_context_rules(curated: Glossary) -> None:
    """A typed query is a name, not a sentence: совет and Dumas look up their entries."""
    assert curated.lookup("совет")[0].entry.id == "soviet"
    assert curated.lookup("кулаками")[0].entry.id == "kulak"
    assert curated.lookup("Dumas")[0].entry.id == "duma"


def _write(tmp_path: Path, context: str, forms: str = "[кулаки]") -> Path:
    path = tmp_path / "g.yaml"
    path.write_text(
        f"- id: kulak\n  term: kulak\n  russian: кулак\n  forms: {forms}\n  transliterations: [kulak]\n"
        "  gloss: rich peasant\n  definition: A peasant.\n  category: agriculture\n  period: x\n"
        f"  see_also: []\n  context:\n{context}"
        "  sources:\n    - author: A\n      title: B\n      year: 1990\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("context", "message"),
    [
        ("    - spellings: [кулачок]\n      near: [деревня]\n", "'кулачок' is not a name of the entry"),
        ("    - spellings: [кулак]\n", "needs at least one condition"),
        ("    - spellings: [кулак]\n      grammar: [plural]\n", "unknown grammeme 'plural'"),
        ("    - spellings: [кулак]\n      noun: maybe\n", "noun must be true or false"),
        ("    - spellings: [кулак]\n      nearby: [x]\n", "unknown field 'nearby'"),
        ("    spellings: [кулак]\n", "context must be a list of rules"),
    ],
)
def test_bad_context_rules_are_reported_with_their_line(tmp_path: Path, context: str, message: str) -> None:
    entries, problems = read_glossary_file(_write(tmp_path, context))
    assert entries == []
    assert len(problems) == 1 and message in problems[0].message, problems
    assert 11 <= problems[0].line <= 13


def test_grammar_and_neighbour_conditions(tmp_path: Path) -> None:
    rules = (
        "    - spellings: [кулак, кулаки]\n      grammar: [plur]\n      not_after: [сжать]\n"
        "    - spellings: [kulak]\n      after: [rich]\n"
    )
    entries, problems = read_glossary_file(_write(tmp_path, rules))
    assert problems == []
    glossary = Glossary({"kulak": entries[0].entry})
    assert found(glossary, "Кулаки ушли.") == [("kulak", "Кулаки")]
    assert found(glossary, "Один кулак ушёл.") == []  # singular
    assert found(glossary, "Он сжал кулаки.") == []  # after сжать
    assert found(glossary, "a rich kulak, a kulak") == [("kulak", "kulak")]
    assert entries[0].entry.as_dict()["context"][0]["grammar"] == ["plur"]


@pytest.mark.parametrize(
    "text",
    [
        "The American Civil War ended in 1865.",
        "The Spanish Civil War began in 1936.",
        "Mao's Red Guards attacked teachers during the Cultural Revolution.",
        "The Chinese Red Army crossed the river on the Long March.",
        "India launched its first five-year plan in 1951.",
        "The Politburo of the Chinese Communist Party met in Beijing.",
        "The Central Committee of the Vietnamese party met.",
        "The Inquisition staged show trials in Spain.",
        "The French Revolution ended with Thermidor.",
        "Israel's kibbutz is a collective farm.",
        "The company launched a new economic policy.",
        "The Thaw came early that spring in Vermont.",
    ],
)
def test_phrases_outside_a_soviet_context_find_nothing(curated: Glossary, text: str) -> None:
    assert found(curated, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Russian Civil War ended in 1921.", ("civil-war", "Russian Civil War")),
        ("In Soviet Russia the Civil War ended in 1921.", ("civil-war", "Civil War")),
        ("Stalin packed the Politburo.", ("politburo", "Politburo")),
        ("The first five-year plan of the USSR began in 1928.", ("five-year-plan", "five-year plan")),
        ("Stalin staged show trials in 1936.", ("show-trials", "show trials")),
        ("Trotsky feared a Soviet Thermidor.", ("thermidor", "Soviet Thermidor")),
        ("Lenin's New Economic Policy of 1921.", ("nep", "New Economic Policy")),
        ("The Thaw began after Stalin died.", ("thaw", "Thaw")),
    ],
)
def test_the_same_phrases_in_a_soviet_context_hit(
    curated: Glossary, text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(curated, text)


def test_thaw_is_the_capitalised_noun_in_a_soviet_context(curated: Glossary) -> None:
    assert found(curated, "Under Stalin the river began to thaw in April.") == [("stalin", "Stalin")]
    assert found(curated, "Stalin was dead; would they Thaw?") == [("stalin", "Stalin")]  # a verb
    assert ("thaw", "Thaw") in found(curated, "Stalin was dead, and the Thaw began.")
