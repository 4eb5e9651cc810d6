"""The REST channel under attack and abuse, against the real servers on loopback."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.channels.rest import MAX_BODY_BYTES
from bot.launch.servers import BotServer, our_bot
from evaluation.rest_client import send
from tests.conftest import PROJECT_DIR

pytestmark = pytest.mark.model

EMERGENCY = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))["responses"][
    "utter_emergency"
][0]["text"]


MARKER = "zebrafinch"
"""A word no log line has a reason to contain, sent inside patient messages."""


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("security")


@pytest.fixture(scope="module")
def server(model: Path, logs: Path) -> Iterator[BotServer]:
    with our_bot(model, logs) as bot:
        send(bot, "warm-up", "hello")  # the first message loads what Rasa loads lazily
        yield bot


def _post(
    server: BotServer, body: bytes, headers: Optional[Dict[str, str]] = None
) -> Tuple[int, Any]:
    request = urllib.request.Request(
        f"{server.url}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"[]",
        b"{not json",
        b'{"sender": "a"}',
        b'{"sender": "a", "message": null}',
        b'{"sender": "a", "message": 7}',
        b'{"sender": "a", "message": ["x"]}',
        b'{"message": "hi"}',
        b'{"sender": "slack:U1", "message": "hi"}',
    ],
)
def test_a_malformed_body_gets_a_400_that_says_why(server: BotServer, body: bytes) -> None:
    status, reply = _post(server, body)
    assert status == 400 and reply["error"]


def test_a_huge_body_is_refused_at_once(server: BotServer) -> None:
    body = json.dumps({"sender": "big", "message": "a" * 1_000_000}).encode()
    started = time.perf_counter()
    status, reply = _post(server, body)
    assert status == 413 and str(MAX_BODY_BYTES) in reply["error"]
    assert time.perf_counter() - started < 2


def test_another_patients_question_is_not_held_up(server: BotServer) -> None:
    body = json.dumps({"sender": "big", "message": "a" * 1_000_000}).encode()
    for _ in range(5):
        _post(server, body)
    turn = send(server, f"other-{uuid.uuid4().hex[:8]}", "what is leukopenia?")
    assert turn.replies and turn.seconds < 2


def test_an_emergency_inside_a_long_message_still_gets_the_emergency(server: BotServer) -> None:
    filler = "We went to the shops and then had lunch with my sister, nothing much. " * 150
    message = filler[: len(filler) // 2] + " Now he's not breathing. " + filler[len(filler) // 2 :]
    assert len(message) > 10_000
    replies = send(server, f"long-{uuid.uuid4().hex[:8]}", message).replies
    assert EMERGENCY in [reply.get("text") for reply in replies]


def test_a_caller_through_a_proxy_is_refused(server: BotServer) -> None:
    body = json.dumps({"sender": "proxied", "message": "hi"}).encode()
    status, reply = _post(server, body, {"X-Forwarded-For": "203.0.113.7"})
    assert status == 403 and "REST_CHANNEL_TOKEN" in reply["error"]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_BODIES = st.one_of(
    _JSON,
    st.fixed_dictionaries({"sender": _JSON, "message": _JSON}),
    st.fixed_dictionaries(
        {"sender": st.text(min_size=1, max_size=20), "message": st.text(max_size=200)}
    ),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=_BODIES)
def test_fuzzed_bodies_never_500_nor_a_silent_200(server: BotServer, body: Any) -> None:
    status, reply = _post(server, json.dumps(body).encode())
    assert status in (200, 400), (status, reply)
    if status == 200:
        replies: List[Dict[str, Any]] = reply
        assert replies, "a 200 with no reply"
    else:
        assert reply["error"]


def test_patient_text_never_reaches_the_logs(server: BotServer, logs: Path) -> None:
    """Rasa and the action server log at INFO; nothing a patient typed may appear."""
    sender = f"private-{uuid.uuid4().hex[:8]}"
    for text in (
        f"{MARKER}: can steroids lower my white count?",
        f"my {MARKER} husband is not breathing",
        f"{MARKER} " * 600,
        f"{MARKER} hmm",
    ):
        send(server, sender, text)
    _post(server, json.dumps({"sender": sender, "message": [MARKER]}).encode())
    _post(server, json.dumps({"sender": sender, "message": MARKER * 20_000}).encode())
    time.sleep(1)
    texts = {path.name: path.read_text(errors="replace") for path in logs.glob("*.log")}
    assert any("up and running" in text for text in texts.values())  # the logs are there
    assert [name for name, text in texts.items() if MARKER in text] == []
