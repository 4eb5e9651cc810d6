"""Locust users for `make eval-scale`: patients chatting over REST through the balancer.

Runs in the tools venv (.venv-deploy), so it imports nothing from the project.
Each user is a patient after patient: a conversation (its own sender id) of the
turns below, then a new one, each turn sent as soon as the bot answers (closed
loop: throughput shows what the servers can do). The REST token comes from
LEUKOBOT_REST_TOKEN.
"""

from __future__ import annotations

import os
import uuid
from typing import Iterator, Optional

from locust import HttpUser, constant, task

TURNS = (
    "hi",
    "could lupus be the reason my count is low",
    "tell me more",
    "what about HIV?",
    "and the spleen?",
    "can chemo make the white count drop",
    "thanks",
)


class Patient(HttpUser):
    """One conversation, turn after turn."""

    wait_time = constant(0)

    def on_start(self) -> None:
        """The REST token, and the first conversation."""
        self.headers = {"Authorization": f"Bearer {os.environ['LEUKOBOT_REST_TOKEN']}"}
        self.turns: Iterator[str] = iter(())
        self.sender = ""

    def next_turn(self) -> str:
        """The conversation's next turn; a new conversation after the last."""
        turn: Optional[str] = next(self.turns, None)
        if turn is None:
            self.sender = f"load-{uuid.uuid4().hex[:12]}"
            self.turns = iter(TURNS)
            turn = next(self.turns)
        return turn

    @task
    def say(self) -> None:
        """Sends the next turn; a reply that is not a non-empty list is a failure."""
        message = self.next_turn()
        with self.client.post(
            "/webhooks/rest/webhook",
            json={"sender": self.sender, "message": message},
            headers=self.headers,
            name="turn",
            catch_response=True,
        ) as response:
            if response.status_code != 200 or not response.json():
                response.failure(f"status {response.status_code}")
