"""Rasa's Slack connector: each event answered once, in the user's namespace.

Slack re-sends an event it thinks was not delivered (`X-Slack-Retry-Num`); Rasa
ignores retries of listed reasons, so a first delivery that arrives as a retry
(the bot was down: `connection_failed`) was never answered, and a signed event
replayed within five minutes was answered again. Here every delivery reaches
`process_message`, which answers each `event_id` once (bot.channels.deliveries).
The conversation id is `slack:<user id>` (bot.channels.senders).
`slack_api_base_url` lets tests point replies at a stand-in server; signature and
timestamp checks are Rasa's own.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels.deliveries import DELIVERY_KEY, DeliveryLedger, tracker_store_of
from bot.channels.outage import guarded
from bot.channels.senders import SLACK, namespaced

NO_RETRY_REASON = "answer every retry once"
"""Rasa ignores retries whose reason is listed; Slack never sends this one."""


class SlackChannel(SlackInput):
    """Slack input that answers each event once."""

    @classmethod
    def name(cls) -> str:
        """URL prefix: /webhooks/slack/webhook."""
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        """Rasa's Slack credentials, plus `slack_api_base_url`."""
        if not credentials:
            cls.raise_missing_credentials_exception()
        credentials = dict(credentials or {})
        # Every retry reaches process_message, which answers each event_id once.
        settings = {"errors_ignore_retry": [NO_RETRY_REASON], **credentials}
        channel = super().from_credentials(settings)
        assert isinstance(channel, SlackChannel)
        channel.api_base_url = credentials.get("slack_api_base_url")
        channel.deliveries = DeliveryLedger()
        return channel

    api_base_url: Optional[str] = None
    deliveries: DeliveryLedger

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's blueprint; a body Slack would never send gets a 400, not a 500."""
        webhook = super().blueprint(on_new_message)

        @webhook.middleware("request")
        async def refuse_malformed(request: Request) -> Optional[HTTPResponse]:
            problem = malformed(request) if request.method == "POST" else None
            return response.text(problem, status=HTTPStatus.BAD_REQUEST) if problem else None

        return webhook

    async def process_message(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: str,
        sender_id: Optional[str],
        metadata: Optional[Dict[str, Any]],
    ) -> Any:
        """Rasa's handling, in the user's namespace, once per Slack `event_id`."""
        body = request.json if isinstance(request.json, dict) else {}
        event_id = body.get("event_id")
        sender = namespaced(SLACK, sender_id) if sender_id else sender_id
        if isinstance(event_id, str) and sender:
            store = tracker_store_of(request.app)
            if not await self.deliveries.first_time(store, sender, event_id):
                return response.text("", status=HTTPStatus.OK, headers={"X-Slack-No-Retry": "1"})
            metadata = {**(metadata or {}), DELIVERY_KEY: event_id}
        return await super().process_message(
            request, guarded(on_new_message, raise_after=False), text, sender, metadata
        )

    def get_output_channel(
        self, channel: Optional[str] = None, thread_id: Optional[str] = None
    ) -> OutputChannel:
        """Rasa's SlackBot, talking to `slack_api_base_url` when one is set."""
        output = super().get_output_channel(channel, thread_id)
        if self.api_base_url and isinstance(output, SlackBot):
            output.client = AsyncWebClient(
                self.slack_token, proxy=self.proxy, base_url=self.api_base_url
            )
        return output


def malformed(request: Request) -> Optional[str]:
    """Why a POST is not a Slack event or interaction body, or None."""
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip()
    if content_type == "application/json":
        try:
            body = json.loads(request.body or b"null")
        except ValueError:
            return "The body is not valid JSON."
        return None if isinstance(body, dict) else "The body must be a JSON object."
    if content_type == "application/x-www-form-urlencoded":
        payload = request.form.get("payload")
        try:
            parsed = json.loads(payload) if isinstance(payload, str) else None
        except ValueError:
            parsed = None
        return None if isinstance(parsed, dict) else "The form needs a JSON 'payload'."
    return "Slack sends JSON or a form; this is neither."
