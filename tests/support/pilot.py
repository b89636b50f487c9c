"""Driving the app under Pilot: waiting for workers and for the palette's hits, and an app that records
the notifications it shows (instead of reading Textual's private list of them)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from textual.app import App
from textual.command import CommandList
from textual.worker import WorkerCancelled

import reader.ui.app
from reader.ui.app import ReaderApp


class RecordingApp(ReaderApp):
    """The real app, keeping the text of every notification it shows."""

    CSS_PATH = Path(reader.ui.app.__file__).with_name("app.tcss")  # relative paths follow the subclass

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.shown: list[str] = []

    def notify(self, message: str, **kwargs: Any) -> None:
        self.shown.append(str(message))
        super().notify(message, **kwargs)


async def wait_for_hits(app: App[Any], pilot: Any, rounds: int = 200) -> None:
    """Wait until the open command palette lists at least one command for what was typed."""
    for _ in range(rounds):
        await pilot.pause()
        lists = app.screen.query(CommandList)
        if lists and lists.first().option_count:
            return
    raise AssertionError("the palette listed nothing")


async def settle(app: App[Any], pilot: Any, rounds: int = 200) -> None:
    """Wait until no worker is running (exclusive workers may be cancelled and replaced on the way)."""
    for _ in range(rounds):
        await pilot.pause()
        busy = [worker for worker in app.workers if not worker.is_finished]
        if not busy:
            await pilot.pause()
            return
        with contextlib.suppress(WorkerCancelled):  # replaced by a newer one: the loop waits for that
            await app.workers.wait_for_complete(busy)
    raise AssertionError("workers did not finish")


async def settle_for_snapshot(pilot: Any) -> None:
    """Every worker done (library scan, detection, glossary, translation), no blinking cursor, no toasts
    (they time out: a snapshot must not depend on when it is taken), animations finished, repainted."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    for node in pilot.app.screen.query("Input, TextArea"):
        node.cursor_blink = False
    pilot.app.clear_notifications()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
