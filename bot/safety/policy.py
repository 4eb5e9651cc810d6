"""SafetyPolicy: answers symptom-severity language with the emergency message first.

At every prediction step it looks at the raw text of the latest user message (not
the NLU intent). When the red-flag detector (rules, numbers and the classifier
learned at training time from data/safety/labelled/) finds a current red flag, it predicts
`utter_emergency` (plus `utter_crisis_line` for self-harm), then `action_listen`,
with confidence 1.0, a priority above every built-in policy, and as a "no user"
prediction, which Rasa's ensemble ranks above all others, active forms and rules
included (`_pick_best_policy` in rasa/core/policies/ensemble.py). Both replies are
static domain responses, so they reach the user with the action server down.

If the detector fails on a message, the policy logs the error and treats the
message as an emergency: it never fails silent. Which rules, presentations and
discriminators fired goes into the emergency action's event metadata (and the
log at DEBUG), never the patient's words.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

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
from bot.safety.detector import Assessment, RedFlagDetector
from bot.safety.labelled import (
    DEFAULT_NLU_DIR,
    DEFAULT_SETS_DIR,
    load_sets,
    topic_questions,
    training_examples,
)
from bot.safety.learned import LearnedOpinion
from bot.safety.rule_types import RedFlagRules
from bot.safety.rules import DEFAULT_RULES_FILE, load_rules, parse_rules
from bot.safety.taxonomy import DEFAULT_TAXONOMY_FILE, load_taxonomy
from knowledge.names import CRISIS_LINE_RESPONSE, EMERGENCY_RESPONSE

logger = logging.getLogger(__name__)

RULES_FILE = "red_flags.json"
CLASSIFIER_FILE = "classifier.joblib"
METADATA_KEY = "safety"
"""Key of the explanation in the emergency action's event metadata."""
SAFETY_CODE_DIR = Path(__file__).resolve().parent
"""Every module of bot.safety: all of it decides what the model does."""
SAFETY_POLICY_PRIORITY = RULE_POLICY_PRIORITY + 2
_CACHED_MESSAGES = 256


def _path(config: Dict[str, Any], key: str, default: Path) -> Path:
    configured = config.get(key)
    return Path(configured) if configured else default


def _load_rules(config: Dict[str, Any]) -> RedFlagRules:
    taxonomy = load_taxonomy(_path(config, "taxonomy_file", DEFAULT_TAXONOMY_FILE))
    return load_rules(_path(config, "rules_file", DEFAULT_RULES_FILE), taxonomy)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class SafetyPolicy(Policy):
    """Predicts the emergency message first whenever the user reports a red flag."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Files (None: under data/safety/), the classifier on, a priority above RulePolicy."""
        return {
            "rules_file": None,
            "taxonomy_file": None,
            "labelled_sets": None,
            "use_classifier": True,
            POLICY_PRIORITY: SAFETY_POLICY_PRIORITY,
        }

    @staticmethod
    def supported_data() -> SupportedData:
        """Trains on nothing; listed so Rasa hands it every tracker kind."""
        return SupportedData.ML_AND_RULE_DATA

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """Fingerprints what Rasa cannot see: rules, taxonomy, labelled sets and the code."""
        digest = hashlib.sha256()
        digest.update(json.dumps(_load_rules(config).as_dict(), sort_keys=True).encode())
        digest.update(json.dumps(config.get("use_classifier", True)).encode())
        for folder in (_path(config, "labelled_sets", DEFAULT_SETS_DIR), DEFAULT_NLU_DIR):
            for path in sorted(folder.rglob("*.yml")):
                digest.update(str(path.relative_to(folder)).encode("utf-8") + path.read_bytes())
        for path in sorted(SAFETY_CODE_DIR.glob("*.py")):
            digest.update(path.name.encode("utf-8") + path.read_bytes())
        return digest.hexdigest()

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        red_flag_rules: Optional[RedFlagRules] = None,
        classifier: Optional[LearnedOpinion] = None,
        **kwargs: Any,
    ) -> None:
        """Compiles the detector from the given rules (or the rules file) and classifier."""
        super().__init__(config, model_storage, resource, execution_context)
        self._rules = red_flag_rules or _load_rules(config)
        self._classifier = classifier
        self._assess: Callable[[str], Assessment] = lru_cache(maxsize=_CACHED_MESSAGES)(
            RedFlagDetector(self._rules, classifier).assess
        )

    def train(
        self,
        training_trackers: List[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        """Learns the classifier from the labelled sets; stores it and the rules in the model."""
        write_json(self._model_storage, self._resource, RULES_FILE, self._rules.as_dict())
        if self.config.get("use_classifier", True):
            sets = load_sets(
                self._rules.taxonomy, _path(self.config, "labelled_sets", DEFAULT_SETS_DIR)
            )
            classifier = LearnedOpinion.train(training_examples(sets) + topic_questions())
            with self._model_storage.write_to(self._resource) as directory:
                classifier.save(directory / CLASSIFIER_FILE)
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
        """Loads the rules and the classifier stored at training time."""
        stored = read_json(model_storage, resource, RULES_FILE)
        classifier = None
        if config.get("use_classifier", True):
            with model_storage.read_from(resource) as directory:
                classifier = LearnedOpinion.load(directory / CLASSIFIER_FILE)
        return cls(
            config,
            model_storage,
            resource,
            execution_context,
            red_flag_rules=parse_rules(stored),
            classifier=classifier,
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
        plan, explanation = self._plan(message)
        if not plan or done[: len(plan)] != plan[: len(done)]:
            return self._prediction(self._default_predictions(domain))
        next_action = plan[len(done)] if len(done) < len(plan) else ACTION_LISTEN_NAME
        probabilities = self._default_predictions(domain)
        probabilities[domain.index_for_action(next_action)] = 1.0
        metadata = {METADATA_KEY: explanation} if next_action != ACTION_LISTEN_NAME else None
        return self._prediction(probabilities, is_no_user_prediction=True, action_metadata=metadata)

    def _plan(self, message: str) -> Tuple[List[str], Dict[str, Any]]:
        """The replies a message calls for (none, the emergency, also the crisis line), and why."""
        try:
            assessment = self._assess(message)
        except Exception as error:  # fail safe: a broken detector must never mean silence
            # The exception's type only: its text could quote the patient's message.
            logger.error(
                "Red-flag detector failed (%s); answering as an emergency.", type(error).__name__
            )
            logger.debug("Red-flag detector failure.", exc_info=True)
            return [EMERGENCY_RESPONSE], {"rules": [], "detector_error": type(error).__name__}
        if not assessment.emergency:
            return [], {}
        explanation = assessment.explanation()
        logger.info("Emergency reply for %s.", explanation["discriminators"])
        logger.debug("Emergency reply: %s.", explanation)
        plan = (
            [EMERGENCY_RESPONSE, CRISIS_LINE_RESPONSE]
            if assessment.crisis_line
            else [EMERGENCY_RESPONSE]
        )
        return plan, explanation


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
