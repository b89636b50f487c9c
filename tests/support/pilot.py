"""Waiting for a Textual app under Pilot until its workers are done."""

from __future__ import annotations

import contextlib
from typing import Any

from textual.app import App
from textual.worker import WorkerCancelled


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
