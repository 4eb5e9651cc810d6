"""The bot's two servers, started for a `with` block on free local ports.

The tests and the evaluation use these; `make run` (bot.launch.local) and
`make stack` (bot.launch.stack) build their commands with the same functions.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List, Optional, Sequence

from bot.data_lifecycle import STORE_TYPE
from bot.launch.processes import (
    PROJECT_DIR,
    environment,
    free_port,
    running,
    wait_until_up,
)

__all__ = [
    "PROJECT_DIR",
    "REST_CREDENTIALS",
    "VENV_BIN",
    "BotServer",
    "action_server",
    "action_server_command",
    "environment",
    "free_port",
    "our_bot",
    "our_bot_with",
    "rasa_command",
    "rasa_server",
]

VENV_BIN = Path(sys.executable).parent
MODEL = PROJECT_DIR / "models" / "leukobot.tar.gz"
REST_CREDENTIALS = "bot.channels.rest.CheckedRestInput:\n"
"""credentials.yml lines for our REST channel (loopback only, as the tests and evaluation run)."""


@dataclass(frozen=True)
class BotServer:
    """A running Rasa server: where to reach it and the token for its HTTP API."""

    url: str
    token: str
    action_port: int | None


def action_server_command(port: int) -> List[str]:
    """The action server on a port (it listens on SANIC_HOST, all interfaces by default)."""
    return [str(VENV_BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(port)]


def rasa_command(
    model: Path,
    port: int,
    endpoints: Path,
    credentials: Path,
    *,
    api_token: Optional[str] = None,
    interface: Optional[str] = None,
    cors: Sequence[str] = (),
    with_fixes: bool = True,
) -> List[str]:
    """`rasa run` for our bot; with_fixes starts it through bot.server (as make run does)."""
    launcher = [sys.executable, "-m", "bot.server"] if with_fixes else [str(VENV_BIN / "rasa")]
    command = launcher + ["run", "--model", str(model), "--port", str(port)]
    if interface:
        command += ["--interface", interface]
    if api_token is not None:
        command += ["--enable-api", "--auth-token", api_token]
    for origin in cors:
        command += ["--cors", origin]
    return command + ["--endpoints", str(endpoints), "--credentials", str(credentials)]


@contextmanager
def action_server(log_dir: Path, port: int | None = None) -> Iterator[subprocess.Popen]:
    """Our action server on a free port."""
    port = port or free_port()
    with running(
        action_server_command(port), PROJECT_DIR, log_dir / f"actions-{port}.log"
    ) as process:
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
    command = rasa_command(
        model, port, endpoints, credentials, api_token=token, with_fixes=with_fixes
    )
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
