"""Offline Russian->English translation on an installed Argos package, through CTranslate2.

``engine`` batches razdel sentences through the model, ``sentences`` splits and reassembles them,
``cache`` keeps every translated sentence in SQLite, ``quality`` flags degenerate output, ``terms``
caches the glossary term ids of each passage. Imports: essay, detection, glossary and models; nothing
here imports torch, stanza or ``argostranslate.translate``.
"""
