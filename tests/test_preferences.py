"""The settings file: defaults, round trip, invalid values ignored with a warning, a corrupt file moved aside,
`reader paths` naming it, and the app keeping its theme across a restart."""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest

from reader import paths
from reader.reading.preferences import Preferences, load_preferences, save_preferences, to_toml
from tests.support.cli import run_cli
from tests.support.pilot import RecordingApp, settle, wait_for_hits

pytestmark = pytest.mark.anyio


def test_no_file_means_the_defaults_and_no_warning(tmp_path: Path) -> None:
    assert load_preferences(tmp_path / "config.toml") == (Preferences(), None)


def test_the_default_file_is_in_the_config_folder() -> None:
    assert paths.config_file() == Path(os.environ["READER_CONFIG_DIR"]) / "config.toml"


def test_round_trip(tmp_path: Path) -> None:
    file = tmp_path / "deep" / "config.toml"
    prefs = Preferences(
        theme="nord",
        measure=72,
        placement="under",
        beam_size=2,
        glosses_with_translation=False,
        word_glosses=True,
    )
    save_preferences(prefs, file)
    assert load_preferences(file) == (prefs, None)
    assert set(tomllib.loads(file.read_text(encoding="utf-8"))) == {item.name for item in fields(Preferences)}


def test_strings_are_escaped_as_toml() -> None:
    text = to_toml(Preferences(theme='a"b\\c\x07'))
    assert tomllib.loads(text)["theme"] == 'a"b\\c\x07'


def test_invalid_values_and_unknown_keys_are_ignored_with_one_warning(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text(
        'theme = "nord"\nmeasure = "wide"\nplacement = "left"\nbeam_size = 999\n'
        "glosses_with_translation = 1\ncolour = 3\nword_glosses = true\n",
        encoding="utf-8",
    )
    prefs, warning = load_preferences(file)
    assert prefs == Preferences(theme="nord", word_glosses=True)
    assert warning is not None and "\n" not in warning
    for name in ("measure", "placement", "beam_size", "glosses_with_translation", "colour"):
        assert name in warning
    assert file.exists(), "a file with a few bad values is the user's: it stays where it is"


@pytest.mark.parametrize("content", [b"theme = \n", b"[[[", b"\xff\xfe theme", b'theme = "x"\ntheme = "y"\n'])
def test_a_corrupt_file_is_moved_aside(tmp_path: Path, content: bytes) -> None:
    file = tmp_path / "config.toml"
    file.write_bytes(content)
    prefs, warning = load_preferences(file)
    assert prefs == Preferences()
    assert warning is not None and "config.toml" in warning and "\n" not in warning
    assert not file.exists()
    (kept,) = tmp_path.glob("config.toml.corrupt-*")
    assert kept.read_bytes() == content


def test_changed_validates() -> None:
    assert Preferences().changed(measure=80).measure == 80
    with pytest.raises(ValueError, match="placement"):
        Preferences().changed(placement="left")
    with pytest.raises(ValueError, match="unknown"):
        Preferences().changed(colour="red")


def test_save_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "config.toml"
    save_preferences(Preferences(measure=90), file)

    def failing_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        save_preferences(Preferences(measure=60), file)
    assert load_preferences(file)[0].measure == 90
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]


def test_reader_paths_shows_the_config_file() -> None:
    result = run_cli("paths", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["config"] == str(paths.config_file())
    text = run_cli("paths")
    assert str(paths.config_file()) in text.stdout


async def test_theme_chosen_in_the_palette_is_kept_after_a_restart() -> None:
    app = RecordingApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+p")
        await pilot.press(*"light theme")
        await wait_for_hits(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "textual-light"
    assert load_preferences()[0].theme == "textual-light"
    again = RecordingApp()
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(again, pilot)
        assert again.theme == "textual-light"
        assert again.preferences.theme == "textual-light"


async def test_a_corrupt_config_is_one_toast_and_the_app_works() -> None:
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text("theme = [unclosed\n", encoding="utf-8")
    app = RecordingApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        warnings = [text for text in app.shown if "config.toml" in text]
        assert len(warnings) == 1
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+p")
        await pilot.press(*"light theme")
        await wait_for_hits(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
    assert load_preferences() == (Preferences(theme="textual-light"), None)
    assert list(paths.config_file().parent.glob("config.toml.corrupt-*"))


async def test_beam_size_from_the_file_feeds_the_settings() -> None:
    save_preferences(Preferences(beam_size=2))
    app = RecordingApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert app.settings.beam_size == 2


def test_reader_translate_takes_the_beam_size_from_the_settings(tmp_path: Path) -> None:
    from tests.support.tiny_argos import install_tiny_package

    install_tiny_package(paths.argos_packages_dir())
    essay = tmp_path / "essay.txt"
    essay.write_text("Title\n\nКто не работает, тот не ест. Кадры решают всё.\n", encoding="utf-8")
    save_preferences(Preferences(beam_size=1))
    first = run_cli("translate", str(essay), "--json")
    assert first.returncode == 0, first.stderr

    # The cache is kept per beam size: what the settings' beam translated is cached for --beam 1 only.
    def cached(*beam: str) -> list[bool]:
        result = run_cli("translate", str(essay), "--json", *beam)
        assert result.returncode == 0, result.stderr
        return [passage["cached"] for passage in json.loads(result.stdout)["passages"]]

    assert cached("--beam", "1") == [True]
    assert cached("--beam", "4") == [False]
    paths.config_file().write_text("beam_size = 0\n", encoding="utf-8")
    warned = run_cli("translate", str(essay), "--json")
    assert warned.returncode == 0 and "warning" in warned.stderr and "beam_size" in warned.stderr
    assert [passage["cached"] for passage in json.loads(warned.stdout)["passages"]] == [
        True
    ]  # the default, 4


async def test_an_unknown_theme_in_the_file_is_a_warning_and_the_default_theme() -> None:
    save_preferences(Preferences(theme="no-such-theme"))
    app = RecordingApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.theme == "textual-dark"
        assert [text for text in app.shown if "no-such-theme" in text] == [
            "Unknown theme 'no-such-theme' in the settings file"
        ]


async def test_screens_update_preferences_through_the_services(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ui.services import services

    app = RecordingApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        shared = services(app.screen)
        updated = shared.update_preferences(measure=72, placement="under")
        assert updated == shared.preferences == Preferences(measure=72, placement="under")
        assert load_preferences() == (updated, None)
        with pytest.raises(ValueError, match="placement"):
            shared.update_preferences(placement="sideways")
        assert load_preferences()[0] == updated

        def full_disk(*args: object, **kwargs: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("reader.ui.app.save_preferences", full_disk)
        shared.update_preferences(measure=90)
        assert shared.preferences.measure == 90, "the change holds for this session"
        assert app.shown[-1].startswith("Cannot save the settings")
    assert load_preferences()[0].measure == 72
