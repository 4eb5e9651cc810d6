"""Replicas on PostgreSQL and Redis behind HAProxy: continuity, no lost turns, failover.

The tests run in file order on one stack; the last one kills a replica.
"""

from __future__ import annotations

import asyncio
import os
import signal
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, List

import pytest
import socketio
import sqlalchemy as sa

from bot.launch.processes import record, recorded, stop_recorded
from bot.launch.services import DATABASE, ROLE
from knowledge.loader import load_knowledge
from tests.conftest import record_sent
from tests.e2e.conftest import close
from tests.stack.conftest import Answer, RunningStack, domain_text, user_texts

pytestmark = pytest.mark.model

EMERGENCY = domain_text("utter_emergency")
UNAVAILABLE = domain_text("utter_service_unavailable")
CONVERSATION = [
    ("hi", None),
    ("could lupus be the reason my count is low", "autoimmune"),
    ("tell me more", "autoimmune"),
    ("what about HIV?", "viral_infection"),
    ("and the spleen?", "liver_spleen"),
    ("can chemo make the white count drop", "cancer_treatment"),
]
"""Turns and the topic each leaves the conversation on (None: small talk)."""


def _sender(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def test_turns_alternating_between_replicas_keep_topic_and_history(stack: RunningStack) -> None:
    sender = _sender("alternate")
    ports = stack.plan.replica_ports
    for turn, (message, topic) in enumerate(CONVERSATION):
        answer = stack.say(sender, message, port=ports[turn % len(ports)])
        assert answer.status == 200 and answer.texts, (message, answer)
        if topic:
            assert stack.topic(sender) == topic, message
    assert user_texts(stack.events(sender)) == [message for message, _ in CONVERSATION]


def test_the_balancer_takes_turns_and_the_conversation_goes_on(stack: RunningStack) -> None:
    sender = _sender("balanced")
    served = []
    for message, topic in CONVERSATION:
        answer = stack.say(sender, message)
        assert answer.status == 200 and answer.texts, (message, answer)
        served.append(answer.served_by)
        if topic:
            assert stack.topic(sender) == topic, message
    assert set(served) == {"rasa1", "rasa2"}


async def _socketio_conversation(url: str, messages: List[str]) -> List[str]:
    client = socketio.AsyncClient()
    replies: asyncio.Queue = asyncio.Queue()
    client.on("bot_uttered", lambda data: replies.put_nowait(data.get("text", "")))
    session: asyncio.Future = asyncio.get_running_loop().create_future()

    def confirmed(data: object) -> None:
        if not session.done():
            session.set_result(data)

    client.on("session_confirm", confirmed)
    await client.connect(url, transports=["polling"], socketio_path="/socket.io")
    try:
        await client.emit("session_request", {"session_id": None})
        await asyncio.wait_for(session, 30)
        texts = []
        for message in messages:
            await client.emit("user_uttered", {"message": record_sent(message), "session_id": None})
            texts.append(await asyncio.wait_for(replies.get(), 30))
            await asyncio.sleep(1)  # the turn's other replies
            while not replies.empty():
                texts.append(replies.get_nowait())
        return texts
    finally:
        await close(client)


def test_a_long_polling_socketio_session_stays_on_its_replica(stack: RunningStack) -> None:
    """Polls that reached the other replica would fail: it does not know the session.

    `localhost`, not 127.0.0.1: aiohttp's client, like a careful browser, keeps no
    cookie for a bare IP address.
    """
    url = f"http://localhost:{stack.plan.balancer_port}"
    messages = ["hello", "could lupus be the reason my count is low", "tell me more"]
    replies = asyncio.run(_socketio_conversation(url, messages))
    autoimmune = load_knowledge().topic("autoimmune")
    assert any(autoimmune.answer in text for text in replies), replies
    assert any(autoimmune.more in text for text in replies), replies


def _converse(stack: RunningStack, sender: str, turns: int, burst_every: int) -> List[str]:
    """Sends `turns` turns; every burst_every-th turn is two messages at once. Returns all sent."""
    sent: List[str] = []
    with ThreadPoolExecutor(max_workers=2) as pair:
        for turn in range(turns):
            message = CONVERSATION[turn % len(CONVERSATION)][0]
            if turn % burst_every == burst_every - 1:
                burst = [f"{message} (a)", f"{message} (b)"]
                answers = list(pair.map(lambda text: stack.say(sender, text), burst))
                sent += burst
            else:
                answers = [stack.say(sender, message)]
                sent.append(message)
            for answer in answers:
                assert answer.status == 200 and answer.texts, (sender, turn, answer)
    return sent


def _turns_are_whole(events: List[Dict]) -> bool:
    """Each user message is followed by its actions and action_listen before the next one."""
    waiting = False
    for event in events:
        if event.get("event") == "user":
            if waiting:
                return False
            waiting = True
        elif event.get("event") == "action" and event.get("name") == "action_listen":
            waiting = False
    return not waiting


def test_32_conversations_of_30_turns_with_bursts_lose_and_interleave_nothing(
    stack: RunningStack,
) -> None:
    senders = [_sender(f"load{n}") for n in range(32)]
    with ThreadPoolExecutor(max_workers=32) as pool:
        sent = dict(
            zip(senders, pool.map(lambda s: _converse(stack, s, 30, 10), senders), strict=True)
        )
    for sender, messages in sent.items():
        events = stack.events(sender)
        stored = user_texts(events)
        assert sorted(stored) == sorted(messages), sender  # each turn once, none lost
        singles = [m for m in messages if not m.endswith((" (a)", " (b)"))]
        assert [m for m in stored if not m.endswith((" (a)", " (b)"))] == singles, sender
        assert _turns_are_whole(events), sender


def test_the_bots_database_role_may_only_read_add_and_delete_events(
    stack: RunningStack,
) -> None:
    url = sa.engine.URL.create(
        "postgresql+psycopg2",
        username=ROLE,
        password=stack.secrets["DB_PASSWORD"],
        host="127.0.0.1",
        port=stack.plan.postgres_port,
        database=DATABASE,
    )
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM events")).scalar() is not None
        for statement in (
            "CREATE TABLE notes (id int)",
            "DROP TABLE events",
            "UPDATE events SET data = '' WHERE id = 1",
            "CREATE DATABASE other",
            "CREATE ROLE other",
        ):
            with pytest.raises(sa.exc.ProgrammingError, match="permission denied|must be"):
                connection.execute(sa.text(statement))
    engine.dispose()
    wrong = url.set(password="not-the-password")
    with pytest.raises(sa.exc.OperationalError, match="password authentication failed"):
        sa.create_engine(wrong).connect()


def test_postgres_restart_fails_clearly_then_recovers_with_nothing_lost(
    stack: RunningStack,
) -> None:
    sender = _sender("pg")
    assert stack.say(sender, "could lupus be the reason my count is low").status == 200
    before = stack.events(sender)
    pid_file = stack.plan.pids / "postgres.pid"
    assert stop_recorded(pid_file, signal_name="SIGINT")
    try:
        down = stack.say(sender, "tell me more")
        assert down.status == 503 and down.body["error"] and down.texts == [UNAVAILABLE]
        emergency = stack.say(sender, "he's not breathing properly")
        assert emergency.status == 503 and emergency.texts == [EMERGENCY]
    finally:
        postgres = stack.plan.postgres()
        record(postgres.start(stack.plan.logs / "postgres.log"), pid_file)
    after = stack.say(sender, "tell me more")
    assert after.status == 200 and after.texts
    events = stack.events(sender)
    assert events[: len(before)] == before
    assert user_texts(events) == [
        "could lupus be the reason my count is low",
        "tell me more",
    ]
    assert stack.topic(sender) == "autoimmune"


def test_redis_down_fails_clearly_and_leaves_the_tracker_whole(stack: RunningStack) -> None:
    sender = _sender("redis")
    assert stack.say(sender, "what about HIV?").status == 200
    before = stack.events(sender)
    pid_file = stack.plan.pids / "redis.pid"
    assert stop_recorded(pid_file)
    try:
        down = stack.say(sender, "tell me more")
        assert down.status == 503 and down.texts == [UNAVAILABLE]
        assert stack.events(sender) == before
    finally:
        redis = stack.plan.redis().start(stack.secrets["REDIS_PASSWORD"], stack.plan.logs / "r.log")
        record(redis, pid_file)
    after = stack.say(sender, "tell me more")
    assert after.status == 200 and after.texts
    assert user_texts(stack.events(sender)) == ["what about HIV?", "tell me more"]
    assert stack.topic(sender) == "viral_infection" and _turns_are_whole(stack.events(sender))


def test_a_killed_replica_loses_no_patients_message(stack: RunningStack) -> None:
    """Messages refused by the dead replica, or dropped unanswered, go to the other."""
    senders = [_sender(f"failover{n}") for n in range(8)]
    messages = [message for message, _ in CONVERSATION] * 2

    def converse(sender: str) -> List[Answer]:
        answers = []
        for turn, message in enumerate(messages):
            if turn == 4 and sender == senders[0]:
                victim = recorded(stack.plan.pids / "rasa-1.pid")
                assert victim is not None
                os.killpg(victim.pid, signal.SIGKILL)
            answers.append(stack.say(sender, message))
        answers.append(stack.say(sender, "my temp is 39.6 and I'm shaking"))
        return answers

    with ThreadPoolExecutor(max_workers=len(senders)) as pool:
        results = dict(zip(senders, pool.map(converse, senders), strict=True))
    for sender, answers in results.items():
        failed = [a for a in answers if a.status != 200 or not a.texts]
        assert not failed, (sender, failed)
        assert answers[-1].texts == [EMERGENCY] and answers[-1].served_by == "rasa2"
        stored = user_texts(stack.events(sender))
        assert set(stored) == set(messages) | {"my temp is 39.6 and I'm shaking"}, sender
