"""`make stack`: the production profile on one machine, and `make stack-down`.

PostgreSQL (tracker store) and Redis (lock store) on loopback under the stack's
data folder, M action servers and N Rasa replicas behind HAProxy. Every process
is recorded in a pid file (pid and start time), so `make stack-down` stops only
what `make stack` started. Settings come from the environment:

- STACK_DIR (stack-data/), STACK_REPLICAS (2), STACK_ACTION_SERVERS (1),
  RASA_PORT (5005: the balancer), ACTION_PORT (5055: the action servers' balancer),
  STACK_POSTGRES_PORT (55432), STACK_REDIS_PORT (56379), STACK_FIRST_PORT (5101:
  replicas, then action servers, on the ports after it);
- secrets: DB_PASSWORD, REDIS_PASSWORD, REST_CHANNEL_TOKEN and
  SOCKETIO_SESSION_SECRET. Any that is unset is drawn at random for this start;
  only the REST token is shown (a caller needs it), none is written to a file.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from bot.launch.balancer import Balancer
from bot.launch.local import channel_credentials, tell_log
from bot.launch.processes import (
    PROJECT_DIR,
    LaunchError,
    environment,
    free_port,
    record,
    recorded,
    start,
    stop_recorded,
    wait_until_up,
)
from bot.launch.servers import action_server_command, rasa_command
from bot.launch.services import DATABASE, ROLE, Postgres, Redis, make_reachable, service_user
from bot.launch.settings import MODEL, STACK_ENDPOINTS, log_dir

SECRET_VARIABLES = (
    "DB_PASSWORD",
    "REDIS_PASSWORD",
    "REST_CHANNEL_TOKEN",
    "SOCKETIO_SESSION_SECRET",
)
UNSAFE_SECRET_CHARACTERS = set("\"'\\\n\r ")
LOCK_LIFETIME_S = 15
"""How long a turn may hold its conversation's lock (Rasa's default: 60 s). A turn
takes well under a second, at most the action timeout (10 s); a replica that dies
mid-turn holds the conversation this long before another replica may answer it."""
STOP_ORDER = ("rasa", "balancer", "actions", "redis", "postgres")
"""Pid-file name prefixes, in the order make stack-down stops them."""


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name) or str(default)
    if not value.isdigit():
        raise LaunchError(f"{name} must be a whole number, not {value!r}.")
    return int(value)


@dataclass(frozen=True)
class StackPlan:
    """What `make stack` starts and where."""

    folder: Path
    balancer_port: int
    action_balancer_port: int
    postgres_port: int
    redis_port: int
    replica_ports: Tuple[int, ...]
    action_ports: Tuple[int, ...]
    model: Path = MODEL
    logs: Path = field(default_factory=lambda: log_dir() / "stack")

    @classmethod
    def from_environment(cls, env: Mapping[str, str] = os.environ) -> StackPlan:
        """The plan from STACK_* and the port variables (see the module docstring)."""
        replicas = _int(env, "STACK_REPLICAS", 2)
        action_servers = _int(env, "STACK_ACTION_SERVERS", 1)
        if not 1 <= replicas <= 16 or not 1 <= action_servers <= 16:
            raise LaunchError("STACK_REPLICAS and STACK_ACTION_SERVERS must be from 1 to 16.")
        first = _int(env, "STACK_FIRST_PORT", 5101)
        return cls(
            folder=Path(env.get("STACK_DIR") or PROJECT_DIR / "stack-data").resolve(),
            balancer_port=_int(env, "RASA_PORT", 5005),
            action_balancer_port=_int(env, "ACTION_PORT", 5055),
            postgres_port=_int(env, "STACK_POSTGRES_PORT", 55432),
            redis_port=_int(env, "STACK_REDIS_PORT", 56379),
            replica_ports=tuple(range(first, first + replicas)),
            action_ports=tuple(range(first + replicas, first + replicas + action_servers)),
        )

    @classmethod
    def on_free_ports(cls, folder: Path, replicas: int, model: Path, logs: Path) -> StackPlan:
        """A plan on free ports (tests, make eval-scale), one action server."""
        return cls(
            folder=folder,
            balancer_port=free_port(),
            action_balancer_port=free_port(),
            postgres_port=free_port(),
            redis_port=free_port(),
            replica_ports=tuple(free_port() for _ in range(replicas)),
            action_ports=(free_port(),),
            model=model,
            logs=logs,
        )

    @property
    def pids(self) -> Path:
        """The folder of pid files."""
        return self.folder / "pids"

    def postgres(self) -> Postgres:
        """The PostgreSQL cluster of this stack."""
        return Postgres(self.folder / "postgres", self.postgres_port)

    def redis(self) -> Redis:
        """The Redis server of this stack."""
        return Redis(self.folder / "redis", self.redis_port)

    def balancer(self) -> Balancer:
        """The HAProxy layout of this stack."""
        return Balancer(
            self.balancer_port, self.action_balancer_port, self.replica_ports, self.action_ports
        )


def stack_secrets(env: Mapping[str, str] = os.environ) -> Tuple[Dict[str, str], List[str]]:
    """Each secret from the environment or drawn at random; and the names drawn."""
    values: Dict[str, str] = {}
    drawn: List[str] = []
    for name in SECRET_VARIABLES:
        value = env.get(name) or ""
        if not value:
            value = secrets.token_urlsafe(24)
            drawn.append(name)
        if UNSAFE_SECRET_CHARACTERS & set(value):
            raise LaunchError(f"{name} must not contain quotes, backslashes, spaces or newlines.")
        values[name] = value
    return values, drawn


def replica_environment(plan: StackPlan, secret_values: Mapping[str, str]) -> Dict[str, str]:
    """What a Rasa replica needs to fill in endpoints.stack.yml and guard its channels."""
    return environment(
        {
            **secret_values,
            "DB_HOST": "127.0.0.1",
            "DB_PORT": str(plan.postgres_port),
            "DB_NAME": DATABASE,
            "DB_USER": ROLE,
            "REDIS_HOST": "127.0.0.1",
            "REDIS_PORT": str(plan.redis_port),
            "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{plan.action_balancer_port}/webhook",
            "WIDGET_ORIGIN": os.environ.get("WIDGET_ORIGIN") or "http://localhost:8080",
            "SANIC_REQUEST_MAX_SIZE": "65536",
            "TICKET_LOCK_LIFETIME": str(LOCK_LIFETIME_S),
        }
    )


def running_parts(plan: StackPlan) -> List[str]:
    """The pid files whose process is still the one make stack started."""
    if not plan.pids.is_dir():
        return []
    return sorted(p.stem for p in plan.pids.glob("*.pid") if recorded(p) is not None)


def up(plan: StackPlan, env: Mapping[str, str] = os.environ) -> Dict[str, str]:
    """Starts the whole stack; returns its secrets. On a failure, stops what it started."""
    if running_parts(plan):
        parts = ", ".join(running_parts(plan))
        raise LaunchError(
            f"a stack is already running from {plan.folder} ({parts}); `make stack-down` stops it."
        )
    if not plan.model.exists():
        raise LaunchError(f"no model at {plan.model}: run `make train` first.")
    secret_values, _ = stack_secrets(env)
    plan.folder.mkdir(parents=True, exist_ok=True)
    plan.folder.chmod(0o711)  # service users pass through; nobody lists it
    plan.logs.mkdir(parents=True, exist_ok=True)
    try:
        _start_services(plan, secret_values)
        _start_servers(plan, secret_values)
    except BaseException:
        down(plan)
        raise
    return secret_values


def _start_services(plan: StackPlan, secret_values: Mapping[str, str]) -> None:
    postgres, logs = plan.postgres(), plan.logs
    _step(f"Starting PostgreSQL on 127.0.0.1:{plan.postgres_port} (log: {logs}/postgres.log)")
    postgres.initialise(logs / "postgres.log")
    record(postgres.start(logs / "postgres.log"), plan.pids / "postgres.pid")
    postgres.provision(secret_values["DB_PASSWORD"])
    _step(f"Starting Redis on 127.0.0.1:{plan.redis_port} (log: {logs}/redis.log)")
    redis = plan.redis().start(secret_values["REDIS_PASSWORD"], logs / "redis.log")
    record(redis, plan.pids / "redis.pid")


def _start_servers(plan: StackPlan, secret_values: Mapping[str, str]) -> None:
    env, logs = replica_environment(plan, secret_values), plan.logs
    _step(
        f"Starting {len(plan.action_ports)} action server(s) "
        f"and {len(plan.replica_ports)} Rasa replica(s)"
    )
    credentials = channel_credentials(Path(tempfile.mkdtemp(dir=plan.folder)))
    started: List[Tuple[str, subprocess.Popen, str, Path]] = []
    for n, port in enumerate(plan.action_ports, 1):
        log = logs / f"actions-{n}.log"
        process = start(action_server_command(port), log, env={**env, "SANIC_HOST": "127.0.0.1"})
        record(process, plan.pids / f"actions-{n}.pid")
        started.append((f"action server {n}", process, f"http://127.0.0.1:{port}/health", log))
    for n, port in enumerate(plan.replica_ports, 1):
        log = logs / f"rasa-{n}.log"
        command = rasa_command(
            plan.model, port, STACK_ENDPOINTS, credentials, interface="127.0.0.1"
        )
        process = start(command, log, env=env)
        record(process, plan.pids / f"rasa-{n}.pid")
        started.append((f"Rasa replica {n}", process, f"http://127.0.0.1:{port}/", log))
    with ThreadPoolExecutor(max_workers=len(started)) as pool:
        failures = [
            failure
            for failure in pool.map(lambda part: _wait(*part), started)
            if failure is not None
        ]
    if failures:
        name, log = failures[0]
        tell_log(f"The {name} did not start.", log)
        raise LaunchError(f"the {name} did not start (see {log}).")
    _step(f"Starting HAProxy on 127.0.0.1:{plan.balancer_port} (log: {logs}/haproxy.log)")
    if service_user("haproxy"):
        make_reachable(plan.folder / "haproxy.cfg", "haproxy")
    balancer = plan.balancer().start(plan.folder, logs / "haproxy.log")
    record(balancer, plan.pids / "balancer.pid")


def _wait(name: str, process: subprocess.Popen, url: str, log: Path) -> Optional[Tuple[str, Path]]:
    try:
        wait_until_up(url, process)
    except LaunchError:
        return name, log
    return None


def _step(text: str) -> None:
    print(text + "...", flush=True)


def down(plan: StackPlan) -> List[str]:
    """Stops every process make stack started from this folder; returns what it stopped."""
    stopped: List[str] = []
    if not plan.pids.is_dir():
        return stopped
    for prefix in STOP_ORDER:
        for pid_file in sorted(plan.pids.glob(f"{prefix}*.pid")):
            signal_name = "SIGINT" if prefix == "postgres" else "SIGTERM"
            if stop_recorded(pid_file, signal_name=signal_name):
                stopped.append(pid_file.stem)
    for leftover in plan.folder.glob("tmp*"):
        shutil.rmtree(leftover, ignore_errors=True)
    return stopped


def addresses_text(plan: StackPlan, secret_values: Mapping[str, str], drawn: Sequence[str]) -> str:
    """What make stack prints when everything answers."""
    port = plan.balancer_port
    token_note = (
        f"  REST token (drawn for this start; set REST_CHANNEL_TOKEN to choose it): "
        f"{secret_values['REST_CHANNEL_TOKEN']}\n"
        if "REST_CHANNEL_TOKEN" in drawn
        else "  REST token: REST_CHANNEL_TOKEN from the environment\n"
    )
    replicas = ", ".join(f"127.0.0.1:{p}" for p in plan.replica_ports)
    actions = ", ".join(f"127.0.0.1:{p}" for p in plan.action_ports)
    return (
        f"\n  Leukopenia information bot: {len(plan.replica_ports)} replica(s) behind HAProxy\n"
        f"  Balancer:   http://localhost:{port}  (REST, socket.io, Slack, Telegram)\n"
        f"  REST:       POST http://localhost:{port}/webhooks/rest/webhook "
        "(Authorization: Bearer <token>)\n"
        f"{token_note}"
        f"  Replicas:   {replicas}\n"
        f"  Actions:    {actions} behind 127.0.0.1:{plan.action_balancer_port}\n"
        f"  PostgreSQL: 127.0.0.1:{plan.postgres_port}, database {DATABASE}, role {ROLE}\n"
        f"  Redis:      127.0.0.1:{plan.redis_port} (lock store)\n"
        f"  Logs:       {plan.logs}/\n"
        "  Stop with `make stack-down`.\n"
    )
