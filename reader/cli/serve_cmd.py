"""``reader serve``: the reader in a web browser, served with textual-serve (see ``reader.ui.serve``).

Each browser tab runs its own ``reader`` process (the same app, library and settings as in a terminal),
driven over a websocket. Bound to the loopback address by default: the page gives whoever opens it the
reader's library and data folders, so serving on another address says so in one warning line.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys

from reader.cli.common import add_glossary_option, add_library_option, require_dirs
from reader.safe_text import one_line

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="serve the reader to a web browser (textual-serve)")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    add_library_option(parser)
    add_glossary_option(parser)
    parser.set_defaults(handler=run)


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and addresses in 127.0.0.0/8 or ::1."""
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def app_command(library: list[str], glossary: list[str]) -> str:
    """The shell command textual-serve runs for each browser session: this Python, ``reader open``."""
    words = [sys.executable, "-m", "reader", "open"]
    for folder in library:
        words += ["--library", folder]
    for folder in glossary:
        words += ["--glossary", folder]
    return shlex.join(words)


def run(args: argparse.Namespace) -> int:
    from reader.errors import BadInput

    if not 0 < args.port < 65536:
        raise BadInput(f"--port {args.port}: a port is from 1 to 65535")
    require_dirs(args.library, "library")
    require_dirs(args.glossary, "glossary")
    from reader.ui.serve import serve

    if not is_loopback(args.host):
        print(
            f"reader: warning: serving on {one_line(args.host)}, not the loopback address: anyone who can "
            "reach this machine can open the reader and read your essays and notes",
            file=sys.stderr,
        )
    command = app_command([str(d) for d in args.library], [str(d) for d in args.glossary])

    def announce(url: str) -> None:
        print(f"Serving reader on {url} (ctrl+c stops)", flush=True)

    try:
        serve(command, args.host, args.port, announce)
    except OSError as exc:  # the address is not this machine's, or the port is taken
        where = f"{one_line(args.host)}:{args.port}"
        raise BadInput(f"cannot serve on {where}: {exc.strerror or exc}") from None
    return 0
