"""The export stage: an essay out of reader as a bilingual edition (HTML, Markdown or EPUB).

:mod:`~reader.export.prepare` runs the reading pipeline (:class:`reader.reading.session.Session`) and
turns what it finds into an :class:`~reader.export.edition.Edition`; one renderer per format draws it;
:mod:`~reader.export.output` names and writes the file, whole or not at all. ``reader export`` and the
app's export command are thin adapters over :func:`~reader.export.prepare.export_essay`.
"""
