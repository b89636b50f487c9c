"""Documents: paragraphs with stable ids and offsets into the decoded text; the library listing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader import paths
from reader.errors import BadInput
from reader.essay.document import document_from_text, guess_title, split_paragraphs
from reader.essay.library import index_problems, list_library, load_document, read_index

CORPUS = paths.bundled_corpus_dir()


def test_paragraphs_index_the_text() -> None:
    text = "Title\n\n  First paragraph,\nstill first.  \n\n\n\nSecond.\r\n\r\nТретий абзац.\n"
    paragraphs = split_paragraphs(text)
    assert [text[p.start : p.end] for p in paragraphs] == [
        "Title",
        "First paragraph,\nstill first.",
        "Second.",
        "Третий абзац.",
    ]
    assert [p.id for p in paragraphs] == ["p0", "p1", "p2", "p3"]


@given(st.text(alphabet=st.sampled_from("ab Я\n\t\r."), max_size=200))
def test_paragraphs_are_ordered_trimmed_and_disjoint(text: str) -> None:
    paragraphs = split_paragraphs(text)
    previous_end = 0
    for paragraph in paragraphs:
        block = text[paragraph.start : paragraph.end]
        assert block and block == block.strip()
        assert paragraph.start >= previous_end
        previous_end = paragraph.end
    covered = "".join("".join(text[p.start : p.end].split()) for p in paragraphs)
    assert covered == "".join(text.split())  # no visible character is lost between paragraphs


def test_paragraph_at_finds_the_enclosing_paragraph() -> None:
    document = document_from_text("one\n\ntwo two\n\nthree")
    assert document.paragraph_at(0).id == "p0"
    assert document.paragraph_at(6).id == "p1"
    assert document.paragraph_at(3) is None  # the blank line between paragraphs
    assert document.paragraph_at(len(document.text) - 1).id == "p2"


def test_guess_title() -> None:
    assert guess_title("\n\nA Short Title\n\nBody.", None) == "A Short Title"
    assert (
        guess_title("This first line is a sentence, not a title.\n", Path("my_essay-file.txt"))
        == "my essay file"
    )


def test_bundled_library_has_the_five_essays_with_metadata() -> None:
    entries = [entry for entry in list_library(include_user=False) if entry.origin == "bundled"]
    assert len(entries) == 5
    by_title = {entry.meta.title: entry.meta for entry in entries}
    assert by_title["Stalinism: Its Origin and Future"].author == "Andy Blunden"
    assert by_title["Stalinism: Its Origin and Future"].year == 1993
    assert by_title["Socialism and the Soviet Union"].year == 2020
    supplied = [meta for meta in by_title.values() if meta.title_supplied]
    assert len(supplied) == 2


def test_bundled_essays_keep_the_seed_words_exactly() -> None:
    seeds = paths.PROJECT_ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not present")
    corpus_words = sorted(tuple(path.read_text(encoding="utf-8").split()) for path in CORPUS.glob("*.txt"))
    seed_words = sorted(tuple(path.read_text(encoding="utf-8").split()) for path in seeds.glob("0*.txt"))
    assert corpus_words == seed_words


def test_every_bundled_essay_is_indexed() -> None:
    index = read_index(CORPUS)
    assert sorted(index) == sorted(path.name for path in CORPUS.glob("*.txt"))


def test_user_essays_and_extra_library_dirs_are_listed(tmp_path: Path) -> None:
    paths.user_essays_dir().mkdir(parents=True)
    (paths.user_essays_dir() / "mine.txt").write_text("My Essay\n\nText.", encoding="utf-8")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "other.md").write_text("Other Essay\n\nТекст.", encoding="utf-8")
    (extra / "ignored.pdf").write_bytes(b"%PDF")
    entries = list_library((extra,))
    origins = {entry.meta.title: entry.origin for entry in entries}
    assert origins["My Essay"] == "user"
    assert origins["Other Essay"] == "library"
    assert all(entry.path.suffix != ".pdf" for entry in entries)


def test_a_malformed_index_is_reported_and_its_essays_still_listed(tmp_path: Path) -> None:
    (tmp_path / "essay.txt").write_text("An Essay\n\nText.", encoding="utf-8")
    (tmp_path / "index.yaml").write_text("essay.txt: {title: [unclosed\n", encoding="utf-8")
    assert [entry.meta.title for entry in list_library((tmp_path,), include_user=False)][-1] == "An Essay"
    [problem] = index_problems((tmp_path,), include_user=False)
    assert problem.startswith(f"{tmp_path.resolve() / 'index.yaml'}:") and "invalid YAML" in problem
    assert index_problems(include_user=False) == []  # the bundled index is fine


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("{title: T, year: abc}", "'year' must be a whole number or null, not 'abc'"),
        ("{title: T, year: [1990]}", "'year' must be a whole number or null, not [1990]"),
        ("{title: T, author: 42}", "'author' must be text or null, not 42"),
        ("{title: T, source: {a: 1}}", "'source' must be text or null, not {'a': 1}"),
    ],
)
def test_wrongly_typed_index_metadata_is_bad_input_not_a_crash(
    tmp_path: Path, entry: str, expected: str
) -> None:
    (tmp_path / "essay.txt").write_text("An Essay\n\nText.", encoding="utf-8")
    (tmp_path / "index.yaml").write_text(f"essay.txt: {entry}\n", encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        read_index(tmp_path)
    assert str(caught.value) == f"{tmp_path.resolve() / 'index.yaml'}: essay.txt: {expected}"
    assert [e.meta.title for e in list_library((tmp_path,), include_user=False)][-1] == "An Essay"


def test_a_year_written_as_text_is_read_as_a_number(tmp_path: Path) -> None:
    (tmp_path / "index.yaml").write_text("essay.txt: {title: T, year: '1991'}\n", encoding="utf-8")
    assert read_index(tmp_path)["essay.txt"].year == 1991


def test_missing_library_dir_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="not a directory"):
        list_library((tmp_path / "nope",))


def test_load_document_uses_the_index_metadata() -> None:
    document = load_document(CORPUS / "stalinism-its-origin-and-future.txt")
    assert document.meta.author == "Andy Blunden"
    assert document.paragraphs and document.paragraph_text(document.paragraphs[0]).startswith("Stalinism")


def test_a_huge_block_without_blank_lines_is_split_at_single_line_breaks() -> None:
    from reader.essay.document import LONG_BLOCK_CHARS

    line = "A paragraph on the Soviet economy, with «Госплан» in it, long enough to matter.\n"
    text = line * (LONG_BLOCK_CHARS // len(line) + 50)
    paragraphs = split_paragraphs(text)
    assert len(paragraphs) == text.count("\n")
    assert all(text[p.start : p.end] == line.strip() for p in paragraphs)
    short = "One paragraph\nwrapped over\nthree lines."
    assert len(split_paragraphs(short)) == 1  # ordinary hard-wrapped paragraphs stay whole
