"""The vocabulary file and its exports: add, list, search, remove; atomic saves; corrupt files moved
aside; Anki's text import format and CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.errors import BadInput
from reader.words.export import ANKI_COLUMNS, anki_note, anki_text, csv_text, marked_context
from reader.words.vocabulary import MAX_FIELD, SavedWord, Vocabulary


def _word(lemma: str = "стать", **changes: object) -> SavedWord:
    values: dict[str, object] = {
        "lemma": lemma,
        "word": "стали",
        "sense": "become",
        "stressed": lemma,
        "grammar": "past, plural",
        "context": "Они стали работать.",
        "translation": "They began to work.",
        "essay": "/essays/a.txt",
        "offset": 12,
    }
    values.update(changes)
    return SavedWord(**values)  # type: ignore[arg-type]


def test_add_list_search_remove_and_reload(tmp_path: Path) -> None:
    file = tmp_path / "vocabulary.json"
    vocabulary = Vocabulary(file)
    vocabulary.add(_word("стать"))
    vocabulary.add(
        _word("колхоз", word="колхозов", sense="kolkhoz", context="Жители колхозов.", translation=None)
    )
    vocabulary.save()
    reloaded = Vocabulary(file)
    assert reloaded.problem is None
    assert [word.lemma for word in reloaded.words()] == ["колхоз", "стать"]  # newest first
    assert reloaded.words()[0].added.endswith("Z")
    assert [word.lemma for word in reloaded.words("KOLKHOZ")] == ["колхоз"]
    assert [word.lemma for word in reloaded.words("жители")] == ["колхоз"]
    assert [word.lemma for word in reloaded.words("began")] == ["стать"]
    assert reloaded.remove("Колхоз") == 1
    assert reloaded.remove("колхоз") == 0
    reloaded.save()
    assert [word.lemma for word in Vocabulary(file).words()] == ["стать"]


def test_same_lemma_in_the_same_sentence_is_saved_once(tmp_path: Path) -> None:
    vocabulary = Vocabulary(tmp_path / "v.json")
    vocabulary.add(_word(sense="become"))
    vocabulary.add(_word(sense="begin"))
    vocabulary.add(_word(context="Другое предложение."))
    assert [word.sense for word in vocabulary.words()] == ["become", "begin"]


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    file = tmp_path / "deep" / "vocabulary.json"
    vocabulary = Vocabulary(file)
    vocabulary.add(_word())
    vocabulary.save()
    assert sorted(path.name for path in file.parent.iterdir()) == ["vocabulary.json"]
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["words"][0]["lemma"] == "стать"


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
        (b'{"version": 1, "words": {}}', "unknown shape"),
        (b'{"version": 99, "words": []}', "unknown shape"),
        (b'{"version": 1, "words": [{"lemma": 5}]}', "damaged"),
        (
            b'{"version": 1, "words": [{"lemma": "a", "word": "a", "sense": "", "stressed": "",'
            b' "grammar": "", "context": "", "added": "", "offset": -3}]}',
            "damaged",
        ),
    ],
)
def test_corrupt_file_is_moved_aside_and_reported_once(tmp_path: Path, content: bytes, why: str) -> None:
    file = tmp_path / "vocabulary.json"
    file.write_bytes(content)
    vocabulary = Vocabulary(file)
    assert vocabulary.problem is not None and why in vocabulary.problem
    assert "\n" not in vocabulary.problem
    assert vocabulary.words() == []
    moved = [path for path in tmp_path.iterdir() if path.name.startswith("vocabulary.json.corrupt-")]
    assert len(moved) == 1 and moved[0].read_bytes() == content
    assert moved[0].name in vocabulary.problem
    vocabulary.add(_word())
    vocabulary.save()
    again = Vocabulary(file)
    assert again.problem is None and len(again.words()) == 1
    assert moved[0].read_bytes() == content  # never overwritten


def test_oversized_file_is_moved_aside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.words.vocabulary as module

    monkeypatch.setattr(module, "MAX_BYTES", 100)
    file = tmp_path / "vocabulary.json"
    file.write_text(json.dumps({"version": 1, "words": [_word().to_json()] * 3}), encoding="utf-8")
    vocabulary = Vocabulary(file)
    assert vocabulary.problem is not None and "larger than" in vocabulary.problem


def test_overlong_field_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BadInput):
        Vocabulary(tmp_path / "v.json").add(_word(context="я" * (MAX_FIELD + 1)))


def test_marked_context_escapes_and_bolds_the_word() -> None:
    marked = marked_context('Они <стали> "сталью" & СТАЛИ', "стали")
    assert marked == "Они &lt;<b>стали</b>&gt; &quot;сталью&quot; &amp; СТАЛИ"
    assert marked_context("Без слова.", "стали") == "Без слова."


def test_anki_export_follows_the_documented_headers() -> None:
    tricky = _word(
        context="Строка\tс табуляцией,\nпереносом и <script>alert(1)</script> стали",
        translation='Line "two"\r\nand tabs\there',
        sense="become; <b>not bold</b>",
    )
    text = anki_text([_word(), tricky, _word("колхоз", context="", translation=None)])
    lines = text.splitlines()
    headers = [line for line in lines if line.startswith("#")]
    notes = [line for line in lines if not line.startswith("#")]
    assert headers == [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic",
        "#columns:Front\tBack\tTags",
        "#tags column:3",
    ]
    assert lines[: len(headers)] == headers  # headers come first
    columns = headers[3].removeprefix("#columns:").split("\t")
    assert columns == list(ANKI_COLUMNS)
    assert len(notes) == 3
    for note in notes:
        assert len(note.split("\t")) == len(columns)
        assert "\r" not in note
    front, back, tags = notes[1].split("\t")
    assert "<script>" not in front and "&lt;script&gt;" in front
    assert front.startswith("<b>стать</b><br><br>")
    assert "<b>стали</b>" in front
    assert "&lt;b&gt;not bold&lt;/b&gt;" in back
    assert "past, plural" in back and "Line &quot;two&quot;<br>and tabs here" in back
    assert tags == "reader"


def test_anki_note_without_context() -> None:
    front, back, _tags = anki_note(_word(context="", translation=None))
    assert front == "<b>стать</b>"
    assert back == "become<br><i>стали: past, plural</i>"


def test_csv_export_round_trips_and_defuses_formulas() -> None:
    words = [_word(), _word("колхоз", context='=HYPERLINK("x")', sense="a, b\nc")]
    rows = list(csv.reader(io.StringIO(csv_text(words))))
    assert rows[0][:4] == ["lemma", "stressed", "word", "sense"]
    assert rows[1][0] == "стать" and rows[1][8] == "12"
    assert rows[2][3] == "a, b\nc"
    assert rows[2][5] == '\'=HYPERLINK("x")'
