"""Build hook: the wheel carries the bundled essays, glossary and dictionary inside the package.

They live at the top of the repository (they are part of the project's shape, and the tests and an editable
install read them there); ``build_py`` copies them to ``reader/_bundled/`` in the wheel, where
``reader.paths.bundled_dir`` finds them when there is no checkout. Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

BUNDLED = ("corpus", "glossary", "dictionary")
SKIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", "build.py")


class BuildWithBundledData(build_py):
    """``build_py`` that also copies the bundled folders into the built package."""

    def run(self) -> None:
        super().run()
        root = Path(__file__).resolve().parent
        for name in BUNDLED:
            target = Path(self.build_lib) / "reader" / "_bundled" / name
            shutil.copytree(root / name, target, ignore=SKIPPED, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithBundledData})
