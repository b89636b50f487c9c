"""``reader word`` speed and memory: a cold lookup against ``reader --version``, warm lookups, memory added.

Run on demand: ``python tests/benchmarks/bench_word.py [--runs N]``. Prints figures and ratios; asserts
nothing.

1. Cold: each run is a fresh ``reader word колхозников`` process beside a fresh ``reader --version``
   (alternating, so both see the same machine load); the figure is the ratio of the medians (target
   1.5x). A word outside pymorphy3's dictionary, which needs pymorphy3 itself, is timed beside them.
   The glossary index in the user cache is built once before timing, as the first lookup after
   installing or editing the glossary does; that first run is timed on its own and reported too.
2. Warm: lookups after the first, in one process (target under 5 ms each).
3. Memory: what a first lookup adds to the process, by tracemalloc (Python allocations) and by RSS
   (which also counts the memory-mapped dictionary pages touched), target 40 MB or less.
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

REPO = Path(__file__).resolve().parents[2]
COLD_TARGET = 1.5
WARM_WORDS = ["жила", "стали", "колхозов", "Москвы", "написанная", "транслироваться", "лучше", "ёлки", "пиши"]

MEMORY_SCRIPT = """
import resource, sys, tracemalloc
def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
import reader.cli
before = rss_mb()
tracemalloc.start()
from reader.words import look_up
look_up("колхозников")
current, peak = tracemalloc.get_traced_memory()
print(f"{current / 2**20:.1f} {peak / 2**20:.1f} {rss_mb() - before:.1f}")
"""


def reader_command() -> list[str]:
    script = Path(sys.executable).with_name("reader")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, check=True, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def cold(runs: int, env: dict[str, str]) -> None:
    reader = reader_command()
    first = timed([*reader, "word", "колхозников"], env)
    print(f"first lookup (builds the glossary index): {first * 1000:.0f} ms")
    timed([*reader, "--version"], env)  # warm the OS file cache for both
    word_times, version_times, unknown_times = [], [], []
    for _ in range(runs):
        version_times.append(timed([*reader, "--version"], env))
        word_times.append(timed([*reader, "word", "колхозников"], env))
        unknown_times.append(timed([*reader, "word", "Гингрича"], env))
    word, version = statistics.median(word_times), statistics.median(version_times)
    unknown = statistics.median(unknown_times)
    verdict = "ok" if word / version <= COLD_TARGET else "OVER"
    print(
        f"cold: reader word {word * 1000:.1f} ms, reader --version {version * 1000:.1f} ms "
        f"(medians of {runs}): {word / version:.2f}x (target {COLD_TARGET}x) {verdict}"
    )
    print(
        f"cold, a word pymorphy3 must guess (Гингрича, loads pymorphy3 itself): {unknown * 1000:.1f} ms, "
        f"{unknown / version:.2f}x"
    )


def warm() -> None:
    sys.path.insert(0, str(REPO))
    from reader.words import look_up

    look_up("колхозников")
    times = []
    for word in WARM_WORDS * 5:
        started = time.perf_counter()
        look_up(word)
        times.append(time.perf_counter() - started)
    print(
        f"warm: median {statistics.median(times) * 1000:.2f} ms, max {max(times) * 1000:.2f} ms "
        f"over {len(times)} lookups (target < 5 ms)"
    )


def memory(env: dict[str, str]) -> None:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT], check=True, cwd=REPO, env=env, capture_output=True, text=True
    ).stdout.split()
    current, peak, rss = map(float, out)
    print(
        f"memory added by a first lookup: tracemalloc {current} MB (peak {peak} MB), RSS {rss} MB (target 40)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="cold runs of each command (default 15)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-word-") as home:
        # The user's directories found as a user's are (platformdirs, XDG), but in a scratch home.
        env = {key: value for key, value in os.environ.items() if not key.startswith("READER_")}
        env.update(XDG_DATA_HOME=f"{home}/data", XDG_CACHE_HOME=f"{home}/cache")
        cold(args.runs, env)
        os.environ.clear()
        os.environ.update(env)
        warm()
        memory(env)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
