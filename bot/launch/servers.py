"""Starts and stops a Rasa server (and its action server) on free local ports."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List

from bot.data_lifecycle import STORE_TYPE

PROJECT_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
START_TIMEOUT_S = 180.0
REST_CREDENTIALS = "bot.channels.rest.CheckedRestInput:\n"
"""credentials.yml lines for our REST channel (loopback only, as the tests and evaluation run)."""


@dataclass(frozen=True)
class BotServer:
    """A running Rasa server: where to reach it and the token for its HTTP API."""

    url: str
    token: str
    action_port: int | None


def free_port() -> int:
    """A TCP port on localhost that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment() -> Dict[str, str]:
    """The environment for Rasa processes: quiet, offline, with the project importable."""
    env = dict(os.environ)
    env.update(
        TF_CPP_MIN_LOG_LEVEL="3",
        RASA_TELEMETRY_ENABLED="false",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONPATH=str(PROJECT_DIR),
    )
    return env


def wait_until_up(url: str, process: subprocess.Popen, timeout_s: float = START_TIMEOUT_S) -> None:
    """Polls url until it answers 200; fails early if the process died."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before {url} was up")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not come up within {timeout_s:.0f} s")


@contextmanager
def running(command: List[str], cwd: Path, log_path: Path) -> Iterator[subprocess.Popen]:
    """Runs a command in its own process group; stops the group on exit."""
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=environment(),
            start_new_session=True,
        )
        try:
            yield process
        finally:
            stop(process)


def stop(process: subprocess.Popen) -> None:
    """Stops a process started by `running`, and its children."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def action_server(log_dir: Path, port: int | None = None) -> Iterator[subprocess.Popen]:
    """Our action server on a free port."""
    port = port or free_port()
    command = [
        str(VENV_BIN / "rasa"),
        "run",
        "actions",
        "--actions",
        "actions",
        "--port",
        str(port),
    ]
    with running(command, PROJECT_DIR, log_dir / f"actions-{port}.log") as process:
        wait_until_up(f"http://127.0.0.1:{port}/health", process)
        yield process


@contextmanager
def rasa_server(
    model: Path,
    log_dir: Path,
    *,
    cwd: Path = PROJECT_DIR,
    action_port: int | None = None,
    tracker_db: Path | None = None,
    port: int | None = None,
    with_fixes: bool = True,
    credentials_yaml: str = REST_CREDENTIALS,
) -> Iterator[BotServer]:
    """A Rasa server with the REST channel and HTTP API on a free port.

    with_fixes starts it through bot.server (as `make run` does); without, plain `rasa`.
    credentials_yaml: the channels to open (REST only unless told).
    """
    port = port or free_port()
    token = "eval-token"
    endpoints = log_dir / f"endpoints-{port}.yml"
    endpoints.write_text(_endpoints_yaml(action_port, tracker_db), encoding="utf-8")
    credentials = log_dir / f"credentials-{port}.yml"
    credentials.write_text(credentials_yaml, encoding="utf-8")
    launcher = [sys.executable, "-m", "bot.server"] if with_fixes else [str(VENV_BIN / "rasa")]
    command = launcher + [
        "run",
        "--model",
        str(model),
        "--port",
        str(port),
        "--enable-api",
        "--auth-token",
        token,
        "--endpoints",
        str(endpoints),
        "--credentials",
        str(credentials),
    ]
    with running(command, cwd, log_dir / f"rasa-{port}.log") as process:
        url = f"http://127.0.0.1:{port}"
        wait_until_up(f"{url}/status?token={token}", process)
        yield BotServer(url=url, token=token, action_port=action_port)


def _endpoints_yaml(action_port: int | None, tracker_db: Path | None) -> str:
    lines = []
    if action_port is not None:
        lines += ["action_endpoint:", f'  url: "http://127.0.0.1:{action_port}/webhook"']
    if tracker_db is not None:
        lines += [
            "tracker_store:",
            f"  type: {STORE_TYPE}",
            '  dialect: "sqlite"',
            f"  db: {json.dumps(str(tracker_db))}",
        ]
    return "\n".join(lines) + "\n"


@contextmanager
def our_bot(model: Path, log_dir: Path) -> Iterator[BotServer]:
    """Our Rasa server with its action server and a throw-away SQLite tracker store."""
    with our_bot_with(model, log_dir, REST_CREDENTIALS) as server:
        yield server


@contextmanager
def our_bot_with(model: Path, log_dir: Path, credentials_yaml: str) -> Iterator[BotServer]:
    """Like our_bot, with the channels of the given credentials."""
    with ExitStack() as stack:
        port = free_port()
        stack.enter_context(action_server(log_dir, port))
        db = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "conversations.db"
        yield stack.enter_context(
            rasa_server(
                model,
                log_dir,
                action_port=port,
                tracker_db=db,
                credentials_yaml=credentials_yaml,
            )
        )
