"""Quick-reply buttons built from knowledge-file topics."""

from __future__ import annotations

from typing import Dict, Iterable, List

from knowledge import KnowledgeBase, Topic
from knowledge.names import FEEDBACK_HELPFUL_INTENT, FEEDBACK_NOT_HELPFUL_INTENT

FOLLOW_UP_PAYLOAD = "/follow_up"


def topic_button(topic: Topic) -> Dict[str, str]:
    """A button that asks the topic's question, labelled with its title."""
    return {"title": topic.title, "payload": f"/{topic.intent}"}


def topic_buttons(kb: KnowledgeBase, topic_ids: Iterable[str]) -> List[Dict[str, str]]:
    """Buttons for these topic ids, in order, without repeats."""
    seen: List[str] = []
    for topic_id in topic_ids:
        if topic_id not in seen:
            seen.append(topic_id)
    return [topic_button(kb.topic(topic_id)) for topic_id in seen]


def more_button(kb: KnowledgeBase) -> Dict[str, str]:
    """The "tell me more" button, answered in the context of the current topic."""
    return {"title": kb.messages["more_button"], "payload": FOLLOW_UP_PAYLOAD}


def feedback_buttons(kb: KnowledgeBase) -> List[Dict[str, str]]:
    """The "Helpful" and "Not helpful" buttons: the patient's say on the answer above them."""
    return [
        {"title": kb.messages["helpful_button"], "payload": f"/{FEEDBACK_HELPFUL_INTENT}"},
        {"title": kb.messages["not_helpful_button"], "payload": f"/{FEEDBACK_NOT_HELPFUL_INTENT}"},
    ]
