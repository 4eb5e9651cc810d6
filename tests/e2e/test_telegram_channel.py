"""Our Telegram channel against a stand-in Bot API on loopback."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator, Tuple

import pytest

from bot.launch.servers import BotServer, our_bot_with
from tests.conftest import record_sent
from tests.e2e.stand_in_api import StandInApi

pytestmark = pytest.mark.model

TOKEN = "123456:TEST"
SECRET = "s3cret-token"


@pytest.fixture(scope="module")
def telegram(
    model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Tuple[BotServer, StandInApi]]:
    with StandInApi() as api:
        credentials = (
            "bot.channels.telegram.SecureTelegramInput:\n"
            f"  access_token: {TOKEN}\n"
            f"  secret_token: {SECRET}\n"
            "  webhook_url: https://bot.example.org/webhooks/telegram/webhook\n"
            f"  api_base_url: {api.url}\n"
        )
        with our_bot_with(model, tmp_path_factory.mktemp("telegram"), credentials) as server:
            yield server, api


def _post_update(
    server: BotServer, chat_id: int, text: str, secret: str | None, update_id: int | None = None
) -> int:
    number = update_id if update_id is not None else time.time_ns()
    record_sent(text)
    update = {"update_id": number, "message": {"chat": {"id": chat_id}, "text": text}}
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(
        f"{server.url}/webhooks/telegram/webhook", json.dumps(update).encode(), headers
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_webhook_is_registered_with_the_secret(telegram: Tuple[BotServer, StandInApi]) -> None:
    _, api = telegram
    [call] = api.wait_for("/setWebhook")
    assert call.path == f"/bot{TOKEN}/setWebhook"
    assert call.body["secret_token"] == SECRET


def test_a_signed_update_is_answered_with_a_reply_keyboard(
    telegram: Tuple[BotServer, StandInApi],
) -> None:
    server, api = telegram
    assert _post_update(server, 1001, "can steroids lower my white count?", SECRET) == 200
    sent = [c.body for c in api.wait_for("/sendMessage", 2) if c.body["chat_id"] == "1001"]
    answer = next(body for body in sent if "corticosteroid" in body["text"])
    keyboard = answer["reply_markup"]["keyboard"]
    assert keyboard[0] == [{"text": "Tell me more"}]

    assert _post_update(server, 1001, "Tell me more", SECRET) == 200
    time.sleep(0.5)
    more = [c.body for c in api.wait_for("/sendMessage", 3) if c.body["chat_id"] == "1001"]
    assert any("only one possible reason" in body["text"] for body in more)


@pytest.mark.parametrize("secret", [None, "wrong"], ids=["no-header", "wrong-secret"])
def test_a_forged_update_gets_403_and_no_answer(
    telegram: Tuple[BotServer, StandInApi], secret: str | None
) -> None:
    server, api = telegram
    assert _post_update(server, 2002, "my temp is 39.5", secret) == 403
    time.sleep(2)
    assert [c for c in api.calls if c.body.get("chat_id") == "2002"] == []


def test_a_repeated_update_is_answered_once(telegram: Tuple[BotServer, StandInApi]) -> None:
    """Telegram re-sends an update it thinks was lost; the same update_id is answered once."""
    server, api = telegram

    def answers() -> int:
        return len([c for c in api.calls if c.body.get("chat_id") == "3003"])

    assert _post_update(server, 3003, "what is leukopenia?", SECRET, update_id=77) == 200
    time.sleep(2)
    first = answers()
    assert first >= 1
    assert _post_update(server, 3003, "what is leukopenia?", SECRET, update_id=77) == 200
    time.sleep(2)
    assert answers() == first
