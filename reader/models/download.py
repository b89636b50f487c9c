"""The Argos package index and package downloads, streamed so a progress bar can follow them.

The index URL is argostranslate's: ``ARGOS_PACKAGE_INDEX`` (read at call time, not at import) or
argostranslate's configured default, with ``index.json`` appended. Index entries are read with
``argostranslate.package.AvailablePackage``. Downloads stream in chunks to a ``.part`` file that is renamed
only once every byte has arrived, and stop at the next chunk when the caller's cancel event is set.

Index and server are untrusted: every request runs under :mod:`reader.models.http_limits` (a deadline, a
minimum rate, redirects only to http(s) and never down from https), the index is streamed and refused past
``MAX_INDEX_BYTES``, and what the server says (reason phrases, URLs) reaches messages through ``one_line``.
"""

from __future__ import annotations

import http.client
import json
import os
import threading
import urllib.error
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.errors import BadInput, Cancelled, MissingResource
from reader.models.archive import MAX_UNPACKED_BYTES
from reader.models.http_limits import TooSlow, Transfer
from reader.safe_text import one_line

#: ``progress(bytes_done, bytes_total_or_None)``, called after every chunk.
Progress = Callable[[int, int | None], None]

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
#: The argospm index is a few hundred KB; anything this big is not a package index.
MAX_INDEX_BYTES = 20 * 1024 * 1024
OFFLINE_HINT = "without internet, install from a file: `reader models install FILE.argosmodel`"


#: A cancelled download or install (nothing was installed): the project's one cancellation error.
InstallCancelled = Cancelled


def index_base() -> str:
    """The package index base URL, as argostranslate resolves it (env var first, then its settings)."""
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    if not base:
        from argostranslate import settings

        base = str(getattr(settings, "package_index", "") or DEFAULT_INDEX)
    return base


def index_url() -> str:
    """``index.json`` under the index base (argostranslate appends it; a missing slash is supplied)."""
    base = index_base()
    return base + ("" if base.endswith("/") else "/") + "index.json"


def fetch_index(url: str | None = None) -> list[dict[str, Any]]:
    """The index's package entries; MissingResource when it cannot be reached, BadInput when garbled.

    A copy is saved where argostranslate keeps its local index, so its own tools agree with reader.
    """
    url = url or index_url()
    shown = _shown(url)
    try:
        with Transfer() as transfer, transfer.open(url) as response:
            data = b"".join(transfer.chunks(response, MAX_INDEX_BYTES, f"{shown}: the package index"))
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError, TooSlow) as exc:
        raise MissingResource(
            f"the package index at {shown} cannot be reached ({_reason(exc)}); {OFFLINE_HINT}"
        ) from None
    try:
        entries = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise BadInput(f"{shown}: the package index is not valid JSON") from None
    if not isinstance(entries, list):
        raise BadInput(f"{shown}: the package index is not a JSON list of packages")
    _save_local_copy(data)
    return [entry for entry in entries if isinstance(entry, dict)]


def find_available(entries: list[dict[str, Any]], from_code: str, to_code: str) -> Any | None:
    """The newest translate package for the pair, as an ``argostranslate.package.AvailablePackage``."""
    from argostranslate.package import AvailablePackage

    from reader.models.packages import version_key

    matches = []
    for entry in entries:
        try:
            available = AvailablePackage(entry)
        except (AttributeError, TypeError, ValueError):  # an entry of the wrong shape is not a candidate
            continue
        if (available.type, available.from_code, available.to_code) == ("translate", from_code, to_code):
            matches.append(available)
    if not matches:
        return None
    return max(matches, key=lambda a: version_key(str(a.package_version)))


def download(
    links: list[str],
    dest: Path,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> str:
    """Download the first of ``links`` that works to ``dest``; return the URL it came from.

    The bytes go to ``dest`` + ``.part`` and are renamed to ``dest`` only when complete (the length the
    server announced, if any, all arrived). A failed attempt deletes its part file before the next link.
    """
    usable = [link for link in links if isinstance(link, str) and link.startswith(("http://", "https://"))]
    if not usable:
        raise BadInput(f"{_shown(index_url())}: the package entry has no http(s) download link")
    failures = []
    for link in usable:
        try:
            _stream(link, dest, progress, cancel)
            return link
        except (
            urllib.error.URLError,
            http.client.HTTPException,
            OSError,
            ValueError,
            _Incomplete,
            TooSlow,
        ) as exc:
            failures.append(f"{_shown(link)}: {_reason(exc)}")
    raise MissingResource(one_line(f"download failed ({'; '.join(failures)}); {OFFLINE_HINT}", 600))


class _Incomplete(Exception):
    """The connection ended before the announced length arrived."""


def _stream(url: str, dest: Path, progress: Progress | None, cancel: threading.Event | None) -> None:
    part = dest.with_name(dest.name + ".part")
    try:
        with Transfer() as transfer, transfer.open(url) as response, open(part, "wb") as sink:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            done = 0
            if progress:
                progress(done, total)
            for chunk in transfer.chunks(response, MAX_UNPACKED_BYTES, _shown(url)):
                if cancel is not None and cancel.is_set():
                    raise InstallCancelled("model download cancelled; nothing was installed")
                done += len(chunk)
                sink.write(chunk)
                if progress:
                    progress(done, total)
            if total is not None and done != total:
                raise _Incomplete(f"connection closed after {done} of {total} bytes")
        part.replace(dest)
    finally:
        part.unlink(missing_ok=True)


def _save_local_copy(data: bytes) -> None:
    """Best effort: argostranslate's ``get_available_packages()`` then sees the same index."""
    from argostranslate import settings

    local = Path(settings.local_package_index)
    tmp = local.with_name(f".{local.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(local)
    except OSError:  # a missing local copy only affects argostranslate's own tools
        tmp.unlink(missing_ok=True)


def _reason(exc: BaseException) -> str:
    """What went wrong, on one line: a server's reason phrase is its own text, shown escaped and cut."""
    if isinstance(exc, urllib.error.HTTPError):
        return one_line(f"HTTP {exc.code} {exc.reason}", 120)
    if isinstance(exc, urllib.error.URLError):
        return one_line(str(exc.reason), 160)
    return one_line(str(exc) or type(exc).__name__, 160)


def _shown(url: str) -> str:
    """A URL from the index or the environment, as a message shows it."""
    return one_line(url, 160)
