"""Checks of exported pages in a real browser (headless Chromium)."""
