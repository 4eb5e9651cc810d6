"""The delivery ledger: a repeat is recognised in this process and after a restart."""

from __future__ import annotations

import asyncio
from typing import Any, Optional

from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.channels.deliveries import DELIVERY_KEY, DeliveryLedger


class StoreWith:
    """A tracker store holding one conversation whose message carried `delivery`."""

    def __init__(self, delivery: Optional[str], fails: bool = False) -> None:
        self.delivery = delivery
        self.fails = fails

    async def retrieve(self, sender_id: str) -> Any:
        if self.fails:
            raise ConnectionError("down")
        metadata = {DELIVERY_KEY: self.delivery} if self.delivery else {}
        return DialogueStateTracker.from_events(sender_id, [UserUttered("hi", metadata=metadata)])


def _first(ledger: DeliveryLedger, store: Any, delivery: str, sender: str = "slack:U1") -> bool:
    return asyncio.run(ledger.first_time(store, sender, delivery))


def test_the_first_delivery_passes_and_its_repeat_does_not() -> None:
    ledger = DeliveryLedger()
    assert _first(ledger, StoreWith(None), "Ev1")
    assert not _first(ledger, StoreWith(None), "Ev1")
    assert _first(ledger, StoreWith(None), "Ev1", sender="slack:U2")


def test_after_a_restart_the_conversation_remembers_the_delivery() -> None:
    restarted = DeliveryLedger()
    assert not _first(restarted, StoreWith("Ev1"), "Ev1")
    assert _first(restarted, StoreWith("Ev1"), "Ev2")


def test_a_store_that_cannot_be_read_answers_rather_than_drops() -> None:
    assert _first(DeliveryLedger(), StoreWith(None, fails=True), "Ev1")
