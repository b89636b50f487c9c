"""``reader models list|install|remove``: the Argos Translate packages reader translates with.

``install`` with no FILE downloads the ru->en package named by the Argos package index
(``ARGOS_PACKAGE_INDEX``), with a progress bar on stderr; with FILE it installs a local ``.argosmodel``
(for machines without internet). Every archive is checked before it is installed (see
``reader.models.archive``); a refused one leaves nothing behind. Every action starts by tidying what a
killed install or removal left (``reader.models.staging.recover``). Package metadata is data from
elsewhere: the text output shows it through ``one_line``, so a name cannot drive the terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.common import add_json_option, print_json
from reader.input_files import shown_path
from reader.safe_text import one_line

if TYPE_CHECKING:
    from reader.models.download import Progress
    from reader.models.packages import InstalledModel


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("models", help="list, install and remove translation models")
    parser.set_defaults(handler=run_list, json=False)
    commands = parser.add_subparsers(dest="models_command", metavar="ACTION")

    list_parser = commands.add_parser(
        "list", help="installed Argos packages; * marks the one used for ru->en"
    )
    add_json_option(list_parser)
    list_parser.set_defaults(handler=run_list)

    install = commands.add_parser(
        "install",
        help="install the ru->en model from the package index, or FILE.argosmodel offline",
        description="Without FILE, download the ru->en package listed by the Argos package index "
        "(ARGOS_PACKAGE_INDEX) and install it. With FILE, install that .argosmodel (no network needed).",
    )
    install.add_argument("file", nargs="?", type=Path, metavar="FILE", help="a local .argosmodel to install")
    install.add_argument("--force", action="store_true", help="reinstall even if this version is installed")
    add_json_option(install)
    install.set_defaults(handler=run_install)

    remove = commands.add_parser("remove", help="remove an installed package by code (e.g. translate-ru_en)")
    remove.add_argument(
        "code", metavar="CODE", help="package code or directory name, as `reader models list`"
    )
    add_json_option(remove)
    remove.set_defaults(handler=run_remove)


def _recover() -> None:
    from reader import paths
    from reader.models.staging import recover

    recover(paths.argos_packages_dir())


def _named(model: InstalledModel) -> str:
    """``code version``, each shown safely (both come from the package's metadata.json)."""
    return f"{one_line(model.code, 80)} {one_line(model.version, 40)}"


def run_list(args: argparse.Namespace) -> int:
    from reader import paths
    from reader.models.packages import find_ru_en, installed_models

    _recover()
    models = installed_models()
    used = find_ru_en()
    if args.json:
        print_json([_as_json(model, model == used) for model in models])
        return 0
    if not models:
        print(f"no packages installed in {shown_path(paths.argos_packages_dir())}", file=sys.stderr)
        return 0
    rows = [(model, one_line(model.code, 80), one_line(model.version, 40)) for model in models]
    width = max(len(code) for _model, code, _version in rows)
    for model, code, version in rows:
        mark = "*" if model == used else " "
        name = one_line(model.name, 80)
        print(f"{mark} {code:<{width}}  {version:<8}  {name}  {shown_path(model.path)}")
    return 0


def run_install(args: argparse.Namespace) -> int:
    from reader.models.install import install_from_file, install_from_index
    from reader.models.packages import installed_models

    _recover()
    before = {(model.path, model.version) for model in installed_models()}
    if args.file is not None:
        model = install_from_file(args.file, force=args.force)
    else:
        from reader.models.download import index_url

        print(f"reader: looking up the ru->en package in {one_line(index_url(), 160)}", file=sys.stderr)
        with _progress_reporter() as progress:
            model = install_from_index(progress, force=args.force)
    fresh = (model.path, model.version) not in before or args.force
    if args.json:
        print_json({**_as_json(model, model.is_ru_en), "installed": fresh})
    elif fresh:
        print(f"installed {_named(model)} in {shown_path(model.path)}")
    else:
        print(f"{_named(model)} is already installed in {shown_path(model.path)} (--force reinstalls)")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from reader.models.packages import remove_model

    _recover()
    removed = remove_model(args.code)
    if args.json:
        print_json([_as_json(model, model.is_ru_en) for model in removed])
    else:
        for model in removed:
            print(f"removed {_named(model)} from {shown_path(model.path)}")
    return 0


def _as_json(model: InstalledModel, ru_en: bool) -> dict[str, object]:
    return {
        "code": model.code,
        "from": model.from_code,
        "to": model.to_code,
        "version": model.version,
        "path": str(model.path),
        "name": model.name,
        "ru_en": ru_en,
    }


@contextmanager
def _progress_reporter() -> Iterator[Progress]:
    """A download progress callback: a rich progress bar on a terminal, a few plain lines otherwise."""
    if not sys.stderr.isatty():
        reported = [-1]

        def plain(done: int, total: int | None) -> None:
            if total:
                tenth = done * 10 // total
                if tenth > reported[0]:
                    reported[0] = tenth
                    print(f"reader: downloaded {done * 100 // total}% of {total} bytes", file=sys.stderr)

        yield plain
        return

    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    columns = (
        TextColumn("downloading"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("download", total=None)

        def fancy(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield fancy
