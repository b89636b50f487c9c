"""The app's screens: the library, the reader (UI-A); the glossary and help (UI-B)."""
