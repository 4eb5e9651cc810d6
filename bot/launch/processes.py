"""Processes the launcher starts: the environment they get, waiting for them, stopping them.

Two kinds: `running` ties a process to a `with` block (make run, the tests, the
evaluation); `spawn_detached` leaves it running after the launcher exits and
records it in a pid file (make stack), which `stop_recorded` reads back.
"""

from __future__ import annotations

import os
import pwd
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, Mapping, Optional, Sequence

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
START_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 20.0


class LaunchError(Exception):
    """A process did not start or stop as asked; the message says which and why."""


def free_port() -> int:
    """A TCP port on localhost that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment(extra: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    """The environment for Rasa processes: quiet, offline, with the project importable."""
    env = dict(os.environ)
    env.update(
        TF_CPP_MIN_LOG_LEVEL="3",
        RASA_TELEMETRY_ENABLED="false",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONPATH=str(PROJECT_DIR),
    )
    env.update(extra or {})
    return env


def wait_until_up(url: str, process: subprocess.Popen, timeout_s: float = START_TIMEOUT_S) -> None:
    """Polls url until it answers 200; fails early if the process died."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LaunchError(f"process exited with {process.returncode} before {url} was up")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise LaunchError(f"{url} did not come up within {timeout_s:.0f} s")


def wait_for_port(port: int, process: subprocess.Popen, timeout_s: float = 60.0) -> None:
    """Waits until something accepts TCP connections on 127.0.0.1:port."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LaunchError(
                f"process exited with {process.returncode} before port {port} was open"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise LaunchError(f"nothing listened on port {port} within {timeout_s:.0f} s")


def start(
    command: Sequence[str],
    log_path: Path,
    *,
    cwd: Path = PROJECT_DIR,
    env: Optional[Mapping[str, str]] = None,
    user: Optional[str] = None,
    stdin_text: Optional[str] = None,
) -> subprocess.Popen:
    """Starts a command in its own process group, its output appended to log_path.

    stdin_text is written to the process's standard input (a secret that must not
    go on the command line or into a file), then closed.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            list(command),
            cwd=cwd,
            stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=dict(env) if env is not None else environment(),
            start_new_session=True,
            **as_user(user),
        )
    if stdin_text is not None and process.stdin is not None:
        process.stdin.write(stdin_text.encode())
        process.stdin.close()
    return process


def as_user(user: Optional[str]) -> Dict[str, Any]:
    """Popen arguments that run a program as `user`, with that user's groups only."""
    if user is None:
        return {}
    entry = pwd.getpwnam(user)
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


@contextmanager
def running(
    command: Sequence[str],
    cwd: Path,
    log_path: Path,
    env: Optional[Mapping[str, str]] = None,
) -> Iterator[subprocess.Popen]:
    """Runs a command in its own process group; stops the group on exit."""
    process = start(command, log_path, cwd=cwd, env=env)
    try:
        yield process
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Stops a process started here, and its children."""
    if process.poll() is not None:
        return
    _stop_group(process.pid)
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _stop_group(pid: int, signal_number: int = signal.SIGTERM) -> None:
    try:
        os.killpg(pid, signal_number)
    except ProcessLookupError:
        pass


@dataclass(frozen=True)
class Recorded:
    """A detached process: its pid and its start time (tells it from a reused pid)."""

    pid: int
    started: str


def start_time(pid: int) -> Optional[str]:
    """The kernel's start time of a process (field 22 of /proc/pid/stat), or None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def record(process: subprocess.Popen, pid_file: Path) -> None:
    """Writes the pid file of a detached process."""
    pid_file.parent.mkdir(parents=True, exist_ok=True)
    pid_file.write_text(f"{process.pid} {start_time(process.pid) or ''}\n")


def recorded(pid_file: Path) -> Optional[Recorded]:
    """The process a pid file names, if it is still the one that was started."""
    try:
        pid_text, _, started = pid_file.read_text().strip().partition(" ")
        pid = int(pid_text)
    except (OSError, ValueError):
        return None
    if start_time(pid) != started or not started:
        return None
    return Recorded(pid, started)


def stop_recorded(
    pid_file: Path, timeout_s: float = STOP_TIMEOUT_S, signal_name: str = "SIGTERM"
) -> bool:
    """Stops the process group of a pid file if it is still ours; True if one was stopped.

    signal_name: the polite signal first (PostgreSQL's fast shutdown is SIGINT);
    SIGKILL after timeout_s.
    """
    process = recorded(pid_file)
    pid_file.unlink(missing_ok=True)
    if process is None:
        return False
    _stop_group(process.pid, getattr(signal, signal_name))
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and start_time(process.pid) == process.started:
        if _zombie(process.pid):
            break
        time.sleep(0.2)
    else:
        if start_time(process.pid) == process.started:
            os.killpg(process.pid, signal.SIGKILL)
    return True


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True
