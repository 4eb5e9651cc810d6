"""Copies conversations from one SQL tracker store to another (SQLite to PostgreSQL).

`python -m bot.migrate_store --source endpoints.yml --target endpoints.stack.yml`
copies every stored event, in order, from the source's tracker store into the
target's, which Rasa's SQL store creates if needed. A conversation the target
already has is left alone, so running it twice copies nothing twice. Prints counts,
never message text or conversation ids.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import sqlalchemy as sa

from bot.data_lifecycle import (
    LifecycleError,
    engine,
    events_table,
    store_arguments,
    tracker_store_settings,
)

COLUMNS = ("sender_id", "type_name", "timestamp", "intent_name", "action_name", "data")
"""The columns of Rasa 3.6's `events` table that carry a conversation (not `id`)."""


@dataclass(frozen=True)
class Migration:
    """What a run copied and what it left alone."""

    conversations: int
    events: int
    skipped: int


def create_store(settings: Dict[str, Any]) -> None:
    """Creates the store's tables as Rasa does (its SQL tracker store's constructor)."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    SQLTrackerStore(Domain.empty(), **store_arguments(settings))


def migrate(source: Dict[str, Any], target: Dict[str, Any]) -> Migration:
    """Copies every conversation of the source the target does not have yet."""
    create_store(target)
    source_events, target_events = events_table(source), events_table(target)
    target_engine = engine(target)
    with target_engine.connect() as connection:
        present = {
            row[0] for row in connection.execute(sa.select(target_events.c.sender_id).distinct())
        }
    with engine(source).connect() as connection:
        rows = connection.execute(
            sa.select(*(source_events.c[name] for name in COLUMNS)).order_by(source_events.c.id)
        ).all()
    copied: List[Dict[str, Any]] = []
    skipped = set()
    for row in rows:
        values = dict(zip(COLUMNS, row, strict=True))
        if values["sender_id"] in present:
            skipped.add(values["sender_id"])
        else:
            copied.append(values)
    if copied:
        with target_engine.begin() as connection:
            connection.execute(target_events.insert(), copied)
    return Migration(
        conversations=len({values["sender_id"] for values in copied}),
        events=len(copied),
        skipped=len(skipped),
    )


def main(arguments: Optional[Sequence[str]] = None) -> int:
    """Command line: prints counts only."""
    parser = argparse.ArgumentParser(prog="python -m bot.migrate_store", description=__doc__)
    parser.add_argument("--source", type=Path, default=Path("endpoints.yml"))
    parser.add_argument("--target", type=Path, required=True)
    options = parser.parse_args(arguments)
    try:
        result = migrate(
            tracker_store_settings(options.source), tracker_store_settings(options.target)
        )
    except LifecycleError as error:
        print(f"Nothing copied: {error}", file=sys.stderr)
        return 1
    except sa.exc.SQLAlchemyError as error:  # its text can quote stored events: not shown
        print(f"Nothing copied: the database refused ({type(error).__name__}).", file=sys.stderr)
        return 1
    print(
        f"Copied {result.conversations} conversation(s), {result.events} event(s); "
        f"left {result.skipped} the target already had."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
