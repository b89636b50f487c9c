"""A reading session: the one pipeline the CLI and the app both adapt, and the per-essay reading state.

``session`` loads an essay, detects its passages, decides which are translated, finds glossary terms and
translates nearest-first with progress and cancellation; ``state`` keeps each essay's position and
toggles. Imports: every core stage before it (essay, detection, glossary, models, translation, page).
"""
