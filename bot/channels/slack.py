"""Rasa's Slack connector, with every kind of Slack retry ignored and a settable API URL.

Slack re-sends an event it thinks was not delivered, marked with
`X-Slack-Retry-Num`; Rasa only ignores retries whose reason is `http_timeout`, so
other retries would answer twice. This channel ignores every retry reason Slack
documents unless told otherwise. `slack_api_base_url` lets tests point replies at
a stand-in server; signature and timestamp checks are Rasa's own.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

from rasa.core.channels.channel import InputChannel, OutputChannel
from rasa.core.channels.slack import SlackBot, SlackInput
from slack_sdk.web.async_client import AsyncWebClient

SLACK_RETRY_REASONS = (
    "http_timeout",
    "http_error",
    "connection_failed",
    "too_many_redirects",
    "ssl_error",
    "unknown_error",
)


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
        settings = {"errors_ignore_retry": list(SLACK_RETRY_REASONS), **credentials}
        channel = super().from_credentials(settings)
        assert isinstance(channel, SlackChannel)
        channel.api_base_url = credentials.get("slack_api_base_url")
        return channel

    api_base_url: Optional[str] = None

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
