"""`make run` and `make shell`: one machine, the embedded SQLite store, a line per step.

The action server starts first, then Rasa (REST, socket.io, Slack and Telegram when
their secrets are set) and the widget's page, or the Rasa shell. What the servers
print goes to log files; the terminal shows a line per step, the addresses, and the
end of a log when a step fails. Ctrl+C stops everything this started.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from bot import data_lifecycle
from bot.launch.processes import (
    PROJECT_DIR,
    LaunchError,
    environment,
    running,
    wait_until_up,
)
from bot.launch.servers import action_server_command, rasa_command
from bot.launch.settings import (
    CREDENTIALS_SCRIPT,
    MODEL,
    WEB_DIR,
    Addresses,
    addresses,
    endpoints_file,
    endpoints_for_actions_at,
    log_dir,
)

MAX_BODY_BYTES = "65536"
"""Sanic refuses larger request bodies before reading them (a chat message is small)."""
LOG_TAIL_LINES = 30


def tell_log(what: str, log: Path) -> None:
    """Prints what went wrong and the end of the log that says why."""
    print(what + f" The end of {log}:", file=sys.stderr)
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = ["(no log)"]
    print("\n".join(lines[-LOG_TAIL_LINES:]), file=sys.stderr)


def prepare_store(endpoints: Path) -> None:
    """The SQLite folder 0700 and files 0600; conversations past the retention deleted."""
    try:
        settings = data_lifecycle.tracker_store_settings(endpoints)
        data_lifecycle.secure(settings)
    except (data_lifecycle.LifecycleError, OSError) as error:
        print(f"Warning: could not secure the conversation store: {error}", file=sys.stderr)
        return
    if data_lifecycle.main(["--endpoints", str(endpoints), "purge"]) != 0:
        print("Warning: could not apply the retention (see above).", file=sys.stderr)


def clinic_line(json_out: bool = False) -> str:
    """The clinic's banner line (or the widget's clinic.json); LaunchError names a bad field."""
    command = [sys.executable, "-m", "knowledge.clinic_messages"] + (["--json"] if json_out else [])
    result = subprocess.run(
        command, cwd=PROJECT_DIR, env=environment(), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise LaunchError(result.stderr.strip() or "clinic.yml could not be read.")
    return result.stdout.strip()


def channel_credentials(folder: Path) -> Path:
    """credentials.yml plus the Slack and Telegram channels whose secrets are set."""
    path = folder / "credentials.yml"
    text = subprocess.run(
        ["bash", str(CREDENTIALS_SCRIPT)], check=True, capture_output=True, text=True
    ).stdout
    path.write_text(text, encoding="utf-8")
    return path


def banner(where: Addresses, clinic: str, logs: Path) -> str:
    """What `make run` prints once Rasa answers."""
    port = where.rasa_port
    example = '{"sender": "me", "message": "hi"}'
    return f"""
  Leukopenia information bot
  {clinic}
  Widget:     http://localhost:{where.widget_port}/index.html?server=http://localhost:{port}
  REST:       POST http://localhost:{port}/webhooks/rest/webhook  {example}
  socket.io:  http://localhost:{port}/socket.io  (events user_uttered / bot_uttered)
  Slack:      http://localhost:{port}/webhooks/slack/webhook     (when SLACK_TOKEN is set)
  Telegram:   http://localhost:{port}/webhooks/telegram/webhook  (when TELEGRAM_TOKEN is set)
  Logs:       {logs}/rasa.log, {logs}/actions.log
  Stop with Ctrl+C.
"""


def serve(mode: str) -> int:
    """Runs `make run` (mode "run") or `make shell` (mode "shell") until stopped."""
    where, logs, endpoints = addresses(), log_dir(), endpoints_file()
    logs.mkdir(parents=True, exist_ok=True)
    prepare_store(endpoints)
    env = environment(
        {"WIDGET_ORIGIN": where.widget_origin, "SANIC_REQUEST_MAX_SIZE": MAX_BODY_BYTES}
    )
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        endpoints = endpoints_for_actions_at(endpoints, where.action_port, folder)
        print(f"Starting the action server (log: {logs}/actions.log)...", flush=True)
        actions_log = logs / "actions.log"
        actions = stack.enter_context(
            running(
                action_server_command(where.action_port),
                PROJECT_DIR,
                actions_log,
                {**env, "SANIC_HOST": "127.0.0.1"},
            )
        )
        try:
            wait_until_up(f"http://127.0.0.1:{where.action_port}/health", actions, 60)
            clinic = clinic_line()
        except LaunchError as error:
            tell_log(f"The action server did not start ({error}).", actions_log)
            return 1
        if mode == "shell":
            return _shell(where, clinic, logs, endpoints, env)
        return _run(stack, where, clinic, logs, endpoints, env)


def _run(
    stack: ExitStack,
    where: Addresses,
    clinic: str,
    logs: Path,
    endpoints: Path,
    env: dict,
) -> int:
    (WEB_DIR / "clinic.json").write_text(clinic_line(json_out=True) + "\n", encoding="utf-8")
    stack.enter_context(
        running(
            [sys.executable, "-m", "http.server", str(where.widget_port), "--bind", "127.0.0.1"],
            WEB_DIR,
            logs / "widget.log",
            env,
        )
    )
    credentials = channel_credentials(Path(stack.enter_context(tempfile.TemporaryDirectory())))
    print(
        f"Starting Rasa: REST, socket.io, Slack and Telegram (log: {logs}/rasa.log)...",
        flush=True,
    )
    command = rasa_command(
        MODEL,
        where.rasa_port,
        endpoints,
        credentials,
        interface=where.interface,
        cors=[where.widget_origin],
    )
    rasa_log = logs / "rasa.log"
    rasa = stack.enter_context(running(command, PROJECT_DIR, rasa_log, env))
    probe = "127.0.0.1" if where.interface in ("0.0.0.0", "::") else where.interface
    try:
        wait_until_up(f"http://{probe}:{where.rasa_port}/", rasa)
    except LaunchError as error:
        tell_log(f"Rasa did not start ({error}).", rasa_log)
        return 1
    print(banner(where, clinic, logs), flush=True)
    returncode = rasa.wait()
    tell_log(f"Rasa stopped (exit status {returncode}).", rasa_log)
    return 1


def _shell(where: Addresses, clinic: str, logs: Path, endpoints: Path, env: dict) -> int:
    print(f"\n  Leukopenia information bot (shell)\n  {clinic}", flush=True)
    print(f"  Logs: {logs}/shell.log, {logs}/actions.log\n", flush=True)
    shell_log = logs / "shell.log"
    command = [sys.executable, "-m", "bot.server", "shell", "--model", str(MODEL)]
    command += ["--port", str(where.rasa_port), "--endpoints", str(endpoints)]
    with open(shell_log, "ab") as errors:
        returncode = subprocess.run(command, cwd=PROJECT_DIR, env=env, stderr=errors).returncode
    if returncode != 0:
        tell_log("The shell stopped.", shell_log)
        return 1
    return 0
