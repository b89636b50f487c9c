"""The reader screen, driven with Textual's Pilot: translations beside passages, toggles, navigation,
search, the glossary panel, position restore, the no-model banner, literal text, resizing, big files."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from reader import paths
from reader.detection import detect
from reader.glossary import load_glossary
from reader.page.layout import GUTTER_TEXT
from reader.page.transliteration import transliterate
from reader.ui.app import ReaderApp
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.banner import ModelBanner
from reader.ui.widgets.entry_panel import EntryPanel
from tests.support.pilot import settle

pytestmark = pytest.mark.anyio  # pilot tests are coroutines, run by anyio's pytest plugin on asyncio

ESSAY = """A Test Essay

An English paragraph about the Soviet Union and the party, with a phrase «Вся власть Советам» quoted.

Пролетарии всех стран, соединяйтесь! Кто не работает, тот не ест. Кадры решают всё.

A second English paragraph mentions the NKVD and collectivization before the next quote.

Жить стало лучше, жить стало веселее.

The end of the essay.
"""


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    path = tmp_path / "test-essay.txt"
    path.write_text(ESSAY, encoding="utf-8")
    return path


@pytest.fixture
def tiny_model() -> Path:
    """The tiny real Argos package, unzipped into this test's ARGOS_PACKAGES_DIR."""
    from tests.support.tiny_argos import build_tiny_package

    return build_tiny_package(paths.argos_packages_dir(), zipped=False)


def reader(app: ReaderApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def rows(app: ReaderApp) -> list[str]:
    layout = reader(app).view.essay_layout
    assert layout is not None
    return [row.text for y in range(layout.total_rows) if (row := layout.row(y)) is not None]


def passage_starts(text: str) -> list[int]:
    return [passage.start for passage in detect(text).passages if passage.lang == "ru"]


async def test_translations_appear_beside_their_passages(essay: Path, tiny_model: Path) -> None:
    from reader.models.packages import find_ru_en
    from reader.translation.engine import TranslationEngine

    app = ReaderApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        assert not screen.model_missing
        assert screen.status.label == "3/3 passages translated"
        document = screen.document
        assert document is not None
        paragraph_passage = next(p for p in screen.passages if p.text.startswith("Пролетарии"))
        inline_passage = next(p for p in screen.passages if p.text == "Вся власть Советам")
        engine = TranslationEngine(find_ru_en())  # no cache: the model itself, the same way the app ran it
        expected = engine.translate_passages([paragraph_passage, inline_passage])
        layout = screen.view.essay_layout
        assert layout is not None
        # The whole-paragraph passage: two columns from its first row, the translation on the right.
        first = layout.y_for_offset(paragraph_passage.start)
        block = []
        for y in range(first, layout.total_rows):
            row = layout.row(y)
            if row is None or GUTTER_TEXT not in row.text:
                break
            block.append(row.text)
        assert block, "the Russian paragraph is not laid out in two columns"
        left = " ".join(line.split(GUTTER_TEXT)[0] for line in block)
        right = "".join(line.split(GUTTER_TEXT, 1)[1] for line in block)
        assert left.split() == paragraph_passage.text.split()
        # The translation, then (glosses with translations are on by default) one gloss per term.
        translation = "".join(expected[0].translation.split())
        assert "".join(right.split()).startswith(translation)
        assert "Кадрырешаютвсё:" in "".join(right.split())[len(translation) :]
        # The inline phrase: its translation right after it, in brackets.
        text = "".join(rows(app))
        squeezed = "".join(text.split())
        assert "".join(f"«Всявласть Советам»⟨{expected[1].translation}⟩".split()) in squeezed


async def test_toggle_all_and_one_and_remember_the_choice(essay: Path) -> None:
    app = ReaderApp(path=essay)
    first_passage = passage_starts(ESSAY)[0]
    translit = transliterate("Вся власть Советам")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        assert screen.model_missing  # no model here: transliterations stand in
        assert translit in " ".join(" ".join(rows(app)).split())  # it may wrap at the measure
        await pilot.press("t")
        assert screen.view.asides == {}
        assert translit not in "\n".join(rows(app))
        await pilot.press("t")
        assert len(screen.view.asides) == 3
        await pilot.press("n")  # to the first passage, then enter hides just that one
        assert screen.view.target is not None and screen.view.target.start == first_passage
        await pilot.press("enter")
        assert set(screen.view.asides) == set(passage_starts(ESSAY)[1:])
        assert translit not in "\n".join(rows(app))
    again = ReaderApp(path=essay)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(again, pilot)
        assert reader(again).state.flipped == frozenset({first_passage})
        assert set(reader(again).view.asides) == set(passage_starts(ESSAY)[1:])


async def test_passage_navigation_steps_forward_and_back(essay: Path) -> None:
    app = ReaderApp(path=essay)
    starts = passage_starts(ESSAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        view = reader(app).view
        visited = []
        for _ in range(len(starts) + 1):
            await pilot.press("n")
            assert view.target is not None and view.target.kind == "passage"
            visited.append(view.target.start)
        assert visited == [*starts, starts[0]]  # wraps around at the end
        await pilot.press("N")
        assert view.target.start == starts[-1]
        await pilot.press("N")
        assert view.target.start == starts[-2]
        assert (
            view.essay_layout.row(view.cursor_y).start
            <= starts[-2]
            < view.essay_layout.row(view.cursor_y).end
        )


async def test_term_under_cursor_opens_the_entry_panel(essay: Path) -> None:
    app = ReaderApp(path=essay)
    hits = load_glossary().annotate(ESSAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        panel = screen.query_one(EntryPanel)
        assert not panel.display
        await pilot.press("right_square_bracket")
        assert screen.view.target is not None and screen.view.target.key == hits[0].id
        await pilot.press("right_square_bracket", "left_square_bracket")
        assert screen.view.target.key == hits[0].id
        await pilot.press("enter")
        assert panel.display and panel.entry is not None and panel.entry.id == hits[0].id
        await pilot.press("escape")
        assert not panel.display
        assert app.focused is screen.view


async def test_click_on_a_term_opens_it(essay: Path) -> None:
    app = ReaderApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        view = screen.view
        offset = ESSAY.index("NKVD")
        y = view.essay_layout.y_for_offset(offset)
        x = view.essay_layout.row(y).x_of(offset)
        # +1: the view's left padding; the margin centres the page in a pane wider than the measure
        await pilot.click(view, offset=(x + 1 + view.margin + 1, y - int(view.scroll_y)))
        panel = screen.query_one(EntryPanel)
        assert panel.display and panel.entry is not None and panel.entry.id == "nkvd"


async def test_jump_to_term_then_step_through_its_occurrences(tmp_path: Path) -> None:
    path = tmp_path / "nkvd.txt"
    path.write_text(
        "The NKVD came.\n\nThe Soviet Union.\n\nThe NKVD again, and the NKVD once more.\n", "utf-8"
    )
    app = ReaderApp(path=path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.jump_to_term("nkvd")
        view = reader(app).view
        found = [view.target.start]
        for _ in range(3):
            await pilot.press("right_square_bracket")
            found.append(view.target.start)
        occurrences = [match.start() for match in re.finditer("NKVD", path.read_text("utf-8"))]
        assert found == [*occurrences, occurrences[0]]


async def test_search_highlights_and_steps_through_matches(essay: Path) -> None:
    app = ReaderApp(path=essay)
    expected = [match.start() for match in re.finditer("english", ESSAY, re.IGNORECASE)]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        await pilot.press("slash", *"english", "enter")
        assert [start for start, _, _ in screen.view.matches.items] == expected
        assert screen.view.target.kind == "match" and screen.view.target.start == expected[0]
        await pilot.press("n")
        assert screen.view.target.start == expected[1]
        assert "match 2 of 2" in screen.status.note
        await pilot.press("n")
        assert screen.view.target.start == expected[0]
        await pilot.press("escape")
        assert not screen.view.matches.items and screen.search_query == ""
        await pilot.press("n")  # n is back to passages
        assert screen.view.target.kind == "passage"


async def test_reading_position_is_restored_in_a_new_app(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"Paragraph {n}: " + "word " * 60 for n in range(200)), encoding="utf-8")
    app = ReaderApp(path=path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("pagedown", "pagedown", "pagedown", "down")
        view = reader(app).view
        top, cursor = view.top_offset, view.cursor_offset
        assert top > 0
    again = ReaderApp(path=path)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(again, pilot)
        view = reader(again).view
        assert view.top_offset == top
        assert view.cursor_offset == cursor
        assert 0 < again.state_store.get(path).progress < 1


async def test_no_model_banner_and_offline_download(essay: Path) -> None:
    app = ReaderApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        banner = screen.query_one(ModelBanner)
        assert banner.display
        assert "reader models install" in banner.message and "FILE.argosmodel" in banner.message
        text = "\n".join(rows(app))
        assert transliterate("Жить стало лучше, жить стало веселее.") in text
        assert "Вся власть Советам: " in text  # the glossary gloss of the term inside the phrase
        await pilot.press("ctrl+d")  # the package index is unreachable in tests
        await settle(app, pilot)
        assert banner.message.startswith("Download failed")
        assert screen.model_missing


async def test_markup_in_the_essay_is_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "markup.txt"
    path.write_text(
        "[bold]Title[/]\n\nA line with [bold]x[/] and [/] and [red]y[/red] in it.\n", encoding="utf-8"
    )
    app = ReaderApp(path=path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        text = "\n".join(rows(app))
        assert "A line with [bold]x[/] and [/] and [red]y[/red] in it." in text
        assert "[bold]Title[/]" in text


async def test_resize_to_80x24_rewraps_without_crashing(essay: Path) -> None:
    app = ReaderApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        view = reader(app).view
        wide = view.total_rows
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot)
        assert view.wrap_width < 80
        assert view.essay_layout.width == view.wrap_width
        assert all(len(line) <= view.wrap_width for line in rows(app))
        assert view.total_rows > wide
        await pilot.press("pagedown", "G", "g", "n")
        await pilot.resize_terminal(160, 50)
        await settle(app, pilot)
        assert all(len(line) <= view.wrap_width for line in rows(app))


async def test_a_one_megabyte_essay_opens(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < 1_000_000:
            out.write(ESSAY + "\n\n")
    app = ReaderApp(path=path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        view = reader(app).view
        assert view.complete
        await pilot.press("G")
        last = view.essay_layout.row(view.cursor_y)
        assert view.document.text[last.start : last.end].strip() == "The end of the essay."
        assert len(view.passages) == 3 * view.document.text.count("A Test Essay")


async def test_corrupt_state_file_starts_fresh(essay: Path) -> None:
    state_file = paths.reading_state_file()
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state_file.write_text("{ not json", encoding="utf-8")
    app = ReaderApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert app.state_store.problem is not None
        await pilot.press("pagedown")
        reader(app).remember()
    assert os.path.getsize(state_file) > 0
    assert '"essays"' in state_file.read_text(encoding="utf-8")


async def test_transliteration_key_and_light_theme(essay: Path, tiny_model: Path) -> None:
    app = ReaderApp(path=essay)
    phrase = "Жить стало лучше, жить стало веселее."
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert transliterate(phrase) not in "\n".join(rows(app))  # translated: no transliteration yet
        await pilot.press("r")
        assert reader(app).state.transliterate
        assert "".join(transliterate(phrase).split()) in "".join("".join(rows(app)).split())
        await pilot.press("t")  # translations hidden, transliterations stay
        assert "".join(transliterate(phrase).split()) in "".join("".join(rows(app)).split())
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("pagedown", "g")
        app.theme = "textual-dark"
        await pilot.pause()


async def test_an_unreadable_essay_is_reported_and_the_library_stays(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n\n", encoding="utf-8")
    app = ReaderApp(path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)


async def test_keys_on_an_essay_without_russian_or_terms(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Nothing to see.\n", encoding="utf-8")
    app = ReaderApp(path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "pagedown", "G", "n", "N", "right_square_bracket", "enter", "r", "t")
        await pilot.press("slash", "x", "enter", "n", "escape")
        screen = reader(app)
        assert screen.view.total_rows == 1 and screen.status.label == "No Russian passages"
