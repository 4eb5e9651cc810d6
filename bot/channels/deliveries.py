"""Answers each Slack event and Telegram update once, across restarts and replicas.

Slack re-sends an event it thinks was lost (and a signed event can be replayed
for five minutes); Telegram re-sends an update until it is acknowledged. Each
delivery id (Slack `event_id`, Telegram `update_id`) is written into the user
message's metadata, so it is kept with the conversation in the tracker store,
which every replica shares and which survives a restart. A delivery whose id the
conversation already holds, or which this process is handling right now, is not
answered again; a retry whose id was never seen is answered (the bot may have
been down when the first delivery came).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any, Optional

from rasa.shared.core.events import UserUttered

logger = logging.getLogger(__name__)

DELIVERY_KEY = "delivery_id"
"""Metadata key of a message's delivery id."""
_IN_FLIGHT = 10_000


class DeliveryLedger:
    """Tells a first delivery from a repeat."""

    def __init__(self) -> None:
        """Remembers recent deliveries of this process (handled or in flight)."""
        self._recent: OrderedDict[str, None] = OrderedDict()

    async def first_time(self, tracker_store: Any, sender_id: str, delivery_id: str) -> bool:
        """True the first time this delivery reaches this conversation; records it."""
        key = f"{sender_id}\n{delivery_id}"
        if key in self._recent:
            return False
        self._recent[key] = None
        if len(self._recent) > _IN_FLIGHT:
            self._recent.popitem(last=False)
        if tracker_store is None:
            return True
        try:
            tracker = await tracker_store.retrieve(sender_id)
        except Exception as error:  # answering twice beats not answering
            logger.warning("Could not check a delivery id (%s).", type(error).__name__)
            return True
        return not _holds(tracker, delivery_id)


def _holds(tracker: Optional[Any], delivery_id: str) -> bool:
    if tracker is None:
        return False
    return any(
        isinstance(event, UserUttered) and (event.metadata or {}).get(DELIVERY_KEY) == delivery_id
        for event in tracker.events
    )


def tracker_store_of(app: Any) -> Optional[Any]:
    """The running agent's tracker store, if the app has one."""
    agent = getattr(getattr(app, "ctx", None), "agent", None)
    return getattr(agent, "tracker_store", None)
