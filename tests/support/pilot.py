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
