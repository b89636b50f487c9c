"""Import speed for each format on a file of about 5 MB, printed as MB/s.

Run as ``python tests/benchmarks/bench_import.py [FORMAT...]``. The files are made by the script with
the makers of ``tests/support/essay_files.py``, their paragraphs varied (shuffled sentences from a fixed
vocabulary, seeded) so that compressed formats compress as real prose does rather than as repeated text.
The PDF is written without stream compression, so that 5 MB of file is not 20 MB of text to typeset.
Measured: ``import_essay`` (extraction, the read-back check, the copy and the index), one run per format,
into a fresh essays folder. MB/s is file megabytes per second; text MB/s is extracted text per second.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
for _name in ("READER_DATA_DIR", "READER_CACHE_DIR", "ARGOS_PACKAGES_DIR"):
    os.environ[_name] = tempfile.mkdtemp(prefix=f"bench-import-{_name.lower()}-")

from reader.essay.importing import import_essay  # noqa: E402
from tests.support import essay_files  # noqa: E402

TARGET_BYTES = 5 * 1024 * 1024
#: A .docx packs text about 6:1, and python-docx builds 30 MB of paragraphs slowly: 1 MB of .docx is
#: already about 6 MB of text, more than the other formats' 5 MB files hold.
TARGET_OVERRIDES = {"docx": 1024 * 1024}
_ENGLISH_WORDS = (
    "the party state peasants village collective farm grain plan quota central committee historian "
    "archive letter report workers factory famine campaign deportation region district official policy "
    "economy industrialisation decree soviet congress delegates market prices bread harvest"
)
_RUSSIAN_WORDS = (
    "колхоз крестьяне деревня хлеб план партия рабочие завод голод кампания район власть решение "
    "совет съезд делегаты рынок цены урожай письмо отчёт история архив политика экономика"
)


def varied_sections(repeat: int = 1) -> list[tuple[str, list[str]]]:
    """Sections of shuffled sentences: varied text, compressing as prose does."""
    generator = random.Random(repeat)

    def sentence(vocabulary: str) -> str:
        chosen = generator.choices(vocabulary.split(), k=generator.randint(8, 18))
        return " ".join(chosen).capitalize() + "."

    return [
        (
            f"Section {number + 1}",
            [
                " ".join(sentence(_ENGLISH_WORDS) for _ in range(5)),
                " ".join(sentence(_RUSSIAN_WORDS) for _ in range(3)),
            ],
        )
        for number in range(repeat * 2)
    ]


def make_sized(kind: str, folder: Path) -> Path:
    """A file of ``kind`` of about its target size: two small ones measured, the size extrapolated."""
    essay_files.sections = varied_sections  # the makers' text, varied
    maker = essay_files.MAKERS[kind]
    options = {"compress": False} if kind == "pdf" else {}
    sizes = []
    for probe_repeat in (40, 160):
        probe_folder = folder / f"probe-{kind}-{probe_repeat}"
        probe_folder.mkdir()
        sizes.append(maker(probe_folder, probe_repeat, **options).stat().st_size)
    per_repeat = (
        sizes[1] - sizes[0]
    ) / 120  # the size grows linearly; the intercept is the format's overhead
    target = TARGET_OVERRIDES.get(kind, TARGET_BYTES)
    repeat = max(1, round(40 + (target - sizes[0]) / per_repeat))
    target_folder = folder / kind
    target_folder.mkdir()
    return maker(target_folder, repeat, **options)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as scratch:
        folder = Path(scratch)
        print(f"{'format':<10} {'file MB':>8} {'text MB':>8} {'seconds':>8} {'MB/s':>7} {'text MB/s':>10}")
        for kind in sys.argv[1:] or ("text", "markdown", "html", "epub", "docx", "pdf"):
            path = make_sized(kind, folder)
            size = path.stat().st_size / 1e6
            started = time.perf_counter()
            imported = import_essay(path, folder=folder / f"essays-{kind}")
            seconds = time.perf_counter() - started
            text_mb = len(imported.text.encode("utf-8")) / 1e6
            print(
                f"{kind:<10} {size:>8.2f} {text_mb:>8.2f} {seconds:>8.2f} {size / seconds:>7.2f} "
                f"{text_mb / seconds:>10.2f}"
            )


if __name__ == "__main__":
    main()
