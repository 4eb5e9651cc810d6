"""Sender ids per channel: each channel's conversations live in a namespace of their own.

A Slack user's conversation is `slack:<user id>`, a Telegram chat's
`telegram:<chat id>`, a widget session's `socketio:<session id>`; REST, for tests
and the evaluation, keeps the caller's id as it is but may not use these prefixes.
So no channel can reach another channel's conversation by sending its id.
"""

from __future__ import annotations

from typing import Optional

SEPARATOR = ":"
SLACK = "slack"
TELEGRAM = "telegram"
SOCKETIO = "socketio"
NAMESPACED_CHANNELS = (SLACK, TELEGRAM, SOCKETIO)


def namespaced(channel: str, sender_id: str) -> str:
    """The conversation id of a channel's own sender id."""
    assert channel in NAMESPACED_CHANNELS, channel
    return f"{channel}{SEPARATOR}{sender_id}"


def platform_id(channel: str, conversation_id: str) -> str:
    """The channel's own id in a conversation id (`telegram:123` -> `123`); others as they are."""
    prefix = namespaced(channel, "")
    return conversation_id[len(prefix) :] if conversation_id.startswith(prefix) else conversation_id


def reserved_prefix(sender_id: str) -> Optional[str]:
    """The namespace prefix a sender id starts with, if any (case-insensitive)."""
    lowered = sender_id.strip().lower()
    for channel in NAMESPACED_CHANNELS:
        if lowered.startswith(channel + SEPARATOR):
            return channel + SEPARATOR
    return None
