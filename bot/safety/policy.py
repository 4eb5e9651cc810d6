"""SafetyPolicy: answers symptom-severity language with the emergency message first.

At every prediction step it looks at the raw text of the latest user message (not
the NLU intent). When the red-flag detector finds a current red flag, it predicts
`utter_emergency` (plus `utter_crisis_line` for self-harm), then `action_listen`,
with confidence 1.0, a priority above every built-in policy, and as a "no user"
prediction, which Rasa's ensemble ranks above all others, active forms and rules
included (`_pick_best_policy` in rasa/core/policies/ensemble.py). Both replies are
static domain responses, so they reach the user with the action server down.

If the detector fails on a message, the policy logs the error and treats the
message as an emergency: it never fails silent.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from rasa.core.constants import POLICY_PRIORITY, RULE_POLICY_PRIORITY
from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.model_files import read_json, write_json
from bot.safety import detector, patterns, readings, rules, text
from bot.safety.detector import Assessment, RedFlagDetector
from bot.safety.rules import DEFAULT_RULES_FILE, load_rules, parse_rules

logger = logging.getLogger(__name__)

EMERGENCY_ACTION = "utter_emergency"
CRISIS_LINE_ACTION = "utter_crisis_line"
RULES_FILE = "red_flags.json"
SAFETY_POLICY_PRIORITY = RULE_POLICY_PRIORITY + 2
_CACHED_MESSAGES = 256


def _rules_path(config: Dict[str, Any]) -> Path:
    configured = config.get("rules_file")
    return Path(configured) if configured else DEFAULT_RULES_FILE


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class SafetyPolicy(Policy):
    """Predicts the emergency message first whenever the user reports a red flag."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Rules file (None: data/safety/red_flags.yml) and a priority above RulePolicy."""
        return {"rules_file": None, POLICY_PRIORITY: SAFETY_POLICY_PRIORITY}

    @staticmethod
    def supported_data() -> SupportedData:
        """Trains on nothing; listed so Rasa hands it every tracker kind."""
        return SupportedData.ML_AND_RULE_DATA

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """Fingerprints what Rasa cannot see: the rules file and the detector's code."""
        digest = hashlib.sha256()
        digest.update(
            json.dumps(load_rules(_rules_path(config)).as_dict(), sort_keys=True).encode()
        )
        for module in (detector, patterns, readings, rules, text):
            digest.update(inspect.getsource(module).encode("utf-8"))
        return digest.hexdigest()

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        red_flag_rules: Optional[rules.RedFlagRules] = None,
        **kwargs: Any,
    ) -> None:
        """Compiles the detector from the given rules, or from the rules file."""
        super().__init__(config, model_storage, resource, execution_context)
        self._rules = red_flag_rules or load_rules(_rules_path(config))
        self._assess: Callable[[str], Assessment] = lru_cache(maxsize=_CACHED_MESSAGES)(
            RedFlagDetector(self._rules).assess
        )

    def train(
        self,
        training_trackers: List[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        """Stores the rules in the model, so a trained model is self-contained."""
        write_json(self._model_storage, self._resource, RULES_FILE, self._rules.as_dict())
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SafetyPolicy:
        """Loads the rules stored at training time."""
        stored = read_json(model_storage, resource, RULES_FILE)
        return cls(
            config, model_storage, resource, execution_context, red_flag_rules=parse_rules(stored)
        )

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[str, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """The next step of the emergency reply, or no opinion at all."""
        turn = _current_turn(tracker)
        if turn is None:
            return self._prediction(self._default_predictions(domain))
        message, done = turn
        plan = self._plan(message)
        if not plan or done[: len(plan)] != plan[: len(done)]:
            return self._prediction(self._default_predictions(domain))
        next_action = plan[len(done)] if len(done) < len(plan) else ACTION_LISTEN_NAME
        probabilities = self._default_predictions(domain)
        probabilities[domain.index_for_action(next_action)] = 1.0
        return self._prediction(probabilities, is_no_user_prediction=True)

    def _plan(self, message: str) -> List[str]:
        """The replies a message calls for: none, the emergency, or also the crisis line."""
        try:
            assessment = self._assess(message)
        except Exception:  # fail safe: a broken detector must never mean silence
            logger.exception("Red-flag detector failed; answering as an emergency.")
            return [EMERGENCY_ACTION]
        if not assessment.emergency:
            return []
        logger.info(
            "Emergency reply for red flag(s) %s.",
            sorted({finding.red_flag for finding in assessment.current}),
        )
        return (
            [EMERGENCY_ACTION, CRISIS_LINE_ACTION] if assessment.crisis_line else [EMERGENCY_ACTION]
        )


def _current_turn(tracker: DialogueStateTracker) -> Optional[tuple[str, List[str]]]:
    """The latest user text and the bot actions run since it, or None before any."""
    done: List[str] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return event.text or "", list(reversed(done))
        if isinstance(event, ActionExecuted) and event.action_name not in (
            ACTION_LISTEN_NAME,
            None,
        ):
            done.append(event.action_name)
    return None
