"""PostgreSQL and Redis for `make stack`: Debian's servers on loopback, in the stack's folder.

Each runs as its own system user when the launcher runs as root (as Debian's
packages set them up), else as the current user. Passwords come from the
environment and reach the servers on standard input or through SQL, never a
command line or a file. PostgreSQL gets a role for the bot that may only
connect to its database and read, add and delete conversation events; the
tables are created by the launcher, as the database owner.
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import sqlalchemy as sa

from bot.launch.processes import LaunchError, as_user, environment, start, wait_for_port

DATABASE = "leukobot"
ROLE = "leukobot"
"""The bot's database and its least-privilege role."""
POSTGRES_BIN_GLOB = "/usr/lib/postgresql/*/bin"
READY_TIMEOUT_S = 60.0


def service_user(name: str) -> Optional[str]:
    """The system user a service runs as: `name` when we are root and it exists, else None."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(name)
    except KeyError:
        raise LaunchError(
            f"the system user '{name}' is missing: install its Debian package."
        ) from None
    return name


def owned_folder(path: Path, user: Optional[str], mode: int = 0o700) -> Path:
    """Creates a folder for a service's user with the given mode, reachable by that user."""
    path.mkdir(parents=True, exist_ok=True)
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(path, entry.pw_uid, entry.pw_gid)
        make_reachable(path, user)
    path.chmod(mode)
    return path


def make_reachable(path: Path, user: str) -> None:
    """Lets a service user pass through the folders above `path` (search only, no listing).

    A folder made by mktemp is 0700; the PostgreSQL server must still reach its data.
    """
    entry = pwd.getpwnam(user)
    for folder in list(path.resolve().parents):
        status = folder.stat()
        if status.st_uid == entry.pw_uid or status.st_mode & 0o001:
            continue
        folder.chmod(status.st_mode | 0o001)


def postgres_bin() -> Path:
    """The folder of Debian's PostgreSQL server programs (the newest version)."""
    candidates = [Path(p) for p in glob.glob(POSTGRES_BIN_GLOB) if (Path(p) / "postgres").exists()]
    if not candidates:
        raise LaunchError("PostgreSQL's server is not installed (Debian package postgresql).")
    return max(candidates, key=lambda path: [int(n) for n in re.findall(r"\d+", str(path))])


def require_program(name: str, package: str) -> str:
    """The path of a program, or LaunchError naming the Debian package to install."""
    path = shutil.which(name) or (
        f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").exists() else None
    )
    if path is None:
        raise LaunchError(f"{name} is not installed (Debian package {package}).")
    return path


@dataclass(frozen=True)
class Postgres:
    """A PostgreSQL cluster in `folder`, listening on 127.0.0.1:port."""

    folder: Path
    port: int

    @property
    def data(self) -> Path:
        """The cluster's data directory."""
        return self.folder / "data"

    @property
    def sockets(self) -> Path:
        """Its Unix socket folder: only its user (and root) may connect as the owner."""
        return self.folder / "run"

    def user(self) -> Optional[str]:
        """The system user the server runs as."""
        return service_user("postgres")

    def superuser(self) -> str:
        """The cluster owner's database role (initdb names it after the system user)."""
        return self.user() or pwd.getpwuid(os.geteuid()).pw_name

    def initialise(self, log: Path) -> None:
        """Creates the cluster once: trust on its private socket folder, passwords on TCP."""
        user = self.user()
        owned_folder(self.folder, user)
        owned_folder(self.sockets, user)
        if (self.data / "PG_VERSION").exists():
            return
        owned_folder(self.data, user)
        command = [str(postgres_bin() / "initdb"), "-D", str(self.data), "--auth-local=trust"]
        command += ["--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"]
        _run(command, log, user)

    def start(self, log: Path) -> subprocess.Popen:
        """Starts the server on loopback (detached); returns its process."""
        command = [str(postgres_bin() / "postgres"), "-D", str(self.data)]
        command += ["-c", "listen_addresses=127.0.0.1", "-c", f"port={self.port}"]
        command += ["-c", f"unix_socket_directories={self.sockets}"]
        command += ["-c", "password_encryption=scram-sha-256"]
        process = start(command, log, cwd=self.folder, env=_plain_env(), user=self.user())
        wait_for_port(self.port, process, READY_TIMEOUT_S)
        self._wait_ready(process)
        return process

    def _wait_ready(self, process: subprocess.Popen) -> None:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                with self.admin_engine("postgres").connect() as connection:
                    connection.execute(sa.text("SELECT 1"))
                return
            except sa.exc.OperationalError:
                if process.poll() is not None:
                    raise LaunchError("PostgreSQL stopped while starting.") from None
                time.sleep(0.3)
        raise LaunchError("PostgreSQL did not accept connections.")

    def admin_engine(self, database: str = DATABASE) -> sa.engine.Engine:
        """An engine for the cluster owner, through the Unix socket."""
        url = sa.engine.URL.create(
            "postgresql+psycopg2",
            username=self.superuser(),
            database=database,
            query={"host": str(self.sockets), "port": str(self.port)},
        )
        return sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)

    def provision(self, password: str) -> None:
        """The bot's role (login, nothing else) and database, its tables and its grants."""
        with self.admin_engine("postgres").connect() as connection:
            exists = connection.execute(
                sa.text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": ROLE}
            ).first()
            verb = "ALTER" if exists else "CREATE"
            connection.execute(
                sa.text(
                    f"{verb} ROLE {ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                    "NOREPLICATION NOBYPASSRLS PASSWORD :password"
                ),
                {"password": password},
            )
            has_db = connection.execute(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :db"), {"db": DATABASE}
            ).first()
            if not has_db:
                connection.execute(sa.text(f"CREATE DATABASE {DATABASE}"))
            connection.execute(sa.text(f"REVOKE ALL ON DATABASE {DATABASE} FROM PUBLIC"))
            connection.execute(sa.text(f"GRANT CONNECT ON DATABASE {DATABASE} TO {ROLE}"))
        self._create_tables()

    def _create_tables(self) -> None:
        from rasa.core.tracker_store import SQLTrackerStore

        engine = self.admin_engine()
        SQLTrackerStore.Base.metadata.create_all(engine)
        with engine.connect() as connection:
            connection.execute(sa.text(f"REVOKE CREATE ON SCHEMA public FROM PUBLIC, {ROLE}"))
            connection.execute(sa.text(f"GRANT USAGE ON SCHEMA public TO {ROLE}"))
            connection.execute(sa.text(f"GRANT SELECT, INSERT, DELETE ON events TO {ROLE}"))
            connection.execute(sa.text(f"GRANT USAGE ON SEQUENCE events_id_seq TO {ROLE}"))


@dataclass(frozen=True)
class Redis:
    """A Redis server in `folder`, listening on 127.0.0.1:port, for Rasa's lock store."""

    folder: Path
    port: int

    def start(self, password: str, log: Path) -> subprocess.Popen:
        """Starts Redis (detached) with its settings, the password among them, on stdin."""
        user = service_user("redis")
        owned_folder(self.folder, user)
        settings = "\n".join(
            [
                f"port {self.port}",
                "bind 127.0.0.1",
                "protected-mode yes",
                f'dir "{self.folder}"',
                'save ""',  # locks live for one turn: nothing worth writing to disk
                "appendonly no",
                f'requirepass "{password}"',
                'rename-command CONFIG ""',
                'rename-command FLUSHALL ""',
                'rename-command FLUSHDB ""',
                'rename-command DEBUG ""',
            ]
        )
        program = require_program("redis-server", "redis-server")
        process = start(
            [program, "-"], log, cwd=self.folder, env=_plain_env(), user=user, stdin_text=settings
        )
        wait_for_port(self.port, process, READY_TIMEOUT_S)
        return process


def _plain_env() -> dict:
    return {key: value for key, value in environment().items() if key in ("PATH", "LANG", "LC_ALL")}


def _run(command: List[str], log: Path, user: Optional[str]) -> None:
    with open(log, "ab") as out:
        result = subprocess.run(
            command, stdout=out, stderr=subprocess.STDOUT, env=_plain_env(), **as_user(user)
        )
    if result.returncode != 0:
        raise LaunchError(f"{Path(command[0]).name} failed (exit status {result.returncode}).")
