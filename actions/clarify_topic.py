"""Replies to a message the bot could not read or classify with confidence."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import topic_buttons
from actions.knowledge_access import KnowledgeAction
from actions.message_parts import input_problem, ranked_intents, term_values
from knowledge.names import CLARIFY_ACTION, INPUT_PROBLEMS

MAX_SUGGESTIONS = 3


class ActionClarifyTopic(KnowledgeAction):
    """Says what to do about an unreadable message, or offers the likeliest topics."""

    def name(self) -> str:
        """The domain name of this action."""
        return CLARIFY_ACTION

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[Dict[str, Any]]:
        """Never guesses: explains the problem or asks which topic was meant."""
        kb = self.kb
        problem = input_problem(tracker)
        if problem in INPUT_PROBLEMS:  # each names a message in the knowledge file
            dispatcher.utter_message(text=kb.messages[problem])
            return []

        from_terms = [topic.id for topic in kb.named_topics(term_values(tracker))]
        from_ranking = [
            topic.id
            for topic in map(kb.topic_for_intent, ranked_intents(tracker))
            if topic is not None
        ]
        likeliest = list(dict.fromkeys(from_terms + from_ranking))[:MAX_SUGGESTIONS]
        if not likeliest:
            likeliest = [topic.id for topic in kb.topics]
        dispatcher.utter_message(text=kb.messages["clarify"], buttons=topic_buttons(kb, likeliest))
        return []
