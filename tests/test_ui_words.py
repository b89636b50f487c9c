"""Any Russian word in the reader, driven with Pilot as a reader would: select a word with the keys or a
click, read it in the word panel, follow its glossary link, copy it, gloss every word under the text,
save a word, find it in the vocabulary screen and go back to it; a missing dictionary is a toast."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.screens.vocabulary import VocabularyScreen
from reader.ui.widgets.entry_panel import EntryPanel
from reader.ui.widgets.word_panel import WordPanel
from reader.ui.widgets.word_view import WordView
from reader.words.vocabulary import Vocabulary
from tests.support.pilot import RecordingApp, settle

pytestmark = pytest.mark.anyio

ESSAY = """A Test Essay

An English paragraph about the Soviet Union, before the quote.

Она жила в Москве и работала на заводе. Колхозов было много.

The end of the essay.
"""


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    path = tmp_path / "words-essay.txt"
    path.write_text(ESSAY, encoding="utf-8")
    return path


def view_of(app: RecordingApp) -> WordView:
    assert isinstance(app.screen, ReaderScreen)
    view = app.screen.view
    assert isinstance(view, WordView)
    return view


def panel_text(app: RecordingApp) -> str:
    panel = app.screen.query_one(WordPanel)
    assert panel.display
    return "\n".join(str(static.render()) for static in panel.query("Static"))


async def test_right_selects_the_first_russian_word_and_the_panel_explains_it(essay: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        view = view_of(app)
        await pilot.press("right")
        await settle(app, pilot)
        assert view.word == (ESSAY.index("Она"), ESSAY.index("Она") + 3)
        assert view.target is not None and view.target.kind == "word"
        await pilot.press("l")
        await settle(app, pilot)
        assert view.word is not None and ESSAY[view.word[0] : view.word[1]] == "жила"
        text = panel_text(app)
        assert "жить" in text  # the lemma of the most likely reading (one vowel: no stress mark)
        assert "жи́ла" in text  # the other reading, stressed
        assert "past" in text and "feminine" in text
        assert "live" in text
        await pilot.press("h")
        await settle(app, pilot)
        assert view.word is not None and ESSAY[view.word[0] : view.word[1]] == "Она"
        await pilot.press("escape")  # lets go of the word: the panel closes, the essay stays
        await settle(app, pilot)
        assert view.word is None and not app.screen.query_one(WordPanel).display
        assert isinstance(app.screen, ReaderScreen)


async def test_a_click_on_a_russian_word_selects_it(essay: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        view = view_of(app)
        layout = view.essay_layout
        assert layout is not None
        offset = ESSAY.index("Москве") + 2
        y = layout.y_for_offset(offset)
        row = layout.row(y)
        assert row is not None
        x = row.x_of(offset)
        assert x is not None
        # +1: the view's left padding; the margin centres the page in a pane wider than the measure
        await pilot.click(view, offset=(x + 1 + view.margin, y - int(view.scroll_y)))
        await settle(app, pilot)
        assert view.word == (ESSAY.index("Москве"), ESSAY.index("Москве") + 6)
        text = panel_text(app)
        assert "Москва" in text.replace("\u0301", "") and "Moscow" in text


async def test_enter_follows_the_glossary_link_and_c_copies_the_entry(essay: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        view = view_of(app)
        while view.word is None or ESSAY[view.word[0] : view.word[1]] != "Колхозов":
            await pilot.press("l")
            await settle(app, pilot)
        assert "glossary: kolkhoz" in panel_text(app)
        await pilot.press("c")
        assert app.clipboard.startswith("колхо́з")
        assert any(text.startswith("Copied") for text in app.shown)
        await pilot.press("enter")
        await settle(app, pilot)
        entry = app.screen.query_one(EntryPanel)
        assert entry.display and entry.entry is not None and entry.entry.id == "kolkhoz"


async def test_w_puts_each_words_gloss_under_it_and_takes_them_away(essay: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = view_of(app)
        layout = view.essay_layout
        assert layout is not None
        rows_before = layout.total_rows
        await pilot.press("w")
        await settle(app, pilot)
        layout = view.essay_layout
        assert layout is not None and layout.total_rows > rows_before
        offset = ESSAY.index("Москве")
        y = layout.y_for_offset(offset)
        row, under = layout.row(y), layout.row(y + 1)
        assert row is not None and under is not None
        x = row.x_of(offset)
        assert x is not None
        assert under.text[x:].startswith("Moscow")
        assert under.start == under.end  # the gloss line holds no essay text
        await pilot.press("l")  # brings the passage on screen (the word panel narrows the essay)
        await settle(app, pilot)
        assert view.essay_layout is not None
        top = view.essay_layout.y_for_offset(offset) - int(view.scroll_y)
        painted, painted_under = view.render_line(top).text, view.render_line(top + 1).text
        column = painted.index("Москве")
        assert painted_under[column:].startswith("Moscow")
        await pilot.press("w")
        await settle(app, pilot)
        layout = view.essay_layout
        assert layout is not None and not view.word_glosses
        shown = [layout.row(y) for y in range(layout.total_rows)]
        assert not any("Moscow" in row.text for row in shown if row is not None)


async def test_save_a_word_find_it_in_the_vocabulary_and_go_back_to_it(essay: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        view = view_of(app)
        await pilot.press("l", "l")
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        assert any(text.startswith("Saved жить") for text in app.shown), app.shown
        saved = Vocabulary().words()
        assert [word.lemma for word in saved] == ["жить"]
        assert saved[0].context == "Она жила в Москве и работала на заводе."
        assert saved[0].offset == ESSAY.index("жила")
        assert saved[0].essay == str(essay.resolve())
        await pilot.press("right", "right", "s")  # в, then Москве
        await settle(app, pilot)
        await pilot.press("escape", "escape")  # let go of the word, back to the library
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("f4")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, VocabularyScreen)
        assert [word.lemma for word in screen.shown] == ["Москва", "жить"]  # newest first
        await pilot.press(*"live")  # the search box has the keyboard
        await settle(app, pilot)
        assert [word.lemma for word in screen.shown] == ["жить"]
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        view = view_of(app)
        assert view.word == (ESSAY.index("жила"), ESSAY.index("жила") + 4)
        assert "live" in panel_text(app)


async def test_remove_a_word_from_the_vocabulary_screen(essay: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("l", "s")
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, VocabularyScreen) and len(screen.shown) == 1
        await pilot.press("x")  # typed into the search box: nothing is removed
        await settle(app, pilot)
        assert len(Vocabulary().words()) == 1
        await pilot.press("backspace", "down", "x")
        await settle(app, pilot)
        assert screen.shown == [] and Vocabulary().words() == []


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
async def test_a_missing_or_corrupt_dictionary_is_a_toast_and_the_reader_keeps_working(
    essay: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    dictionary = tmp_path / "dictionary.sqlite3"
    if damage == "corrupt":
        dictionary.write_bytes(b"\x00not a database" * 500)
    monkeypatch.setenv("READER_DICTIONARY", str(dictionary))
    app = RecordingApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        view = view_of(app)
        await pilot.press("l")
        await settle(app, pilot)
        assert any(str(dictionary) in text for text in app.shown), app.shown
        assert not app.screen.query_one(WordPanel).display
        await pilot.press("w")
        await settle(app, pilot)
        assert not view.show_glosses and view.word_glosses == {}
        await pilot.press("n")  # the rest of the reader works
        await settle(app, pilot)
        assert view.target is not None and view.target.kind == "passage"


async def test_dictionary_text_is_shown_literally(
    essay: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dictionary whose senses hold Textual markup: it shows as text and runs nothing."""
    dictionary = tmp_path / "hostile.sqlite3"
    connection = sqlite3.connect(dictionary)
    connection.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, data TEXT) WITHOUT ROWID")
    data = {
        "lemma": "жить",
        "stress": [],
        "senses": [{"pos": "verb", "en": ["[@click=app.quit]live[/] \x1b[2J"]}],
    }
    connection.execute("INSERT INTO entries VALUES (?, ?)", ("жить", json.dumps(data)))
    connection.commit()
    connection.close()
    monkeypatch.setenv("READER_DICTIONARY", str(dictionary))
    app = RecordingApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("l", "l")
        await settle(app, pilot)
        text = panel_text(app)
        assert "[@click=app.quit]live[/]" in text
        assert "\x1b" not in text
        await pilot.press("c")
        assert "\x1b" not in app.clipboard
        assert app.is_running


async def test_back_to_a_word_of_the_essay_already_open(essay: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        view = view_of(app)
        await pilot.press("l", "l", "l", "l", "s")  # Москве
        await settle(app, pilot)
        await pilot.press("escape", "up")  # let go of it, move away
        await pilot.press("f4")
        await settle(app, pilot)
        assert isinstance(app.screen, VocabularyScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is not None and view_of(app) is view  # the same reader, not a new one
        assert view.word == (ESSAY.index("Москве"), ESSAY.index("Москве") + 6)


async def test_a_damaged_vocabulary_is_set_aside_with_a_toast(essay: Path) -> None:
    from reader import paths

    file = paths.vocabulary_file()
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("{not json", encoding="utf-8")
    app = RecordingApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("l", "s")
        await settle(app, pilot)
        assert any("vocabulary" in text.lower() and "corrupt" in text.lower() for text in app.shown), (
            app.shown
        )
        assert [path.name for path in file.parent.glob("vocabulary.json.corrupt-*")]
        assert [word.lemma for word in Vocabulary().words()] == ["она"]


async def test_a_vocabulary_that_cannot_be_written_is_a_toast(
    essay: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("READER_DATA_DIR", str(blocked))
    app = RecordingApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("l", "s")
        await settle(app, pilot)
        assert any("cannot save the vocabulary" in text for text in app.shown), app.shown
        assert isinstance(app.screen, ReaderScreen) and app.is_running


async def test_glosses_stay_on_from_essay_to_essay(essay: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Другое эссе.\n\nЖить стало лучше.\n", encoding="utf-8")
    app = RecordingApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("w")
        await settle(app, pilot)
        app.open_essay(other)
        await settle(app, pilot)
        view = view_of(app)
        assert view.show_glosses and view.word_glosses
        assert view.word_glosses[other.read_text(encoding="utf-8").index("Жить")] == "live"


async def test_glosses_in_a_long_essay_are_laid_out_in_a_worker(tmp_path: Path) -> None:
    """An essay past the size laid out at once: the glosses arrive with a layout made in a worker."""
    from reader.ui.widgets.essay_view import SYNC_LAYOUT_CHARS

    paragraph = "Она жила в Москве и работала на заводе, где было много людей и машин."
    count = SYNC_LAYOUT_CHARS // len(paragraph) + 10
    path = tmp_path / "long.txt"
    path.write_text("A long essay\n\n" + "\n\n".join([paragraph] * count) + "\n", encoding="utf-8")
    app = RecordingApp(path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        view = view_of(app)
        await pilot.press("w")
        await settle(app, pilot)
        layout = view.essay_layout
        assert layout is not None and layout.complete
        assert view.word_glosses and layout.glosses == view.word_glosses
        text = path.read_text(encoding="utf-8")
        last = text.rindex("Москве")
        y = layout.y_for_offset(last)
        row, under = layout.row(y), layout.row(y + 1)
        assert row is not None and under is not None
        x = row.x_of(last)
        assert x is not None and under.text[x:].startswith("Moscow")
        await pilot.press("w")
        await settle(app, pilot)
        assert view.essay_layout is not None and view.essay_layout.glosses == {}
