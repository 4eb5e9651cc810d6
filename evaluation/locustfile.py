"""Locust users for `make eval-scale`: patients chatting over REST through the balancer.

Runs in the tools venv (.venv-deploy), so it imports nothing from the project.
Each user is one conversation (its own sender id) that sends the turns below in
a loop, as fast as the bot answers: the load is closed-loop, so throughput shows
what the servers can do. The REST token comes from LEUKOBOT_REST_TOKEN.
"""

from __future__ import annotations

import itertools
import os
import uuid

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
        """A sender id of its own and the REST token."""
        self.sender = f"load-{uuid.uuid4().hex[:12]}"
        self.turns = itertools.cycle(TURNS)
        self.headers = {"Authorization": f"Bearer {os.environ['LEUKOBOT_REST_TOKEN']}"}

    @task
    def say(self) -> None:
        """Sends the next turn; a reply that is not a non-empty list is a failure."""
        with self.client.post(
            "/webhooks/rest/webhook",
            json={"sender": self.sender, "message": next(self.turns)},
            headers=self.headers,
            name="turn",
            catch_response=True,
        ) as response:
            if response.status_code != 200 or not response.json():
                response.failure(f"status {response.status_code}")
