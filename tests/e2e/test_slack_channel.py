"""The Slack channel against a stand-in Web API: signatures, old requests, retries."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Dict, Iterator, Optional, Tuple

import pytest

from bot.launch.servers import BotServer, our_bot_with
from tests.conftest import record_sent
from tests.e2e.stand_in_api import StandInApi

pytestmark = pytest.mark.model

SIGNING_SECRET = "slack-signing-secret"


@pytest.fixture(scope="module")
def slack(
    model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Tuple[BotServer, StandInApi]]:
    with StandInApi() as api:
        credentials = (
            "bot.channels.slack.SlackChannel:\n"
            "  slack_token: xoxb-test\n"
            f"  slack_signing_secret: {SIGNING_SECRET}\n"
            f"  slack_api_base_url: {api.url}/api/\n"
        )
        with our_bot_with(model, tmp_path_factory.mktemp("slack"), credentials) as server:
            yield server, api


def _event(user: str, text: str) -> Dict:
    record_sent(text)
    return {
        "type": "event_callback",
        "token": "unused",
        "team_id": "T1",
        "api_app_id": "A1",
        "event_id": f"Ev{uuid.uuid4().hex[:8]}",
        "event_time": int(time.time()),
        "event": {
            "type": "message",
            "channel_type": "im",
            "channel": f"D{user}",
            "user": user,
            "text": text,
            "ts": "1.0",
        },
    }


def _post(
    server: BotServer,
    payload: Dict,
    *,
    secret: str = SIGNING_SECRET,
    timestamp: Optional[int] = None,
    retry: Optional[Tuple[str, str]] = None,
) -> int:
    body = json.dumps(payload).encode()
    stamp = str(timestamp if timestamp is not None else int(time.time()))
    signature = hmac.new(secret.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256)
    headers = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": f"v0={signature.hexdigest()}",
    }
    if retry:
        headers["X-Slack-Retry-Num"], headers["X-Slack-Retry-Reason"] = retry
    request = urllib.request.Request(f"{server.url}/webhooks/slack/webhook", body, headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


def _sent_to(api: StandInApi, user: str, count: int = 1, timeout_s: float = 20.0) -> list:
    """chat.postMessage calls into the user's direct-message channel."""
    deadline = time.monotonic() + timeout_s
    while True:
        sent = [
            c.body
            for c in api.calls
            if c.path.endswith("chat.postMessage") and c.body.get("channel") == f"D{user}"
        ]
        if len(sent) >= count or time.monotonic() >= deadline:
            return sent
        time.sleep(0.2)


def test_a_signed_event_is_answered_with_slack_buttons(slack: Tuple[BotServer, StandInApi]) -> None:
    server, api = slack
    assert _post(server, _event("U100", "can steroids lower my white count?")) == 200
    sent = _sent_to(api, "U100", count=2)
    answer = next(m for m in sent if "corticosteroid" in m.get("text", ""))
    buttons = [e for block in answer["blocks"] for e in block.get("elements", [])]
    assert buttons and buttons[0]["type"] == "button"
    assert buttons[0]["value"] == "/follow_up"


@pytest.mark.parametrize(
    ("secret", "age_s"),
    [("wrong-secret", 0), (SIGNING_SECRET, 6 * 60)],
    ids=["bad-signature", "older-than-five-minutes"],
)
def test_unauthentic_requests_are_rejected(
    slack: Tuple[BotServer, StandInApi], secret: str, age_s: int
) -> None:
    server, api = slack
    user = f"U{uuid.uuid4().hex[:6]}"
    status = _post(
        server, _event(user, "my temp is 39.5"), secret=secret, timestamp=int(time.time()) - age_s
    )
    assert status >= 400
    time.sleep(2)
    assert _sent_to(api, user, timeout_s=0) == []


@pytest.mark.parametrize("reason", ["http_timeout", "http_error", "connection_failed"])
def test_a_retry_delivery_does_not_answer_twice(
    slack: Tuple[BotServer, StandInApi], reason: str
) -> None:
    server, api = slack
    user = f"U{uuid.uuid4().hex[:6]}"
    event = _event(user, "my temp is 39.5 and I'm shivering")
    assert _post(server, event) == 200
    first = _sent_to(api, user, count=2)
    assert any("emergency" in m.get("text", "") for m in first)
    assert _post(server, event, retry=("1", reason)) < 300
    time.sleep(2)
    assert len(_sent_to(api, user, timeout_s=0)) == len(first)


def test_a_replayed_event_is_answered_once(slack: Tuple[BotServer, StandInApi]) -> None:
    """The same signed event sent again (no retry header, within five minutes)."""
    server, api = slack
    user = f"U{uuid.uuid4().hex[:6]}"
    event = _event(user, "what is leukopenia?")
    assert _post(server, event) == 200
    first = _sent_to(api, user, count=2)
    assert _post(server, event) < 300
    time.sleep(2)
    assert len(_sent_to(api, user, timeout_s=0)) == len(first)


def test_a_first_delivery_that_comes_as_a_retry_is_answered(
    slack: Tuple[BotServer, StandInApi],
) -> None:
    """The bot was down for the first try: Slack's retry is the first it sees."""
    server, api = slack
    user = f"U{uuid.uuid4().hex[:6]}"
    event = _event(user, "my temp is 39.5 and I'm shivering")
    assert _post(server, event, retry=("1", "connection_failed")) < 300
    assert any("emergency" in m.get("text", "") for m in _sent_to(api, user, count=2))


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"[]", "application/json"),
        (b"{not json", "application/json"),
        (b"text=hello", "application/x-www-form-urlencoded"),
        (b"payload=%5B%5D", "application/x-www-form-urlencoded"),
    ],
    ids=["json-array", "invalid-json", "form-without-payload", "form-payload-not-object"],
)
def test_a_signed_body_slack_never_sends_gets_a_400(
    slack: Tuple[BotServer, StandInApi], body: bytes, content_type: str
) -> None:
    server, _ = slack
    stamp = str(int(time.time()))
    signature = hmac.new(SIGNING_SECRET.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256)
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": f"v0={signature.hexdigest()}",
    }
    request = urllib.request.Request(f"{server.url}/webhooks/slack/webhook", body, headers)
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=30)
    assert error.value.code == 400
