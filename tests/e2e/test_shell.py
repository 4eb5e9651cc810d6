"""`make shell`'s script in a real terminal: type a question, read the answer."""

from __future__ import annotations

import signal
import socket
import sys
from pathlib import Path

import pexpect
import pytest

from bot.launch.servers import environment, free_port
from tests.conftest import PROJECT_DIR, record_sent

pytestmark = pytest.mark.model


def test_the_shell_answers_a_question(model: Path, tmp_path: Path) -> None:
    action_port = free_port()
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n', encoding="utf-8"
    )
    env = {
        **environment(),
        "RASA_PORT": str(free_port()),
        "ACTION_PORT": str(action_port),
        "ENDPOINTS": str(endpoints),
        "TERM": "dumb",
        "LOG_DIR": str(tmp_path / "logs"),  # where the log guard looks
    }
    shell = pexpect.spawn(
        sys.executable,
        ["-m", "bot.launch", "shell"],
        cwd=str(PROJECT_DIR),
        env=env,
        encoding="utf-8",
        timeout=180,
        dimensions=(40, 200),
    )
    try:
        shell.expect("Your input ->")
        shell.sendline(record_sent("can steroids lower my white count?"))
        shell.expect("corticosteroid", timeout=60)
        # Buttons become a menu; Enter picks the first one, "Tell me more".
        shell.expect("Tell me more")
        shell.send("\r")
        shell.expect("only one possible reason", timeout=60)
    finally:
        # Closing the terminal hangs the launcher up: it stops the action server it started.
        shell.kill(signal.SIGHUP)
        shell.expect(pexpect.EOF, timeout=60)
        shell.close(force=True)
    assert not _listening(action_port), "the action server outlived the closed terminal"


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0
