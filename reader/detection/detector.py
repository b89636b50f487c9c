"""Detection: the passages of a text that are not English, with their language, and mixed-script words.

Only Cyrillic-script text becomes a passage. English, including English words transliterated from Russian
(kolkhoz, nomenklatura), is never one; other Latin-script languages are out of scope. See
:mod:`reader.detection.segment` for what a passage spans and :mod:`reader.detection.language` for how its
language is chosen.

One step happens here because it needs neighbours: a sentence cut by a Latin name ("Компанія Apple
представила…") gives short pieces that carry little evidence on their own, and "Компанія" alone looks
Russian. Pieces that sit close together in one paragraph form a cluster; a piece whose own evidence is weak
takes the cluster's language when the cluster as a whole is surer.
"""

from __future__ import annotations

import re

from reader.detection.language import LanguageGuess, guess_language
from reader.detection.model import Detection, MixedScript, Passage
from reader.detection.segment import MAX_ASIDE_CHARS, Span, segment

#: Below this margin over the runner-up, a passage's own language gives way to its cluster's.
WEAK_MARGIN = 4.0
_BLANK_LINE = re.compile("\\n[^\\S\\n]*\\n|\u2029")


def detect(text: str) -> Detection:
    """Passages and mixed-script words of ``text``, each ordered by start and never overlapping.

    Offsets index ``text``: ``passage.text == text[passage.start:passage.end]``.
    """
    found = segment(text)
    guesses = [guess_language(text[span.start : span.end]) for span in found.passages]
    langs = [guess.lang for guess in guesses]
    for cluster in _clusters(text, found.passages):
        _settle_weak_guesses(text, found.passages, guesses, langs, cluster)
    passages = [
        Passage(span.start, span.end, lang, text[span.start : span.end])
        for span, lang in zip(found.passages, langs, strict=True)
    ]
    mixed = [MixedScript(span.start, span.end, text[span.start : span.end]) for span in found.mixed_script]
    return Detection(passages=passages, mixed_script=mixed)


def _clusters(text: str, spans: list[Span]) -> list[range]:
    """Index ranges of passages at most an aside's length apart with no paragraph break between."""
    clusters: list[range] = []
    first = 0
    for index in range(1, len(spans) + 1):
        if index < len(spans):
            gap_start, gap_end = spans[index - 1].end, spans[index].start
            if gap_end - gap_start <= MAX_ASIDE_CHARS and not _BLANK_LINE.search(text, gap_start, gap_end):
                continue
        if index - first > 1:
            clusters.append(range(first, index))
        first = index
    return clusters


def _settle_weak_guesses(
    text: str, spans: list[Span], guesses: list[LanguageGuess], langs: list[str], cluster: range
) -> None:
    joined = guess_language(" ".join(text[spans[index].start : spans[index].end] for index in cluster))
    for index in cluster:
        if guesses[index].margin < WEAK_MARGIN and joined.margin > guesses[index].margin:
            langs[index] = joined.lang
