"""End-to-end fixtures: the trained model served with its action server over REST."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Iterator

import pytest
import socketio

from bot.launch.servers import BotServer, our_bot

OUR_SOCKETIO = "bot.channels.socketio.PersistentSocketIOInput"


def socketio_credentials(channel: str = OUR_SOCKETIO) -> str:
    """credentials.yml lines for a socket.io channel with session persistence."""
    return (
        f"{channel}:\n"
        "  user_message_evt: user_uttered\n"
        "  bot_message_evt: bot_uttered\n"
        "  session_persistence: true\n"
    )


async def close(client: socketio.AsyncClient) -> None:
    """Disconnects a long-polling client without waiting ~25 s for its poll in flight."""
    try:
        await asyncio.wait_for(client.disconnect(), 2)
    except asyncio.TimeoutError:
        pass


@pytest.fixture(scope="session")
def bot(model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    with our_bot(model, tmp_path_factory.mktemp("bot-logs")) as server:
        yield server
