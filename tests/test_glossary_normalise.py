"""Normalisation before matching, as properties: the normalised text is what the simple definition
gives, and every normalised character maps back to whole original characters, in order."""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from reader.glossary.normalise import normalise

_ALPHABET = st.sampled_from(
    [*"ab колхоз\n-.", "\u0301", "\u0300", "\u0306", "\u00ad", "\u200b", "\ufeff", "ｋ", "Ａ", "й"]
)
_MARKS = "\u0300-\u036f\u0483-\u0489\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_GROUP = re.compile(
    f"[^{_MARKS}][{_MARKS}]+|[{_MARKS}\u00ad\u200b-\u200d\u2060\ufeff\uff01-\uff5e]", re.DOTALL
)


def reference(text: str) -> str:
    """Each base character with its marks, and each invisible or full-width character, normalised alone."""

    def one(group: str) -> str:
        group = re.sub("[\u0300\u0301]", "", group)
        group = re.sub("[\u00ad\u200b-\u200d\u2060\ufeff]", "", group)
        group = group.translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})
        return unicodedata.normalize("NFC", group)

    return _GROUP.sub(lambda found: one(found.group()), text)


@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_normalised_text_and_offsets(text: str) -> None:
    normal, offsets = normalise(text)
    assert normal == reference(text)
    if offsets is None:
        assert normal == text
        return
    spans = [offsets.span(index, index + 1) for index in range(len(normal))]
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert spans == sorted(spans)  # in the order of the original
    for (start, end), (next_start, _next_end) in pairwise(spans):
        assert next_start >= end or next_start == start  # apart, or from the same group
