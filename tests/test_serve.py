"""``reader serve``: the page over HTTP from a real server process, loopback by default, a warning
elsewhere; and (slow, needs Chromium) the library painted in a headless browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.serve_cmd import app_command, is_loopback
from tests.browser.serve_screenshot import chromium, fetch, free_port, screenshot, serving
from tests.support.cli import run_cli


def test_the_page_is_served_over_http() -> None:
    port = free_port()
    with serving(port) as served:
        status, page = fetch(f"http://127.0.0.1:{port}/")
        assert status == 200
        assert "textual.js" in page  # textual-serve's page, which runs the app over a websocket
        assert f"ws://127.0.0.1:{port}/ws" in page
        assert "reader" in page
    assert f"Serving reader on http://127.0.0.1:{port}" in served.out
    assert "warning" not in served.err


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("::", False),
        ("example.org", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_another_address_gets_one_warning_line() -> None:
    # 192.0.2.1 is a documentation address that is not this machine's: the warning is printed, then
    # binding fails at once (nothing is sent anywhere) and the command says so in one line.
    result = run_cli("serve", "--host", "192.0.2.1", "--port", str(free_port()), timeout=60)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("reader: warning: serving on 192.0.2.1, not the loopback address")
    assert lines[-1].startswith("reader: cannot serve on 192.0.2.1:")


def test_bad_port_and_folders_are_refused() -> None:
    assert run_cli("serve", "--port", "70000").returncode == 1
    missing = run_cli("serve", "--library", "no/such/dir")
    assert missing.returncode == 1 and "no/such/dir" in missing.stderr


def test_the_app_command_quotes_folders() -> None:
    command = app_command(["my essays"], ["g; rm -rf x"])
    assert command.endswith("-m reader open --library 'my essays' --glossary 'g; rm -rf x'")


@pytest.mark.slow
def test_chromium_shows_the_library(tmp_path: Path) -> None:
    if chromium() is None:
        pytest.skip("no Chromium on this machine (Debian package `chromium`)")
    from PIL import Image

    png = tmp_path / "serve.png"
    port = free_port()
    with serving(port):
        fetch(f"http://127.0.0.1:{port}/")
        screenshot(f"http://127.0.0.1:{port}/", png)
    with Image.open(png) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        # The library's cursor row: a band of the theme's strong blue across the table, which textual-serve's
        # loading page (dark grey, a small logo) does not have.
        rows = [
            y
            for y in range(height)
            if sum(1 for x in range(0, width, 8) if _blue(rgb.getpixel((x, y)))) > width // 8 * 0.8
        ]
        assert rows, "no highlighted table row: the library did not paint"


def _blue(pixel: object) -> bool:
    red, _green, blue = pixel  # type: ignore[misc]
    return bool(blue > 180 and blue > red + 80)
