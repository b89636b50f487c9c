"""The glossary's hits on the bundled essays, grouped for judging, and the precision they give.

Run ``python tests/glossary_precision.py`` to print the hit table: one row per distinct (entry, surface
form, context class), with its count and the verdict recorded in ``JUDGED`` ("ok": the right entry in
the right sense; "wrong"; "?" for a row nobody has judged yet). The context class is the word right
after the hit, folded ("·" when punctuation or the end of the text follows), which is what decides
the sense in most collisions ("Soviet economy" against "the Soviet of Workers' Deputies").

``--write`` rewrites ``JUDGED`` from the current hits, keeping every recorded verdict and marking new
rows "?": judge those by reading them in context (``--context ENTRY`` prints each hit of an entry with
the text around it), then run the tests (``tests/test_glossary_precision.py``).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from reader.glossary import Glossary, load_glossary  # noqa: E402
from reader.glossary.names import WORD, fold  # noqa: E402

CORPUS = REPO / "corpus"
JUDGED = REPO / "tests" / "fixtures" / "glossary" / "judged-hits.tsv"
_HEADER = ("entry", "surface", "next", "count", "verdict", "note")

Key = tuple[str, str, str]


@dataclass(frozen=True)
class Verdict:
    verdict: str
    note: str


def curated() -> Glossary:
    return load_glossary(curated_dir=REPO / "glossary", include_user=False)


def essays() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def _next_word(text: str, end: int) -> str:
    gap = text[end : end + 3]
    if gap[:1] not in (" ", "-") or not gap[1:2].isalpha():
        return "·"
    found = WORD.match(text, end + 1)
    return fold(found.group()) if found else "·"


def hit_table(glossary: Glossary | None = None) -> Counter[Key]:
    """Hit counts on the bundled essays by (entry id, folded surface form, folded next word)."""
    glossary = glossary or curated()
    table: Counter[Key] = Counter()
    for path in essays():
        text = path.read_text(encoding="utf-8")
        for hit in glossary.annotate(text):
            table[(hit.id, fold(hit.text).replace("’", "'"), _next_word(text, hit.end))] += 1
    return table


def read_judged(path: Path = JUDGED) -> dict[Key, Verdict]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {(r["entry"], r["surface"], r["next"]): Verdict(r["verdict"], r["note"]) for r in rows}


def write_judged(table: Counter[Key], judged: dict[Key, Verdict], path: Path = JUDGED) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(_HEADER)
        for key in sorted(table):
            verdict = judged.get(key, Verdict("?", ""))
            writer.writerow((*key, table[key], verdict.verdict, verdict.note))


def precision(table: Counter[Key], judged: dict[Key, Verdict]) -> tuple[int, int, int]:
    """(hits judged right, hits judged wrong, hits not judged)."""
    right = sum(n for key, n in table.items() if key in judged and judged[key].verdict == "ok")
    wrong = sum(n for key, n in table.items() if key in judged and judged[key].verdict == "wrong")
    return right, wrong, sum(table.values()) - right - wrong


def _context(glossary: Glossary, entry_id: str) -> None:
    for path in essays():
        text = path.read_text(encoding="utf-8")
        for hit in glossary.annotate(text):
            if hit.id == entry_id:
                before = text[max(0, hit.start - 50) : hit.start].replace("\n", " ")
                after = text[hit.end : hit.end + 40].replace("\n", " ")
                print(f"{path.stem[:20]:20} {before:>50}[{hit.text}]{after}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the judged table, keeping verdicts")
    parser.add_argument("--context", metavar="ENTRY", help="print each hit of ENTRY in context")
    args = parser.parse_args()
    glossary = curated()
    if args.context:
        _context(glossary, args.context)
        return 0
    table = hit_table(glossary)
    judged = read_judged()
    if args.write:
        write_judged(table, judged)
    for key in sorted(table, key=lambda k: (-table[k], k)):
        verdict = judged.get(key, Verdict("?", ""))
        print(f"{table[key]:4}  {verdict.verdict:5}  {key[0]:32} {key[1]:36} {key[2]:14} {verdict.note}")
    right, wrong, unjudged = precision(table, judged)
    total = right + wrong + unjudged
    print(f"{total} hits in {len(table)} rows: {right} right, {wrong} wrong, {unjudged} not judged")
    if right + wrong:
        print(f"precision {right / (right + wrong):.1%} of the judged hits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
