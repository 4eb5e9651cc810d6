"""Patient data lifecycle: where conversations live, how long, and how to forget one.

`python -m bot.data_lifecycle purge [--days N]` deletes every conversation whose
latest event is older than N days (RETENTION_DAYS, default 30);
`python -m bot.data_lifecycle forget SENDER` deletes one conversation (a patient
can also do it in the chat: bot/forgetting_store.py);
`python -m bot.data_lifecycle secure` makes the SQLite folder 0700 and its files
0600. `make purge`, `make forget SENDER=...` and `make run` use them. They work on
the SQL tracker store of endpoints.yml (SQLite by default, PostgreSQL too) and
never print message text: only counts and ids.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path
from typing import Any, Dict, Optional, Sequence

import sqlalchemy as sa
import yaml

DEFAULT_ENDPOINTS = Path("endpoints.yml")
STORE_TYPE = "bot.forgetting_store.ForgettingSQLTrackerStore"
"""The `tracker_store: type:` of endpoints.yml: Rasa's SQL store plus "forget me"."""
DELETED_RESPONSE = "utter_conversation_deleted"
"""The domain response that confirms an in-chat deletion; saving after it deletes."""
RETENTION_VARIABLE = "RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 30
SECONDS_PER_DAY = 24 * 60 * 60
FOLDER_MODE = 0o700
FILE_MODE = 0o600


class LifecycleError(Exception):
    """The tracker store cannot be handled by these commands; the message says why."""


def tracker_store_settings(endpoints: Path = DEFAULT_ENDPOINTS) -> Dict[str, Any]:
    """The `tracker_store` section of an endpoints file (an SQL store)."""
    document = yaml.safe_load(endpoints.read_text(encoding="utf-8")) or {}
    settings = document.get("tracker_store") or {}
    kind = str(settings.get("type", ""))
    if kind.upper() != "SQL" and kind != STORE_TYPE:
        raise LifecycleError(f"{endpoints}: tracker_store is not an SQL store.")
    return {key: os.path.expandvars(str(value)) for key, value in settings.items()}


def store_arguments(settings: Dict[str, Any]) -> Dict[str, Any]:
    """The database arguments of Rasa's SQL tracker store, from the endpoints settings."""
    return {
        "dialect": settings.get("dialect", "sqlite"),
        "host": settings.get("url"),
        "port": int(settings["port"]) if settings.get("port") else None,
        "db": settings.get("db", "rasa.db"),
        "username": settings.get("username"),
        "password": settings.get("password"),
    }


def database_url(settings: Dict[str, Any]) -> sa.engine.URL:
    """The SQLAlchemy URL of the store, built as Rasa builds it."""
    from rasa.core.tracker_store import SQLTrackerStore

    with warnings.catch_warnings():  # Rasa 3.6 calls SQLAlchemy's deprecated URL()
        warnings.simplefilter("ignore", DeprecationWarning)
        url = SQLTrackerStore.get_db_url(**store_arguments(settings))
    return sa.engine.make_url(url) if isinstance(url, str) else url


def sqlite_file(settings: Dict[str, Any]) -> Optional[Path]:
    """The SQLite database file, or None for another database."""
    if settings.get("dialect", "sqlite") != "sqlite":
        return None
    return Path(settings.get("db", "rasa.db"))


def secure(settings: Dict[str, Any]) -> None:
    """Creates the SQLite folder if needed; folder 0700, database files 0600."""
    path = sqlite_file(settings)
    if path is None:
        return
    folder = path.parent if str(path.parent) not in ("", ".") else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(FOLDER_MODE)
    for candidate in path.parent.glob(path.name + "*"):
        if candidate.is_file():
            candidate.chmod(FILE_MODE)


def purge(settings: Dict[str, Any], days: float, now: Optional[float] = None) -> int:
    """Deletes conversations inactive for `days`; returns how many were deleted."""
    cutoff = (now if now is not None else time.time()) - days * SECONDS_PER_DAY
    events = events_table(settings)
    with engine(settings).begin() as connection:
        stale = (
            sa.select(events.c.sender_id)
            .group_by(events.c.sender_id)
            .having(sa.func.max(events.c.timestamp) < cutoff)
        )
        senders = [row[0] for row in connection.execute(stale)]
        if senders:
            connection.execute(events.delete().where(events.c.sender_id.in_(senders)))
    return len(senders)


def forget(settings: Dict[str, Any], sender_id: str) -> int:
    """Deletes one conversation; returns how many events were deleted."""
    events = events_table(settings)
    with engine(settings).begin() as connection:
        result = connection.execute(events.delete().where(events.c.sender_id == sender_id))
    return int(result.rowcount or 0)


def engine(settings: Dict[str, Any]) -> sa.engine.Engine:
    """An engine on the tracker store's database."""
    return sa.create_engine(database_url(settings))


def events_table(settings: Dict[str, Any]) -> sa.Table:
    """The store's `events` table; LifecycleError when there is none yet."""
    path = sqlite_file(settings)
    if path is not None and not path.exists():
        raise LifecycleError(f"No conversations yet: {path} does not exist.")
    metadata = sa.MetaData()
    try:
        return sa.Table("events", metadata, autoload_with=engine(settings))
    except sa.exc.NoSuchTableError:
        raise LifecycleError(
            "No conversations yet: the tracker store has no events table."
        ) from None


def main(arguments: Optional[Sequence[str]] = None) -> int:
    """Command line: purge, forget or secure; prints counts, never message text."""
    parser = argparse.ArgumentParser(prog="python -m bot.data_lifecycle")
    parser.add_argument("--endpoints", type=Path, default=DEFAULT_ENDPOINTS)
    commands = parser.add_subparsers(dest="command", required=True)
    purging = commands.add_parser("purge", help="delete conversations older than the retention")
    retention = os.environ.get(RETENTION_VARIABLE) or DEFAULT_RETENTION_DAYS
    purging.add_argument("--days", type=float, default=float(retention))
    forgetting = commands.add_parser("forget", help="delete one conversation")
    forgetting.add_argument("sender_id")
    commands.add_parser("secure", help="SQLite folder 0700, files 0600")
    options = parser.parse_args(arguments)
    try:
        settings = tracker_store_settings(options.endpoints)
        if options.command == "secure":
            secure(settings)
        elif options.command == "purge":
            deleted = purge(settings, options.days)
            print(f"Deleted {deleted} conversation(s) inactive for {options.days:g} days or more.")
        else:
            deleted = forget(settings, options.sender_id)
            print(f"Deleted {deleted} event(s) of conversation {options.sender_id!r}.")
    except LifecycleError as error:
        print(error, file=sys.stderr)
        return 0 if options.command == "purge" and "No conversations yet" in str(error) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
