"""The reading layout in the real app, as a reader meets it: the page set at a readable measure and centred,
translations beside / under / hidden with ``p`` (kept in the settings file), glossary glosses with the
machine translation, the cursor's passage kept on screen across resizes, ``n``/``N`` bringing a passage to
the upper third of the screen, and Latin words hiding a Cyrillic letter marked."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.command import CommandPalette

from reader import paths
from reader.detection import detect
from reader.page.layout import GUTTER_TEXT, STACK_INDENT
from reader.page.rows import GLOSS, TRANSLATION, TRANSLIT, WARNING
from reader.page.transliteration import transliterate
from reader.page.viewport import block_rows
from reader.ui.app import ReaderApp
from reader.ui.screens.reader import ReaderScreen
from tests.support.pilot import RecordingApp, settle, wait_for_hits

pytestmark = pytest.mark.anyio

LONG_ENGLISH = (
    "The planners of the thirties promised that industry would grow without limit, and for a while the "
    "figures seemed to agree with them, though the villages paid for every new furnace and every mile of "
    "track with grain that was taken from them at prices fixed far below its worth."
)
RUSSIAN = "Пролетарии всех стран, соединяйтесь! Кто не работает, тот не ест. Кадры решают всё."


def essay_file(tmp_path: Path, *paragraphs: str, name: str = "essay.txt") -> Path:
    path = tmp_path / name
    path.write_text("A Layout Essay\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def reader(app: ReaderApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def rows(app: ReaderApp) -> list[str]:
    layout = reader(app).view.essay_layout
    assert layout is not None
    return [row.text for y in range(layout.total_rows) if (row := layout.row(y)) is not None]


def span_kinds(app: ReaderApp) -> list[str]:
    layout = reader(app).view.essay_layout
    assert layout is not None
    return [span.kind for y in range(layout.total_rows) for span in layout.row(y).spans]  # type: ignore[union-attr]


def write_settings(text: str) -> None:
    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text(text, encoding="utf-8")


@pytest.fixture
def tiny_model() -> Path:
    from tests.support.tiny_argos import install_tiny_package

    return install_tiny_package(Path(os.environ["ARGOS_PACKAGES_DIR"]))


# -- the measure -------------------------------------------------------------------------------------


async def test_at_200_columns_the_text_is_set_at_the_measure_and_centred(tmp_path: Path) -> None:
    path = essay_file(tmp_path, *[LONG_ENGLISH] * 6, RUSSIAN, LONG_ENGLISH)
    app = ReaderApp(path=path)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(app, pilot)
        view = reader(app).view
        pane = view.scrollable_content_region.width
        assert view.wrap_width == 100
        assert view.margin == (pane - 100) // 2 > 40
        assert max(len(line) for line in rows(app)) <= 100  # not 195 wide
        assert max(len(line) for line in rows(app)) > 90  # but filling the measure
        # On screen: blank columns, then the text, centred in the pane.
        y = view.essay_layout.paragraph_y(1)
        screen_line = view.render_line(y - int(view.scroll_y)).text
        assert screen_line[: view.margin].strip() == ""
        assert screen_line[view.margin :].startswith(LONG_ENGLISH[:40])
        # A click on a word still lands on it.
        await pilot.click(view, offset=(1 + view.margin + 5, y - int(view.scroll_y)))
        assert view.cursor_y == y and view.cursor_offset == view.essay_layout.row(y).start


async def test_the_measure_comes_from_the_settings_file(tmp_path: Path) -> None:
    write_settings("measure = 72\n")
    path = essay_file(tmp_path, *[LONG_ENGLISH] * 3)
    app = ReaderApp(path=path)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        view = reader(app).view
        assert view.wrap_width == 72
        assert max(len(line) for line in rows(app)) <= 72
    narrow = ReaderApp(path=path)
    async with narrow.run_test(size=(60, 24)) as pilot:  # a pane narrower than the measure: all of it
        await settle(narrow, pilot)
        view = reader(narrow).view
        assert view.margin == 0 and view.wrap_width == view.scrollable_content_region.width


# -- where translations go ---------------------------------------------------------------------------


async def test_p_cycles_translations_beside_under_hidden_and_the_choice_is_kept(tmp_path: Path) -> None:
    path = essay_file(tmp_path, LONG_ENGLISH, RUSSIAN, LONG_ENGLISH)
    translit = transliterate(RUSSIAN)
    app = RecordingApp(path=path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert reader(app).model_missing  # a transliteration stands in for the translation
        assert any(GUTTER_TEXT in line for line in rows(app))  # beside: two columns

        await pilot.press("p")
        await settle(app, pilot)
        assert app.shown[-1] == "Translations under their passages"
        lines = rows(app)
        assert not any(GUTTER_TEXT in line for line in lines)
        russian_row = next(n for n, line in enumerate(lines) if line.startswith("Пролетарии"))
        stacked = [line for line in lines[russian_row:] if line.startswith(STACK_INDENT)]
        assert stacked and "".join(stacked).replace(STACK_INDENT, "").split()[:3] == translit.split()[:3]
        assert 'placement = "under"' in paths.config_file().read_text(encoding="utf-8")

        await pilot.press("p")
        await settle(app, pilot)
        assert app.shown[-1].startswith("Translations hidden")
        assert not {TRANSLATION, TRANSLIT, GLOSS} & set(span_kinds(app))
        assert not any(line.startswith(STACK_INDENT) or GUTTER_TEXT in line for line in rows(app))

        await pilot.press("t", "t")  # all off and on again: the placement still hides them, and says so
        assert app.shown[-1] == "Translations shown (but the placement hides them: p brings them back)"
        await pilot.press("r")  # transliterations asked for still show, under the passage
        await settle(app, pilot)
        assert TRANSLIT in span_kinds(app)
        await pilot.press("r", "p")
        await settle(app, pilot)
        assert app.shown[-1] == "Translations beside their passages"
        assert any(GUTTER_TEXT in line for line in rows(app))
        await pilot.press("p")  # under, for the next run
        await settle(app, pilot)
    again = ReaderApp(path=path)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(again, pilot)
        assert again.preferences.placement == "under"
        assert not any(GUTTER_TEXT in line for line in rows(again))
        assert any(line.startswith(STACK_INDENT) for line in rows(again))


async def test_the_placement_key_is_in_the_help(tmp_path: Path) -> None:
    app = ReaderApp(path=essay_file(tmp_path, LONG_ENGLISH))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        await settle(app, pilot)
        from textual.widgets import Markdown

        source = app.screen.query_one(Markdown).source
        assert "`p`: translations beside their passages, under them, or hidden" in source


# -- glossary glosses with the machine translation --------------------------------------------------


async def test_glossary_glosses_show_with_the_machine_translation_one_row_each(
    tmp_path: Path, tiny_model: Path
) -> None:
    path = essay_file(tmp_path, LONG_ENGLISH, RUSSIAN, LONG_ENGLISH)
    app = ReaderApp(path=path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        assert not screen.model_missing
        layout = screen.view.essay_layout
        start = path.read_text(encoding="utf-8").index("Пролетарии")
        first, last = block_rows(layout, start, start + len(RUSSIAN))
        block = [layout.row(y) for y in range(first, last + 1)]
        kinds = [[span.kind for span in row.spans] for row in block]  # type: ignore[union-attr]
        assert any(TRANSLATION in row for row in kinds)
        gloss_rows = [row for row in block if any(span.kind == GLOSS for span in row.spans)]  # type: ignore[union-attr]
        glossed = [row.text.split(GUTTER_TEXT, 1)[1].split(":")[0] for row in gloss_rows]  # type: ignore[union-attr]
        assert glossed == ["Пролетарии", "Кадры решают всё"]  # one row per term, after the translation
        assert kinds.index(next(row for row in kinds if GLOSS in row)) > max(
            n for n, row in enumerate(kinds) if TRANSLATION in row
        )
        assert all(GUTTER_TEXT in row.text for row in gloss_rows)  # type: ignore[union-attr]


async def test_glosses_with_the_translation_can_be_turned_off(tmp_path: Path, tiny_model: Path) -> None:
    write_settings("glosses_with_translation = false\n")
    path = essay_file(tmp_path, LONG_ENGLISH, RUSSIAN, LONG_ENGLISH)
    app = ReaderApp(path=path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert not reader(app).model_missing
        assert TRANSLATION in span_kinds(app)
        assert GLOSS not in span_kinds(app)


# -- the place on screen ------------------------------------------------------------------------------


def passage_rows(app: ReaderApp, start: int) -> tuple[int, int]:
    view = reader(app).view
    passage = view.passages.at(start)
    assert passage is not None
    return block_rows(view.essay_layout, passage[0], passage[1])


def on_screen(app: ReaderApp, block: tuple[int, int]) -> bool:
    view = reader(app).view
    top, height = int(view.scroll_y), view.scrollable_content_region.height
    return top <= block[0] and block[1] < top + height


async def test_the_cursor_passage_stays_on_screen_across_resizes(tmp_path: Path) -> None:
    path = essay_file(tmp_path, *[LONG_ENGLISH] * 12, RUSSIAN, *[LONG_ENGLISH] * 12)
    start = path.read_text(encoding="utf-8").index("Пролетарии")
    app = ReaderApp(path=path)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(app, pilot)
        view = reader(app).view
        await pilot.press("n")
        await settle(app, pilot)
        assert view.passage_under_cursor()[0] == start  # type: ignore[index]
        assert on_screen(app, passage_rows(app, start))
        await pilot.press("down", "down")  # the cursor inside the passage, not on its first row
        await settle(app, pilot)
        for size in ((80, 24), (200, 60), (120, 36), (80, 24)):
            await pilot.resize_terminal(*size)
            await settle(app, pilot)
            assert view.wrap_width == min(100, view.scrollable_content_region.width)
            assert on_screen(app, passage_rows(app, start)), size
            assert view.passage_under_cursor()[0] == start, size  # type: ignore[index]
            top = int(view.scroll_y)
            assert top <= view.cursor_y < top + view.scrollable_content_region.height


async def test_a_resize_with_the_cursor_scrolled_away_keeps_the_top_line(tmp_path: Path) -> None:
    path = essay_file(tmp_path, *[LONG_ENGLISH] * 30)
    app = ReaderApp(path=path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        view = reader(app).view
        for _ in range(12):  # the mouse wheel scrolls; the cursor stays behind, off screen
            view.post_message(events.MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
        await settle(app, pilot)
        top = view.top_offset
        assert top > 0 and not int(view.scroll_y) <= view.cursor_y
        await pilot.resize_terminal(100, 30)
        await settle(app, pilot)
        paragraph = view.essay_layout.paragraph_of(top)
        assert view.essay_layout.paragraph_of(view.top_offset) == paragraph


async def test_n_brings_a_passage_to_the_upper_third_with_its_translation(tmp_path: Path) -> None:
    short = "A short English line about the plan."
    text_paragraphs = [*[short] * 16, RUSSIAN, *[short] * 40, RUSSIAN.replace("всё", "всё!"), *[short] * 60]
    path = essay_file(tmp_path, *text_paragraphs)
    text = path.read_text(encoding="utf-8")
    starts = [passage.start for passage in detect(text).passages]
    app = RecordingApp(path=path)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(app, pilot)
        view = reader(app).view
        height = view.scrollable_content_region.height
        first = passage_rows(app, starts[0])
        assert first[1] < height  # the first passage is on the first screen already, low down
        assert first[0] > height // 3
        for key, start in (("n", starts[0]), ("n", starts[1]), ("N", starts[0])):
            await pilot.press(key)
            await settle(app, pilot)
            block = passage_rows(app, start)
            assert view.cursor_y == block[0]
            assert 0 < block[0] - int(view.scroll_y) <= height // 3, key
            assert on_screen(app, block)  # with its translation (the transliteration here) below it
        await pilot.press("N")  # wraps around to the last passage, and says so
        await settle(app, pilot)
        assert on_screen(app, passage_rows(app, starts[-1]))
        assert app.shown[-1] == "Continued from the bottom"


# -- mixed-script words --------------------------------------------------------------------------------


async def test_a_latin_word_with_a_cyrillic_letter_is_marked_and_named(tmp_path: Path) -> None:
    spoofed = "S\u043eviet"  # a Cyrillic о
    path = essay_file(tmp_path, f"The {spoofed} planners and the Soviet economists disagreed.", RUSSIAN)
    text = path.read_text(encoding="utf-8")
    app = RecordingApp(path=path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        view = reader(app).view
        # The same words as `reader detect` lists under mixed_script.
        assert [(start, end) for start, end, _ in view.spoofs.items] == [
            (word.start, word.end) for word in detect(text).mixed_script
        ]
        summary = "1 word mixes Latin and Cyrillic letters"
        assert any(summary in shown and spoofed in shown for shown in app.shown)
        line = next(line for line in rows(app) if spoofed in line)
        assert f"{spoofed} ⟨⚠ Cyrillic “о” (U+043E) in a Latin word⟩ planners" in line
        assert WARNING in span_kinds(app)
        # Drawn unlike its neighbours: the spoof style on the word, the plain style on "Soviet".
        y = view.essay_layout.y_for_offset(text.index(spoofed))
        strip = view.render_line(y - int(view.scroll_y))
        styles = {segment.text: segment.style for segment in strip if segment.text.strip()}
        spoof_style = next(style for segment, style in styles.items() if spoofed in segment)
        assert spoof_style is not None and spoof_style.bold and spoof_style.underline
        plain = next(style for segment, style in styles.items() if "planners" in segment)
        assert plain != spoof_style


# -- the palette --------------------------------------------------------------------------------------


async def run_command(app: ReaderApp, pilot: Any, query: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*query)
    await app.screen.workers.wait_for_complete()
    await wait_for_hits(app, pilot)
    await pilot.press("down", "enter")
    await settle(app, pilot)
    assert not isinstance(app.screen, CommandPalette)


async def test_the_palette_changes_the_measure_the_placement_and_the_glosses(
    tmp_path: Path, tiny_model: Path
) -> None:
    path = essay_file(tmp_path, *[LONG_ENGLISH] * 3, RUSSIAN, LONG_ENGLISH)
    app = RecordingApp(path=path)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        view = reader(app).view
        await run_command(app, pilot, "wider page")
        assert view.wrap_width == 110 and app.shown[-1] == "Page 110 columns wide"
        assert max(len(line) for line in rows(app)) > 100
        await run_command(app, pilot, "translations under")
        assert not any(GUTTER_TEXT in line for line in rows(app))
        assert GLOSS in span_kinds(app)
        await run_command(app, pilot, "glosses with translations")
        assert app.shown[-1] == "Glossary glosses not shown with translations"
        assert GLOSS not in span_kinds(app) and TRANSLATION in span_kinds(app)
        saved = paths.config_file().read_text(encoding="utf-8")
        assert "measure = 110" in saved and 'placement = "under"' in saved
        assert "glosses_with_translation = false" in saved
