"""``reader serve`` in a real browser: start the server, load its page in headless Chromium, wait for the app
to paint over the websocket, and take a screenshot (docs/screenshots/serve.png in the README).

Run: ``python tests/browser/serve_screenshot.py [PNG]``. Chromium is driven through its DevTools protocol
(aiohttp, which textual-serve brings): ``--screenshot`` alone shoots at the load event, before the app in
the page has connected, and a virtual time budget runs ahead of the real process behind the websocket.
Chromium resolves no host but the loopback address, so the page's web font is never fetched.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = REPO_ROOT / "docs" / "screenshots" / "serve.png"
#: Seconds to wait for the server's page, for the app's first output in the page, and for it to settle.
PAGE_TIMEOUT, APP_TIMEOUT, SETTLE = 30.0, 60.0, 3.0


def chromium() -> str | None:
    """Debian's Chromium, when installed."""
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str, timeout: float = PAGE_TIMEOUT) -> tuple[int, str]:
    """GET ``url`` once the server answers: (status, body)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@dataclass
class Served:
    """The server process; what it printed, once stopped."""

    process: subprocess.Popen[str]
    out: str = ""
    err: str = ""


@contextlib.contextmanager
def serving(port: int, *extra: str) -> Iterator[Served]:
    """``reader serve --port PORT`` in a subprocess (the caller's environment), stopped on exit."""
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "serve", "--port", str(port), *extra],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    served = Served(process)
    try:
        yield served
    finally:
        process.terminate()
        try:
            served.out, served.err = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            served.out, served.err = process.communicate()


async def _screenshot(browser: str, url: str, png: Path, width: int, height: int) -> None:
    import aiohttp

    with tempfile.TemporaryDirectory(prefix="reader-chromium-") as profile:
        process = await asyncio.create_subprocess_exec(
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            "about:blank",
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            devtools = await _devtools_port(process)
            async with aiohttp.ClientSession() as http:
                async with http.get(f"http://127.0.0.1:{devtools}/json/list") as response:
                    pages = [item for item in await response.json() if item.get("type") == "page"]
                async with http.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                    page = _Page(ws)
                    await page.call("Page.navigate", url=url)
                    await page.wait_for("document.body && document.body.classList.contains('-first-byte')")
                    await asyncio.sleep(SETTLE)
                    shot = await page.call("Page.captureScreenshot", format="png")
                    png.parent.mkdir(parents=True, exist_ok=True)
                    png.write_bytes(base64.b64decode(shot["data"]))
        finally:
            process.terminate()
            await process.wait()


async def _devtools_port(process: asyncio.subprocess.Process) -> int:
    assert process.stderr is not None
    async with asyncio.timeout(PAGE_TIMEOUT):
        while line := await process.stderr.readline():
            found = re.search(rb"DevTools listening on ws://[^:]+:(\d+)/", line)
            if found:
                return int(found.group(1))
    raise RuntimeError("Chromium did not open its DevTools port")


class _Page:
    """Calls over one DevTools websocket."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.next_id = 0

    async def call(self, method: str, **params: object) -> dict[str, Any]:
        self.next_id += 1
        await self.ws.send_str(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads((await self.ws.receive()).data)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))

    async def wait_for(self, expression: str, timeout: float = APP_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
            if result.get("result", {}).get("value") is True:
                return
            await asyncio.sleep(0.25)
        raise TimeoutError(f"the page never satisfied {expression!r}")


def screenshot(url: str, png: Path, width: int = 1280, height: int = 800) -> None:
    """Load ``url`` in headless Chromium, wait for the served app's first output, and shoot ``png``."""
    browser = chromium()
    if browser is None:
        raise RuntimeError("no Chromium on this machine (Debian package `chromium`)")
    asyncio.run(_screenshot(browser, url, png, width, height))


def main() -> int:
    png = Path(sys.argv[1]) if len(sys.argv) > 1 else SCREENSHOT
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="reader-serve-") as home:
        for name in ("READER_DATA_DIR", "READER_CACHE_DIR", "READER_CONFIG_DIR"):
            os.environ[name] = str(Path(home) / name.lower())  # a fresh reader: no one's bookmarks or state
        with serving(port):
            fetch(f"http://127.0.0.1:{port}/")
            screenshot(f"http://127.0.0.1:{port}/", png)
    print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
