"""Per-essay reading state: where the reader was, and which translations were shown.

Kept in one JSON file (``paths.reading_state_file()``), keyed by the essay's resolved path. Written
atomically (a temporary file in the same folder, then ``os.replace``) so a crash mid-write never leaves
half a file. A corrupt or unreadable file is not an error the reader can fix by hand mid-session: the
store starts fresh and reports the problem once through :attr:`StateStore.problem`. The bad file is never
overwritten: it is first moved aside to ``state.json.corrupt-<time>`` (where the user can look at it),
and when it cannot be moved the store does not save at all. The file comes from disk, so it is read with
limits: at most ``MAX_STATE_BYTES``, regular files only, and nesting too deep for the JSON parser is
corruption like any other.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from reader import paths
from reader.atomic_files import UnusableStore, read_json_store, set_aside, write_json_atomically

STATE_VERSION = 1
#: Years of reading fit in a few hundred KB; anything bigger is not a state file reader wrote.
MAX_STATE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class EssayState:
    """What is remembered of one essay.

    ``offset`` is the document offset at the top of the view, ``cursor`` the offset under the cursor,
    ``progress`` the fraction read (0..1, for the library). Translations are shown when
    ``show_translations`` is true, except for the passages (by start offset) listed in ``flipped``,
    which show the opposite. ``transliterate`` shows Latin transliterations beside passages.
    """

    offset: int = 0
    cursor: int = 0
    progress: float = 0.0
    show_translations: bool = True
    flipped: frozenset[int] = field(default_factory=frozenset)
    transliterate: bool = False

    def shows_translation(self, passage_start: int) -> bool:
        return self.show_translations != (passage_start in self.flipped)

    def toggle_all(self) -> EssayState:
        """Flip every passage to the opposite of the essay-wide choice, forgetting per-passage choices."""
        return replace(self, show_translations=not self.show_translations, flipped=frozenset())

    def toggle_one(self, passage_start: int) -> EssayState:
        return replace(self, flipped=self.flipped ^ {passage_start})

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["flipped"] = sorted(self.flipped)
        return data

    @classmethod
    def from_json(cls, raw: object) -> EssayState:
        """Read one essay's state, ignoring fields of the wrong type (a hand-edited file stays usable)."""
        if not isinstance(raw, dict):
            return cls()
        flipped = raw.get("flipped")
        return cls(
            offset=max(0, _int(raw.get("offset"), 0)),
            cursor=max(0, _int(raw.get("cursor"), 0)),
            progress=min(1.0, max(0.0, _float(raw.get("progress"), 0.0))),
            show_translations=_flag(raw.get("show_translations"), True),
            flipped=frozenset(v for v in flipped if _is_number(v))
            if isinstance(flipped, list)
            else frozenset(),
            transliterate=_flag(raw.get("transliterate"), False),
        )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _int(value: object, default: int) -> int:
    return int(value) if _is_number(value) else default  # type: ignore[call-overload]


def _float(value: object, default: float) -> float:
    return float(value) if _is_number(value) else default  # type: ignore[arg-type]


def _flag(value: object, default: bool) -> bool:
    return value if isinstance(value, bool) else default


def essay_key(path: Path) -> str:
    """The key an essay is stored under: its resolved path, so two spellings of one file agree."""
    try:
        return str(Path(path).resolve())
    except OSError:
        return str(Path(path).absolute())


class StateStore:
    """The reading state of every essay. Thread-safe: the app saves from workers and the UI thread."""

    def __init__(self, file: Path | None = None) -> None:
        self.file = file if file is not None else paths.reading_state_file()
        #: One line for the user when the state file could not be used (said once, at start), else None.
        self.problem: str | None = None
        self._lock = threading.Lock()
        self._saving = True
        self._essays: dict[str, EssayState] = self._read()

    def _read(self) -> dict[str, EssayState]:
        try:
            raw = read_json_store(self.file, MAX_STATE_BYTES, "a reading-state file")
        except UnusableStore as exc:
            return self._start_fresh(exc.why)
        if raw is None:
            return {}
        essays = raw.get("essays") if isinstance(raw, dict) else None
        if not isinstance(essays, dict):
            return self._start_fresh("has an unknown shape")
        return {str(key): EssayState.from_json(value) for key, value in essays.items()}

    def _start_fresh(self, why: str) -> dict[str, EssayState]:
        """Move the unusable file aside (so no save overwrites it), note the problem, start empty."""
        self.problem, self._saving = set_aside(self.file, "the reading state", why)
        return {}

    def get(self, path: Path) -> EssayState:
        with self._lock:
            return self._essays.get(essay_key(path), EssayState())

    def has(self, path: Path) -> bool:
        with self._lock:
            return essay_key(path) in self._essays

    def put(self, path: Path, state: EssayState) -> None:
        with self._lock:
            self._essays[essay_key(path)] = state

    def save(self) -> None:
        """Write every essay's state atomically. An unwritable folder raises OSError for the caller.

        Does nothing when an unusable state file could not be moved aside: saving would destroy it.
        """
        with self._lock:
            if not self._saving:
                return
            payload = {
                "version": STATE_VERSION,
                "essays": {key: state.to_json() for key, state in sorted(self._essays.items())},
            }
        write_json_atomically(self.file, payload)
