"""Rasa NLU component: bounds the work NLU does on an over-long message.

Runs first in the pipeline. A message longer than MAX_MESSAGE_CHARS is cut to that
length before the tokenizer and featurizers see it, and marked, so `InputGuard`
(last in the pipeline) still answers "please keep it short". The full text stays
in the tracker's user event, where the safety policy reads it: an emergency at
the end of a long message still gets the emergency reply.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.input_checks import MAX_MESSAGE_CHARS
from bot.nlu.stateless import StatelessComponent

CUT_MARK = "input_was_cut"
"""Message attribute set on a message this component shortened."""


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER],
    is_trainable=False,
)
class LengthGuard(StatelessComponent):
    """Cuts over-long messages to MAX_MESSAGE_CHARS before any other NLU component."""

    def process(self, messages: List[Message]) -> List[Message]:
        """Shortens and marks every message longer than the limit."""
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str) and len(text) > MAX_MESSAGE_CHARS:
                message.set(TEXT, text[:MAX_MESSAGE_CHARS])
                message.set(CUT_MARK, True)
        return messages
