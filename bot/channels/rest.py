"""Rasa's REST channel, checked: loopback or a token, bounded bodies, clear 400s.

Rasa's REST channel trusts whoever reaches the port with any sender id, answers a
malformed body with a 500 or a silent 200, accepts bodies up to Sanic's 100 MB
and logs the patient's text at ERROR when a message fails. This one:

- serves only clients on this machine (tests, the evaluation, a clinic's own
  tools), unless `REST_CHANNEL_TOKEN` is set: then a caller from anywhere must
  send `Authorization: Bearer <token>`. A request that came through a proxy
  (`X-Forwarded-For`, `Forwarded`) is not on this machine.
- refuses a body over MAX_BODY_BYTES (413) before parsing it, and a body that is
  not a JSON object with a string `sender` and a string `message` (400), each
  with a JSON `{"error": ...}` naming the problem;
- refuses sender ids of the other channels' namespaces (`slack:...`), so REST
  cannot reach a Slack, Telegram or widget conversation;
- keeps the URL, /webhooks/rest/webhook, and the reply format of Rasa's channel:
  the evaluation contract;
- when the message cannot be handled (a store down), answers 503 (500 for any
  other failure) with `{"error": ..., "messages": [...]}`: the outage reply of
  bot.channels.outage, the emergency message among them when it applies.
"""

from __future__ import annotations

import hmac
import logging
import os
from asyncio import CancelledError
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.outage import ConversationUnavailable, guarded
from bot.channels.senders import reserved_prefix

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 32 * 1024
"""A chat message is at most a few KB; the bot reads 2,000 characters of it."""
MAX_SENDER_CHARS = 128
TOKEN_VARIABLE = "REST_CHANNEL_TOKEN"
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip")


class RequestProblem(Exception):
    """A request this channel refuses: its HTTP status and a message for the caller."""

    def __init__(self, status: int, message: str) -> None:
        """`message` names the problem; it never quotes the body."""
        super().__init__(message)
        self.status = status
        self.message = message


class CheckedRestInput(RestInput):
    """REST for tests, evaluation and a clinic's own tools; see the module docstring."""

    @classmethod
    def name(cls) -> str:
        """URL prefix: /webhooks/rest/webhook, as Rasa's channel."""
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        """GET / (health) and POST /webhook, each request checked first."""
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)
        handle = guarded(on_new_message)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                authorise(request, os.environ.get(TOKEN_VARIABLE) or None)
                body = checked_body(request)
            except RequestProblem as problem:
                return response.json({"error": problem.message}, status=problem.status)
            collector = CollectingOutputChannel()
            message = UserMessage(
                body["message"],
                collector,
                body["sender"],
                input_channel=self.name(),
                metadata=body.get("metadata") if isinstance(body.get("metadata"), dict) else None,
            )
            try:
                await handle(message)
            except CancelledError:
                logger.error("A REST message timed out before the bot answered.")
            except ConversationUnavailable as outage:
                return response.json(
                    {
                        "error": "The bot could not answer this message; please try again.",
                        "messages": collector.messages,
                    },
                    status=503 if outage.store_down else 500,
                )
            return response.json(collector.messages)

        return webhook


def authorise(request: Request, token: Optional[str]) -> None:
    """A caller on this machine, or one with the channel's token when one is set."""
    if token is not None:
        sent = request.headers.get("authorization", "")
        if hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
            return
        raise RequestProblem(401, "This channel needs 'Authorization: Bearer <token>'.")
    proxied = any(header in request.headers for header in PROXY_HEADERS)
    if proxied or request.ip not in LOOPBACK:
        raise RequestProblem(
            403, "The REST channel serves this machine only (set REST_CHANNEL_TOKEN to open it)."
        )


def checked_body(request: Request) -> Dict[str, Any]:
    """The JSON object of a request, with a usable `sender` and `message`."""
    if len(request.body or b"") > MAX_BODY_BYTES:
        raise RequestProblem(413, f"The request is larger than {MAX_BODY_BYTES} bytes.")
    try:
        body = request.json
    except Exception:  # Sanic raises its own BadRequest for invalid JSON
        raise RequestProblem(400, "The body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise RequestProblem(
            400, 'The body must be a JSON object: {"sender": ..., "message": ...}.'
        )
    sender, message = body.get("sender"), body.get("message")
    if not isinstance(sender, str) or not sender.strip():
        raise RequestProblem(400, "'sender' must be a non-empty string.")
    if len(sender) > MAX_SENDER_CHARS:
        raise RequestProblem(400, f"'sender' must be at most {MAX_SENDER_CHARS} characters.")
    if reserved_prefix(sender):
        raise RequestProblem(400, f"'sender' must not start with '{reserved_prefix(sender)}'.")
    if not isinstance(message, str):
        raise RequestProblem(400, "'message' must be a string.")
    return body
