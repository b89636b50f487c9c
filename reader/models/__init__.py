"""Argos Translate packages: list, install (from a file or the package index), remove.

``packages`` lists installed packages and finds the ru->en one; ``install`` installs a package from a
local ``.argosmodel`` or from the Argos package index, after ``archive`` has checked the zip is safe;
``download`` streams index and package downloads; ``staging`` names the hidden install folders.
Inference is another job and lives in :mod:`reader.translation`. Imports: ``reader.errors``,
``reader.paths``; nothing here imports torch, stanza or ``argostranslate.translate``.
"""
