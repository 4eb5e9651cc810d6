"""`make report` on a tracker store filled by scripted conversations: its numbers match."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path
from typing import Dict, List

import pytest

from bot.data_lifecycle import STORE_TYPE
from bot.launch.servers import action_server, free_port, rasa_server
from bot.review.__main__ import main as report_main
from bot.review.page import DAILY_CSV, PAGE_FILE, REVIEW_CSV, TOPICS_CSV
from evaluation.rest_client import send

pytestmark = pytest.mark.model

CONVERSATIONS = [
    ["hello", "can steroids lower my white count?", "/feedback_helpful", "thanks"],
    ["could lupus cause it", "that didn't help", "what dose of prednisone should I take?"],
    ["my temperature is 39.2 and I'm shivering on chemo"],
    ["is hiv a cause", "tell me more", "bye"],
]
"""Four conversations: 11 patient messages, answers on medications, autoimmune and viral
infection (twice: 'tell me more' answers the same topic), feedback both ways, one
out-of-scope request and one emergency."""


def _rows(path: Path) -> List[Dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_report_counts_what_was_sent(model: Path, tmp_path: Path) -> None:
    database = tmp_path / "conversations.db"
    port = free_port()
    with action_server(tmp_path, port):
        with rasa_server(model, tmp_path, action_port=port, tracker_db=database) as server:
            for messages in CONVERSATIONS:
                sender = f"review-{uuid.uuid4().hex[:8]}"
                for message in messages:
                    send(server, sender, message)
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        f"tracker_store:\n  type: {STORE_TYPE}\n  dialect: sqlite\n  db: {database}\n", "utf-8"
    )
    out = tmp_path / "report"
    assert report_main(["--endpoints", str(endpoints), "--out", str(out)]) == 0

    [today] = _rows(out / DAILY_CSV)
    assert (today["conversations"], today["patient_messages"]) == ("4", "11")
    assert today["emergency_replies"] == "1"
    topics = {row["topic"]: row for row in _rows(out / TOPICS_CSV)}
    assert topics["medications"]["questions"] == "1" and topics["medications"]["helpful"] == "1"
    assert topics["autoimmune"]["not_helpful"] == "1"
    assert topics["viral_infection"]["questions"] == "2"
    review = _rows(out / REVIEW_CSV)
    assert [(r["reply"], r["request_kind"]) for r in review] == [
        ("out of scope", "medicine_advice")
    ]
    page = (out / PAGE_FILE).read_text(encoding="utf-8")
    assert "what dose of prednisone should I take?" in page
    assert "review-" not in page  # conversation ids are counted, never shown
