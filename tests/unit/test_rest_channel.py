"""The checked REST channel's decisions, on stand-in requests: who may call, what is refused."""

from __future__ import annotations

import json
from typing import Any, Dict, Optional

import pytest

from bot.channels.rest import MAX_BODY_BYTES, RequestProblem, authorise, checked_body
from bot.channels.senders import TELEGRAM, namespaced, platform_id, reserved_prefix


class StandInRequest:
    """What the checks read of a Sanic request."""

    def __init__(
        self, body: bytes = b"", ip: str = "127.0.0.1", headers: Optional[Dict[str, str]] = None
    ) -> None:
        self.body = body
        self.ip = ip
        self.headers = {k.lower(): v for k, v in (headers or {}).items()}

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


def _status(request: StandInRequest, token: Optional[str] = None) -> int:
    try:
        authorise(request, token)  # type: ignore[arg-type]
        checked_body(request)  # type: ignore[arg-type]
    except RequestProblem as problem:
        return problem.status
    return 200


def _body(value: Any) -> bytes:
    return json.dumps(value).encode()


GOOD = _body({"sender": "tester", "message": "hello"})


def test_a_local_caller_with_a_good_body_is_served() -> None:
    assert _status(StandInRequest(GOOD)) == 200
    assert _status(StandInRequest(GOOD, ip="::1")) == 200


@pytest.mark.parametrize(
    ("ip", "headers"),
    [
        ("203.0.113.7", {}),
        ("127.0.0.1", {"X-Forwarded-For": "203.0.113.7"}),
        ("127.0.0.1", {"Forwarded": "for=203.0.113.7"}),
    ],
    ids=["remote", "through a proxy", "forwarded"],
)
def test_a_caller_from_elsewhere_is_refused(ip: str, headers: Dict[str, str]) -> None:
    assert _status(StandInRequest(GOOD, ip=ip, headers=headers)) == 403


def test_with_a_token_anyone_with_it_is_served_and_no_one_without() -> None:
    remote = {"ip": "203.0.113.7"}
    assert (
        _status(
            StandInRequest(GOOD, headers={"Authorization": "Bearer s3cret"}, **remote), "s3cret"
        )
        == 200
    )
    assert (
        _status(StandInRequest(GOOD, headers={"Authorization": "Bearer wrong"}, **remote), "s3cret")
        == 401
    )
    assert _status(StandInRequest(GOOD), "s3cret") == 401


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"[]",
        b'"hello"',
        b"{not json",
        _body({"message": "hi"}),
        _body({"sender": None, "message": "hi"}),
        _body({"sender": "", "message": "hi"}),
        _body({"sender": 42, "message": "hi"}),
        _body({"sender": "x" * 200, "message": "hi"}),
        _body({"sender": "slack:U123", "message": "hi"}),
        _body({"sender": "Telegram:42", "message": "hi"}),
        _body({"sender": "tester"}),
        _body({"sender": "tester", "message": None}),
        _body({"sender": "tester", "message": 42}),
        _body({"sender": "tester", "message": ["hi"]}),
    ],
)
def test_a_malformed_body_is_a_400(body: bytes) -> None:
    assert _status(StandInRequest(body)) == 400


def test_a_body_over_the_limit_is_a_413_before_it_is_parsed() -> None:
    huge = b'{"sender": "tester", "message": "' + b"a" * MAX_BODY_BYTES + b'"}'
    assert _status(StandInRequest(huge)) == 413
    assert _status(StandInRequest(b"x" * (MAX_BODY_BYTES + 1))) == 413


def test_every_namespaced_id_is_reserved() -> None:
    for channel in ("slack", "telegram", "socketio"):
        assert reserved_prefix(namespaced(channel, "abc")) == f"{channel}:"
    assert reserved_prefix("eval-1") is None


def test_a_session_token_is_genuine_only_with_the_servers_key() -> None:
    from bot.channels.socketio import SessionSigner

    server, other = SessionSigner("key"), SessionSigner("other key")
    token = server.issue()
    assert server.session_of(token) == token.split(".")[0]
    assert server.session_of(other.issue()) is None
    assert server.session_of(token[:-1] + ("0" if token[-1] != "0" else "1")) is None
    for junk in (None, 42, "", "abc", "a.b.c"):
        assert server.session_of(junk) is None


@pytest.mark.parametrize(
    ("conversation_id", "platform"),
    [("telegram:12345", "12345"), ("telegram:-100777", "-100777"), ("12345", "12345")],
)
def test_a_conversation_id_gives_back_the_platforms_own_id(
    conversation_id: str, platform: str
) -> None:
    assert platform_id(TELEGRAM, conversation_id) == platform
    assert platform_id(TELEGRAM, namespaced(TELEGRAM, platform)) == platform
