"""Opening a 5 MB essay: time to the first painted screen, and render time per page while scrolling.

Run as ``python tests/benchmarks/bench_open.py``. The essay is the bundled essay with Russian
paragraphs, repeated to 5 MB; the bundled essay itself is measured side by side for comparison.
Targets (issue 5): first screen in under a second; a page scrolled in under 50 ms per frame.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
for _name in ("READER_DATA_DIR", "READER_CACHE_DIR", "ARGOS_PACKAGES_DIR"):
    os.environ[_name] = tempfile.mkdtemp(prefix=f"bench-open-{_name.lower()}-")

from reader.ui.app import ReaderApp  # noqa: E402
from reader.ui.widgets.essay_view import EssayView  # noqa: E402

SOURCE = ROOT / "corpus" / "socialism-bureaucracy-and-the-market-7.txt"
PAGES = 30


def make_big_essay(folder: Path, size: int = 5_000_000) -> Path:
    text = SOURCE.read_text(encoding="utf-8")
    path = folder / "big-essay.txt"
    path.write_text((text + "\n\n") * (size // len(text) + 1), encoding="utf-8")
    return path


class FirstPaint:
    """Records when the essay view first renders a line of the essay (the first screen painted)."""

    def __init__(self) -> None:
        self.at: float | None = None
        original = EssayView.render_line

        def render_line(view: EssayView, y: int):  # type: ignore[no-untyped-def]
            if self.at is None and view.essay_layout is not None and view.essay_layout.total_rows:
                self.at = time.perf_counter()
            return original(view, y)

        EssayView.render_line = render_line  # type: ignore[method-assign]
        self._original = original

    def restore(self) -> None:
        EssayView.render_line = self._original  # type: ignore[method-assign]


async def page_frames(pilot, view: EssayView, pages: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Milliseconds to render each page after a page-down, every line from scratch (a first visit)."""
    frames = []
    for _ in range(pages):
        await pilot.press("pagedown")
        begin = time.perf_counter()
        view._strips.clear()
        for y in range(view.size.height):
            view.render_line(y)
        frames.append((time.perf_counter() - begin) * 1000)
    return frames


async def measure(path: Path) -> tuple[float, list[float], list[float], float]:
    """(seconds to the first painted screen, page frames while workers run, page frames after, seconds
    until every background job finished)."""
    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        probe = FirstPaint()
        started = time.perf_counter()
        try:
            app.open_essay(path)
            while probe.at is None:
                await pilot.pause(0.005)
        finally:
            probe.restore()
        first_paint = probe.at - started
        view = app.screen.view
        busy = await page_frames(pilot, view, 5)
        await app.workers.wait_for_complete()
        settled = time.perf_counter() - started
        await pilot.press("g")
        steady = await page_frames(pilot, view, PAGES)
    return first_paint, busy, steady, settled


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        big = make_big_essay(Path(folder))
        size_mb = big.stat().st_size / 1_000_000
        asyncio.run(measure(SOURCE))  # warm up: first imports of detection, glossary, layout
        results = {
            f"bundled ({SOURCE.stat().st_size // 1024} KB)": asyncio.run(measure(SOURCE)),
            f"big ({size_mb:.1f} MB)": asyncio.run(measure(big)),
        }
    header = ("essay", "first paint", "all jobs done", "page ms median/worst", "while busy")
    print(f"{header[0]:<18} {header[1]:>12} {header[2]:>14} {header[3]:>22} {header[4]:>11}")
    for name, (paint, busy, steady, settled) in results.items():
        print(
            f"{name:<18} {paint:>10.3f} s {settled:>12.2f} s "
            f"{statistics.median(steady):>12.1f} / {max(steady):5.1f} {max(busy):>9.1f}"
        )
    (small, *_), (big_paint, _, big_steady, _) = results.values()
    print(f"first paint ratio big/bundled: {big_paint / small:.2f}x")
    print(
        f"targets: first paint < 1 s: {'ok' if big_paint < 1 else 'MISSED'}; "
        f"page < 50 ms: {'ok' if max(big_steady) < 50 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
