"""Library search speed: index 1,000 essays of 50 KB each, then time queries.

Run on demand: ``python tests/benchmarks/bench_search.py``. The essays are built in a temporary folder
from paragraphs of the bundled corpus, shuffled, with Russian paragraphs mixed in (glossary-heavy
quotations, plus FLORES-200 Russian when ../shared/data/flores200-devtest is present, for a realistic
Russian vocabulary), about one paragraph in five. The index goes to a temporary cache folder.

Printed: the time to index the whole library from nothing, the time to check it when nothing changed,
and for each query the time of ``SearchIndex.search`` (which includes that check), warm (the glossary
and pymorphy3 loaded), with the number of essays and matches found: with the limit ``reader search``
and the app use (the first 100 matches listed, every essay counted) and without one (every match
located), side by side, and their ratio.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.benchmarks.russian_lines import russian_lines  # noqa: E402

ESSAYS = 1_000
ESSAY_CHARS = 50_000
RUNS = 5
#: The limit of ``reader search`` and the app's search screen.
LIMIT = 100
QUERIES = [
    "nomenklatura",  # a glossary term: every spelling, both scripts
    "колхоз",  # inflected Russian and the glossary's kolkhoz
    "пятилетка",  # a Russian lemma
    "bureaucracy",  # a common English word
    '"the working class"',  # a phrase of common words
    "Trotsky Stalin",  # two words, both required
    "zzyzzyva",  # nothing
]


def build_library(folder: Path) -> None:
    from reader import paths

    english = [
        paragraph.strip()
        for path in sorted(paths.bundled_corpus_dir().glob("*.txt"))
        for paragraph in path.read_text(encoding="utf-8").split("\n\n")
        if paragraph.strip()
    ]
    russian = russian_lines()
    rng = random.Random(1917)
    for number in range(ESSAYS):
        parts: list[str] = [f"Essay {number}"]
        size = 0
        while size < ESSAY_CHARS:
            paragraph = rng.choice(russian) if rng.random() < 0.2 else rng.choice(english)
            parts.append(paragraph)
            size += len(paragraph) + 2
        (folder / f"essay-{number:04d}.txt").write_text("\n\n".join(parts) + "\n", encoding="utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="reader-bench-search-") as temp:
        root = Path(temp)
        os.environ["READER_CACHE_DIR"] = str(root / "cache")
        os.environ["READER_DATA_DIR"] = str(root / "data")
        library = root / "library"
        library.mkdir()
        build_library(library)
        total = sum(path.stat().st_size for path in library.iterdir())
        print(f"library: {ESSAYS} essays, {total / 1e6:.1f} MB")

        from reader.glossary import load_glossary
        from reader.search import SearchIndex

        glossary = load_glossary()
        glossary.lookup("warm up")  # build the glossary's matcher and lookup tables (pymorphy3 too)
        with SearchIndex([library], include_user=False, glossary=glossary) as index:
            entries = index.entries()
            started = time.perf_counter()
            report = index.refresh(entries)
            print(f"index from nothing: {time.perf_counter() - started:.1f} s ({report.indexed} essays)")
            size = sum(p.stat().st_size for p in index.path.parent.iterdir() if p.name.startswith("search"))
            print(f"index on disk: {size / 1e6:.0f} MB")
            started = time.perf_counter()
            index.refresh(entries)
            print(f"check, nothing changed: {1000 * (time.perf_counter() - started):.0f} ms")
            print(f"{'query':>22}  limit {LIMIT}: median, essays, listed | no limit: median, matches | ratio")
            for query in QUERIES:
                limited, limited_results = _timed(index, query, entries, LIMIT)
                whole, results = _timed(index, query, entries, None)
                listed = sum(len(result.matches) for result in limited_results)
                matches = sum(len(result.matches) for result in results)
                print(
                    f"{query!r:>22}  {1000 * limited:9.0f} ms {len(limited_results):6d} {listed:6d}"
                    f" | {1000 * whole:9.0f} ms {matches:7d} | {whole / max(limited, 1e-9):5.1f}x"
                )


def _timed(index: object, query: str, entries: list[object], limit: int | None) -> tuple[float, list]:
    """Median time of ``index.search(query, entries, limit=limit)`` over RUNS runs, and its results."""
    times = []
    results: list = []
    for _run in range(RUNS):
        started = time.perf_counter()
        results = index.search(query, entries, limit=limit)  # type: ignore[attr-defined]
        times.append(time.perf_counter() - started)
    return statistics.median(times), results


if __name__ == "__main__":
    main()
