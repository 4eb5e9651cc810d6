"""OutagePolicy: when a custom action fails, the bot says so and listens.

Rasa runs a custom action on the action server; when that server is down, slow
past its timeout, or answers with an error or invalid JSON, Rasa logs the error,
drops the action's events and asks the policies again. Left alone, they predict
the same action (or the core fallback, also a custom action) until Rasa's
circuit breaker trips after ten actions: the patient gets nothing, and the next
message is refused before any policy, the safety policy included, is asked.

This policy sees that signature (the tracker ends with a custom action that
brought no event of its own) and predicts `utter_service_unavailable`, a static
domain response, then `action_listen`. The turn ends after two actions; the next
message, an emergency included, reaches the safety policy as usual. It ranks
just below the safety policy and above every built-in policy, as a "no user"
prediction, and has no opinion otherwise.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional

from rasa.core.constants import POLICY_PRIORITY, RULE_POLICY_PRIORITY
from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from knowledge.names import SERVICE_UNAVAILABLE_RESPONSE

logger = logging.getLogger(__name__)

OUTAGE_POLICY_PRIORITY = RULE_POLICY_PRIORITY + 1
"""Below SafetyPolicy (RULE_POLICY_PRIORITY + 2), above RulePolicy."""


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class OutagePolicy(Policy):
    """Answers a failed custom action with a static "can't look that up" reply."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """A priority just below the safety policy's."""
        return {POLICY_PRIORITY: OUTAGE_POLICY_PRIORITY}

    @staticmethod
    def supported_data() -> SupportedData:
        """Trains on nothing; listed so Rasa hands it every tracker kind."""
        return SupportedData.ML_AND_RULE_DATA

    def train(
        self,
        training_trackers: List[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        """Nothing to learn."""
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[str, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """`utter_service_unavailable` after a failed custom action, then listen."""
        next_action = _next_action(tracker, domain)
        probabilities = self._default_predictions(domain)
        if next_action is None:
            return self._prediction(probabilities)
        if next_action == SERVICE_UNAVAILABLE_RESPONSE:
            # The action's name only: never the patient's words.
            logger.warning(
                "Custom action '%s' failed; telling the user it is unavailable.",
                tracker.latest_action_name,
            )
        probabilities[domain.index_for_action(next_action)] = 1.0
        return self._prediction(probabilities, is_no_user_prediction=True)


def _next_action(tracker: DialogueStateTracker, domain: Domain) -> Optional[str]:
    """What follows the latest action, or None when this policy has no opinion.

    Only in a live conversation: every message a channel delivers carries a
    message id, while a story replayed by `rasa test` has none and runs no action.
    """
    if not _live(tracker):
        return None
    events = list(tracker.events)
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if not isinstance(event, ActionExecuted):
            continue
        if event.action_name == SERVICE_UNAVAILABLE_RESPONSE:
            return ACTION_LISTEN_NAME
        brought_nothing = index == len(events) - 1  # a custom action that ran leaves events
        if brought_nothing and event.action_name in custom_actions(domain):
            return SERVICE_UNAVAILABLE_RESPONSE
        return None
    return None


def _live(tracker: DialogueStateTracker) -> bool:
    """The latest user message came through a channel (Rasa gives it a message id)."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return bool(event.message_id)
    return False


def custom_actions(domain: Domain) -> List[str]:
    """The domain's actions that run on the action server (not responses, not forms)."""
    return [name for name in domain.user_actions if name not in domain.responses]
