"""Talks to a running Rasa server over the REST channel and its HTTP API."""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any, Dict, List

from bot.launch.servers import BotServer


@dataclass(frozen=True)
class Turn:
    """The bot's replies to one user message, and how long they took."""

    replies: List[Dict[str, Any]]
    seconds: float


def _post_json(url: str, body: Dict[str, Any], timeout: float = 60) -> Any:
    data = json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8") or "null")


def send(server: BotServer, sender: str, message: str) -> Turn:
    """Sends one message over REST and returns the replies with the round-trip time."""
    started = time.perf_counter()
    replies = _post_json(
        f"{server.url}/webhooks/rest/webhook", {"sender": sender, "message": message}
    )
    return Turn(replies=replies or [], seconds=time.perf_counter() - started)


def tracker(server: BotServer, sender: str) -> Dict[str, Any]:
    """The conversation's tracker from the HTTP API."""
    query = urllib.parse.urlencode({"token": server.token, "include_events": "ALL"})
    url = f"{server.url}/conversations/{urllib.parse.quote(sender, safe=':')}/tracker?{query}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


def last_turn_actions(tracker_state: Dict[str, Any]) -> List[str]:
    """Actions the bot ran after the latest user message (action_listen excluded)."""
    events = tracker_state.get("events", [])
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    return [
        e["name"]
        for e in events[last_user + 1 :]
        if e.get("event") == "action" and e.get("name") != "action_listen"
    ]


def slot(tracker_state: Dict[str, Any], name: str) -> Any | None:
    """A slot's value in a tracker state."""
    return tracker_state.get("slots", {}).get(name)
