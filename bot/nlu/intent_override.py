"""Sets a message's intent for the components that decide instead of the classifier."""

from __future__ import annotations

from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
)
from rasa.shared.nlu.training_data.message import Message


def override_intent(message: Message, name: str, keep_ranking: bool = True) -> None:
    """Gives the message this intent with confidence 1.0, first in its ranking.

    The classifier's other guesses stay below it (the clarifying question reads them)
    unless keep_ranking is False.
    """
    intent = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
    others = [
        ranked
        for ranked in (message.get(INTENT_RANKING_KEY) or [] if keep_ranking else [])
        if ranked.get(INTENT_NAME_KEY) != name
    ]
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [intent, *others], add_to_output=True)


def demote_intent(message: Message, name: str, threshold: float) -> None:
    """Takes this intent out of the message's ranking: the next guess becomes its intent.

    The next guess keeps the classifier's confidence, so the components after this
    one still see how sure it was; below the threshold, or with no other guess, the
    message is unsure (Rasa's `nlu_fallback`), as FallbackClassifier would make it.
    """
    others = [
        ranked
        for ranked in message.get(INTENT_RANKING_KEY) or []
        if ranked.get(INTENT_NAME_KEY) != name
    ]
    confidence = float(others[0].get(PREDICTED_CONFIDENCE_KEY) or 0.0) if others else 0.0
    intent = (
        dict(others[0])
        if confidence >= threshold
        else {
            INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME,
            PREDICTED_CONFIDENCE_KEY: threshold,
        }
    )
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, others, add_to_output=True)
