"""Conversations copied from one SQL tracker store to another, once, readable by Rasa."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered

from bot.migrate_store import main as migrate_main

EVENTS = [
    ("patient-a", UserUttered("can steroids lower it", {"name": "ask_cause_medications"})),
    ("patient-a", BotUttered("Some medicines can lower the white count.")),
    ("patient-b", UserUttered("hello", {"name": "greet"})),
]


def _endpoints(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.yml"
    path.write_text(
        f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tmp_path / name}.db\n", "utf-8"
    )
    return path


def _fill(tmp_path: Path) -> None:
    SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "source.db"))
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'source.db'}")
    events = sa.Table("events", sa.MetaData(), autoload_with=engine)
    with engine.begin() as connection:
        for sender, event in EVENTS:
            connection.execute(
                events.insert().values(
                    sender_id=sender,
                    type_name=event.type_name,
                    timestamp=event.timestamp,
                    data=json.dumps(event.as_dict()),
                )
            )


def test_conversations_are_copied_once_and_rasa_reads_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(tmp_path)
    source, target = _endpoints(tmp_path, "source"), _endpoints(tmp_path, "target")
    assert migrate_main(["--source", str(source), "--target", str(target)]) == 0
    assert "Copied 2 conversation(s), 3 event(s)" in capsys.readouterr().out
    assert migrate_main(["--source", str(source), "--target", str(target)]) == 0
    second = capsys.readouterr().out
    assert "Copied 0 conversation(s), 0 event(s); left 2" in second
    assert "patient-a" not in second and "steroids" not in second

    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "target.db"))
    tracker = asyncio.run(store.retrieve("patient-a"))
    assert tracker is not None
    assert [e.as_dict()["event"] for e in tracker.events] == ["user", "bot"]


def test_a_missing_source_copies_nothing_and_says_why(tmp_path: Path) -> None:
    target = _endpoints(tmp_path, "target")
    assert (
        migrate_main(["--source", str(_endpoints(tmp_path, "none")), "--target", str(target)]) == 1
    )
