"""The same conversation through REST, socket.io, Slack and Telegram gets the same answers."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
import urllib.request
import uuid
from pathlib import Path
from typing import List

import pytest
import socketio

from bot.launch.servers import REST_CREDENTIALS, BotServer, our_bot_with
from evaluation.rest_client import send
from knowledge.clinic import load_clinic_settings
from tests.conftest import record_sent
from tests.e2e.conftest import close, socketio_credentials
from tests.e2e.stand_in_api import StandInApi

pytestmark = pytest.mark.model

CONVERSATION = [
    "can steroids lower my white count?",
    "tell me more",
    "my temp is 39.5 and I'm shivering",
    "can I talk to a nurse?",
]
SLACK_SECRET = "agree-secret"
TELEGRAM_SECRET = "agree-telegram"


def _credentials(api: StandInApi) -> str:
    messaging = (
        "bot.channels.slack.SlackChannel:\n"
        "  slack_token: xoxb-agree\n"
        f"  slack_signing_secret: {SLACK_SECRET}\n"
        f"  slack_api_base_url: {api.url}/api/\n"
        "bot.channels.telegram.SecureTelegramInput:\n"
        "  access_token: 42:AGREE\n"
        f"  secret_token: {TELEGRAM_SECRET}\n"
        f"  api_base_url: {api.url}\n"
    )
    return REST_CREDENTIALS + socketio_credentials() + messaging


def _post(url: str, body: bytes, headers: dict) -> None:
    request = urllib.request.Request(url, body, {"Content-Type": "application/json", **headers})
    with urllib.request.urlopen(request, timeout=60):
        pass


def _wait(api: StandInApi, key: str, value: str, count: int) -> List[str]:
    deadline = time.monotonic() + 30
    while True:
        texts = [c.body.get("text", "") for c in api.calls if str(c.body.get(key)) == value]
        if len(texts) >= count or time.monotonic() > deadline:
            return texts
        time.sleep(0.2)


def _rest(server: BotServer) -> List[List[str]]:
    sender = f"rest-{uuid.uuid4().hex[:6]}"
    return [[r.get("text", "") for r in send(server, sender, m).replies] for m in CONVERSATION]


def _socketio(server: BotServer) -> List[List[str]]:
    async def talk() -> List[List[str]]:
        client = socketio.AsyncClient()
        received: List[str] = []
        client.on("bot_uttered", lambda message: received.append(message.get("text", "")))
        session = uuid.uuid4().hex
        await client.connect(server.url, transports=["polling"])
        await client.emit("session_request", {"session_id": session})
        turns = []
        for message in CONVERSATION:
            before = len(received)
            await client.emit(
                "user_uttered", {"message": record_sent(message), "session_id": session}
            )
            await asyncio.sleep(3)
            turns.append(received[before:])
        await close(client)
        return turns

    return asyncio.run(talk())


def _slack(server: BotServer, api: StandInApi) -> List[List[str]]:
    user = f"U{uuid.uuid4().hex[:6]}"
    turns, seen = [], 0
    for message in CONVERSATION:
        payload = {
            "type": "event_callback",
            "event_id": uuid.uuid4().hex,
            "event": {
                "type": "message",
                "channel_type": "im",
                "channel": f"D{user}",
                "user": user,
                "text": message,
                "ts": str(time.time()),
            },
        }
        body = json.dumps(payload).encode()
        stamp = str(int(time.time()))
        signature = hmac.new(SLACK_SECRET.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256)
        _post(
            f"{server.url}/webhooks/slack/webhook",
            body,
            {
                "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": f"v0={signature.hexdigest()}",
            },
        )
        time.sleep(3)
        texts = _wait(api, "channel", f"D{user}", seen + 1)
        turns.append(texts[seen:])
        seen = len(texts)
    return turns


def _telegram(server: BotServer, api: StandInApi) -> List[List[str]]:
    chat = str(int(uuid.uuid4().int % 10**9))
    turns, seen = [], 0
    for number, message in enumerate(CONVERSATION):
        update = {"update_id": number, "message": {"chat": {"id": int(chat)}, "text": message}}
        _post(
            f"{server.url}/webhooks/telegram/webhook",
            json.dumps(update).encode(),
            {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET},
        )
        time.sleep(3)
        texts = _wait(api, "chat_id", chat, seen + 1)
        turns.append(texts[seen:])
        seen = len(texts)
    return turns


def test_all_channels_give_the_same_answers(model: Path, tmp_path: Path) -> None:
    with StandInApi() as api, our_bot_with(model, tmp_path, _credentials(api)) as server:
        answers = {
            "rest": _rest(server),
            "socketio": _socketio(server),
            "slack": _slack(server, api),
            "telegram": _telegram(server, api),
        }
    # socket.io sends each paragraph as its own message; compare the words of each turn.
    said = {
        channel: [" ".join(" ".join(turn).split()) for turn in turns]
        for channel, turns in answers.items()
    }
    reference = said["rest"]
    assert "corticosteroid" in reference[0] and "Source:" in reference[0]
    assert "only one possible reason" in reference[1]
    assert "emergency" in reference[2]
    settings = load_clinic_settings()
    assert settings.phone in reference[3] and settings.emergency_number in reference[3]
    for channel, turns in said.items():
        assert turns == reference, channel
