"""Rasa NLU component: a request intent only when the message makes that request.

The classifier learns `talk_to_person` from words like "nurse", "number" and
"clinic", which patients also use in other sentences: "hi, care home nurse here",
"can this be a wrong number?", "I've got a letter from the clinic". It learns
`forget_me` from "forget me", and hears it in "forgive me, what does this do?". A
message keeps such an intent only when it asks to talk, call, reach or get a
number, or to delete, erase or forget what it said; otherwise the classifier's
next guess stands.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.intent_override import demote_intent
from knowledge.names import FORGET_ME_INTENT, TALK_TO_PERSON_INTENT

_SOMEONE = (
    r"(?:person|people|human|someone|somebody|anyone|anybody|nurse|doctor|dr|gp|clinician"
    r"|consultant|staff|team|clinic|surgery|ward|unit|hospital|you|them|us|helpline|line|office"
    r"|reception|desk)"
)
_ASKS_FOR_A_PERSON = re.compile(
    r"\b(?:talk|speak|chat)\w*\s+(?:to|with)\b"
    r"|\b(?:call|ring|phone|contact|reach|email|e-mail|connect|get (?:hold of|in touch|through))"
    r"\w*\b[^.?!]{0,40}\b" + _SOMEONE + r"\b"
    r"|\b(?:call|ring)\s+(?:me|us|back)\b|\bput (?:me|us) through\b"
    r"|\b(?:who|where|when)\b[^.?!]{0,20}\b(?:ring|call|phone|contact)\b"
    r"|\b(?:phone|telephone|contact|tel)\s*(?:number|no|details|info)\b"
    r"|\bnumbers?\s+(?:for|of|to (?:call|ring))\b|\bnumber please\b"
    r"|\b(?:what|which) number\b(?! (?:would|should|is|are|counts?|do|does) (?:\w+ )?(?:be )?"
    r"(?:normal|ok|okay|good|healthy|safe|low|high|bad|fine))"
    r"|\b(?:real|actual|live)\s+(?:person|human)\b|\bhuman\b|\boperator\b|\bhelpline\b"
    r"|\b24[- ]?h(?:ou)?r\w*\b|\bwebsite\b|\bemail\b|\bget me (?:a|the) \w+"
)


_ASKS_TO_FORGET = re.compile(
    r"\b(?:delete|deleted|deleting|del|erase\w*|wipe\w*|remove\w*|clear\w*|destroy\w*|scrub\w*"
    r"|get rid of)\b"
    r"|\bforget (?:about )?(?:me|us)\b|(?:^\W*|\b(?:please|pls|plz|you|just|now) )forget\b"
    r"|\bforget (?:all|everything|anything|what) (?:\w+ )?(?:i|we) (?:said|wrote|typed|told)\b"
    r"|\b(?:be|been|being) forgotten\b"
    r"|\b(?:store|stored|storing|keep|keeping|save|saving|record\w*)\b[^.?!]{0,30}"
    r"\b(?:messages?|msgs|chats?|conversations?|convo|data|history|details|said|wrote|typed"
    r"|told|this|it)\b"
)
"""Deleting, forgetting what was said, or keeping it: not the patient's own memory ("sorry,
I've forgotten already", "I keep forgetting what you said")."""


def asks_for_a_person(text: str) -> bool:
    """True when the message asks to talk to, call or reach someone, or for their number."""
    return bool(_ASKS_FOR_A_PERSON.search(text.lower()))


def asks_to_forget(text: str) -> bool:
    """True when the message speaks of deleting, erasing or keeping what was said."""
    return bool(_ASKS_TO_FORGET.search(text.lower()))


_MAKES_THE_REQUEST = {TALK_TO_PERSON_INTENT: asks_for_a_person, FORGET_ME_INTENT: asks_to_forget}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RequestWordsCheck(GraphComponent):
    """Takes a request intent away from a message that does not make the request."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Below `threshold` the next guess is unsure: as FallbackClassifier's threshold."""
        return {"threshold": 0.30}

    def __init__(self, threshold: float) -> None:
        """Keeps the confidence below which the next guess counts as unsure."""
        self._threshold = threshold

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RequestWordsCheck:
        """Creates the component; its pattern is code."""
        return cls(float(config["threshold"]))

    def process(self, messages: List[Message]) -> List[Message]:
        """Demotes a request intent when the message does not make the request."""
        for message in messages:
            predicted = str((message.get(INTENT) or {}).get(INTENT_NAME_KEY))
            makes_it = _MAKES_THE_REQUEST.get(predicted)
            if makes_it is not None and not makes_it(message.get(TEXT) or ""):
                demote_intent(message, predicted, self._threshold)
        return messages
