"""How sure detection is of a passage's language, and what an unsure guess means for translation.

Short clauses of Ukrainian, Belarusian or Macedonian hold no letter Russian lacks; the second opinion
(a Russian word list and lingua's n-gram models) is asked about them, and loaded only then.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.detection import Passage, detect, short_text
from reader.detection.model import MIN_TRANSLATED_CONFIDENCE
from tests.support.cli import REPO_ROOT, run_cli


def only(text: str) -> Passage:
    passages = detect(text).passages
    assert len(passages) == 1, passages
    return passages[0]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Денеска не одам на работа, болен сум.", "mk"),
        ("Я не ведаю, дзе ён жыве.", "be"),
        ("Ми живемо в одному будинку.", "uk"),
    ],
)
def test_short_sentences_of_other_languages_are_not_russian(sentence: str, lang: str) -> None:
    passage = only(sentence)
    assert passage.lang == lang
    assert not passage.translated


@pytest.mark.parametrize(
    "sentence",
    ["Я не знаю, где он живёт.", "Мы живём в одном доме.", "Вся власть Советам", "Кадры решают всё"],
)
def test_short_russian_sentences_stay_russian_and_are_translated(sentence: str) -> None:
    passage = only(sentence)
    assert passage.lang == "ru"
    assert passage.translated


def test_long_russian_text_is_sure() -> None:
    passage = only(
        "Что же изменилось в Советском Союзе в послевоенный период, когда страна восстанавливалась?"
    )
    assert passage.lang == "ru"
    assert passage.lang_confidence > 0.99


def test_every_confidence_is_a_probability() -> None:
    text = "The «Америка и Фашизм» series, and Слава Україні, and the колхоз, and Той каза, че ще дойде."
    passages = detect(text).passages
    assert len(passages) == 4
    assert all(0.0 <= passage.lang_confidence <= 1.0 for passage in passages)
    # English prose between them: each is judged alone, not by its neighbours' languages.
    assert [passage.lang for passage in passages] == ["ru", "uk", "ru", "bg"]


def test_an_unsure_russian_guess_is_not_translated() -> None:
    sure = Passage(0, 5, "ru", "texts", MIN_TRANSLATED_CONFIDENCE)
    unsure = Passage(0, 5, "ru", "texts", MIN_TRANSLATED_CONFIDENCE - 0.01)
    assert sure.translated and not unsure.translated
    assert not Passage(0, 5, "uk", "texts", 1.0).translated


def test_detect_json_gives_each_passage_its_confidence(tmp_path: Path) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text("He said «Ми живемо в одному будинку.» and «Мы живём в одном доме».\n", encoding="utf-8")
    result = run_cli("detect", str(essay), "--json")
    assert result.returncode == 0, result.stderr
    passages = json.loads(result.stdout)["passages"]
    assert [(p["lang"], p["text"]) for p in passages] == [
        ("uk", "Ми живемо в одному будинку."),
        ("ru", "Мы живём в одном доме"),
    ]
    assert all(isinstance(p["lang_confidence"], float) and 0 <= p["lang_confidence"] <= 1 for p in passages)


def _modules_after(code: str) -> list[str]:
    script = f"import sys\n{code}\nprint(sorted(m for m in ('lingua', 'pymorphy3') if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.replace("'", '"'))


def test_second_opinion_loads_only_when_a_passage_needs_it() -> None:
    assert _modules_after("import reader.detection, reader.cli, reader.reading.session, reader.ui.app") == []
    long_russian = (
        "Что же изменилось в Советском Союзе в послевоенный период, когда страна восстанавливалась?"
    )
    assert _modules_after(f"from reader.detection import detect\ndetect({long_russian!r})") == []
    assert _modules_after("from reader.detection import detect\ndetect('Ми живемо в одному будинку.')") == [
        "lingua",
        "pymorphy3",
    ]


@pytest.mark.parametrize(
    ("text", "unknown", "misfits"),
    [
        # живемо, будинку: no Russian word forms; "в одному": Russian "в" takes no dative
        ("Ми живемо в одному будинку", 2, 1),
        ("полета от Африка до Азия", 0, 2),  # Russian "от" and "до" take the genitive: "от Африки"
        ("Я живу на улице Ленина", 0, 0),
        ("Рампро Канджар пришёл", 0, 0),  # capitalised unknown words are names, not evidence
    ],
)
def test_russian_word_list_and_grammar_evidence(text: str, unknown: int, misfits: int) -> None:
    counts = short_text.russian_words(text)
    assert (counts.unknown, counts.misfits) == (unknown, misfits)


def test_combined_probabilities_sum_to_one_and_follow_the_evidence() -> None:
    rules = {lang: 0.0 for lang in ("ru", "uk", "be", "bg", "sr", "mk", "kk")}
    even = {lang: 1 / 7 for lang in rules}
    plain = short_text.combine(rules, short_text.WordCounts(0, 0), even)
    foreign_words = short_text.combine(rules, short_text.WordCounts(0, 3), even)
    assert abs(sum(plain.values()) - 1) < 1e-9
    assert foreign_words["ru"] < plain["ru"]


def test_detect_readable_list_shows_an_unsure_language_with_its_probability(tmp_path: Path) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text(
        "Quoted: «Америка и Фашизм». And «Мы живём в одном доме и пьём чай по утрам».\n", encoding="utf-8"
    )
    result = run_cli("detect", str(essay))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()[1:]
    confidences = [p.lang_confidence for p in detect(essay.read_text(encoding="utf-8")).passages]
    assert min(confidences) < 0.9 <= max(confidences)  # one of each kind
    for line, confidence in zip(lines, confidences, strict=True):
        shown = line.split("]")[0].split("[")[1]
        assert shown == ("ru" if confidence >= 0.9 else f"ru {confidence:.2f}")


RUSSIAN_PARAGRAPH = (
    "Что же изменилось в Советском Союзе в послевоенный период, и почему труд перестал быть эффективным? "
    "Такая ситуация сложилась во многом из-за того, что в стране, где основными ценностями провозглашали "
    "труд и равенство, появилась номенклатура, которая жила по своим правилам и не отвечала ни перед кем. "
)


def test_a_russian_essay_makes_russian_likelier_for_its_short_passages() -> None:
    alone = only("Америка и Фашизм")
    essay = f"{RUSSIAN_PARAGRAPH * 4}\n\nSee «Америка и Фашизм».\n\nAnd «Ми живемо в одному будинку.»\n"
    passages = {passage.text: passage for passage in detect(essay).passages}
    in_essay = passages["Америка и Фашизм"]
    assert in_essay.lang == "ru" and in_essay.lang_confidence > alone.lang_confidence
    assert passages["Ми живемо в одному будинку."].lang == "uk"  # clear evidence still wins


def test_a_russian_essay_needs_no_ngram_models() -> None:
    essay = f"{RUSSIAN_PARAGRAPH * 4}\n\nSee «Америка и Фашизм» and «Простых граждан».\n"
    code = f"from reader.detection import detect\ndetect({essay!r})"
    assert _modules_after(code) == ["pymorphy3"]
