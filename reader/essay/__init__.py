"""The first stage of the flow: a file becomes a :class:`~reader.essay.document.Document`.

``decoding`` turns bytes into text (UTF-8, UTF-16, Windows-1251, KOI8-R), ``document`` splits the text
into paragraphs with stable offsets, ``library`` lists the essays reader can open with their metadata.
Imports: only ``reader.errors`` and ``reader.paths``; nothing later in the flow.
"""
