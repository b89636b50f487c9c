"""Letter case, normalised spellings and the adjective sense of "Soviet", on the curated glossary."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from reader.glossary import Glossary, load_glossary
from reader.glossary.schema import read_glossary_file

CURATED = Path(__file__).parent.parent / "glossary"


@pytest.fixture(scope="module")
def curated() -> Glossary:
    return load_glossary(curated_dir=CURATED, include_user=False)


def found(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    hits = glossary.annotate(text)
    assert all(text[h.start : h.end] == h.text for h in hits)
    return [(h.id, h.text) for h in hits]


@pytest.mark.parametrize("text", ["Sr. Smith", "the Val", "cis-trans", "left srs", "the gpu"])
def test_acronyms_need_their_capitals(curated: Glossary, text: str) -> None:
    assert found(curated, text) == []


def test_acronyms_in_capitals_match(curated: Glossary) -> None:
    assert found(curated, "the SRs and the CIS") == [("socialist-revolutionaries", "SRs"), ("cis", "CIS")]
    assert found(curated, "S-Rs, the GPU's") == [("socialist-revolutionaries", "S-Rs"), ("gpu", "GPU's")]


def test_case_sensitive_field_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(
        "- id: mir\n  term: Mir\n  russian: мир\n  forms: []\n  transliterations: [Mir]\n"
        "  gloss: peasant commune\n  definition: The commune.\n  category: agriculture\n  period: x\n"
        "  see_also: []\n  case_sensitive: [Mir, Peace]\n"
        "  sources:\n    - author: A\n      title: B\n      year: 1990\n",
        encoding="utf-8",
    )
    entries, problems = read_glossary_file(path)
    assert entries == []
    assert [(p.line, "'Peace' is not a term" in p.message) for p in problems] == [(11, True)]
    path.write_text(path.read_text(encoding="utf-8").replace(", Peace", ""), encoding="utf-8")
    entries, problems = read_glossary_file(path)
    assert problems == [] and entries[0].entry.case_sensitive == ("Mir",)
    glossary = Glossary({"mir": entries[0].entry})
    assert found(glossary, "the Mir, the mir") == [("mir", "Mir")]


@pytest.mark.parametrize(
    ("text", "entry_id", "original"),
    [
        ("В колхо́з пришли", "kolkhoz", "колхо́з"),
        ("Номенклату́ра решала", "nomenklatura", "Номенклату́ра"),
        ("и кула́к в деревне", "kulak", "кула́к"),
        ("the nomen\u00adklatura", "nomenklatura", "nomen\u00adklatura"),
        ("a ｋｏｌｋｈｏｚ", "kolkhoz", "ｋｏｌｋｈｏｚ"),
        ("kol\u200bkhoz\ufeff", "kolkhoz", "kol\u200bkhoz"),
        ("колхо̀з", "kolkhoz", "колхо̀з"),
    ],
)
def test_normalised_spellings_hit_with_original_offsets(
    curated: Glossary, text: str, entry_id: str, original: str
) -> None:
    hits = curated.annotate(text)
    assert [(h.id, text[h.start : h.end], h.text) for h in hits] == [(entry_id, original, original)]


def test_decomposed_letters_match(curated: Glossary) -> None:
    text = unicodedata.normalize("NFD", "Колхозный строй. Ещё колхоз")
    assert text != unicodedata.normalize("NFC", text)
    hits = curated.annotate(text)
    assert [h.id for h in hits] == ["kolkhoz", "kolkhoz"]
    assert [unicodedata.normalize("NFC", h.text) for h in hits] == ["Колхозный", "колхоз"]
    assert hits[-1].end == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Soviet economy", [("soviet-adjective", "Soviet")]),
        ("Soviet tanks", [("soviet-adjective", "Soviet")]),
        ("the Soviet Union", [("ussr", "Soviet Union")]),
        ("the Petrograd Soviet", [("petrograd-soviet", "Petrograd Soviet")]),
        ("the Soviet of Workers' Deputies", [("soviet", "Soviet")]),
        ("local soviets met", [("soviet", "soviets")]),
        ("the Soviet voted", [("soviet", "Soviet")]),
        ("a soviet economy", [("soviet-adjective", "soviet")]),
        ("the Soviet-era levels", [("soviet-adjective", "Soviet")]),
        ("the local soviet met", [("soviet", "soviet")]),
        ("the Soviet decided", [("soviet", "Soviet")]),
    ],
)
def test_soviet_adjective_and_council(curated: Glossary, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(curated, text) == expected
