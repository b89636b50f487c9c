"""Text bound for a terminal: control and bidi characters made visible, never written raw.

Everything reader prints or shows may come from elsewhere (an essay, a glossary overlay, an ``index.yaml``,
a file name, a package index). A raw ESC, BEL or C1 control there could retitle the terminal, write the
clipboard (OSC 52) or clear the screen; a bidi override could make text read backwards. :func:`printable`
replaces each such character with a visible escape (``\\x1b``, ``<U+202E>``); tab and newline stay.
It changes no other character, so the result has the same words; ``--json`` output needs none of this
(JSON escapes control characters), and offsets in JSON always index the original text.
"""

from __future__ import annotations

import re

#: C0 controls except tab and newline, DEL, C1 controls; bidi embeddings, overrides and isolates; the
#: line and paragraph separators, which some terminals treat as line breaks.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]")
#: The same, and newline and tab too: for text that must stay on one line (a title, a toast, an error).
_UNSAFE_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]")
#: Longest one-line message an error shows before it is cut.
ONE_LINE_MAX = 200


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"<U+{code:04X}>"


def _glyph(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␇ for BEL
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls and bidi marks: the replacement character


def same_length(text: str) -> str:
    """``text`` with each control or bidi character (but tab and newline) replaced by ONE visible character
    (``␛``, ``␇``, ``�``): for views that map screen cells back to text offsets."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_glyph, text)


def has_unsafe(text: str) -> bool:
    """True when ``text`` holds a character :func:`printable` would replace."""
    return _UNSAFE.search(text) is not None


def printable(text: str) -> str:
    """``text`` with every control and bidi character (but tab and newline) shown as an escape."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_visible, text)


def one_line(text: str, limit: int = ONE_LINE_MAX) -> str:
    """``text`` as one safe line of at most ``limit`` characters: newlines and tabs escaped too,
    and a longer text cut with an ellipsis."""
    if _UNSAFE_ONE_LINE.search(text) is not None:
        text = _UNSAFE_ONE_LINE.sub(_visible, text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text
