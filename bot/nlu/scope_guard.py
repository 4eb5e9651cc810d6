"""Rasa NLU component: a request the fact sheet cannot answer gets out of scope.

Runs after the named-term certainty. "Do I have leukaemia?", "what dose of
prednisone?", "can I raise it with food?", "my platelets are low too" name a
topic's words but ask for a diagnosis, medicine advice, a treatment or another result
(bot.nlu.scope_requests): the intent becomes out_of_scope, so the reply says what
the bot can help with and sends the patient to the care team, instead of a topic
answer that reads as "yes". The kind of request is kept as a `scope_request`
entity for the reply. The safety policy reads every message before any of this.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.intent_override import override_intent
from bot.nlu.scope_requests import out_of_scope_request
from bot.nlu.stateless import StatelessComponent
from knowledge.names import OUT_OF_SCOPE_INTENT, SCOPE_REQUEST_ENTITY


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER,
        DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR,
    ],
    is_trainable=False,
)
class ScopeGuard(StatelessComponent, EntityExtractorMixin):
    """Overrides the intent of a request the fact sheet cannot answer."""

    def process(self, messages: List[Message]) -> List[Message]:
        """Marks unanswerable requests as out_of_scope with a `scope_request` entity."""
        for message in messages:
            kind = out_of_scope_request(message.get(TEXT) or "")
            if kind is not None:
                self._mark(message, kind)
        return messages

    def _mark(self, message: Message, kind: str) -> None:
        override_intent(message, OUT_OF_SCOPE_INTENT)
        entity = {"entity": SCOPE_REQUEST_ENTITY, "value": kind, "start": 0, "end": 0}
        entities = [*(message.get(ENTITIES) or []), *self.add_extractor_name([entity])]
        message.set(ENTITIES, entities, add_to_output=True)
