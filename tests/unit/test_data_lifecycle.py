"""Retention, "forget", and file modes on a real SQLite tracker store written by Rasa."""

from __future__ import annotations

import asyncio
import stat
import time
from pathlib import Path
from typing import Any, Dict, List

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.data_lifecycle import SECONDS_PER_DAY, LifecycleError, forget, main, purge, secure


def _settings(tmp_path: Path) -> Dict[str, Any]:
    return {"type": "SQL", "dialect": "sqlite", "db": str(tmp_path / "var" / "conversations.db")}


def _write(settings: Dict[str, Any], conversations: Dict[str, float]) -> None:
    """Saves one conversation per sender, its events at the given time."""
    Path(settings["db"]).parent.mkdir(parents=True, exist_ok=True)
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=settings["db"])

    async def save() -> None:
        for sender, when in conversations.items():
            events = [
                ActionExecuted("action_listen", timestamp=when),
                UserUttered("private words", timestamp=when),
            ]
            await store.save(DialogueStateTracker.from_events(sender, events))

    asyncio.run(save())


def _senders(settings: Dict[str, Any]) -> List[str]:
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=settings["db"])
    return sorted(asyncio.run(store.keys()))


def test_purge_deletes_only_conversations_past_the_retention(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    now = time.time()
    _write(settings, {"old": now - 40 * SECONDS_PER_DAY, "recent": now - 2 * SECONDS_PER_DAY})
    assert purge(settings, days=30, now=now) == 1
    assert _senders(settings) == ["recent"]


def test_forget_deletes_one_conversation(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    _write(settings, {"slack:U1": time.time(), "telegram:42": time.time()})
    assert forget(settings, "slack:U1") == 2
    assert _senders(settings) == ["telegram:42"]
    assert forget(settings, "nobody") == 0


def test_the_folder_is_0700_and_the_database_0600(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    _write(settings, {"a": time.time()})
    secure(settings)
    database = Path(settings["db"])
    assert stat.S_IMODE(database.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(database.stat().st_mode) == 0o600


def test_no_store_yet_is_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(LifecycleError, match="No conversations yet"):
        forget(_settings(tmp_path), "a")


def test_the_command_prints_counts_never_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = _settings(tmp_path)
    _write(settings, {"old": time.time() - 90 * SECONDS_PER_DAY})
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {settings['db']}\n", "utf-8"
    )
    assert main(["--endpoints", str(endpoints), "purge", "--days", "30"]) == 0
    output = capsys.readouterr().out
    assert "Deleted 1 conversation" in output and "private words" not in output
