"""The essay pane as plain data: rows, asides beside passages, ranges, transliteration.

``layout`` wraps a Document's paragraphs into rows with translations beside or under the passages,
``rows`` holds the row and chunk types, ``asides`` decides what each passage shows beside it,
``ranges`` keeps sorted spans (passages, terms, matches) for navigation, ``transliteration`` gives
Latin letters for Cyrillic text. No Textual here: ``reader.ui`` renders what this package computes.
Imports: the stages before it (essay, detection, glossary, translation) and ``reader.reading.state`` is
*not* among them: the reading state is passed in.
"""
