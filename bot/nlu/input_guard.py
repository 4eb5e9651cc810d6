"""Rasa NLU component: routes unreadable messages to the fallback with a reason.

Runs last in the pipeline. An empty, over-long or non-English message gets intent
`nlu_fallback` and one `input_problem` entity (`empty`, `too_long`, `not_english`),
so the clarification action can say exactly what to do instead of guessing a topic.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    ENTITIES,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.courtesies import courtesy_intent
from bot.nlu.input_checks import NOT_ENGLISH, TOO_LONG, input_problem
from bot.nlu.intent_override import override_intent
from bot.nlu.length_guard import CUT_MARK
from bot.nlu.stateless import StatelessComponent
from knowledge.names import INPUT_PROBLEM_ENTITY


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER,
        DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR,
    ],
    is_trainable=False,
)
class InputGuard(StatelessComponent, EntityExtractorMixin):
    """Overrides the intent of empty, too long or non-English messages."""

    def process(self, messages: List[Message]) -> List[Message]:
        """Marks unusable messages as `nlu_fallback` with an `input_problem` entity."""
        for message in messages:
            problem = TOO_LONG if message.get(CUT_MARK) else input_problem(message.get(TEXT))
            if problem == NOT_ENGLISH and courtesy_intent(message.get(TEXT) or ""):
                continue  # "Obrigado, tchau" was understood (bot.nlu.courtesies)
            if problem is not None:
                self._mark(message, problem)
        return messages

    def _mark(self, message: Message, problem: str) -> None:
        override_intent(message, DEFAULT_NLU_FALLBACK_INTENT_NAME, keep_ranking=False)
        entity = {"entity": INPUT_PROBLEM_ENTITY, "value": problem, "start": 0, "end": 0}
        message.set(ENTITIES, self.add_extractor_name([entity]), add_to_output=True)
