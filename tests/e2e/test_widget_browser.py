"""The website widget in headless Chromium against the real bot (tests/browser)."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Iterator

import pytest

from bot.launch.servers import free_port, our_bot_with
from knowledge.clinic import load_clinic_settings
from knowledge.clinic_messages import widget_settings
from knowledge.loader import load_knowledge
from tests.conftest import PROJECT_DIR
from tests.e2e.conftest import socketio_credentials

pytestmark = pytest.mark.model

WEB_DIR = PROJECT_DIR / "web"
SCREENSHOTS = PROJECT_DIR / "results"
SCREENSHOT_FILES = ("widget-closed.png", "widget-open.png", "widget-phone.png")


@pytest.fixture
def widget_server() -> Iterator[str]:
    """The web/ folder over HTTP on loopback, with clinic.json, as `make run` serves it."""
    (WEB_DIR / "clinic.json").write_text(_clinic_json(), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(WEB_DIR))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def _clinic_json() -> str:
    return json.dumps(widget_settings(load_knowledge().messages, load_clinic_settings()))


def test_the_widget_in_a_real_browser(model: Path, tmp_path: Path, widget_server: str) -> None:
    assert Path("/usr/bin/chromium").exists(), "run `make install` (installs Debian's chromium)"
    assert (WEB_DIR / "vendor" / "socket.io.min.js").exists(), "run `make install` (npm ci)"
    SCREENSHOTS.mkdir(exist_ok=True)
    for name in SCREENSHOT_FILES:
        (SCREENSHOTS / name).unlink(missing_ok=True)
    with our_bot_with(model, tmp_path, socketio_credentials()) as bot:
        env = {
            **os.environ,
            "WIDGET_URL": f"{widget_server}/index.html?server={bot.url}",
            "WIDGET_DEAD_URL": f"{widget_server}/index.html?server=http://127.0.0.1:{free_port()}",
            "SCREENSHOT_DIR": str(SCREENSHOTS),
            "EMERGENCY_NUMBER": load_clinic_settings().emergency_number,
        }
        node = shutil.which("node") or "node"
        result = subprocess.run(
            [node, "--test", str(WEB_DIR / "test" / "widget.test.mjs")],
            cwd=WEB_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert result.returncode == 0, result.stdout + result.stderr
    assert all((SCREENSHOTS / name).exists() for name in SCREENSHOT_FILES)
