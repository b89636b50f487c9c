"""Cold start: process start to the library painted, against a minimal Textual app that paints one Static.

Run: ``python tests/benchmarks/bench_startup.py [--runs N] [--terminal]``. Each run is a fresh interpreter
(the reader's imports are what we measure), alternating reader and baseline so both see the same machine
load; the figure is the ratio of the medians, against the issue's target of 1.3x.

Both processes are driven the same way, with no test-only code in the app: ``App.run(auto_pilot=...)``
whose pilot waits for the first screen (the library for the reader), lets it paint once, and exits.
Headless by default (no terminal needed); ``--terminal`` runs both in the real terminal instead.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
TARGET = 1.3

BASELINE = """
import sys
from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App):
    def compose(self) -> ComposeResult:
        yield Static("Hello")


async def auto_pilot(pilot) -> None:
    await pilot.pause()
    pilot.app.exit()


Minimal().run(headless=sys.argv[1] == "headless", auto_pilot=auto_pilot)
"""

READER = """
import sys
from reader.ui.app import ReaderApp


async def auto_pilot(pilot) -> None:
    while type(pilot.app.screen).__name__ != "LibraryScreen":
        await pilot.pause()
    await pilot.pause()
    pilot.app.exit()


ReaderApp().run(headless=sys.argv[1] == "headless", auto_pilot=auto_pilot)
"""


def time_run(script: str, mode: str, env: dict[str, str]) -> float:
    """Seconds from spawning a fresh interpreter to its exit."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", script, mode],
        check=True,
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL if mode == "headless" else None,
        stdout=subprocess.DEVNULL if mode == "headless" else None,
    )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each app (default 10)")
    parser.add_argument("--terminal", action="store_true", help="run in the terminal instead of headless")
    args = parser.parse_args()
    mode = "terminal" if args.terminal else "headless"

    with tempfile.TemporaryDirectory(prefix="reader-bench-startup-") as home:
        # A fresh, empty user data dir: the bundled library and glossary, no user essays, state or settings.
        # Byte-code is written as on a user's machine: the warm-up run below leaves both apps' __pycache__
        # in place (an environment that sets PYTHONDONTWRITEBYTECODE would have the reader's own modules
        # compiled from source on every run, while Textual's, installed with pip, were compiled once).
        env = {
            **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
            "READER_DATA_DIR": f"{home}/data",
            "READER_CACHE_DIR": f"{home}/cache",
            "READER_CONFIG_DIR": f"{home}/config",  # no settings file: the defaults, as on a first start
        }
        time_run(READER, mode, env)  # warm the OS file cache and __pycache__ for both
        time_run(BASELINE, mode, env)
        reader_times: list[float] = []
        baseline_times: list[float] = []
        for _ in range(args.runs):
            reader_times.append(time_run(READER, mode, env))
            baseline_times.append(time_run(BASELINE, mode, env))

    reader_median = statistics.median(reader_times)
    baseline_median = statistics.median(baseline_times)
    ratio = reader_median / baseline_median
    print(f"cold start to first paint ({mode}, {args.runs} alternating runs each, median)")
    print(f"  minimal Textual app : {baseline_median * 1000:7.0f} ms")
    print(f"  reader (library)    : {reader_median * 1000:7.0f} ms")
    verdict = "within" if ratio <= TARGET else "OVER"
    print(f"  ratio               : {ratio:.2f}x  ({verdict} the {TARGET}x target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
