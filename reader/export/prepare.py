"""From an essay to an exported edition, through the one reading pipeline.

:func:`make_edition` asks a :class:`~reader.reading.session.Session` for the marked passages, the
glossary terms and the translations: cached ones at once, the others translated now when a ru->en
model is installed (``on_progress(done, total)`` after each batch), none without a model, when each
passage gets its transliteration and glosses instead. :func:`export_essay` adds naming, rendering and
the atomic write; ``reader export`` and the app call it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import MissingResource
from reader.export.edition import Edition, ModelInfo, build_edition
from reader.export.output import render, resolve_target, write_edition
from reader.page.asides import Translated
from reader.reading.session import Session
from reader.reading.settings import Settings

if TYPE_CHECKING:
    from reader.glossary import Glossary

Progress = Callable[[int, int], None]
#: Passages translated per batch: small enough for progress to move, big enough to batch well.
BATCH_PASSAGES = 8


@dataclass(frozen=True)
class ExportResult:
    """What was written: where, in which format, and what the edition holds."""

    path: Path
    format: str
    passages: int
    translated: int
    terms: int
    model: ModelInfo | None
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        model = self.model
        return {
            "path": str(self.path),
            "format": self.format,
            "passages": self.passages,
            "translated": self.translated,
            "terms": self.terms,
            "model": {"name": model.name, "code": model.code, "version": model.version} if model else None,
        }


def _translations(
    session: Session, on_progress: Progress | None
) -> tuple[dict[int, Translated], ModelInfo | None]:
    """The translated passages' translations by start, and the model; nothing without a model."""
    found: dict[int, Translated] = {}
    try:
        for batch in session.translate(batch_passages=BATCH_PASSAGES):
            for item in batch.translations:
                found[item.start] = Translated(item.translation, bool(item.suspect))
            fresh = any(not item.cached for item in batch.translations)
            if on_progress is not None and fresh:
                on_progress(batch.done, batch.total)
    except MissingResource:
        return {}, None
    if not found:
        return found, None
    model = session.model()
    return found, ModelInfo(model.name, model.code, model.version) if model is not None else None


def make_edition(
    session: Session,
    *,
    glossary: Glossary | None = None,
    translate: bool = True,
    on_progress: Progress | None = None,
) -> Edition:
    """The bilingual edition of the session's essay (``translate=False``: transliterations only)."""
    glossary = glossary or session.glossary()
    hits = session.terms(glossary)
    translations, model = _translations(session, on_progress) if translate else ({}, None)
    return build_edition(
        session.document,
        session.passages,
        hits,
        glossary.get,
        translations,
        model,
        untranslated_by_choice=not translate,
    )


def export_essay(
    essay: Path,
    fmt: str,
    *,
    output: Path | None = None,
    folder: Path | None = None,
    settings: Settings | None = None,
    glossary: Glossary | None = None,
    translate: bool = True,
    on_progress: Progress | None = None,
) -> ExportResult:
    """Export ``essay`` as ``fmt`` to ``output`` (or its default name in ``folder``, else the current
    directory). BadInput for an essay that cannot be read, an output that is the essay or cannot be
    written; nothing is left half-written."""
    session = Session.open(essay, settings)
    target = resolve_target(essay, fmt, output, folder or Path.cwd())
    edition = make_edition(session, glossary=glossary, translate=translate, on_progress=on_progress)
    write_edition(render(edition, fmt), target)
    return ExportResult(
        target,
        fmt,
        len(edition.asides),
        edition.translated,
        len(edition.notes),
        edition.model,
        list(session.warnings),
    )
