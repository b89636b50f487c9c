"""Two essays with the same title are told apart in the library search's results, by file name, as the
library tells them apart."""

from __future__ import annotations

import pytest

from reader.paths import user_essays_dir
from tests.support.pilot import RecordingApp, settle
from tests.support.screen_text import screen_text

pytestmark = pytest.mark.anyio


async def test_results_of_essays_sharing_a_title_name_their_files() -> None:
    essays = user_essays_dir()
    essays.mkdir(parents=True, exist_ok=True)
    for name in ("first-copy.txt", "second-copy.txt"):
        (essays / name).write_text("Same Title\n\nThe kolkhoz was a collective farm.\n", encoding="utf-8")
    app = RecordingApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        await pilot.press(*"kolkhoz")
        await settle(app, pilot)
        text = screen_text(app)
        assert "Same Title · first-copy.txt" in text, text
        assert "Same Title · second-copy.txt" in text, text
