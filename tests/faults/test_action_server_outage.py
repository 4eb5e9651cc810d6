"""The action server fails in every way we know; the bot keeps answering, emergencies first.

One Rasa server talks to a stand-in on its action server port (tests/faults/
action_server_stand_in.py), which forwards to the real action server or fails:
down before the first message, killed mid-conversation, too slow, a 500, invalid
JSON. After each failure an ordinary question gets the static "can't look that
up" reply (never silence), a red-flag message gets `utter_emergency`, and when
the action server is back the same conversation is answered again.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Iterator, List

import pytest
import yaml

from bot.launch.servers import BotServer, action_server, free_port, rasa_server
from bot.rasa_fixes import ACTION_TIMEOUT_S
from evaluation.rest_client import send, slot, tracker
from tests.conftest import PROJECT_DIR
from tests.faults.action_server_stand_in import ActionServerStandIn

pytestmark = pytest.mark.model

QUESTION = "can chemotherapy lower my white count?"
RED_FLAG = "my temperature is 38.9 and I'm shivering"


def _response(name: str) -> str:
    domain = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))
    return domain["responses"][name][0]["text"]


EMERGENCY = _response("utter_emergency")
UNAVAILABLE = _response("utter_service_unavailable")


@pytest.fixture(scope="module")
def stand_in(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ActionServerStandIn]:
    real_port = free_port()
    with action_server(tmp_path_factory.mktemp("actions"), real_port):
        stand_in = ActionServerStandIn(free_port(), real_port, slow_s=ACTION_TIMEOUT_S + 3)
        yield stand_in
        stand_in.close()


@pytest.fixture(scope="module")
def server(
    model: Path, stand_in: ActionServerStandIn, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BotServer]:
    logs = tmp_path_factory.mktemp("outage")
    db = logs / "conversations.db"
    with rasa_server(model, logs, action_port=stand_in.port, tracker_db=db) as bot:
        yield bot


@pytest.fixture(autouse=True)
def action_server_back_up(stand_in: ActionServerStandIn) -> Iterator[None]:
    yield
    stand_in.set_mode("up")


def _texts(server: BotServer, sender: str, message: str) -> List[str]:
    return [reply.get("text", "") for reply in send(server, sender, message).replies]


def _answered(server: BotServer, sender: str) -> None:
    """An ordinary question is answered from the knowledge file again."""
    texts = _texts(server, sender, QUESTION)
    assert texts and UNAVAILABLE not in texts and EMERGENCY not in texts
    assert slot(tracker(server, sender), "topic") is not None


def test_down_before_the_first_message(server: BotServer, stand_in: ActionServerStandIn) -> None:
    stand_in.set_mode("down")
    sender = f"outage-{uuid.uuid4().hex[:8]}"
    assert UNAVAILABLE in _texts(server, sender, QUESTION)
    assert _texts(server, sender, RED_FLAG) == [EMERGENCY]
    assert _texts(server, sender, QUESTION) == [UNAVAILABLE]
    stand_in.set_mode("up")
    _answered(server, sender)


def test_killed_mid_conversation(server: BotServer, stand_in: ActionServerStandIn) -> None:
    sender = f"outage-{uuid.uuid4().hex[:8]}"
    _answered(server, sender)
    stand_in.set_mode("down")
    assert _texts(server, sender, "what about steroids?") == [UNAVAILABLE]
    assert _texts(server, sender, RED_FLAG) == [EMERGENCY]
    stand_in.set_mode("up")
    _answered(server, sender)


@pytest.mark.parametrize("mode", ["error", "garbage", "slow"])
def test_a_failing_action_server(
    server: BotServer, stand_in: ActionServerStandIn, mode: str
) -> None:
    sender = f"outage-{uuid.uuid4().hex[:8]}"
    _answered(server, sender)
    stand_in.set_mode(mode)
    turn = send(server, sender, QUESTION)
    assert [reply.get("text") for reply in turn.replies] == [UNAVAILABLE]
    assert turn.seconds < ACTION_TIMEOUT_S + 2
    assert _texts(server, sender, RED_FLAG) == [EMERGENCY]
    stand_in.set_mode("up")
    _answered(server, sender)


def test_many_failures_never_silence_a_conversation(
    server: BotServer, stand_in: ActionServerStandIn
) -> None:
    """Twelve failed turns in a row (more than Rasa's circuit breaker allows) and back."""
    _twelve_failures_then_back(server, stand_in)


def _twelve_failures_then_back(server: BotServer, stand_in: ActionServerStandIn) -> None:
    stand_in.set_mode("down")
    sender = f"outage-{uuid.uuid4().hex[:8]}"
    for _ in range(12):
        assert UNAVAILABLE in _texts(server, sender, QUESTION)
    assert _texts(server, sender, RED_FLAG) == [EMERGENCY]
    stand_in.set_mode("up")
    _answered(server, sender)


@pytest.fixture(scope="module")
def plain_rasa(
    model: Path, stand_in: ActionServerStandIn, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BotServer]:
    """Plain `rasa run` (the evaluation contract), without bot.rasa_fixes."""
    logs = tmp_path_factory.mktemp("outage-plain")
    with rasa_server(
        model, logs, action_port=stand_in.port, tracker_db=logs / "c.db", with_fixes=False
    ) as bot:
        yield bot


def test_plain_rasa_is_never_silenced_either(
    plain_rasa: BotServer, stand_in: ActionServerStandIn
) -> None:
    _twelve_failures_then_back(plain_rasa, stand_in)
