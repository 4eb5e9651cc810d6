"""Reads the parts of the latest user message that actions decide on."""

from __future__ import annotations

from typing import List

from rasa_sdk import Tracker

from knowledge.names import (
    INPUT_PROBLEM_ENTITY,
    SCOPE_REQUEST_ENTITY,
    SCOPE_REQUESTS,
    TERM_ENTITY,
    TOPIC_SLOT,
)
from knowledge.references import last_cause


def intent_name(tracker: Tracker) -> str | None:
    """The intent the NLU pipeline gave the latest message."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def term_values(tracker: Tracker) -> List[str]:
    """Knowledge-file terms found in the latest message, in order."""
    return [str(value) for value in tracker.get_latest_entity_values(TERM_ENTITY)]


def input_problem(tracker: Tracker) -> str | None:
    """Why the latest message could not be read (empty, too_long, not_english), if so."""
    return next(tracker.get_latest_entity_values(INPUT_PROBLEM_ENTITY), None)


def scope_request(tracker: Tracker) -> str | None:
    """The kind of unanswerable request the latest message makes (a dose...), if known."""
    kind = next(tracker.get_latest_entity_values(SCOPE_REQUEST_ENTITY), None)
    return kind if kind in SCOPE_REQUESTS else None


def ranked_intents(tracker: Tracker) -> List[str]:
    """Intent names of the latest message, most likely first."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    return [entry["name"] for entry in ranking if entry.get("name")]


def last_cause_answered(tracker: Tracker) -> str | None:
    """The last cause topic the `topic` slot held in this conversation, if any."""
    return last_cause(
        event.get("value")
        for event in tracker.events
        if event.get("event") == "slot" and event.get("name") == TOPIC_SLOT
    )
