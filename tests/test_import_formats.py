"""Importing essays in every format, end to end through the command line: ``reader import`` writes a
clean text copy, the library lists it with its metadata, and ``reader detect`` finds the Russian
passages at the offsets the import reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import paths
from reader.essay.formats import extract
from tests.support.cli import run_cli
from tests.support.essay_files import (
    AUTHOR,
    MAKERS,
    RUSSIAN,
    TITLE,
    YEAR,
    make_html,
    make_latin1_text,
    make_markdown,
    make_pdf,
)


def _import(path: Path, *extra: str) -> dict:
    result = run_cli("import", str(path), "--json", *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_import_then_library_then_detect(tmp_path: Path, kind: str) -> None:
    source = MAKERS[kind](tmp_path)
    imported = _import(source)

    copy = Path(imported["path"])
    assert copy.parent == paths.user_essays_dir() and copy.suffix == ".txt"
    text = copy.read_text(encoding="utf-8")
    assert len(text) == imported["chars"]
    passages = imported["passages"]
    assert {p["text"] for p in passages if p["lang"] == "ru"} >= set(RUSSIAN)
    for passage in passages:
        assert text[passage["start"] : passage["end"]] == passage["text"]

    listing = run_cli("library", "--json")
    assert listing.returncode == 0, listing.stderr
    [row] = [row for row in json.loads(listing.stdout) if row["path"] == str(copy)]
    assert row["origin"] == "user" and row["error"] is None
    assert row["russian_passages"] >= 2
    if kind != "text":  # plain text carries no metadata; its title is its first line
        assert TITLE in row["title"]
        assert (row["author"], row["year"]) == (AUTHOR, YEAR)
    else:
        assert row["title"] == TITLE

    detected = run_cli("detect", str(copy), "--json")
    assert detected.returncode == 0, detected.stderr
    assert json.loads(detected.stdout)["passages"] == passages


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_the_original_file_reads_as_its_imported_copy(tmp_path: Path, kind: str) -> None:
    source = MAKERS[kind](tmp_path)
    imported = _import(source)
    detected = run_cli("detect", str(source), "--json")
    assert detected.returncode == 0, detected.stderr
    assert json.loads(detected.stdout)["passages"] == imported["passages"]


def test_html_keeps_the_article_and_drops_the_page_around_it(tmp_path: Path) -> None:
    text = extract(make_html(tmp_path)).text
    assert "What the peasants wrote\n\n" in text  # a heading is a paragraph of its own
    for boilerplate in ("Home", "About us", "Share on Twitter", "Great post", "Copyright", "SCRIPT RAN"):
        assert boilerplate not in text


def test_markdown_shows_no_syntax_and_reads_front_matter(tmp_path: Path) -> None:
    extracted = extract(make_markdown(tmp_path))
    assert extracted.meta.title == f"{TITLE}: the NEP and after"
    assert extracted.text.startswith(f"{TITLE}: the NEP and after\n\n")
    assert not any(mark in extracted.text for mark in ("#", "**", "*Note", "> ", "---", "author:"))
    assert "• first item" in extracted.text
    assert extracted.meta.source == "Soviet History Notes"


def test_markdown_title_from_a_heading_with_emphasis(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    path.write_text("# Reading notes: the **NEP**\n\nНовая экономическая политика.\n", encoding="utf-8")
    extracted = extract(path)
    assert extracted.meta.title == "Reading notes: the NEP"
    assert extracted.text == "Reading notes: the NEP\n\nНовая экономическая политика.\n"


def test_pdf_paragraphs_without_running_heads_page_numbers_or_line_end_hyphens(tmp_path: Path) -> None:
    text = extract(make_pdf(tmp_path)).text
    assert "Journal of Soviet Studies" not in text
    assert "Page 1" not in text and "Page 2" not in text
    assert "collectivization was announced" in text
    assert "The official view\n\n" in text
    assert RUSSIAN[0] + "\n\nThe official view" in text


def test_a_latin1_essay_opens_and_imports(tmp_path: Path) -> None:
    imported = _import(make_latin1_text(tmp_path))
    assert imported["encoding"] == "cp1252"
    text = Path(imported["path"]).read_text(encoding="utf-8")
    assert "The café on the Nevsky served “strong” coffee — à la russe" in text
    assert imported["passages"] == []


def test_title_option_and_a_second_import_of_the_same_file(tmp_path: Path) -> None:
    source = make_html(tmp_path)
    first = _import(source, "--title", "My own title")
    second = _import(source)
    assert first["title"] == "My own title" and first["title_supplied"] is True
    assert second["title"] == TITLE and Path(second["path"]).name == "page-2.txt"
    rows = json.loads(run_cli("library", "--json").stdout)
    assert {row["title"] for row in rows if row["origin"] == "user"} == {"My own title", TITLE}


def test_an_existing_index_keeps_its_entries_and_comments(tmp_path: Path) -> None:
    essays = paths.user_essays_dir()
    essays.mkdir(parents=True)
    (essays / "mine.txt").write_text("Моё эссе о колхозах.\n", encoding="utf-8")
    index = essays / "index.yaml"
    index.write_text('# my notes\nmine.txt:\n  title: "Mine"\n  author: Me\n', encoding="utf-8")
    _import(make_html(tmp_path))
    assert index.read_text(encoding="utf-8").startswith('# my notes\nmine.txt:\n  title: "Mine"\n')
    rows = {row["title"]: row for row in json.loads(run_cli("library", "--json").stdout)}
    assert rows["Mine"]["author"] == "Me" and TITLE in rows
