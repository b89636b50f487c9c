"""The export formats by name, with their file extensions and the names the app shows: no imports, so
the command line's ``--help`` and the app's palette can list them for free."""

from __future__ import annotations

#: Format name -> file extension, in the order the CLI and the palette offer them.
EXTENSIONS: dict[str, str] = {"html": ".html", "md": ".md", "epub": ".epub"}
#: Format name -> how the app's palette names it.
FORMAT_NAMES: dict[str, str] = {"html": "HTML", "md": "Markdown", "epub": "EPUB"}
