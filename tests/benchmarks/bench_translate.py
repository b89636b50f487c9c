"""Translation speed and memory, measured side by side in one run on an Argos-sized synthetic model.

    python tests/benchmarks/bench_translate.py [--flores-lines N] [--repeats N]

Text: the Russian passages of the bundled essays plus the first N lines (default 40) of
../shared/data/flores200-devtest/rus_Cyrl.devtest (a subset, so the run takes minutes on a shared
2-core machine, not an hour). Beam 4 everywhere. Prints each ratio beside its target, PASS or MISS.

- engine vs argostranslate: our engine (``translate_texts``, no cache) against
  ``argostranslate.translate.apply_packaged_translation`` called per paragraph with a razdel sentence
  splitter (so it runs offline); both with the model already loaded, same CTranslate2 settings.
- engine vs raw CTranslate2: the same distinct sentences, pre-tokenised, in ONE ``translate_batch``.
- cold ``reader translate`` of one sentence (process start to output, model load included) vs
  ``python -c "import argostranslate.translate"`` alone.
- peak memory (ru_maxrss) of ``reader translate`` of the essay vs argostranslate's pipeline on it.
- second ``reader translate`` of the essay (all cached) vs the first.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO_ROOT))

from tests.benchmarks.argos_sized import FLORES_DIR, build_argos_sized_package  # noqa: E402

ESSAY = REPO_ROOT / "corpus" / "socialism-bureaucracy-and-the-market-7.txt"

ARGOS_PIPELINE = r"""
import json, resource, sys, time
import ctranslate2
from argostranslate import settings
from argostranslate.package import Package
from argostranslate.translate import apply_packaged_translation
from razdel import sentenize

class RazdelSentencizer:
    # argostranslate's ISentenceBoundaryDetectionModel interface, offline.
    def split_sentences(self, text):
        return [s.text for s in sentenize(text)]

package = Package(sys.argv[1])
translator = ctranslate2.Translator(
    str(package.package_path / "model"), device=settings.device, inter_threads=settings.inter_threads,
    intra_threads=settings.intra_threads, compute_type=settings.compute_type,
)
phases = json.loads(sys.stdin.read())
report = {"beam_size": settings.beam_size}
for name, paragraphs in phases:
    start = time.perf_counter()
    for paragraph in paragraphs:
        for line in paragraph.split("\n"):  # as PackageTranslation.hypotheses does
            apply_packaged_translation(package, line, translator, RazdelSentencizer(), 1)
    report[name] = time.perf_counter() - start
    report[name + "_maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps(report))
"""


def russian_paragraphs() -> list[str]:
    from reader.detection import detect
    from reader.essay.library import load_document

    paragraphs = []
    for essay in sorted((REPO_ROOT / "corpus").glob("*.txt")):
        paragraphs += [p.text for p in detect(load_document(essay).text).translated()]
    return paragraphs


#: Runs a command and reports its wall time and peak RSS. A small launcher, because on Linux a child's
#: ru_maxrss starts from its parent's RSS at fork: measured from this process (which holds a model)
#: every child would look as big as the benchmark itself.
LAUNCHER = r"""
import json, os, sys, time
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ)
_, status, usage = os.wait4(pid, 0)
report = {"seconds": time.perf_counter() - start, "maxrss_kb": usage.ru_maxrss,
          "status": os.waitstatus_to_exitcode(status)}
print(json.dumps(report), file=sys.stderr)
"""


def run_measured(command: list[str], env: dict[str, str], stdin: str | None = None) -> tuple[float, int, str]:
    """Wall time (process start to exit) and peak RSS (KB) of ``command``, and its stdout."""
    done = subprocess.run(
        [sys.executable, "-S", "-c", LAUNCHER, *command],
        env=env,
        cwd=REPO_ROOT,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    report = json.loads(done.stderr.splitlines()[-1])
    if report["status"] != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return report["seconds"], report["maxrss_kb"], done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--flores-lines", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=3, help="runs of each short command (median)")
    args = parser.parse_args()
    if not FLORES_DIR.is_dir():
        print(f"{FLORES_DIR} is missing", file=sys.stderr)
        return 2

    built = time.perf_counter()
    package = build_argos_sized_package()
    print(f"model: {package} (ready in {time.perf_counter() - built:.1f} s)")

    home = Path(tempfile.mkdtemp(prefix="bench-translate-"))
    env = {
        **os.environ,
        "ARGOS_PACKAGES_DIR": str(home / "argos-packages"),
        "READER_DATA_DIR": str(home / "reader-data"),
        "READER_CACHE_DIR": str(home / "reader-cache"),
        "XDG_DATA_HOME": str(home / "xdg-data"),
        "XDG_CACHE_HOME": str(home / "xdg-cache"),
        "XDG_CONFIG_HOME": str(home / "xdg-config"),
        "ARGOS_DEVICE_TYPE": "cpu",
        "ARGOS_BEAM_SIZE": "4",
        "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/",
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure with compiled modules, as a user's install has
    (home / "argos-packages").mkdir()
    (home / "argos-packages" / package.name).symlink_to(package)
    os.environ.update(env)

    from reader.models.packages import require_ru_en
    from reader.translation.engine import WORKERS, TranslationEngine
    from reader.translation.sentences import split_sentences

    essay_paragraphs = russian_paragraphs()
    flores = (FLORES_DIR / "rus_Cyrl.devtest").read_text(encoding="utf-8").splitlines()[: args.flores_lines]
    paragraphs = essay_paragraphs + flores
    sentences = list(dict.fromkeys(s.text for p in paragraphs for s in split_sentences(p)))
    print(
        f"text: {len(essay_paragraphs)} Russian passages of the bundled essays + {len(flores)} FLORES lines "
        f"(of 1012) = {len(sentences)} distinct sentences, beam 4, {os.cpu_count()} CPU(s)\n"
    )

    rows: list[tuple[str, str, str, float, str, bool]] = []

    # 1 and 2: engine vs raw translate_batch, in this process, models loaded outside the timings.
    import ctranslate2

    engine = TranslationEngine(require_ru_en(), beam_size=4, cache=None)
    _translator, tokenizer = engine._load()
    tokenized = [tokenizer.encode(sentence) for sentence in sentences]
    # The floor: one plain call, as one would write it by hand, with argostranslate's decoding options.
    plain = ctranslate2.Translator(
        str(package / "model"), compute_type="auto", intra_threads=os.cpu_count() or 0
    )
    options = {"beam_size": 4, "length_penalty": 0.2, "replace_unknowns": True, "return_scores": True}
    engine_times, raw_times = [], []
    for _ in range(2):  # alternate, to share the machine's ups and downs fairly
        start = time.perf_counter()
        plain.translate_batch(tokenized, **options)
        raw_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        engine.translate_texts(paragraphs)
        engine_times.append(time.perf_counter() - start)
    ours, raw = min(engine_times), min(raw_times)
    del plain
    lengths = [len(t) for t in tokenized]
    print(
        f"engine ({WORKERS} worker(s)) {engine_times} s, raw translate_batch {raw_times} s; "
        f"mean source {statistics.mean(lengths):.0f} tokens"
    )

    # argostranslate's pipeline, essay first (its peak memory), then the FLORES lines.
    _elapsed, _rss, out = run_measured(
        [sys.executable, "-c", ARGOS_PIPELINE, str(package)],
        env,
        stdin=json.dumps([["essay", essay_paragraphs], ["flores", flores]]),
    )
    argos = json.loads(out.splitlines()[-1])
    argos_time = argos["essay"] + argos["flores"]
    print(
        f"argostranslate pipeline: {argos_time:.2f} s "
        f"(essay {argos['essay']:.2f} s, beam {argos['beam_size']})"
    )
    rows.append(
        (
            "translate (s): engine vs argostranslate pipeline",
            f"{ours:.2f}",
            f"{argos_time:.2f}",
            argos_time / ours,
            ">= 4x faster",
            argos_time / ours >= 4,
        )
    )
    rows.append(
        (
            "translate (s): engine vs one raw translate_batch",
            f"{ours:.2f}",
            f"{raw:.2f}",
            ours / raw,
            "<= 1.15x",
            ours / raw <= 1.15,
        )
    )
    engine.close()

    # 3: cold `reader translate` of one sentence vs importing argostranslate.translate.
    one = home / "one-sentence.txt"
    one.write_text(f"He wrote: «{flores[0]}»\n", encoding="utf-8")
    reader_cmd = [sys.executable, "-m", "reader", "translate", str(one), "--json"]
    colds, imports = [], []
    for run in range(args.repeats):
        shutil.rmtree(home / "reader-cache", ignore_errors=True)
        colds.append(run_measured(reader_cmd, {**env, "READER_CACHE_DIR": str(home / f"cold-{run}")})[0])
        imports.append(run_measured([sys.executable, "-c", "import argostranslate.translate"], env)[0])
    cold, imported = statistics.median(colds), statistics.median(imports)
    rows.append(
        (
            "cold start (s): reader translate 1 sentence vs import argostranslate.translate",
            f"{cold:.2f}",
            f"{imported:.2f}",
            imported / cold,
            ">= 4x faster",
            imported / cold >= 4,
        )
    )

    # 4 and 5: `reader translate` of the essay, first (cold, empty cache) then cached.
    essay_cmd = [sys.executable, "-m", "reader", "translate", str(ESSAY), "--json"]
    first, first_rss, out = run_measured(essay_cmd, env)
    assert not any(p["cached"] for p in json.loads(out)["passages"])
    seconds = []
    for _ in range(args.repeats):
        elapsed, _rss, out = run_measured(essay_cmd, env)
        assert all(p["cached"] for p in json.loads(out)["passages"])
        seconds.append(elapsed)
    second = statistics.median(seconds)
    argos_rss = argos["essay_maxrss_kb"]
    rows.append(
        (
            "peak memory (MB): reader translate essay vs argostranslate pipeline",
            f"{first_rss / 1024:.0f}",
            f"{argos_rss / 1024:.0f}",
            argos_rss / first_rss,
            ">= 2x less",
            argos_rss / first_rss >= 2,
        )
    )
    rows.append(
        (
            "reader translate essay (s): second (cached) vs first",
            f"{second:.3f}",
            f"{first:.2f}",
            first / second,
            ">= 50x faster",
            first / second >= 50,
        )
    )

    print()
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':<{width}}  {'ours':>8}  {'other':>8}  {'ratio':>7}  {'target':<13} result")
    for name, ours_s, other_s, ratio, target, ok in rows:
        print(
            f"{name:<{width}}  {ours_s:>8}  {other_s:>8}  {ratio:>6.2f}x  {target:<13} "
            f"{'PASS' if ok else 'MISS'}"
        )
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
