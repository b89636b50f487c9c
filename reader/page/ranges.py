"""Marks on an essay (passages, glossary terms, search matches) and the one navigation landed on.

Sorted, non-overlapping ranges with the lookups the essay view needs on every drawn row: those
overlapping a span, the one at an offset, the next and the previous.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Target:
    """What navigation landed on: ``kind`` is ``passage``, ``term`` or ``match``; ``key`` an entry id."""

    kind: str
    start: int
    end: int
    key: str = ""


class Ranges:
    """Non-overlapping ``(start, end, payload)`` ranges, sorted, with fast lookup of those in a span."""

    def __init__(self, items: Sequence[tuple[int, int, Any]] = ()) -> None:
        self.items = sorted(items, key=lambda item: item[0])
        self.starts = [item[0] for item in self.items]
        self.ends = [item[1] for item in self.items]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Any]]:
        low = bisect_right(self.ends, start)
        high = bisect_left(self.starts, end)
        return [item for item in self.items[low:high] if item[1] > start and item[0] < end]

    def at(self, offset: int) -> tuple[int, int, Any] | None:
        found = self.overlapping(offset, offset + 1)
        return found[0] if found else None

    def after(self, offset: int) -> tuple[int, int, Any] | None:
        index = bisect_right(self.starts, offset)
        return self.items[index] if index < len(self.items) else None

    def before(self, offset: int) -> tuple[int, int, Any] | None:
        index = bisect_left(self.starts, offset) - 1
        return self.items[index] if index >= 0 else None

    def step(
        self, here: int, direction: int, keep: Callable[[tuple[int, int, Any]], bool] | None = None
    ) -> tuple[tuple[int, int, Any], bool] | None:
        """The next (``direction`` > 0) or previous range from offset ``here`` among those ``keep``
        accepts, wrapping around at the ends; with True when it wrapped. None when there is none."""
        items = [item for item in self.items if keep is None or keep(item)]
        if not items:
            return None
        if direction > 0:
            found = next((item for item in items if item[0] > here), None)
            return (found, False) if found is not None else (items[0], True)
        found = next((item for item in reversed(items) if item[0] < here), None)
        return (found, False) if found is not None else (items[-1], True)

    def __len__(self) -> int:
        return len(self.items)
