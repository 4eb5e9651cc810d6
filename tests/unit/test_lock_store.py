"""The atomic Redis lock store against a real Redis server: tickets never shared."""

from __future__ import annotations

import secrets
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterator, List

import pytest
from rasa.utils.endpoints import EndpointConfig

from bot.launch.processes import free_port, stop
from bot.launch.services import Redis
from bot.lock_store import KEY_EXPIRY_S, AtomicRedisLockStore


@pytest.fixture(scope="module")
def redis_endpoint() -> Iterator[EndpointConfig]:
    folder = Path(tempfile.mkdtemp(prefix="leukobot-redis-"))
    password, port = secrets.token_urlsafe(16), free_port()
    process = Redis(folder / "redis", port).start(password, folder / "redis.log")
    try:
        yield EndpointConfig(
            url="127.0.0.1",
            type="bot.lock_store.AtomicRedisLockStore",
            port=port,
            password=password,
            key_prefix="test",
        )
    finally:
        stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def test_two_replicas_taking_tickets_at_once_never_share_one(
    redis_endpoint: EndpointConfig,
) -> None:
    replicas = [AtomicRedisLockStore(redis_endpoint) for _ in range(2)]
    conversation = f"c-{secrets.token_hex(4)}"

    def take(store: AtomicRedisLockStore) -> List[int]:
        return [store.issue_ticket(conversation) for _ in range(100)]

    with ThreadPoolExecutor(max_workers=4) as pool:
        tickets = [t for batch in pool.map(take, replicas * 2) for t in batch]
    assert sorted(tickets) == list(range(400))
    key = replicas[0].key_prefix + conversation
    assert 0 < replicas[0].red.ttl(key) <= KEY_EXPIRY_S
    for number in tickets:
        replicas[number % 2].cleanup(conversation, number)
    assert replicas[0].get_lock(conversation) is None


async def test_a_second_turn_waits_for_the_first(redis_endpoint: EndpointConfig) -> None:
    first, second = AtomicRedisLockStore(redis_endpoint), AtomicRedisLockStore(redis_endpoint)
    conversation = f"c-{secrets.token_hex(4)}"
    async with first.lock(conversation):
        waiting = second.issue_ticket(conversation)
        lock = second.get_lock(conversation)
        assert lock is not None and lock.is_locked(waiting)
    lock = second.get_lock(conversation)
    assert lock is not None and not lock.is_locked(waiting)
    second.cleanup(conversation, waiting)
    assert second.get_lock(conversation) is None


def test_redis_down_is_a_lock_error_not_a_crash() -> None:
    store = AtomicRedisLockStore(
        EndpointConfig(url="127.0.0.1", port=free_port(), password="x", socket_timeout=1)
    )
    with pytest.raises(Exception, match="lock"):
        store.issue_ticket("c")


async def test_a_waiter_whose_ticket_expired_behind_a_dead_holder_goes_ahead(
    redis_endpoint: EndpointConfig,
) -> None:
    """A replica died holding the lock; the waiter's ticket ran out at the same time."""
    store = AtomicRedisLockStore(redis_endpoint)
    conversation = f"c-{secrets.token_hex(4)}"
    store.issue_ticket(conversation, lock_lifetime=0.5)  # the dead replica's
    async with store.lock(conversation, lock_lifetime=0.5, wait_time_in_seconds=0.6):
        pass  # acquired, not a LockError
