"""Decides which topic a message is about and whether it asks for more detail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from knowledge import KnowledgeBase, Topic
from knowledge.names import FOLLOW_UP_INTENT, OVERVIEW_TOPIC
from knowledge.references import topic_from_context


@dataclass(frozen=True)
class Choice:
    """The topic to answer, and whether to give its longer "more" part."""

    topic: Topic
    more: bool


def choose_topic(
    kb: KnowledgeBase,
    intent: str | None,
    terms: Iterable[str],
    current_topic_id: str | None,
    text: str = "",
    scope_request: str | None = None,
    confidence: float = 1.0,
    last_cause_id: str | None = None,
) -> Choice | None:
    """The answer to give, or None when the bot has to ask which topic was meant.

    The conversation decides first (knowledge.references): a message that goes on
    about the current cause ("can they make it low?") gives more of it, "what
    else?" the overview, whatever the classifier heard; the Rasa server's
    TopicContextPolicy sends such messages here. A topic intent
    answers that topic. A follow-up that names a term ("what about
    HIV?") answers the term's topic (a cause before the overview's own
    word), or gives more of it if it is the current one;
    a follow-up without a term gives more of the current topic, or the overview
    when nothing was discussed yet ("tell me more"). (A "yes" or "ok"
    gets "anything else?" from the rules: the answers ask no question.)
    """
    current = kb.topic(current_topic_id) if current_topic_id in kb.topic_ids else None
    terms = list(terms)
    from_context = topic_from_context(
        kb, intent, terms, text, current_topic_id, scope_request, confidence, last_cause_id
    )
    if from_context is not None:
        return Choice(
            topic=kb.topic(from_context), more=current is not None and from_context == current.id
        )
    topic = kb.topic_for_intent(intent)
    if topic is not None:
        return Choice(topic=topic, more=False)

    if intent == FOLLOW_UP_INTENT:
        named = kb.named_topics(terms)
        # A cause before the overview's own word: "now it says low white cells, is that the
        # small sample?"
        preferred = [topic for topic in named if topic.id != OVERVIEW_TOPIC] or named
        if preferred:
            return Choice(topic=preferred[0], more=preferred[0] == current)
    if intent == FOLLOW_UP_INTENT and current is not None:
        return Choice(topic=current, more=True)
    if intent == FOLLOW_UP_INTENT and not terms:
        return Choice(topic=kb.topic(OVERVIEW_TOPIC), more=False)
    return None
