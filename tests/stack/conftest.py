"""The production profile on loopback: PostgreSQL, Redis, HAProxy, two Rasa replicas.

Started once per module with the launcher's own `up` (as `make stack` does), on
free ports in a folder of its own, and stopped with `down`.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest
import requests
import sqlalchemy as sa
import yaml

from bot.launch.balancer import SERVED_BY_HEADER
from bot.launch.stack import StackPlan, down, stack_secrets, up
from tests.conftest import PROJECT_DIR, record_sent

REQUEST_TIMEOUT_S = 60


def domain_text(response: str) -> str:
    """A domain response's text (the clinic's emergency message, say)."""
    domain = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))
    return str(domain["responses"][response][0]["text"])


@dataclass(frozen=True)
class Answer:
    """One REST request through the stack: status, reply texts, the replica that answered."""

    status: int
    texts: List[str]
    served_by: Optional[str]
    body: Any


@dataclass
class RunningStack:
    """A stack started for the tests, and how to talk to it."""

    plan: StackPlan
    secrets: Dict[str, str]

    def say(self, sender: str, message: str, port: Optional[int] = None) -> Answer:
        """Sends a message over REST, through the balancer unless a replica's port is given."""
        url = f"http://127.0.0.1:{port or self.plan.balancer_port}/webhooks/rest/webhook"
        try:
            response = requests.post(
                url,
                json={"sender": sender, "message": record_sent(message)},
                headers={"Authorization": f"Bearer {self.secrets['REST_CHANNEL_TOKEN']}"},
                timeout=REQUEST_TIMEOUT_S,
            )
        except requests.ConnectionError:
            return Answer(0, [], None, None)
        try:
            body = response.json()
        except ValueError:
            body = None
        replies = body if isinstance(body, list) else (body or {}).get("messages", [])
        texts = [r.get("text", "") for r in replies if isinstance(r, dict)]
        return Answer(response.status_code, texts, response.headers.get(SERVED_BY_HEADER), body)

    def events(self, sender: str) -> List[Dict[str, Any]]:
        """The conversation's events as PostgreSQL holds them, in order."""
        with self.plan.postgres().admin_engine().connect() as connection:
            rows = connection.execute(
                sa.text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}
            )
            return [json.loads(row[0]) for row in rows]

    def topic(self, sender: str) -> Optional[str]:
        """The conversation's `topic` slot, from its events in PostgreSQL."""
        value = None
        for event in self.events(sender):
            if event.get("event") == "slot" and event.get("name") == "topic":
                value = event.get("value")
        return value


def user_texts(events: List[Dict[str, Any]]) -> List[str]:
    """The patient's messages in a list of events."""
    return [e.get("text", "") for e in events if e.get("event") == "user"]


@pytest.fixture(scope="module")
def stack(model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    folder = Path(tempfile.mkdtemp(prefix="leukobot-stack-"))
    # The logs stay with pytest's temporary folders after the run.
    plan = StackPlan.on_free_ports(folder, 2, model, tmp_path_factory.mktemp("stack-logs"))
    values, _ = stack_secrets({})
    up(plan, values)
    try:
        yield RunningStack(plan, values)
    finally:
        down(plan)
        shutil.rmtree(folder, ignore_errors=True)
