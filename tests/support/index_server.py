"""A loopback HTTP server that plays the Argos package index, for online-install tests without internet.

It serves ``index.json`` and package archives from memory on 127.0.0.1 (an ephemeral port), in a
thread. A file can be set to break off after N bytes while announcing its full length, as a dropped
connection does. Every request path is logged, so a test can tell whether a package was downloaded.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class IndexServer:
    """What the running server serves, and what it was asked for."""

    base_url: str
    files: dict[str, bytes] = field(default_factory=dict)
    #: path -> number of bytes sent before the connection is dropped (the full length is announced)
    cut_after: dict[str, int] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")

    def add_index(self, entries: list[dict[str, Any]]) -> None:
        self.files["/index.json"] = json.dumps(entries).encode("utf-8")

    def add_package(self, name: str, data: bytes, *, cut_after: int | None = None) -> str:
        """Serve ``data`` at ``/packages/<name>``; return its URL."""
        path = f"/packages/{name}"
        self.files[path] = data
        if cut_after is not None:
            self.cut_after[path] = cut_after
        return self.url(path)


def index_entry(link: str, *, from_code: str = "ru", to_code: str = "en", version: str = "1.0") -> dict:
    """An index.json entry shaped like argospm-index's."""
    return {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "type": "translate",
        "links": [link],
    }


@contextmanager
def serve() -> Iterator[IndexServer]:
    """Run the server for the ``with`` block; ``ARGOS_PACKAGE_INDEX`` should be set to ``base_url``."""
    state: IndexServer | None = None

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            assert state is not None
            path = self.path.split("?", 1)[0]
            state.requests.append(path)
            data = state.files.get(path)
            if data is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            cut = state.cut_after.get(path)
            self.wfile.write(data if cut is None else data[:cut])
            self.wfile.flush()
            self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    host, port = server.server_address[:2]
    state = IndexServer(base_url=f"http://{host}:{port}/")
    thread = threading.Thread(target=server.serve_forever, name="index-server", daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
