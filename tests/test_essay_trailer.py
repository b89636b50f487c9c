"""A trailer that is not part of the essay (``ends_before`` in a folder's index.yaml) is left out
everywhere: the document, detection, search and the library's counts; the file stays as it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import paths
from reader.errors import BadInput
from reader.essay.library import essay_part, list_library, load_document, read_index
from reader.reading.session import essay_stats
from tests.support.cli import run_cli

CORPUS = paths.bundled_corpus_dir()
WEB_ESSAY = CORPUS / "why-marxists-still-fight-for-socialism.txt"


def test_the_bundled_web_essay_ends_with_its_last_paragraph() -> None:
    raw = WEB_ESSAY.read_text(encoding="utf-8")
    assert "Akismet" in raw and "This will close in 0 seconds" in raw  # the file is kept as received
    text = load_document(WEB_ESSAY).text
    assert raw.startswith(text)  # a prefix: offsets index the file too
    assert text.endswith("the real failure of modern times: capitalism.")
    for trailer in ("Share this article", "Leave a Reply", "Akismet", "IMT", "pop-up", "close in 0"):
        assert trailer not in text


def test_every_bundled_end_marker_occurs_in_its_essay_once() -> None:
    markers = {name: meta.ends_before for name, meta in read_index(CORPUS).items() if meta.ends_before}
    assert set(markers) >= {WEB_ESSAY.name, "socialism-and-the-soviet-union.txt"}
    for name, marker in markers.items():
        raw = (CORPUS / name).read_text(encoding="utf-8")
        assert raw.count(marker) == 1, name
        assert not load_document(CORPUS / name).text.endswith(marker)


def test_essay_part_cuts_at_the_first_marker_and_keeps_text_without_one() -> None:
    assert essay_part("Essay.\n\nComments\nmore Comments", "Comments") == "Essay."
    assert essay_part("Essay.", "Comments") == "Essay."
    assert essay_part("Essay.", None) == "Essay."


def make_folder(tmp_path: Path, marker: object = "Leave a Reply") -> Path:
    folder = tmp_path / "essays"
    folder.mkdir()
    (folder / "page.txt").write_text(
        "Page\n\nThe word колхоз is here.\n\nLeave a Reply\n\nКомментарии: колхозы и совхозы zebrafish.\n",
        encoding="utf-8",
    )
    (folder / "index.yaml").write_text(
        f"page.txt:\n  title: Page\n  ends_before: {json.dumps(marker)}\n", encoding="utf-8"
    )
    return folder


def test_detect_search_and_library_leave_the_trailer_out(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    essay = folder / "page.txt"
    detected = run_cli("detect", str(essay), "--json")
    assert detected.returncode == 0, detected.stderr
    passages = json.loads(detected.stdout)["passages"]
    text = load_document(essay).text
    assert [p["text"] for p in passages] == ["колхоз"]
    assert all(text[p["start"] : p["end"]] == p["text"] for p in passages)

    found = run_cli("search", "zebrafish", "--json", "--library", str(folder))
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["results"] == []
    found = run_cli("search", "колхоз", "--json", "--library", str(folder))
    [mine] = [r for r in json.loads(found.stdout)["results"] if Path(r["path"]).parent == folder]
    assert [m["text"] for m in mine["matches"]] == ["колхоз"]

    [entry] = [e for e in list_library((folder,), include_user=False) if e.origin == "library"]
    assert essay_stats(entry.path, entry.meta).russian == 1


def test_a_marker_that_is_not_text_is_bad_input(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, marker=42)
    with pytest.raises(BadInput, match="'ends_before' must be text or null, not 42"):
        read_index(folder)
    # The essay still loads, whole, as with any unusable index.
    assert "Leave a Reply" in load_document(folder / "page.txt").text


def test_a_marker_added_later_reindexes_the_essay_for_search(tmp_path: Path) -> None:
    import os

    from reader.search import SearchIndex

    folder = make_folder(tmp_path, marker="no such text")
    essay = folder / "page.txt"
    index_file = folder / "index.yaml"

    def found() -> list[str]:
        with SearchIndex([folder], include_user=False) as index:
            results = index.search("zebrafish", index.entries())
        return [r.path.name for r in results if r.path.parent == folder]

    assert found() == ["page.txt"]  # the marker does not occur: the whole file is the essay
    index_file.write_text(
        index_file.read_text(encoding="utf-8").replace("no such text", "Leave a Reply"), encoding="utf-8"
    )
    later = essay.stat().st_mtime_ns + 2_000_000_000  # the index changed after the essay was indexed
    os.utime(index_file, ns=(later, later))
    assert found() == []
