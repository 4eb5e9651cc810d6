"""The knowledge file's terms as intents: what the named-term certainty decides with.

Stored in the trained model by bot.nlu.named_terms; the model tests read
GENERAL_TOPICS to know which topics' terms only fill a gap.
"""

from __future__ import annotations

from typing import Any, Dict

from bot.nlu.topic_terms import knowledge_from_config
from knowledge.names import EMERGENCY_TOPIC, OVERVIEW_TOPIC

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
