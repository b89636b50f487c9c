"""The user's choices that change the pipeline's output. Light on purpose: the CLI imports it at start-up."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Beam search memory and time grow with the beam: past this a typo (`--beam 4000`) would exhaust memory
#: for no better translation.
MAX_BEAM = 32


@dataclass(frozen=True)
class Settings:
    """Decoding and glossary choices, the same for the CLI and the app."""

    beam_size: int = 4
    glossary_dirs: tuple[Path, ...] = ()
