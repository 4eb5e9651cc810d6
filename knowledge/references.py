"""Whether a message goes on about the cause just discussed ("is that why it's low?").

Patients lean on the conversation: after an answer about water pills, "can they
make my count low?", "how long?" and "would that explain it?" are about water
pills, though the classifier, which sees one message, hears a general question
("why is my count low?" is the overview's) or nothing it knows. A message
continues the current cause when it names no topic's term, refers back (that,
it, they...) or is short, and does not ask for other causes ("what else?").

Plain Python with no Rasa import: the Rasa server's TopicContextPolicy and the
action server's topic choice decide with this one function.
"""

from __future__ import annotations

import re
from typing import Iterable

from knowledge.loader import KnowledgeBase
from knowledge.names import (
    EMERGENCY_TOPIC,
    NLU_FALLBACK_INTENT,
    OUT_OF_SCOPE_INTENT,
    OVERVIEW_TOPIC,
)

SHORT_MESSAGE_WORDS = 6
"""A message this short ("how long?", "her count is low, why?") leans on context."""

_REFERENCE = re.compile(
    r"\b(?:that|this|it|its|it's|they|them|those|these|the (?:tablets?|pills?|treatment"
    r"|medicines?|drugs?|condition|disease|illness|virus|infection|sample|test))\b"
)
_OTHER_CAUSES = re.compile(
    r"\b(?:else|other|others|another|apart from|besides|except|instead|rather than"
    r"|in general|generally|usually|all the|list)\b"
)
_OTHER_SOMETHING = re.compile(r"\bother (?:\w+ )?(?:cells?|counts?|results?|tests?|people)\b")
_WORD = re.compile(r"[a-z0-9']+")


def continues_current_topic(
    kb: KnowledgeBase,
    intent: str | None,
    terms: Iterable[str],
    text: str,
    current_topic_id: str | None,
    scope_request: str | None = None,
) -> bool:
    """True when the message asks more about the current cause, whatever the classifier said.

    Only a general reading is overruled: the overview, a clarifying question, or an
    out-of-scope guess the scope patterns did not make (and that one only on a
    reference, not for being short); never the emergency question, a greeting or
    thanks, or a topic a named term supports.
    """
    if current_topic_id in (None, OVERVIEW_TOPIC, EMERGENCY_TOPIC):
        return False
    if current_topic_id not in {topic.id for topic in kb.topics}:
        return False
    overview = kb.topic(OVERVIEW_TOPIC).intent
    if intent not in (overview, NLU_FALLBACK_INTENT, OUT_OF_SCOPE_INTENT):
        return False
    if scope_request is not None or _names_a_cause(kb, terms):
        return False
    lowered = text.lower()
    if _OTHER_CAUSES.search(lowered) and not _OTHER_SOMETHING.search(lowered):
        return False
    if _REFERENCE.search(lowered):
        return True
    short = len(_WORD.findall(lowered)) <= SHORT_MESSAGE_WORDS
    return short and intent != OUT_OF_SCOPE_INTENT  # "is she going to be ok?" stays out


def _names_a_cause(kb: KnowledgeBase, terms: Iterable[str]) -> bool:
    """A term of a cause, not of the general topics ("low wbc" names no cause)."""
    topics = (kb.topic_for_term(term) for term in terms)
    return any(t is not None and t.id not in (OVERVIEW_TOPIC, EMERGENCY_TOPIC) for t in topics)
