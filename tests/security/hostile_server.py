"""A loopback HTTP server that misbehaves on purpose: drips bytes, redirects anywhere, lies in its reasons.

Each path is set to one behaviour (a :class:`Route`). It runs on 127.0.0.1 on an ephemeral port in a
thread; dripping handlers stop as soon as the client hangs up or the server shuts down.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Route:
    """What the server does for one path.

    ``body`` is sent after the headers; with ``drip`` seconds set, one byte at a time with that pause
    (``drip_headers`` drips the header block too). ``length`` is the Content-Length announced (None: none,
    the body ends when the connection closes). ``status``/``reason``/``location`` shape the status line.
    """

    body: bytes = b""
    status: int = 200
    reason: str | None = None
    location: str | None = None
    length: int | None = -1  # -1: the body's real length
    drip: float | None = None
    drip_headers: bool = False
    repeat: int = 1  # the body is sent this many times (a big body without holding it in memory)


@dataclass
class HostileServer:
    base_url: str
    routes: dict[str, Route] = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")


@contextmanager
def serve() -> Iterator[HostileServer]:
    state: HostileServer | None = None

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            assert state is not None
            route = state.routes.get(self.path.split("?", 1)[0])
            if route is None:
                self.send_error(404)
                return
            head = self._head(route)
            with suppress(OSError):
                self._send(head, route.drip if route.drip_headers else None)
                for _ in range(route.repeat):
                    self._send(route.body, route.drip)

        def _head(self, route: Route) -> bytes:
            reason = route.reason if route.reason is not None else "OK"
            lines = [f"HTTP/1.0 {route.status} {reason}", "Content-Type: application/octet-stream"]
            length = len(route.body) * route.repeat if route.length == -1 else route.length
            if length is not None:
                lines.append(f"Content-Length: {length}")
            if route.location is not None:
                lines.append(f"Location: {route.location}")
            return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

        def _send(self, data: bytes, drip: float | None) -> None:
            assert state is not None
            if drip is None:
                self.wfile.write(data)
                self.wfile.flush()
                return
            for index in range(len(data)):
                if state.stop.wait(drip):
                    return
                self.wfile.write(data[index : index + 1])
                self.wfile.flush()

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    host, port = server.server_address[:2]
    state = HostileServer(base_url=f"http://{host}:{port}/")
    thread = threading.Thread(target=server.serve_forever, name="hostile-server", daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.stop.set()
        server.shutdown()
        server.server_close()
        thread.join()
