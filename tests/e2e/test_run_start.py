"""`make run`'s script: a line per step and the addresses; Rasa's own output goes to logs/."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import List

import pytest

from bot.data_lifecycle import STORE_TYPE
from bot.launch.servers import BotServer, environment, free_port
from evaluation.rest_client import send
from tests.conftest import PROJECT_DIR

pytestmark = pytest.mark.model

START_LIMIT_S = 240
MOST_LINES = 20


def test_the_start_is_quiet_and_names_the_logs(tmp_path: Path) -> None:
    port, logs = free_port(), tmp_path / "logs"
    endpoints = tmp_path / "endpoints.yml"
    action_port = free_port()
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n'
        f"tracker_store:\n  type: {STORE_TYPE}\n  dialect: sqlite\n"
        f"  db: {tmp_path / 'var' / 'conversations.db'}\n",
        encoding="utf-8",
    )
    env = {
        **environment(),
        "RASA_PORT": str(port),
        "ACTION_PORT": str(action_port),
        "WIDGET_PORT": str(free_port()),
        "ENDPOINTS": str(endpoints),
        "LOG_DIR": str(logs),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.launch", "run"],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    shown: List[str] = []
    try:
        deadline = time.monotonic() + START_LIMIT_S
        assert process.stdout is not None
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            shown.append(line.rstrip("\n"))
            if "Stop with Ctrl+C." in line:
                break
        assert shown and shown[-1].strip() == "Stop with Ctrl+C.", shown
        replies = send(BotServer(f"http://127.0.0.1:{port}", "", None), "start-test", "hello")
        assert replies.replies
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
    assert len(shown) <= MOST_LINES, shown
    assert not [line for line in shown if "Warning" in line or "%|" in line], shown
    assert f"Logs:       {logs}/rasa.log" in "\n".join(shown)
    assert (logs / "rasa.log").stat().st_size > 0 and (logs / "actions.log").exists()
