"""The Argos package index and package downloads, streamed so a progress bar can follow them.

The index URL is argostranslate's: ``ARGOS_PACKAGE_INDEX`` (read at call time, not at import) or
argostranslate's configured default, with ``index.json`` appended. Index entries are read with
``argostranslate.package.AvailablePackage``. Downloads stream in chunks to a ``.part`` file that is renamed
only once every byte has arrived, and stop at the next chunk when the caller's cancel event is set.
"""

from __future__ import annotations

import http.client
import json
import os
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.errors import BadInput, MissingResource, ReaderError
from reader.translation.archive import MAX_UNPACKED_BYTES

#: ``progress(bytes_done, bytes_total_or_None)``, called after every chunk.
Progress = Callable[[int, int | None], None]

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
USER_AGENT = "reader (ArgosTranslate package client)"
TIMEOUT_SECONDS = 30
CHUNK_BYTES = 256 * 1024
OFFLINE_HINT = "without internet, install from a file: `reader models install FILE.argosmodel`"


class InstallCancelled(ReaderError):
    """The caller cancelled a download or install; nothing was installed."""

    exit_code = 130


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
    try:
        with _open(url) as response:
            data = response.read()
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        raise MissingResource(
            f"the package index at {url} cannot be reached ({_reason(exc)}); {OFFLINE_HINT}"
        ) from None
    try:
        entries = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadInput(f"{url}: the package index is not valid JSON") from None
    if not isinstance(entries, list):
        raise BadInput(f"{url}: the package index is not a JSON list of packages")
    _save_local_copy(data)
    return [entry for entry in entries if isinstance(entry, dict)]


def find_available(entries: list[dict[str, Any]], from_code: str, to_code: str) -> Any | None:
    """The newest translate package for the pair, as an ``argostranslate.package.AvailablePackage``."""
    from argostranslate.package import AvailablePackage

    from reader.translation.packages import version_key

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
        raise BadInput(f"{index_url()}: the package entry has no http(s) download link")
    failures = []
    for link in usable:
        try:
            _stream(link, dest, progress, cancel)
            return link
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError, _Incomplete) as exc:
            failures.append(f"{link}: {_reason(exc)}")
    raise MissingResource(f"download failed ({'; '.join(failures)}); {OFFLINE_HINT}")


class _Incomplete(Exception):
    """The connection ended before the announced length arrived."""


def _stream(url: str, dest: Path, progress: Progress | None, cancel: threading.Event | None) -> None:
    part = dest.with_name(dest.name + ".part")
    try:
        with _open(url) as response, open(part, "wb") as sink:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            if total is not None and total > MAX_UNPACKED_BYTES:
                raise BadInput(f"{url}: {total} bytes, more than the {MAX_UNPACKED_BYTES} allowed")
            done = 0
            if progress:
                progress(done, total)
            while True:
                if cancel is not None and cancel.is_set():
                    raise InstallCancelled("model download cancelled; nothing was installed")
                chunk = response.read(CHUNK_BYTES)
                if not chunk:
                    break
                done += len(chunk)
                if done > MAX_UNPACKED_BYTES:
                    raise BadInput(f"{url}: more than the {MAX_UNPACKED_BYTES} bytes allowed")
                sink.write(chunk)
                if progress:
                    progress(done, total)
            if total is not None and done != total:
                raise _Incomplete(f"connection closed after {done} of {total} bytes")
        part.replace(dest)
    finally:
        part.unlink(missing_ok=True)


def _open(url: str) -> Any:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    return urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS)


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
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    return str(exc) or type(exc).__name__
