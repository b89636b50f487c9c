"""Package index and downloads against a hostile server: slow drips, bad redirects, oversized index, lying
reason phrases. Each fails in one line, in bounded time (the subprocess timeout is the bound)."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator

import pytest

from reader.errors import BadInput
from reader.models import download, http_limits
from reader.models.http_limits import RedirectRefused, SafeRedirects
from tests.security.hostile_server import HostileServer, Route, serve
from tests.support.cli import run_cli
from tests.support.index_server import index_entry

TINY_DEADLINE = {"READER_DOWNLOAD_DEADLINE": "1"}


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[HostileServer]:
    with serve() as running:
        monkeypatch.setenv("ARGOS_PACKAGE_INDEX", running.base_url)
        yield running


def install(env: dict[str, str] | None = None) -> tuple[int, str]:
    result = run_cli("models", "install", env=env, timeout=60)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    progress = ("reader: looking up", "reader: downloaded")
    errors = [line for line in result.stderr.splitlines() if not line.startswith(progress)]
    assert len(errors) == 1, result.stderr
    return result.returncode, errors[0]


def test_an_index_dripped_one_byte_at_a_time_hits_the_deadline(server: HostileServer) -> None:
    server.routes["/index.json"] = Route(body=b"[" + b" " * 1000 + b"]", drip=0.2)
    code, error = install(TINY_DEADLINE)
    assert code == 2
    assert "took longer than 1 s" in error and "READER_DOWNLOAD_DEADLINE" in error


def test_headers_dripped_one_byte_at_a_time_hit_the_deadline(server: HostileServer) -> None:
    server.routes["/index.json"] = Route(body=b"[]", drip=0.2, drip_headers=True)
    code, error = install(TINY_DEADLINE)
    assert code == 2 and "took longer than 1 s" in error


def test_a_package_dripped_slowly_fails_the_download(server: HostileServer) -> None:
    server.routes["/pkg.argosmodel"] = Route(body=b"PK" * 5000, drip=0.2)
    entry = index_entry(server.url("/pkg.argosmodel"))
    server.routes["/index.json"] = Route(body=json.dumps([entry]).encode())
    code, error = install(TINY_DEADLINE)
    assert code == 2
    assert error.startswith("reader: download failed (") and "took longer than 1 s" in error


def test_a_rate_below_the_minimum_fails_before_the_deadline(
    server: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http_limits, "RATE_WINDOW_SECONDS", 0.5)
    server.routes["/index.json"] = Route(body=b"[" + b" " * 1000 + b"]", drip=0.1)
    with pytest.raises(download.MissingResource, match="slower than 1024 bytes a second"):
        download.fetch_index()


def test_a_redirect_to_ftp_is_refused(server: HostileServer) -> None:
    server.routes["/index.json"] = Route(status=302, reason="Found", location="ftp://127.0.0.1/index.json")
    code, error = install()
    assert code == 2 and "redirect to ftp://127.0.0.1/index.json refused" in error


def test_a_redirect_to_a_local_file_is_refused(server: HostileServer) -> None:
    server.routes["/index.json"] = Route(status=301, reason="Moved", location="file:///etc/passwd")
    code, error = install()
    assert code == 2 and "Redirection to url 'file:///etc/passwd' is not allowed" in error


def test_a_redirect_within_http_is_followed(server: HostileServer) -> None:
    server.routes["/index.json"] = Route(status=302, reason="Found", location=server.url("/real.json"))
    server.routes["/real.json"] = Route(body=b"[]")
    assert download.fetch_index() == []


def test_https_never_redirects_down_to_http() -> None:
    handler = SafeRedirects()
    request = urllib.request.Request("https://example.org/index.json")
    with pytest.raises(RedirectRefused, match=r"from https down to http://example\.org/index\.json"):
        handler.redirect_request(request, None, 302, "Found", {}, "http://example.org/index.json")
    upgraded = handler.redirect_request(
        urllib.request.Request("http://example.org/a"), None, 302, "Found", {}, "https://example.org/b"
    )
    assert upgraded is not None and upgraded.full_url == "https://example.org/b"


def test_an_index_announcing_more_than_the_cap_is_refused_unread(server: HostileServer) -> None:
    server.routes["/index.json"] = Route(body=b"[]", length=download.MAX_INDEX_BYTES + 1)
    code, error = install()
    assert code == 1 and f"more than the {download.MAX_INDEX_BYTES} allowed" in error


def test_an_index_streaming_past_the_cap_is_cut_off(server: HostileServer) -> None:
    chunk = b" " * (1024 * 1024)
    server.routes["/index.json"] = Route(body=b"[" + chunk, length=None, repeat=21)
    with pytest.raises(BadInput, match=f"more than the {download.MAX_INDEX_BYTES} bytes allowed"):
        download.fetch_index()


def test_a_reason_phrase_with_escape_sequences_is_shown_escaped(server: HostileServer) -> None:
    server.routes["/index.json"] = Route(status=500, reason="\x1b]0;owned\x07\x1b[2J")
    code, error = install()
    assert code == 2
    assert "\x1b" not in error and "\x07" not in error and "HTTP 500 \\x1b]0;owned\\x07" in error


def test_a_deadline_that_is_not_a_number_is_one_line() -> None:
    code, error = install({"READER_DOWNLOAD_DEADLINE": "soon\x1b[2J"})
    assert code == 1 and error.startswith("reader: READER_DOWNLOAD_DEADLINE=soon\\x1b[2J: not a positive")
