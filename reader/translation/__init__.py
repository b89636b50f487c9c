"""Offline Russian->English translation on Argos Translate packages.

``packages`` lists installed packages and finds the ru->en one; ``install`` installs a package from a
local ``.argosmodel`` or from the Argos package index, after ``archive`` has checked the zip is safe;
``download`` streams index and package downloads. Inference and caching live in their own modules.
Imports here stay light: nothing in this package imports torch, stanza or ``argostranslate.translate``.
"""
