"""A clinic's SQLite conversations copied into the stack's PostgreSQL, as the bot's role."""

from __future__ import annotations

import asyncio
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain

from bot.launch.processes import free_port, stop
from bot.launch.services import DATABASE, ROLE, Postgres
from bot.migrate_store import main as migrate_main
from tests.conftest import PROJECT_DIR
from tests.unit.test_migrate_store import _endpoints, _fill


@pytest.fixture(scope="module")
def postgres() -> Iterator[tuple[Postgres, str]]:
    folder = Path(tempfile.mkdtemp(prefix="leukobot-pg-"))
    folder.chmod(0o711)
    server = Postgres(folder / "postgres", free_port())
    server.initialise(folder / "postgres.log")
    process = server.start(folder / "postgres.log")
    password = secrets.token_urlsafe(16)
    try:
        server.provision(password)
        yield server, password
    finally:
        stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def test_sqlite_conversations_move_to_postgres_once(
    postgres: tuple[Postgres, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server, password = postgres
    for name, value in {
        "DB_HOST": "127.0.0.1",
        "DB_PORT": str(server.port),
        "DB_NAME": DATABASE,
        "DB_USER": ROLE,
        "DB_PASSWORD": password,
    }.items():
        monkeypatch.setenv(name, value)
    _fill(tmp_path)
    source, target = _endpoints(tmp_path, "source"), PROJECT_DIR / "endpoints.stack.yml"
    assert migrate_main(["--source", str(source), "--target", str(target)]) == 0
    assert "Copied 2 conversation(s), 3 event(s)" in capsys.readouterr().out
    assert migrate_main(["--source", str(source), "--target", str(target)]) == 0
    assert "Copied 0 conversation(s), 0 event(s); left 2" in capsys.readouterr().out

    store = SQLTrackerStore(
        Domain.empty(),
        dialect="postgresql",
        host="127.0.0.1",
        port=server.port,
        db=DATABASE,
        username=ROLE,
        password=password,
    )
    tracker = asyncio.run(store.retrieve("patient-a"))
    assert tracker is not None
    assert [e.as_dict()["event"] for e in tracker.events] == ["user", "bot"]
