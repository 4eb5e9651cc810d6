"""TopicContextPolicy: a message the conversation explains gets the topic it means.

The intent classifier reads one message; "can they make my count low?" after an
answer about water pills sounds to it like the overview, "how long?" like
nothing it knows, and "what else can do it?" like more of the same. When
knowledge.references finds the topic the conversation makes of the message (the
current cause, or the overview for other causes), this policy predicts
action_answer_topic, which makes the same decision with the same function.
Otherwise it has no opinion.

It ranks with the outage policy, below the safety policy and above the rules; the
two never speak on the same step (this one only right after a user message, the
outage policy only after a failed action). The knowledge file is stored in the
model, so the policy answers as the model was trained.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Dict, List, Optional

from rasa.core.constants import POLICY_PRIORITY
from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.model_files import read_json, write_json
from bot.outage_policy import OUTAGE_POLICY_PRIORITY
from knowledge import knowledge_file_path
from knowledge.loader import parse_knowledge, read_knowledge_document
from knowledge.names import (
    ANSWER_ACTION,
    SCOPE_REQUEST_ENTITY,
    TERM_ENTITY,
    TOPIC_SLOT,
)
from knowledge.references import intent_confidence, last_cause, topic_from_context

KNOWLEDGE_DOCUMENT_FILE = "knowledge.json"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class TopicContextPolicy(Policy):
    """Predicts the answer action for a message the conversation explains."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The outage policy's priority: below safety, above the rules."""
        return {POLICY_PRIORITY: OUTAGE_POLICY_PRIORITY}

    @staticmethod
    def supported_data() -> SupportedData:
        """Trains on nothing; listed so Rasa hands it every tracker kind."""
        return SupportedData.ML_AND_RULE_DATA

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """A changed knowledge file retrains the policy."""
        document = json.dumps(read_knowledge_document(knowledge_file_path()), sort_keys=True)
        return hashlib.sha256(document.encode("utf-8")).hexdigest()

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        document: Optional[Any] = None,
    ) -> None:
        """Keeps the knowledge file's document (read now for training, from the model after)."""
        super().__init__(config, model_storage, resource, execution_context)
        self._document = (
            document if document is not None else read_knowledge_document(knowledge_file_path())
        )
        self._kb = parse_knowledge(self._document, origin="the knowledge file in the model")

    def train(
        self,
        training_trackers: List[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        """Stores the knowledge file's document in the model; nothing to learn."""
        write_json(self._model_storage, self._resource, KNOWLEDGE_DOCUMENT_FILE, self._document)
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TopicContextPolicy:
        """Loads the knowledge file's document stored in the model."""
        document = read_json(model_storage, resource, KNOWLEDGE_DOCUMENT_FILE)
        return cls(config, model_storage, resource, execution_context, document)

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[str, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """The answer action after a message the conversation explains, then listen.

        Listening is predicted here too: no rule covers an answer to, say, a clarifying
        question's intent, and the rules' fallback would add a second reply.
        """
        probabilities = self._default_predictions(domain)
        latest = tracker.latest_action_name
        if latest in (ACTION_LISTEN_NAME, ANSWER_ACTION) and self._explained_by_context(tracker):
            next_action = ANSWER_ACTION if latest == ACTION_LISTEN_NAME else ACTION_LISTEN_NAME
            probabilities[domain.index_for_action(next_action)] = 1.0
        return self._prediction(probabilities)

    def _explained_by_context(self, tracker: DialogueStateTracker) -> bool:
        message = tracker.latest_message
        if message is None or not message.text:
            return False
        topic = topic_from_context(
            self._kb,
            intent=message.intent.get("name"),
            terms=[str(v) for v in tracker.get_latest_entity_values(TERM_ENTITY)],
            text=message.text,
            current_topic_id=tracker.get_slot(TOPIC_SLOT),
            scope_request=next(tracker.get_latest_entity_values(SCOPE_REQUEST_ENTITY), None),
            confidence=intent_confidence(message.intent),
            last_cause_id=last_cause(
                event.value
                for event in tracker.applied_events()
                if isinstance(event, SlotSet) and event.key == TOPIC_SLOT
            ),
        )
        return topic is not None
