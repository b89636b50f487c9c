"""YAML from outside (glossary overlays, index.yaml): aliases, deep nesting, huge files refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import safe_yaml
from reader.glossary import check_glossary_files
from reader.safe_yaml import MAX_YAML_BYTES, YamlRefused, compose_file, load_file
from tests.support.cli import run_cli

LOADERS = [
    pytest.param(None, id="default"),
    pytest.param(safe_yaml._PureSafeLoader, id="pure-python"),
]


def billion_laughs() -> str:
    """Ten levels of ten aliases each: 10**10 strings once expanded."""
    lines = ['- &a0 "lol"']
    for level in range(1, 11):
        refs = ", ".join(f"*a{level - 1}" for _ in range(10))
        lines.append(f"- &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("loader", LOADERS)
def test_aliases_are_refused(tmp_path: Path, loader: object) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(billion_laughs(), encoding="utf-8")
    with pytest.raises(YamlRefused, match="aliases") as caught:
        compose_file(path, loader)
    assert str(caught.value).startswith(f"{path}:")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize("text", ["[" * 100_000, "[" * 500 + "]" * 500, "- " * 100_000 + "x"])
def test_deep_nesting_is_refused_without_recursion_error(tmp_path: Path, loader: object, text: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(YamlRefused, match="invalid YAML") as caught:
        compose_file(path, loader)
    assert len(str(caught.value)) <= 300 and "\n" not in str(caught.value)


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as out:
        out.truncate(MAX_YAML_BYTES + 1)
    with pytest.raises(YamlRefused, match=r"too large \(10 MB; the limit is 10 MB\)"):
        load_file(path)


def test_an_index_with_plain_mappings_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "index.yaml"
    path.write_text('essay.txt:\n  title: "An essay"\n  year: 1990\n', encoding="utf-8")
    assert load_file(path) == {"essay.txt": {"title": "An essay", "year": 1990}}


def test_an_index_with_aliases_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "index.yaml"
    path.write_text("a.txt: &meta\n  title: T\nb.txt: *meta\n", encoding="utf-8")
    with pytest.raises(YamlRefused, match=r":1: invalid YAML: anchors and aliases"):
        load_file(path)


def test_a_glossary_with_aliases_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(billion_laughs(), encoding="utf-8")
    problems = check_glossary_files([path])
    assert len(problems) == 1
    assert "anchors and aliases" in problems[0].message


def test_glossary_check_refuses_a_billion_laughs_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(billion_laughs(), encoding="utf-8")
    result = run_cli("glossary", "check", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [f"{path}:1: invalid YAML: {safe_yaml.ALIASES_REFUSED}"]


def test_error_messages_escape_control_characters_and_stay_short(tmp_path: Path) -> None:
    path = tmp_path / "controls.yaml"
    path.write_text("- id: x\n  term: [\x1b]2;pwned\x07" + "a" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(YamlRefused) as caught:
        compose_file(path)
    message = str(caught.value)
    assert "\x1b" not in message and "\x07" not in message and "\n" not in message
    assert len(message) <= 300


def test_a_value_that_cannot_be_constructed_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "index.yaml"
    path.write_text("a.txt: !!python/object:os.system {}\n", encoding="utf-8")
    with pytest.raises(YamlRefused, match="invalid YAML"):
        load_file(path)  # the safe loader refuses the tag rather than running anything
