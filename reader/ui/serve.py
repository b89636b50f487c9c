"""The reader in a web browser: textual-serve runs one ``reader`` process per browser tab and drives it
over a websocket. ``reader serve`` parses its options and checks the address; the serving is here, with
the rest of the user interface."""

from __future__ import annotations

from collections.abc import Callable


def serve(command: str, host: str, port: int, announce: Callable[[str], None]) -> None:
    """Serve ``command`` (a shell command starting the app) on ``host``:``port`` until interrupted;
    ``announce`` is given the page's address once the server is set up. OSError when it cannot bind."""
    from textual_serve.server import Server  # lazy: only `reader serve` needs the web server

    server = Server(command, host=host, port=port, title="reader")
    announce(server.public_url)
    server.serve()
