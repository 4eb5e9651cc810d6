"""socket.io sessions: issued and signed by the server, bound to the connection."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest
import socketio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.channels.kept_replies import RECEIVED_KEY, REPLAYED_KEY, SEQUENCE_KEY
from bot.channels.socketio import ORIGIN_VARIABLE, SessionSigner
from bot.launch.servers import BotServer, free_port, rasa_server
from evaluation.rest_client import tracker
from tests.conftest import record_sent
from tests.e2e.conftest import close, socketio_credentials

pytestmark = pytest.mark.model

QUESTION = "can chemotherapy lower my white count?"


WIDGET_ORIGIN = "https://clinic.example"


@pytest.fixture(scope="module")
def server(model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    """Our socket.io channel, the widget allowed from WIDGET_ORIGIN only."""
    logs = tmp_path_factory.mktemp("socketio-sessions")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ORIGIN_VARIABLE, WIDGET_ORIGIN)
        with rasa_server(
            model,
            logs,
            action_port=free_port(),
            tracker_db=logs / "c.db",
            credentials_yaml=socketio_credentials(),
        ) as bot:
            patch.delenv(ORIGIN_VARIABLE)
            yield bot


class Client:
    """A widget-like client: its confirmed session token and what it received."""

    def __init__(self) -> None:
        self.sio = socketio.AsyncClient()
        self.token: Optional[str] = None
        self.replies: List[Dict[str, Any]] = []
        self.confirmed = asyncio.Event()
        self.sio.on("session_confirm", self._confirm)
        self.sio.on("bot_uttered", self.replies.append)

    def _confirm(self, token: str) -> None:
        self.token = token
        self.confirmed.set()

    async def open(
        self,
        url: str,
        presented: Optional[str] = None,
        request: bool = True,
        origin: Optional[str] = None,
        received: Optional[int] = None,
    ) -> None:
        headers = {"Origin": origin} if origin else {}
        await self.sio.connect(url, transports=["polling"], headers=headers)
        if request:
            asked: Dict[str, Any] = {"session_id": presented}
            if received is not None:
                asked[RECEIVED_KEY] = received
            await self.sio.emit("session_request", asked)
            await asyncio.wait_for(self.confirmed.wait(), 15)

    async def close(self) -> None:
        """Disconnects without waiting for the long poll in flight."""
        await close(self.sio)

    async def say(self, message: Any, session_id: Optional[str] = None) -> List[Dict[str, Any]]:
        before = len(self.replies)
        payload = message if isinstance(message, dict) else {"message": record_sent(message)}
        await self.sio.emit("user_uttered", {**payload, "session_id": session_id or self.token})
        for _ in range(75):
            await asyncio.sleep(0.2)
            if len(self.replies) > before:
                await asyncio.sleep(0.5)
                break
        return self.replies[before:]


def test_a_borrowed_session_is_refused_and_messages_stay_in_their_own_conversation(
    server: BotServer,
) -> None:
    async def scenario() -> None:
        victim, intruder = Client(), Client()
        await victim.open(server.url)
        assert await victim.say(QUESTION)
        await intruder.open(server.url, presented=victim.token)
        assert intruder.token != victim.token
        heard_before = len(victim.replies)
        assert await intruder.say("what about steroids?", session_id=victim.token)
        await asyncio.sleep(1)
        assert len(victim.replies) == heard_before  # the intruder's replies never reach the victim
        await victim.close()
        await intruder.close()

    asyncio.run(scenario())


def test_a_forged_session_gets_a_new_one(server: BotServer) -> None:
    async def scenario() -> None:
        for forged in ("default", "abc.def", SessionSigner("not the server's key").issue()):
            client = Client()
            await client.open(server.url, presented=forged)
            assert client.token and client.token != forged
            await client.close()

    asyncio.run(scenario())


def test_a_reload_continues_the_same_conversation(server: BotServer) -> None:
    async def scenario() -> str:
        first = Client()
        await first.open(server.url)
        await first.say(QUESTION)
        await first.close()
        await asyncio.sleep(1)
        again = Client()
        await again.open(server.url, presented=first.token)
        assert again.token == first.token
        await again.close()
        assert first.token
        return first.token

    token = asyncio.run(scenario())
    state = tracker(server, f"socketio:{token.split('.')[0]}")
    assert any(event.get("event") == "user" for event in state["events"])


EMERGENCY = "my temperature is 39.2 and I'm on chemo"


async def _replies_settled(client: Client) -> None:
    """Waits until no reply has come for 1.5 s."""
    heard = -1
    while heard != len(client.replies):
        heard = len(client.replies)
        await asyncio.sleep(1.5)


def test_replies_sent_while_the_page_was_away_come_again_when_it_returns(
    server: BotServer,
) -> None:
    """A patient reloads right after sending: the emergency advice still reaches them."""

    async def scenario() -> None:
        away = Client()
        await away.open(server.url)
        await away.sio.emit("user_uttered", {"message": EMERGENCY, "session_id": away.token})
        for _ in range(150):  # the first reply (the disclaimer) came: the page reloads
            if away.replies:
                break
            await asyncio.sleep(0.1)
        await away.close()
        await asyncio.sleep(8)
        back = Client()
        await back.open(server.url, presented=away.token, received=0)
        await _replies_settled(back)
        assert back.token == away.token
        assert any("emergency" in reply.get("text", "") for reply in back.replies)
        assert all(reply.get(REPLAYED_KEY) is True for reply in back.replies)
        numbers = [reply[SEQUENCE_KEY] for reply in back.replies]
        assert numbers == sorted(numbers)

        again = Client()  # a second return that saw everything gets nothing twice
        await back.close()
        await asyncio.sleep(1)
        await again.open(server.url, presented=back.token, received=max(numbers))
        await _replies_settled(again)
        assert again.replies == []
        await again.close()

    asyncio.run(scenario())


def test_no_reply_is_replayed_to_a_page_that_did_not_get_the_session(server: BotServer) -> None:
    async def scenario() -> None:
        victim = Client()
        await victim.open(server.url)
        assert await victim.say(QUESTION)
        intruder = Client()
        await intruder.open(server.url, presented=victim.token, received=0)
        forger = Client()
        await forger.open(server.url, presented="default", received=0)
        await _replies_settled(intruder)
        assert intruder.token != victim.token and intruder.replies == []
        assert forger.replies == []
        for client in (victim, intruder, forger):
            await client.close()

    asyncio.run(scenario())


def test_a_message_before_any_session_request_is_answered(server: BotServer) -> None:
    async def scenario() -> List[Dict[str, Any]]:
        client = Client()
        await client.open(server.url, request=False)
        replies = await client.say(EMERGENCY, session_id="whatever")
        await client.close()
        return replies

    assert any("emergency" in reply.get("text", "") for reply in asyncio.run(scenario()))


def test_a_message_without_text_gets_a_clear_reply(server: BotServer) -> None:
    async def scenario() -> List[Dict[str, Any]]:
        client = Client()
        await client.open(server.url)
        replies = await client.say({"message": ["not", "text"]})
        await client.close()
        return replies

    replies = asyncio.run(scenario())
    assert replies and "could not read" in replies[0]["text"]


_PAYLOADS = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    junk=st.lists(
        st.tuples(st.sampled_from(["user_uttered", "session_request"]), _PAYLOADS), max_size=8
    )
)
def test_fuzzed_socketio_payloads_never_break_the_conversation(
    server: BotServer, junk: list
) -> None:
    """Random payloads on both events; the connection then still gets its answer."""

    async def scenario() -> List[Dict[str, Any]]:
        client = Client()
        await client.open(server.url)
        for event, payload in junk:
            await client.sio.emit(event, payload)
        await _replies_settled(client)  # until the replies to the junk stop coming
        replies = await client.say(EMERGENCY)
        await client.close()
        return replies

    assert any("emergency" in reply.get("text", "") for reply in asyncio.run(scenario()))


def test_a_page_of_another_site_cannot_connect(server: BotServer) -> None:
    """The origin check runs on connect, for every transport (the test client's websocket
    transport needs a newer aiohttp than Rasa pins, so polling is what it can drive)."""

    async def attempt() -> None:
        client = socketio.AsyncClient()
        with pytest.raises(socketio.exceptions.ConnectionError):
            await client.connect(
                server.url, transports=["polling"], headers={"Origin": "https://evil.example"}
            )
        await close(client)

    asyncio.run(attempt())


def test_the_widgets_own_site_is_let_in(server: BotServer) -> None:
    async def conversation() -> None:
        client = Client()
        await client.open(server.url, origin=WIDGET_ORIGIN)
        assert client.token is not None
        await client.close()

    asyncio.run(conversation())
