"""Widgets of the reader: the essay view, the model banner, the translation status, the entry panel."""
