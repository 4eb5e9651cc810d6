"""Rasa's Redis lock store, with every change of a lock made atomically.

Replicas share a Redis lock store so that one conversation's turns are handled
one at a time. Rasa 3.6's `RedisLockStore` changes a lock by reading it, changing
it in the replica and writing it back. Two replicas that take a ticket for the
same conversation at the same moment both read "no ticket", both write ticket 0
and both go ahead: the turns interleave and one of them is lost from the tracker
store, though both patients got an answer. `tests/stack` saw it with two messages
sent at once (RasaHQ/rasa#11256 fixed it in Rasa's paid edition only).

Here issuing a ticket, dropping expired tickets and finishing a ticket each run
in a Redis transaction (WATCH/MULTI): if another replica changed the lock in
between, the change is made again on the new state. Finishing the last ticket
deletes the lock in the same transaction, and every lock key expires a while
after its last change, so a replica that died mid-turn leaves nothing behind.

Waiting: in Rasa's store a waiting ticket expires like the one being served, so
a message queued behind a replica that died mid-turn saw its own ticket expire
with the dead one and then waited for ever (now serving "0", never its number).
Here a waiter keeps its ticket alive at each look (every WAIT_S) and drops the
expired tickets of others: a dead replica holds a conversation for at most
TICKET_LOCK_LIFETIME seconds, then the next message in line is answered.
"""

from __future__ import annotations

import asyncio
import bisect
import json
import time
from typing import Callable, Optional, Tuple, TypeVar

import redis
from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

T = TypeVar("T")
Change = Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], T]]
KEY_EXPIRY_S = int(LOCK_LIFETIME) * 3
"""A lock key outlives its longest ticket; then Redis deletes it (a replica died)."""
WAIT_S = 0.2
"""How often a waiting message looks at its conversation's lock (Rasa: every second)."""


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore whose lock changes are Redis transactions; see the module docstring."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        """The endpoint's settings, as for `type: redis` (url, port, password, db, key_prefix)."""
        super().__init__(host=endpoint_config.url or "localhost", **endpoint_config.kwargs)

    def _change(self, conversation_id: str, change: Change[T]) -> T:
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    stored = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(stored)) if stored else None
                    changed, result = change(lock)
                    pipe.multi()
                    if changed is None:
                        pipe.delete(key)
                    else:
                        pipe.set(key, changed.dumps(), ex=KEY_EXPIRY_S)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another replica changed the lock: again, on its new state

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """A new ticket for the conversation, issued atomically."""

        def issue(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], int]:
            lock = lock or TicketLock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, issue)
        except redis.RedisError as error:
            raise LockError(f"Error while acquiring lock ({type(error).__name__}).") from error

    async def _acquire_lock(
        self, conversation_id: str, ticket: int, wait_time_in_seconds: float
    ) -> TicketLock:
        """Waits until the ticket is served, keeping it alive meanwhile."""

        def keep_waiting(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], TicketLock]:
            lock = lock or TicketLock(conversation_id)
            now = time.time()
            kept = [t for t in lock.tickets if t.number == ticket or not t.has_expired()]
            kept = [t for t in kept if t.number != ticket]
            bisect.insort(kept, Ticket(ticket, now + LOCK_LIFETIME), key=lambda t: t.number)
            lock.tickets.clear()
            lock.tickets.extend(kept)
            return lock, lock

        while True:
            lock = self._change(conversation_id, keep_waiting)
            if not lock.is_locked(ticket):
                return lock
            await asyncio.sleep(min(wait_time_in_seconds, WAIT_S))

    def update_lock(self, conversation_id: str) -> None:
        """Drops the conversation's expired tickets, atomically."""

        def drop_expired(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, drop_expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        """Removes a served ticket (and the lock when it was the last), atomically."""

        def finish(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
            return (lock if lock is not None and lock.is_someone_waiting() else None), None

        self._change(conversation_id, finish)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Finishes the ticket; the lock goes with its last ticket (in the same transaction)."""
        self.finish_serving(conversation_id, ticket_number)
