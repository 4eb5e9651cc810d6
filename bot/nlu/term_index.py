"""The knowledge file's terms as intents: what the named-term certainty decides with.

Stored in the trained model by bot.nlu.named_terms; the model tests read
GENERAL_TOPICS to know which topics' terms only fill a gap.
"""

from __future__ import annotations

from typing import AbstractSet, Any, Dict, List, Mapping, Sequence

from bot.nlu.topic_terms import knowledge_from_config
from knowledge.names import EMERGENCY_TOPIC, OVERVIEW_TOPIC, TERM_ENTITY

GENERAL_TOPICS = (OVERVIEW_TOPIC, EMERGENCY_TOPIC)
"""Topics whose terms name the subject in general, not a cause ("low wbc", "urgent"):
overview first, then the emergency question. Like them, a topic's broad terms
("tablets", "the lab") only fill a gap."""


def term_intents(config: Dict[str, Any]) -> Dict[str, Any]:
    """Each term's topic intent, and the intents of the general topics."""
    kb = knowledge_from_config(config)
    return {
        "terms": {term: kb.topic(topic_id).intent for term, topic_id in kb.term_index().items()},
        "general": [kb.topic(topic_id).intent for topic_id in GENERAL_TOPICS],
        "broad": kb.broad_terms(),
        "takes_broad": [topic.intent for topic in kb.topics if topic.takes_broad_terms],
    }


def named_intents(
    terms: Mapping[str, str],
    entities: Sequence[Dict[str, Any]],
    left_out: AbstractSet[str] = frozenset(),
) -> List[str]:
    """The intents of the terms the entities name, leaving out the terms in `left_out`."""
    return [
        terms[entity["value"]]
        for entity in entities
        if entity.get("entity") == TERM_ENTITY
        and entity.get("value") in terms
        and entity["value"] not in left_out
    ]


def broad_word_taker(
    named: AbstractSet[str], causes: AbstractSet[str], takers: AbstractSet[str]
) -> str | None:
    """The topic a broad word belongs to here, when a topic that takes them is named.

    "capecitabine tablets for bowel cancer", "is it his cancer medicine?": the
    tablets and the medicine are a cancer treatment. `named` are the cause topics
    named by any term, `causes` those named by their own terms, `takers` the topics
    that take broad words. None when no topic that takes broad words is named
    by its own term, or another cause is too ("the tablets for her lupus" may be the
    medicines or the lupus).
    """
    if len(causes) != 1 or not causes <= takers or not named - causes:
        return None
    return next(iter(causes))
