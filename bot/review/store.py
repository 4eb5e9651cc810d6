"""Reads the stored conversation events the review report counts.

The events come from the SQL tracker store of endpoints.yml (SQLite by default,
PostgreSQL too), found as bot.data_lifecycle finds it. Only what the report needs
is kept: which conversation, when, what kind of event, and a few fields of it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Dict, List, Optional

import sqlalchemy as sa

from bot.data_lifecycle import engine, events_table


@dataclass(frozen=True)
class StoredEvent:
    """One tracker event: conversation, time, type and its stored fields."""

    conversation: str
    timestamp: float
    type_name: str
    data: Dict[str, Any]

    @property
    def day(self) -> date:
        """The UTC day of the event."""
        return datetime.fromtimestamp(self.timestamp, tz=timezone.utc).date()


def day_bounds(since: Optional[date], until: Optional[date]) -> tuple[float, float]:
    """Timestamps of the start of `since` and the end of `until` (UTC, both included)."""
    start = datetime.combine(since, time.min, tzinfo=timezone.utc).timestamp() if since else 0.0
    end = (
        datetime.combine(until + timedelta(days=1), time.min, tzinfo=timezone.utc).timestamp()
        if until
        else float("inf")
    )
    return start, end


def read_events(
    settings: Dict[str, Any], since: Optional[date] = None, until: Optional[date] = None
) -> List[StoredEvent]:
    """Every event between the two days, in stored order."""
    table = events_table(settings)
    start, end = day_bounds(since, until)
    query = sa.select(
        table.c.sender_id, table.c.timestamp, table.c.type_name, table.c.data
    ).order_by(table.c.id)
    if since:
        query = query.where(table.c.timestamp >= start)
    if until:
        query = query.where(table.c.timestamp < end)
    with engine(settings).connect() as connection:
        rows = connection.execute(query).all()
    return [
        StoredEvent(str(sender), float(stamp or 0.0), str(kind), _data(raw))
        for sender, stamp, kind, raw in rows
    ]


def _data(raw: Any) -> Dict[str, Any]:
    try:
        parsed = json.loads(raw) if raw else {}
    except (TypeError, ValueError):
        return {}
    return parsed if isinstance(parsed, dict) else {}
