"""Annotation speed: a 5 MB essay with the curated glossary and with 10,000 more generated entries.

Run on demand: ``python tests/benchmarks/bench_annotate.py``. The essay is the bundled corpus with
Russian paragraphs mixed in (glossary-heavy quotations, plus FLORES-200 Russian when
../shared/data/flores200-devtest is present), repeated to 5 MB. The generated entries are written as YAML
to a temporary directory and overlaid on the curated glossary, so both runs find the same real terms
and the second also carries 10,000 names that share first words with common English words. Both runs
happen side by side in one process; the figure that matters is their ratio (about 1 means the cost
does not grow with glossary size).
"""

from __future__ import annotations

import gc
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader import paths  # noqa: E402
from reader.glossary import CATEGORIES, Glossary, load_glossary  # noqa: E402
from tests.benchmarks.russian_lines import russian_lines  # noqa: E402

TARGET_CHARS = 5_000_000
GENERATED = 10_000
RUNS = 7
LATIN_SYLLABLES = [
    "ka",
    "lo",
    "zu",
    "mir",
    "tan",
    "vek",
    "sho",
    "pra",
    "dro",
    "gul",
    "nek",
    "ost",
    "rin",
    "bel",
    "chu",
]
CYRILLIC_SYLLABLES = [
    "ка",
    "ло",
    "зу",
    "мир",
    "тан",
    "век",
    "шо",
    "пра",
    "дро",
    "гул",
    "нек",
    "ост",
    "рин",
    "бел",
    "чу",
]
COMMON_FIRST_WORDS = ["state", "party", "soviet", "new", "economic", "political", "central", "people's"]


def build_essay() -> str:
    corpus = [p.read_text(encoding="utf-8") for p in sorted(paths.bundled_corpus_dir().glob("*.txt"))]
    english = [para for text in corpus for para in text.split("\n\n") if para.strip()]
    russian = russian_lines()
    rng = random.Random(1917)
    pieces: list[str] = []
    size = 0
    while size < TARGET_CHARS:
        para = rng.choice(english) if rng.random() < 0.85 else " ".join(rng.sample(russian, 3))
        pieces.append(para)
        size += len(para) + 2
    return "\n\n".join(pieces)[:TARGET_CHARS]


def _word(rng: random.Random, syllables: list[str]) -> str:
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


def write_generated(directory: Path, count: int) -> None:
    """``count`` valid entries with made-up names, a fifth of them starting with a common English word."""
    rng = random.Random(1991)
    per_file = 1000
    for file_index in range(0, count, per_file):
        lines: list[str] = []
        for n in range(file_index, min(count, file_index + per_file)):
            latin = _word(rng, LATIN_SYLLABLES)
            term = f"{rng.choice(COMMON_FIRST_WORDS)} {latin}" if n % 5 == 0 else latin
            russian = _word(rng, CYRILLIC_SYLLABLES) + "ство"
            lines += [
                f"- id: generated-{n}",
                f'  term: "{term}"',
                f"  russian: {russian}",
                f"  forms: [{russian[:-4]}ский]",
                f"  transliterations: [{latin}y, {latin}-{n}]",
                f"  gloss: generated term {n}",
                "  definition: A generated entry for the benchmark.",
                f"  category: {CATEGORIES[n % len(CATEGORIES)]}",
                "  period: none",
                "  see_also: []",
                "  sources:",
                "    - {author: Nobody, title: Benchmark, year: 2024}",
            ]
        (directory / f"generated-{file_index // per_file:02d}.yaml").write_text(
            "\n".join(lines) + "\n", "utf-8"
        )


def measure(glossaries: list[Glossary], essay: str) -> list[tuple[float, int]]:
    """Best seconds of RUNS annotations for each glossary (the least disturbed by other processes on a
    shared machine), runs interleaved so that load affects both alike; with the hit count of each."""
    times: list[list[float]] = [[] for _ in glossaries]
    hits = [0 for _ in glossaries]
    gc.collect()  # the garbage of building the essay and the glossaries, collected before timing
    for round_ in range(RUNS + 1):
        for n, glossary in enumerate(glossaries):
            start = time.perf_counter()
            hits[n] = len(glossary.annotate(essay))
            if round_:  # round 0 warms up
                times[n].append(time.perf_counter() - start)
    return [(min(t), h) for t, h in zip(times, hits, strict=True)]


def main() -> None:
    essay = build_essay()
    megabytes = len(essay.encode("utf-8")) / 1e6
    print(f"essay: {len(essay):,} characters, {megabytes:.2f} MB UTF-8")

    start = time.perf_counter()
    curated = load_glossary(include_user=False)
    load_curated = time.perf_counter() - start
    start = time.perf_counter()
    first_hits = len(curated.annotate(essay))  # builds the index, loads pymorphy3, lemmatises new words
    first_run = time.perf_counter() - start
    print(
        f"curated: {len(curated.entries)} entries, loaded in {load_curated:.3f} s; "
        f"first annotation (index + morphology + lemma cache) {first_run:.3f} s, {first_hits:,} hits"
    )

    with tempfile.TemporaryDirectory(prefix="reader-bench-glossary-") as tmp:
        write_generated(Path(tmp), GENERATED)
        start = time.perf_counter()
        big = load_glossary(extra_dirs=(Path(tmp),), include_user=False)
        load_big = time.perf_counter() - start
        start = time.perf_counter()
        big.annotate("warm-up")  # build the index of every name
        index_big = time.perf_counter() - start
        problems = len(big.problems)
    print(
        f"generated: {len(big.entries)} entries ({problems} problems), loaded in {load_big:.3f} s, "
        f"index built in {index_big:.3f} s"
    )

    big.annotate(essay)  # lemmatise any word forms only the bigger index cares about
    (curated_time, curated_hits), (big_time, big_hits) = measure([curated, big], essay)
    curated_rate, big_rate = megabytes / curated_time, megabytes / big_time
    print(f"curated glossary:   {curated_rate:6.1f} MB/s  ({curated_time:.3f} s, {curated_hits:,} hits)")
    print(f"+{GENERATED:,} generated: {big_rate:6.1f} MB/s  ({big_time:.3f} s, {big_hits:,} hits)")
    print(f"ratio (generated / curated throughput): {big_rate / curated_rate:.2f}")


if __name__ == "__main__":
    main()
