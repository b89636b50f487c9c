"""Detection: the passages of a text that are not English, with their language, and mixed-script words.

Only Cyrillic-script text becomes a passage. English, including English words transliterated from Russian
(kolkhoz, nomenklatura), is never one; other Latin-script languages are out of scope. See
:mod:`reader.detection.segment` for what a passage spans and :mod:`reader.detection.language` for how its
language is chosen.

Two steps happen here because they need the rest of the text. Long passages are identified first: when
they are surely Russian and amount to enough text, the essay is a Russian one, and its short passages that
show no sign of another language are taken as likelier Russian (see :mod:`reader.detection.short_text`).
And a sentence cut by a long Latin stretch (more names than an aside holds) gives short pieces that carry
little evidence on their own: "Президент" alone looks Russian. Pieces that sit close together in one
sentence, with no English prose between ("and", "the"), form a cluster; a piece whose own guess is unsure
takes the cluster's language when the cluster as a whole is surer.
"""

from __future__ import annotations

import re

from reader.detection.language import LanguageGuess, guess_language
from reader.detection.model import Detection, MixedScript, Passage
from reader.detection.segment import ENGLISH_PROSE, MAX_ASIDE_CHARS, Span, segment

#: Passages this long settle the essay's usual language; together they must hold enough text, and
#: nearly all of it Russian, for Russian to be likelier a priori in the essay's short passages.
LONG_PASSAGE_CHARS = 200
MIN_CONTEXT_CHARS = 1000
RUSSIAN_CONTEXT_SHARE = 0.9
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
    texts = [text[span.start : span.end] for span in found.passages]
    # Long passages first: when they are surely Russian, so is the essay's usual language.
    long_guesses = {index: guess_language(texts[index]) for index in _long(texts)}
    context = _russian_context(texts, long_guesses)
    guesses = [
        long_guesses.get(index) or guess_language(texts[index], context) for index in range(len(texts))
    ]
    for cluster in _clusters(text, found.passages):
        _settle_weak_guesses(text, found.passages, guesses, cluster)
    passages = [
        Passage(span.start, span.end, guess.lang, text[span.start : span.end], round(guess.confidence, 3))
        for span, guess in zip(found.passages, guesses, strict=True)
    ]
    mixed = [MixedScript(span.start, span.end, text[span.start : span.end]) for span in found.mixed_script]
    return Detection(passages=passages, mixed_script=mixed)


def _long(texts: list[str]) -> list[int]:
    return [index for index, passage in enumerate(texts) if len(passage) >= LONG_PASSAGE_CHARS]


def _russian_context(texts: list[str], long_guesses: dict[int, LanguageGuess]) -> bool:
    """Whether the long passages, surely identified, are nearly all Russian and amount to enough text."""
    sure = [
        (len(texts[index]), guess.lang) for index, guess in long_guesses.items() if guess.confidence >= 0.99
    ]
    total = sum(size for size, _ in sure)
    russian = sum(size for size, lang in sure if lang == "ru")
    return total >= MIN_CONTEXT_CHARS and russian >= RUSSIAN_CONTEXT_SHARE * total


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
