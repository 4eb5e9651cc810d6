"""What the review report shows, counted from stored events (no Rasa import).

Conversations and patient messages per day, questions per topic, the patient's
words before each clarifying question and out-of-scope reply (to improve the bot),
emergency replies per day and per red-flag class, feedback per topic, and the
median number of patient messages per conversation. Conversations are counted,
never named.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Dict, Iterable, List, Optional

from bot.review.store import StoredEvent
from knowledge.names import (
    CLARIFY_ACTION,
    EMERGENCY_RESPONSE,
    FEEDBACK_SLOT,
    OUT_OF_SCOPE_ACTION,
    SCOPE_REQUEST_ENTITY,
    TOPIC_SLOT,
)

SAFETY_METADATA_KEY = "safety"
"""Where the safety policy puts its explanation in the emergency action's metadata."""
NO_TOPIC = "(none yet)"
"""Feedback given before any answer."""


@dataclass(frozen=True)
class ForReview:
    """A patient message the bot could not answer: its words and what the bot did."""

    day: date
    reply: str
    kind: str
    text: str


@dataclass
class ReviewFigures:
    """Every figure of the report."""

    conversations_per_day: Counter = field(default_factory=Counter)
    messages_per_day: Counter = field(default_factory=Counter)
    emergencies_per_day: Counter = field(default_factory=Counter)
    questions_per_topic: Counter = field(default_factory=Counter)
    emergencies_per_class: Counter = field(default_factory=Counter)
    feedback_per_topic: Dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    for_review: List[ForReview] = field(default_factory=list)
    messages_per_conversation: List[int] = field(default_factory=list)

    @property
    def conversations(self) -> int:
        """Conversations with at least one patient message."""
        return len(self.messages_per_conversation)

    @property
    def messages(self) -> int:
        """Patient messages."""
        return sum(self.messages_per_conversation)

    @property
    def median_turns(self) -> Optional[float]:
        """The median number of patient messages per conversation."""
        counts = self.messages_per_conversation
        return statistics.median(counts) if counts else None

    @property
    def days(self) -> List[date]:
        """Every day with a patient message or an emergency reply, in order."""
        return sorted(set(self.messages_per_day) | set(self.emergencies_per_day))


def review_figures(events: Iterable[StoredEvent]) -> ReviewFigures:
    """Counts the report's figures from the events of every conversation."""
    figures = ReviewFigures()
    by_conversation: Dict[str, List[StoredEvent]] = defaultdict(list)
    for event in events:
        by_conversation[event.conversation].append(event)
    for conversation_events in by_conversation.values():
        _count_conversation(conversation_events, figures)
    return figures


def _count_conversation(events: List[StoredEvent], figures: ReviewFigures) -> None:
    topic: Optional[str] = None
    last_user: Optional[StoredEvent] = None
    messages = 0
    days = set()
    for event in events:
        if event.type_name == "user":
            messages += 1
            days.add(event.day)
            figures.messages_per_day[event.day] += 1
            last_user = event
        elif event.type_name == "slot":
            topic = _count_slot(event, topic, figures)
        elif event.type_name == "action":
            _count_action(event, last_user, figures)
    for day in days:
        figures.conversations_per_day[day] += 1
    if messages:
        figures.messages_per_conversation.append(messages)


def _count_slot(event: StoredEvent, topic: Optional[str], figures: ReviewFigures) -> Optional[str]:
    name, value = event.data.get("name"), event.data.get("value")
    if name == TOPIC_SLOT and value:
        figures.questions_per_topic[str(value)] += 1
        return str(value)
    if name == FEEDBACK_SLOT and value:
        figures.feedback_per_topic[topic or NO_TOPIC][str(value)] += 1
    return topic


def _count_action(
    event: StoredEvent, last_user: Optional[StoredEvent], figures: ReviewFigures
) -> None:
    name = event.data.get("name")
    if name == EMERGENCY_RESPONSE:
        figures.emergencies_per_day[event.day] += 1
        explanation = (event.data.get("metadata") or {}).get(SAFETY_METADATA_KEY) or {}
        for presentation in explanation.get("presentations") or ["(not recorded)"]:
            figures.emergencies_per_class[str(presentation)] += 1
    elif name in (CLARIFY_ACTION, OUT_OF_SCOPE_ACTION) and last_user is not None:
        reply = "clarifying question" if name == CLARIFY_ACTION else "out of scope"
        figures.for_review.append(
            ForReview(last_user.day, reply, _scope_kind(last_user), _text(last_user))
        )


def _text(event: StoredEvent) -> str:
    return str(event.data.get("text") or "")


def _scope_kind(event: StoredEvent) -> str:
    entities = (event.data.get("parse_data") or {}).get("entities") or []
    kinds = [e.get("value") for e in entities if e.get("entity") == SCOPE_REQUEST_ENTITY]
    return str(kinds[0]) if kinds else ""
