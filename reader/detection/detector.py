"""Detection: the passages of a text that are not English, with their language, and mixed-script words.

Only Cyrillic-script text becomes a passage. English, including English words transliterated from Russian
(kolkhoz, nomenklatura), is never one; other Latin-script languages are out of scope. See
:mod:`reader.detection.segment` for what a passage spans and :mod:`reader.detection.language` for how its
language is chosen.

One step happens here because it needs neighbours: a sentence cut by a Latin name ("Компанія Apple
представила…") gives short pieces that carry little evidence on their own, and "Компанія" alone looks
Russian. Pieces that sit close together in one sentence, with no English prose between ("and", "the"),
form a cluster; a piece whose own guess is unsure
takes the cluster's language when the cluster as a whole is surer.
"""

from __future__ import annotations

import re

from reader.detection.language import LanguageGuess, guess_language
from reader.detection.model import Detection, MixedScript, Passage
from reader.detection.segment import ENGLISH_PROSE, MAX_ASIDE_CHARS, Span, segment

#: Below this confidence, a passage's own language gives way to its cluster's when the cluster is surer.
WEAK_CONFIDENCE = 0.95
#: What ends a cluster: a paragraph break, or the end of a sentence or clause (. ! ? ;).
_LATIN_WORD = re.compile("[A-Za-z]+")
_CLUSTER_BREAK = re.compile("\\n[^\\S\\n]*\\n|\u2029|[.!?;…]")


def detect(text: str) -> Detection:
    """Passages and mixed-script words of ``text``, each ordered by start and never overlapping.

    Offsets index ``text``: ``passage.text == text[passage.start:passage.end]``.
    """
    found = segment(text)
    guesses = [guess_language(text[span.start : span.end]) for span in found.passages]
    for cluster in _clusters(text, found.passages):
        _settle_weak_guesses(text, found.passages, guesses, cluster)
    passages = [
        Passage(span.start, span.end, guess.lang, text[span.start : span.end], round(guess.confidence, 3))
        for span, guess in zip(found.passages, guesses, strict=True)
    ]
    mixed = [MixedScript(span.start, span.end, text[span.start : span.end]) for span in found.mixed_script]
    return Detection(passages=passages, mixed_script=mixed)


def _clusters(text: str, spans: list[Span]) -> list[range]:
    """Index ranges of passages at most an aside's length apart in one sentence of one paragraph."""
    clusters: list[range] = []
    first = 0
    for index in range(1, len(spans) + 1):
        if index < len(spans):
            gap_start, gap_end = spans[index - 1].end, spans[index].start
            if gap_end - gap_start <= MAX_ASIDE_CHARS and _in_one_sentence(text, gap_start, gap_end):
                continue
        if index - first > 1:
            clusters.append(range(first, index))
        first = index
    return clusters


def _in_one_sentence(text: str, start: int, end: int) -> bool:
    """Whether a gap between two passages leaves them in one sentence: no break, no English prose."""
    if _CLUSTER_BREAK.search(text, start, end):
        return False
    return not any(word in ENGLISH_PROSE for word in _LATIN_WORD.findall(text, start, end))


def _settle_weak_guesses(text: str, spans: list[Span], guesses: list[LanguageGuess], cluster: range) -> None:
    joined = guess_language(" ".join(text[spans[index].start : spans[index].end] for index in cluster))
    for index in cluster:
        if guesses[index].confidence < WEAK_CONFIDENCE and joined.confidence > guesses[index].confidence:
            guesses[index] = joined
