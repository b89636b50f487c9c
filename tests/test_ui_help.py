"""The help screen opens and closes, and help.md documents every key bound anywhere in the app."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path
from typing import ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.keys import format_key, key_to_character
from textual.widgets import Markdown, Static

import reader.ui
from reader.ui.screens.help import HelpScreen, help_markdown

pytestmark = pytest.mark.anyio

#: Spellings help.md may use for a key that has no printable character.
KEY_NAMES = {
    "escape": "esc",
    "slash": "/",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "question_mark": "?",
}


def ui_classes() -> list[type[DOMNode]]:
    """Every screen, widget and app class defined in reader.ui (its modules are imported to find them)."""
    found: list[type[DOMNode]] = []
    root = Path(reader.ui.__file__).parent
    for path in sorted(root.rglob("*.py")):
        name = ".".join(("reader", "ui", *path.relative_to(root).with_suffix("").parts))
        module = importlib.import_module(name.removesuffix(".__init__"))
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, DOMNode) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def bound_keys(cls: type[DOMNode]) -> list[str]:
    """The keys a class binds itself (not the ones it inherits from Textual)."""
    keys: list[str] = []
    for binding in cls.__dict__.get("BINDINGS", []):
        key_list = binding.key if isinstance(binding, Binding) else binding[0]
        keys += [key.strip() for key in key_list.split(",")]
    return keys


def spellings(key: str) -> set[str]:
    """The ways help.md may write ``key``: its name, its character, or Textual's display form."""
    options = {key, format_key(key), KEY_NAMES.get(key, key)}
    character = key_to_character(key)
    if character is not None and character.isprintable():
        options.add(character)
    return {normalise(option) for option in options}


def normalise(token: str) -> str:
    """Single characters are case-sensitive (``n`` is not ``N``); key names are not (``F1`` is ``f1``)."""
    return token if len(token) == 1 else token.lower()


def documented_keys() -> set[str]:
    return {normalise(token) for token in re.findall(r"`([^`]+)`", help_markdown())}


def test_ui_classes_are_found() -> None:
    names = {cls.__name__ for cls in ui_classes()}
    assert {"HelpScreen", "GlossaryScreen", "EntryPanel"} <= names


def test_every_bound_key_is_in_help() -> None:
    documented = documented_keys()
    missing = [
        f"{cls.__module__}.{cls.__name__}: {key}"
        for cls in ui_classes()
        for key in bound_keys(cls)
        if not spellings(key) & documented
    ]
    assert not missing, "keys bound but not documented in reader/ui/help.md:\n" + "\n".join(missing)


def test_the_check_catches_an_undocumented_key() -> None:
    assert not spellings("ctrl+z") & documented_keys()
    assert spellings("question_mark") & documented_keys()


class HelpHost(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [("question_mark,f1", "help", "Help")]  # as ReaderApp binds it

    def compose(self) -> ComposeResult:
        yield Static("host")

    def action_help(self) -> None:
        self.push_screen(HelpScreen())


@pytest.mark.parametrize("close_key", ["escape", "q", "question_mark", "f1"])
async def test_help_opens_and_closes(close_key: str) -> None:
    app = HelpHost()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        markdown = app.screen.query_one(Markdown)
        assert markdown.source == help_markdown()
        await pilot.press(close_key)
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_help_in_the_real_app_over_the_library() -> None:
    from reader.ui.app import ReaderApp

    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        library = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is library
