"""Decides which topic a message is about and whether it asks for more detail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, List

from knowledge import KnowledgeBase, Topic
from knowledge.names import AFFIRM_INTENT, FOLLOW_UP_INTENT


@dataclass(frozen=True)
class Choice:
    """The topic to answer, and whether to give its longer "more" part."""

    topic: Topic
    more: bool


def named_topics(kb: KnowledgeBase, terms: Iterable[str]) -> List[Topic]:
    """Topics pointed to by knowledge-file terms, in the order they were named."""
    topics: List[Topic] = []
    for term in terms:
        topic = kb.topic_for_term(term)
        if topic is not None and topic not in topics:
            topics.append(topic)
    return topics


def choose_topic(
    kb: KnowledgeBase,
    intent: str | None,
    terms: Iterable[str],
    current_topic_id: str | None,
) -> Choice | None:
    """The answer to give, or None when the bot has to ask which topic was meant.

    A topic intent answers that topic. A follow-up that names a term ("what about
    HIV?") answers the term's topic, or gives more of it if it is the current one;
    a follow-up or a "yes" without a term gives more of the current topic.
    """
    topic = kb.topic_for_intent(intent)
    if topic is not None:
        return Choice(topic=topic, more=False)

    current = kb.topic(current_topic_id) if current_topic_id in _ids(kb) else None
    if intent == FOLLOW_UP_INTENT:
        named = named_topics(kb, terms)
        if named:
            return Choice(topic=named[0], more=named[0] == current)
    if intent in (FOLLOW_UP_INTENT, AFFIRM_INTENT) and current is not None:
        return Choice(topic=current, more=True)
    return None


def _ids(kb: KnowledgeBase) -> List[str]:
    return [topic.id for topic in kb.topics]
