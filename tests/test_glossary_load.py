"""Loading and validating glossary files: problems carry the file and line; good entries survive."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader import paths
from reader.glossary import (
    CATEGORIES,
    Glossary,
    Problem,
    Source,
    check_glossary,
    check_glossary_files,
    load_glossary,
)

FIXTURES = Path(__file__).parent / "fixtures" / "glossary"
BASIC = FIXTURES / "basic"
BAD = FIXTURES / "bad"
OVERLAY = FIXTURES / "overlay"


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th line of ``path`` containing ``needle``."""
    found = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    return found[occurrence - 1]


def problems_of(name: str) -> list[Problem]:
    return check_glossary_files([BAD / name])


def test_basic_fixture_is_valid_and_complete() -> None:
    report = check_glossary([BASIC])
    assert report.problems == ()
    assert report.entries == 12
    glossary = load_glossary(curated_dir=BASIC, include_user=False)
    kolkhoz = glossary.get("kolkhoz")
    assert kolkhoz is not None
    assert kolkhoz.russian == "колхоз"
    assert kolkhoz.forms == ("колхозный",)
    assert kolkhoz.see_also == ("kulak",)
    assert kolkhoz.sources[0] == Source(
        "Sheila Fitzpatrick",
        "Stalin's Peasants: Resistance and Survival in the Russian Village after Collectivization",
        1994,
    )
    assert kolkhoz.origin == str(BASIC.resolve() / "terms.yaml")
    assert glossary.get("gosplan").sources[0].year is None  # type: ignore[union-attr]
    assert kolkhoz.definition.startswith("A collective farm. Members")  # folded scalar, one line


def test_invalid_yaml_reports_the_line_of_the_parse_error() -> None:
    path = BAD / "invalid_yaml.yaml"
    [problem] = problems_of("invalid_yaml.yaml")
    assert problem.path == str(path)
    assert problem.line in (line_of(path, "term: [unclosed"), line_of(path, "russian: сломанный"))
    assert "invalid YAML" in problem.message
    assert str(problem) == f"{path}:{problem.line}: {problem.message}"


def test_missing_field_names_the_entry_and_its_line() -> None:
    path = BAD / "missing_field.yaml"
    problems = problems_of("missing_field.yaml")
    missing = [p for p in problems if "missing field 'gloss'" in p.message]
    assert len(missing) == 1
    assert missing[0].line == line_of(path, "- id: incomplete")
    assert "'incomplete'" in missing[0].message


def test_bad_entries_are_skipped_and_good_ones_kept(tmp_path: Path) -> None:
    shutil.copy(BAD / "missing_field.yaml", tmp_path / "a.yaml")
    glossary = load_glossary(curated_dir=tmp_path, include_user=False)
    assert set(glossary.entries) == {"complete"}
    messages = [p.message for p in glossary.problems]
    assert any("missing field 'gloss'" in m for m in messages)
    # 'complete' points at the skipped entry: reported, but the entry is still usable.
    assert any("see_also 'incomplete' is not a glossary id" in m for m in messages)


def test_duplicate_id_reports_the_second_definition() -> None:
    path = BAD / "duplicate_id.yaml"
    [problem] = problems_of("duplicate_id.yaml")
    assert problem.line == line_of(path, "- id: twin", occurrence=2)
    assert "duplicate id 'twin'" in problem.message
    assert f"{path}:{line_of(path, '- id: twin')}" in problem.message


def test_duplicate_id_across_files_of_one_glossary(tmp_path: Path) -> None:
    shutil.copy(BASIC / "terms.yaml", tmp_path / "a.yaml")
    shutil.copy(BASIC / "terms.yaml", tmp_path / "b.yaml")
    problems = check_glossary_files([tmp_path])
    assert len(problems) == 12
    assert all(p.path == str(tmp_path / "b.yaml") and "duplicate id" in p.message for p in problems)


def test_dangling_see_also_reports_the_line_of_the_id() -> None:
    path = BAD / "dangling_see_also.yaml"
    [problem] = problems_of("dangling_see_also.yaml")
    assert problem.line == line_of(path, "- no-such-entry")
    assert "see_also 'no-such-entry' is not a glossary id" in problem.message


def test_wrong_types_each_reported_on_their_own_line() -> None:
    path = BAD / "wrong_types.yaml"
    by_line = {p.line: p.message for p in problems_of("wrong_types.yaml")}
    assert "slug" in by_line[line_of(path, "- id: Bad_Slug")]
    assert "unknown category 'sports'" in by_line[line_of(path, "category: sports")]
    assert "at least one reference work" in by_line[line_of(path, "sources: []")]
    assert "forms must be a list" in by_line[line_of(path, "forms: not a list")]
    assert "definition is empty" in by_line[line_of(path, 'definition: ""')]
    assert "year must be a number" in by_line[line_of(path, "year: nineteen-eighty")]
    assert len(by_line) == 6


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("- just a string\n", "must be a mapping"),
        ("id: not-a-list\n", "must be a list of entries"),
        ("- id: x\n  colour: red\n", "unknown field 'colour'"),
    ],
)
def test_structural_problems(tmp_path: Path, snippet: str, expected: str) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text(snippet, encoding="utf-8")
    problems = check_glossary_files([path])
    assert any(expected in p.message for p in problems), problems
    assert all(p.line >= 1 and p.path == str(path) for p in problems)


def test_not_utf8_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("- id: caf\xe9\n".encode("latin-1"))
    [problem] = check_glossary_files([path])
    assert "not UTF-8" in problem.message


def test_control_character_is_one_problem_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_text("- id: a\n  term: b\x00c\n", encoding="utf-8")
    [problem] = check_glossary_files([path])
    assert problem.line == 2
    assert "invalid YAML" in problem.message
    assert "\n" not in problem.message


def test_empty_file_has_no_entries_and_no_problems(tmp_path: Path) -> None:
    (tmp_path / "empty.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert check_glossary_files([tmp_path]) == []


def test_user_overlay_overrides_and_extends(tmp_path: Path) -> None:
    glossary = load_glossary(extra_dirs=(OVERLAY,), curated_dir=BASIC, include_user=False)
    assert glossary.problems == []
    kolkhoz = glossary.get("kolkhoz")
    assert kolkhoz is not None and kolkhoz.gloss == "my own gloss"
    assert kolkhoz.origin.endswith("user.yaml")
    assert glossary.get("trudoden") is not None
    assert glossary.get("kulak") is not None and glossary.get("kulak").origin.endswith("terms.yaml")  # type: ignore[union-attr]
    # The override applies to matching too: the user's kolkhoz has no Russian form колхозный any more.
    hits = glossary.annotate("колхозный колхоз, трудодень, trudodni")
    assert [(hit.id, hit.text) for hit in hits] == [
        ("kolkhoz", "колхоз"),
        ("trudoden", "трудодень"),
        ("trudoden", "trudodni"),
    ]


def test_default_user_glossary_directory_is_overlaid() -> None:
    user_dir = paths.user_glossary_dir()
    user_dir.mkdir(parents=True)
    shutil.copy(OVERLAY / "user.yaml", user_dir / "mine.yaml")
    with_user = load_glossary(curated_dir=BASIC)
    assert with_user.get("kolkhoz").gloss == "my own gloss"  # type: ignore[union-attr]
    without = load_glossary(curated_dir=BASIC, include_user=False)
    assert without.get("kolkhoz").gloss == "collective farm"  # type: ignore[union-attr]
    assert without.get("trudoden") is None


def test_overlay_checked_against_the_curated_base() -> None:
    # trudoden's see_also points into the base; kolkhoz overrides a base id: neither is a problem.
    assert check_glossary([OVERLAY], base=[BASIC]).problems == ()
    alone = check_glossary([OVERLAY]).problems
    assert [p.message for p in alone] == ["entry 'kolkhoz': see_also 'kulak' is not a glossary id"]


def test_load_is_cached_per_arguments() -> None:
    first = load_glossary(curated_dir=BASIC, include_user=False)
    assert load_glossary(curated_dir=BASIC, include_user=False) is first
    assert load_glossary(extra_dirs=(OVERLAY,), curated_dir=BASIC, include_user=False) is not first


def test_glossary_categories_and_by_category() -> None:
    glossary = load_glossary(curated_dir=BASIC, include_user=False)
    assert glossary.categories() == [
        c for c in CATEGORIES if c in {"party", "economy", "agriculture", "state", "society", "security"}
    ]
    assert [e.id for e in glossary.by_category("agriculture")] == ["kolkhoz", "kulak"]
    assert glossary.by_category("dissent") == []


def test_glossary_from_entries_in_memory() -> None:
    source = load_glossary(curated_dir=BASIC, include_user=False)
    glossary = Glossary({"blat": source.entries["blat"]})
    assert [h.id for h in glossary.annotate("by blat, not by blather")] == ["blat"]
    assert glossary.problems == []
