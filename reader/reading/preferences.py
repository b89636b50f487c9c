"""The user's lasting choices for the app: theme, reading measure, where translations go, beam size, glosses.

Kept in ``config.toml`` in the user config folder (``paths.config_file()``; ``reader paths`` shows it).
The file is the user's to edit, so it is read as untrusted input: unknown keys and values of the wrong
type or out of range are ignored (each named in one warning line) and the defaults used for them. A file
that is not TOML at all is moved aside (``config.toml.corrupt-<time>``, never overwritten) and the app
starts on defaults with one warning. Saving writes the whole file atomically, so a crash never leaves
half of it. Light on purpose: the app reads it at start-up (``tomllib`` only, no third-party parser).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Literal, get_args

from reader import paths
from reader.atomic_files import UnusableStore, set_aside, write_text_atomically
from reader.input_files import UnreadableFile, read_limited, shown_path
from reader.reading.settings import MAX_BEAM

Placement = Literal["beside", "under", "hidden"]
PLACEMENTS: tuple[str, ...] = get_args(Placement)
#: Narrower than this a measure is not readable; wider than this no terminal shows it.
MIN_MEASURE, MAX_MEASURE = 30, 400
#: A config file is a few hundred bytes; anything far larger is not one reader wrote.
MAX_CONFIG_BYTES = 256 * 1024


@dataclass(frozen=True)
class Preferences:
    """What the app remembers between runs (every field has a default, used when the file lacks it)."""

    theme: str = "textual-dark"
    measure: int = 100
    placement: Placement = "beside"
    beam_size: int = 4
    glosses_with_translation: bool = True
    word_glosses: bool = False

    def changed(self, **changes: object) -> Preferences:
        """A copy with ``changes`` applied; ValueError naming the first invalid one."""
        for name, value in changes.items():
            problem = _problem(name, value)
            if problem:
                raise ValueError(f"{name}: {problem}")
        return replace(self, **changes)  # type: ignore[arg-type]


def _problem(name: str, value: object) -> str | None:
    """Why ``value`` cannot be the preference ``name``, or None when it can."""
    if name not in _FIELD_TYPES:
        return "unknown setting"
    kind = _FIELD_TYPES[name]
    if kind is bool:
        return None if isinstance(value, bool) else "must be true or false"
    if kind is int:
        if not isinstance(value, int) or isinstance(value, bool):
            return "must be a whole number"
        low, high = (1, MAX_BEAM) if name == "beam_size" else (MIN_MEASURE, MAX_MEASURE)
        return None if low <= value <= high else f"must be from {low} to {high}"
    if not isinstance(value, str):
        return "must be a string"
    if name == "placement" and value not in PLACEMENTS:
        return "must be one of " + ", ".join(PLACEMENTS)
    if name == "theme" and not (0 < len(value) <= 64 and value.isprintable()):
        return "must be a theme name"
    return None


_FIELD_TYPES: dict[str, type] = {
    "theme": str,
    "measure": int,
    "placement": str,
    "beam_size": int,
    "glosses_with_translation": bool,
    "word_glosses": bool,
}


def load_preferences(path: Path | None = None) -> tuple[Preferences, str | None]:
    """The preferences in ``path`` (the user's config file by default) and one warning line, or None.

    No file: the defaults, no warning. Unknown keys and invalid values: ignored, defaults for them, and a
    warning naming them. A file that cannot be read as TOML: moved aside, the defaults, and a warning.
    """
    file = path if path is not None else paths.config_file()
    try:
        raw = _read_toml(file)
    except UnusableStore as exc:
        warning, _ = set_aside(file, "the settings file", exc.why)
        return Preferences(), warning
    if raw is None:
        return Preferences(), None
    values: dict[str, object] = {}
    ignored: list[str] = []
    for name, value in raw.items():
        problem = _problem(name, value)
        if problem:
            ignored.append(f"{name} ({problem})")
        else:
            values[name] = value
    prefs = Preferences(**values)  # type: ignore[arg-type]
    if not ignored:
        return prefs, None
    return prefs, f"{shown_path(file)}: ignored {'; '.join(ignored)}; using the defaults for them"


def _read_toml(file: Path) -> dict[str, object] | None:
    try:
        data = read_limited(file, MAX_CONFIG_BYTES, "a settings file")
    except UnreadableFile as exc:
        if exc.missing:
            return None
        raise UnusableStore(f"cannot be read ({exc.problem})") from None
    import tomllib  # only when there is a file: most starts have none, and this is on the start-up path

    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise UnusableStore("is not UTF-8 text") from None
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        raise UnusableStore(f"is not valid TOML ({exc})") from None


def save_preferences(prefs: Preferences, path: Path | None = None) -> None:
    """Write ``prefs`` to ``path`` (the user's config file by default) atomically; OSError for the caller."""
    file = path if path is not None else paths.config_file()
    write_text_atomically(file, to_toml(prefs))


def to_toml(prefs: Preferences) -> str:
    """The file's text: a comment, then one ``key = value`` line per preference."""
    lines = ["# reader settings: changed by the app, and yours to edit (see README, Settings).\n"]
    for item in fields(prefs):
        lines.append(f"{item.name} = {_toml_value(getattr(prefs, item.name))}\n")
    return "".join(lines)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    escaped = "".join(
        _ESCAPES.get(char, char if char.isprintable() else f"\\U{ord(char):08x}") for char in text
    )
    return f'"{escaped}"'


_ESCAPES = {'"': '\\"', "\\": "\\\\"}
