"""Starts each conversation session with the disclaimer."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_access import KnowledgeAction
from knowledge.names import SESSION_START_ACTION

SESSION_METADATA_SLOT = "session_started_metadata"


class ActionSessionStart(KnowledgeAction):
    """Rasa's session start plus a one-line "not a diagnosis" disclaimer."""

    def name(self) -> str:
        """The domain name of this action (replaces Rasa's default)."""
        return SESSION_START_ACTION

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Starts the session, carries slots over and sends the disclaimer."""
        events: List[EventType] = [SessionStarted()]
        if domain.get("session_config", {}).get("carry_over_slots_to_new_session", True):
            events.extend(
                SlotSet(name, value)
                for name, value in tracker.slots.items()
                if value is not None and name != SESSION_METADATA_SLOT
            )
        dispatcher.utter_message(text=self.kb.messages["disclaimer"])
        events.append(ActionExecuted("action_listen"))
        return events
