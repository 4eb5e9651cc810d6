"""socket.io with session persistence: Rasa's own channel loses replies (ours delivers them:
tests/security/test_socketio_sessions.py)."""

from __future__ import annotations

import asyncio
import os
import uuid
from pathlib import Path
from typing import Any, Dict, List

import pytest
import socketio

from bot.launch.servers import free_port, rasa_server
from tests.conftest import record_sent
from tests.e2e.conftest import OUR_SOCKETIO, close, socketio_credentials

pytestmark = pytest.mark.model

CHANNELS = {
    "ours": OUR_SOCKETIO,
    "rasa": "socketio",
}


def _credentials(channel: str) -> str:
    return socketio_credentials(CHANNELS[channel])


async def _ask(url: str, message: str, timeout_s: float = 15.0) -> List[Dict[str, Any]]:
    """Connects like the widget, asks one question, collects replies until quiet."""
    client = socketio.AsyncClient()
    replies: List[Dict[str, Any]] = []
    confirmed = asyncio.Event()
    session_id = uuid.uuid4().hex
    client.on("session_confirm", lambda *_: confirmed.set())
    client.on("bot_uttered", replies.append)
    # Long polling: python-engineio's websocket client needs a newer aiohttp than Rasa pins.
    await client.connect(url, transports=["polling"])
    try:
        await client.emit("session_request", {"session_id": session_id})
        await asyncio.wait_for(confirmed.wait(), timeout_s)
        await client.emit(
            "user_uttered", {"message": record_sent(message), "session_id": session_id}
        )
        deadline = asyncio.get_running_loop().time() + timeout_s
        while asyncio.get_running_loop().time() < deadline and len(replies) < 2:
            await asyncio.sleep(0.2)
        await asyncio.sleep(1.0)
    finally:
        await close(client)
    return replies


@pytest.mark.skipif(
    not os.environ.get("UPSTREAM_CHECKS"),
    reason="checks a Rasa bug, not our code: set UPSTREAM_CHECKS=1 after upgrading Rasa",
)
@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="RasaHQ/rasa#13027: Rasa 3.6 never awaits enter_room"
)
def test_rasas_own_channel_loses_replies_with_session_persistence(
    model: Path, tmp_path: Path
) -> None:
    """Documents the bug our channel fixes; if it ever passes, the fix can go."""
    with rasa_server(
        model, tmp_path, action_port=free_port(), credentials_yaml=_credentials("rasa")
    ) as server:
        replies = asyncio.run(_ask(server.url, "my temp is 39.5 and I'm shivering", 8.0))
    assert replies
