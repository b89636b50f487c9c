"""A match shown in its sentence: the words around it, white space folded, cut to a readable width.

The CLI marks the match with ⟦ ⟧; the app styles it. Both show the same three pieces, each made safe for
a terminal (control and bidi characters escaped), so nothing from an essay reaches the screen raw.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.safe_text import one_line

#: Characters of context shown on each side of a match.
CONTEXT_CHARS = 60


@dataclass(frozen=True)
class Excerpt:
    """``before + match + after`` reads as the sentence around the match, on one line."""

    before: str
    match: str
    after: str


def excerpt(
    context: str, start: int, end: int, chars: int = CONTEXT_CHARS, after_chars: int | None = None
) -> Excerpt:
    """The match ``context[start:end]`` with at most ``chars`` characters of its sentence before it and
    ``after_chars`` (default: as many) after it."""
    after_chars = chars if after_chars is None else after_chars
    before = " ".join(context[:start].split())
    after = " ".join(context[end:].split())
    if len(before) > chars:
        before = "…" + before[-chars:].lstrip()
    if len(after) > after_chars:
        after = after[:after_chars].rstrip() + "…"
    if before and start > 0 and context[start - 1].isspace():
        before += " "
    if after and end < len(context) and context[end].isspace():
        after = " " + after
    match = " ".join(context[start:end].split())
    limit = 4 * (chars + after_chars) + len(match)
    return Excerpt(one_line(before, limit), one_line(match, limit), one_line(after, limit))
