"""The emergency message over REST, with and without the action server."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from bot.launch.servers import BotServer, free_port, rasa_server
from evaluation.rest_client import send
from tests.conftest import PROJECT_DIR

pytestmark = pytest.mark.model


def _responses() -> dict:
    domain = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))
    return {name: variants[0]["text"] for name, variants in domain["responses"].items()}


EMERGENCY = _responses()["utter_emergency"]
CRISIS_LINE = _responses()["utter_crisis_line"]


@pytest.fixture(scope="module")
def bot_without_actions(
    model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BotServer]:
    """The Rasa server pointed at an action server port where nothing listens."""
    logs = tmp_path_factory.mktemp("no-actions")
    with rasa_server(model, logs, action_port=free_port()) as server:
        yield server


def _texts(server: BotServer, message: str, sender: str) -> list:
    return [reply.get("text") for reply in send(server, sender, message).replies]


def test_the_emergency_reaches_the_user_with_the_action_server_down(
    bot_without_actions: BotServer,
) -> None:
    sender = f"down-{uuid.uuid4().hex[:8]}"
    assert _texts(bot_without_actions, "he's not breathing properly", sender) == [EMERGENCY]
    assert _texts(bot_without_actions, "my temp is 39.6 and I'm shaking", sender) == [EMERGENCY]


def test_self_harm_gets_the_crisis_line_with_the_action_server_down(
    bot_without_actions: BotServer,
) -> None:
    sender = f"down-{uuid.uuid4().hex[:8]}"
    assert _texts(bot_without_actions, "I want to end my life", sender) == [EMERGENCY, CRISIS_LINE]


def test_an_emergency_interrupts_a_topic_and_the_topic_goes_on(bot: BotServer) -> None:
    sender = f"up-{uuid.uuid4().hex[:8]}"
    first = _texts(bot, "can steroids lower my white count?", sender)
    assert len(first) == 2 and first[1] != EMERGENCY
    assert _texts(bot, "my wife's lips have gone blue", sender) == [EMERGENCY]
    more = _texts(bot, "tell me more", sender)
    assert more and EMERGENCY not in more and "medicine" in more[0].lower()
