"""Replies to questions the knowledge file does not cover."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import topic_buttons
from actions.knowledge_access import KnowledgeAction
from actions.message_parts import scope_request
from knowledge.names import CLINIC_ADMIN_REQUEST, CONTACT_RESPONSE, OUT_OF_SCOPE_ACTION


class ActionOutOfScope(KnowledgeAction):
    """Says what the bot can help with, offers every topic and points to the care team."""

    def name(self) -> str:
        """The domain name of this action."""
        return OUT_OF_SCOPE_ACTION

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[Dict[str, Any]]:
        """Sends the out-of-scope reply with a button per topic.

        A request the NLU recognised (a diagnosis, a dose...) gets its own first line;
        the clinic's business (appointments, opening hours) also its contact card.
        """
        kb = self.kb
        kind = scope_request(tracker)
        text = kb.messages["out_of_scope"]
        if kind is not None:
            text = kb.messages[f"scope_{kind}"] + " " + text
        dispatcher.utter_message(
            text=text,
            buttons=topic_buttons(kb, (topic.id for topic in kb.topics)),
        )
        if kind == CLINIC_ADMIN_REQUEST:
            dispatcher.utter_message(response=CONTACT_RESPONSE)
        return []
