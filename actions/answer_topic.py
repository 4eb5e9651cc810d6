"""Answers a topic question or a follow-up from the knowledge file."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import feedback_buttons, more_button, topic_buttons
from actions.knowledge_access import KnowledgeAction
from actions.message_parts import intent_name, last_cause_answered, scope_request, term_values
from actions.topic_choice import choose_topic
from knowledge import KnowledgeBase, Topic
from knowledge.names import ANSWER_ACTION, TOPIC_SLOT
from knowledge.references import intent_confidence


class ActionAnswerTopic(KnowledgeAction):
    """Gives a topic's answer (or its "more" part), its source, follow-up and feedback buttons."""

    def name(self) -> str:
        """The domain name of this action."""
        return ANSWER_ACTION

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[Dict[str, Any]]:
        """Answers the chosen topic and records it in the `topic` slot."""
        kb = self.kb
        choice = choose_topic(
            kb,
            intent_name(tracker),
            term_values(tracker),
            tracker.get_slot(TOPIC_SLOT),
            text=tracker.latest_message.get("text") or "",
            scope_request=scope_request(tracker),
            confidence=intent_confidence(tracker.latest_message.get("intent")),
            last_cause_id=last_cause_answered(tracker),
        )
        if choice is None:
            dispatcher.utter_message(
                text=kb.messages["pick_topic"],
                buttons=topic_buttons(kb, (topic.id for topic in kb.topics)),
            )
            return []

        topic = choice.topic
        answer = _more_text(topic) if choice.more else topic.answer
        for term in kb.unnamed_in(topic, term_values(tracker)):
            answer += " " + kb.messages["not_named"].format(term=term)
        text = kb.messages["answer"].format(
            answer=answer,
            document=kb.source_document,
            section=topic.source_section,
        )
        dispatcher.utter_message(text=text, buttons=_follow_up_buttons(kb, topic, choice.more))
        return [SlotSet(TOPIC_SLOT, topic.id)]


def _more_text(topic: Topic) -> str:
    return f"{topic.more} {topic.what_to_do}" if topic.what_to_do else topic.more


def _follow_up_buttons(kb: KnowledgeBase, topic: Topic, gave_more: bool) -> List[Dict[str, str]]:
    related = topic_buttons(kb, topic.related)
    follow_ups = related if gave_more else [more_button(kb)] + related
    return follow_ups + feedback_buttons(kb)
