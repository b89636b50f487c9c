"""HTTP from servers reader does not trust: a deadline, a minimum rate, safe redirects, bounded bodies.

A package index and its download links are data from elsewhere, and so is the server's behaviour. A
socket timeout alone does not bound a request: a server that sends one byte every few seconds never
trips it, neither in the body nor in the headers. So every request here runs under a :class:`Transfer`:

- an overall deadline (``DEADLINE_SECONDS``, or ``READER_DOWNLOAD_DEADLINE`` seconds): a watchdog timer
  shuts the connection's socket down when it passes, which ends any read still waiting;
- a minimum rate: over each ``RATE_WINDOW_SECONDS``, at least ``MIN_RATE_BYTES`` a second must arrive;
- redirects only to http or https, and never from https down to http (:class:`SafeRedirects`);
- the body read in pieces as they arrive, and refused past a byte limit the caller sets.

Slowness is reported as :class:`TooSlow`; the caller turns it into its one-line error.
"""

from __future__ import annotations

import contextlib
import http.client
import math
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

from reader.errors import BadInput
from reader.safe_text import one_line

#: How long one request (the index, or one package download) may take in all, in seconds.
DEADLINE_SECONDS = 300.0
DEADLINE_ENV = "READER_DOWNLOAD_DEADLINE"
#: Slower than this, averaged over a window, and the transfer is given up.
MIN_RATE_BYTES = 1024
RATE_WINDOW_SECONDS = 30.0
#: The longest a single connect or read may wait (less when the deadline is nearer).
SOCKET_TIMEOUT_SECONDS = 30.0
READ_BYTES = 256 * 1024
USER_AGENT = "reader (ArgosTranslate package client)"


class TooSlow(Exception):
    """The transfer passed its deadline or fell below the minimum rate."""


class RedirectRefused(urllib.error.URLError):
    """A redirect to a scheme other than http(s), or from https down to http."""


def deadline_seconds() -> float:
    """The deadline for one request: ``READER_DOWNLOAD_DEADLINE`` when set, else ``DEADLINE_SECONDS``."""
    raw = os.environ.get(DEADLINE_ENV, "").strip()
    if not raw:
        return DEADLINE_SECONDS
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise BadInput(f"{DEADLINE_ENV}={one_line(raw, 40)}: not a positive number of seconds")
    return value


class SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only, and never from https to plain http."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        old_scheme = urllib.parse.urlsplit(req.full_url).scheme.lower()
        new_scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if new_scheme not in ("http", "https"):
            raise RedirectRefused(f"redirect to {one_line(newurl, 100)} refused (only http and https)")
        if old_scheme == "https" and new_scheme == "http":
            raise RedirectRefused(f"redirect from https down to {one_line(newurl, 100)} refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Transfer:
    """One request under a deadline and a minimum rate. Use as a context manager around the request."""

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = deadline_seconds() if seconds is None else seconds
        self._deadline = time.monotonic() + self.seconds
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._expired = False
        self._timer = threading.Timer(self.seconds, self._expire)
        self._timer.daemon = True
        self._window_start = time.monotonic()
        self._window_bytes = 0

    def __enter__(self) -> Transfer:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def open(self, url: str) -> Any:
        """``urlopen`` through the safe redirect handler, with this transfer's sockets watched."""
        opener = urllib.request.build_opener(SafeRedirects, _WatchedHTTP(self), _WatchedHTTPS(self))
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            return opener.open(request, timeout=self.socket_timeout())
        except (OSError, http.client.HTTPException, ValueError):
            self.check(0)  # a connection cut by the watchdog is slowness, not a network error
            raise

    def chunks(self, response: Any, limit: int, label: str) -> Iterator[bytes]:
        """The body as it arrives; BadInput past ``limit`` bytes, TooSlow past the deadline or rate."""
        length = response.headers.get("Content-Length")
        if length and length.strip().isdigit() and int(length) > limit:
            raise BadInput(f"{label}: {int(length)} bytes, more than the {limit} allowed")
        done = 0
        while True:
            try:
                chunk = response.read1(READ_BYTES)
            except (OSError, http.client.HTTPException, ValueError):
                self.check(0)
                raise
            self.check(len(chunk))
            if not chunk:
                return
            done += len(chunk)
            if done > limit:
                raise BadInput(f"{label}: more than the {limit} bytes allowed")
            yield chunk

    def socket_timeout(self) -> float:
        return max(0.05, min(SOCKET_TIMEOUT_SECONDS, self._deadline - time.monotonic()))

    def check(self, received: int) -> None:
        """Raise TooSlow when the deadline has passed or the last window was below the minimum rate."""
        now = time.monotonic()
        if self._expired or now >= self._deadline:
            raise TooSlow(f"took longer than {self.seconds:g} s (set {DEADLINE_ENV} to allow more)")
        self._window_bytes += received
        elapsed = now - self._window_start
        if elapsed >= RATE_WINDOW_SECONDS:
            if self._window_bytes < MIN_RATE_BYTES * elapsed:
                raise TooSlow(f"slower than {MIN_RATE_BYTES} bytes a second for {elapsed:.0f} s")
            self._window_start, self._window_bytes = now, 0

    def watch(self, sock: socket.socket | None) -> None:
        """Shut ``sock`` down when the deadline passes (at once if it has)."""
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            expired = self._expired
        if expired:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self._expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    """End every read waiting on ``sock`` (the plain socket call, under any TLS wrapper)."""
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _watched(base: type[http.client.HTTPConnection], transfer: Transfer) -> type[http.client.HTTPConnection]:
    class Watched(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            super().connect()
            transfer.watch(self.sock)

    return Watched


class _WatchedHTTP(urllib.request.HTTPHandler):
    def __init__(self, transfer: Transfer) -> None:
        super().__init__()
        self.transfer = transfer

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_watched(http.client.HTTPConnection, self.transfer), req)


class _WatchedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, transfer: Transfer) -> None:
        super().__init__()
        self.transfer = transfer

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        context = getattr(self, "_context", None)
        return self.do_open(_watched(http.client.HTTPSConnection, self.transfer), req, context=context)
