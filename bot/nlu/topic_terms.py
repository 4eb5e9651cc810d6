"""Rasa NLU component: the knowledge file's terms as entities and as features.

Each term found in a message (exact or with a small typo) becomes a `cause_term`
entity whose value is the canonical term; the action server maps it to its topic.
The same matches become one sparse feature per topic, so the intent classifier
learns "a medicine was named" once and applies it to every medicine in the list,
including ones no training example mentions.

The term list is read from the knowledge file at training time and stored in the
model, so a trained model is self-contained. Rasa caches trained components by code
and config only, so `fingerprint_addon` adds the term list: editing the terms makes
the next `rasa train` retrain this component and everything after it. The
matcher's code lives in another module, which Rasa does not fingerprint either.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
from pathlib import Path
from typing import Any, Dict, List, Type

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.featurizers.sparse_featurizer.sparse_featurizer import SparseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.model_files import read_json, write_json
from bot.nlu import term_matcher
from bot.nlu.term_matcher import TermMatch, TermMatcher
from knowledge import KnowledgeBase, knowledge_file_path, load_knowledge
from knowledge.names import TERM_ENTITY

logger = logging.getLogger(__name__)

TERMS_FILE = "terms.json"
KNOWLEDGE_FILE_KEY = "knowledge_file"


def knowledge_file_config() -> Dict[str, Any]:
    """A knowledge-reading component's config: the file's path, None for the default.

    The default is $LEUKOBOT_KNOWLEDGE_FILE or data/knowledge/leukopenia.yml.
    """
    return {KNOWLEDGE_FILE_KEY: None}


def knowledge_from_config(config: Dict[str, Any]) -> KnowledgeBase:
    """Loads and validates the knowledge file a component's config names (or the default)."""
    configured = config.get(KNOWLEDGE_FILE_KEY)
    return load_knowledge(Path(configured) if configured else knowledge_file_path())


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
        DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR,
    ],
    is_trainable=True,
)
class TopicTermExtractor(SparseFeaturizer, EntityExtractorMixin, GraphComponent):
    """Finds knowledge-file terms: `cause_term` entities plus one feature per topic."""

    @classmethod
    def required_components(cls) -> List[Type]:
        """Needs Rasa tokens to align its sequence features."""
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Knowledge file path (None: the project default or $LEUKOBOT_KNOWLEDGE_FILE)."""
        return {**SparseFeaturizer.get_default_config(), **knowledge_file_config()}

    @classmethod
    def validate_config(cls, config: Dict[str, Any]) -> None:
        """Nothing to check beyond what loading the knowledge file checks."""

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str | None:
        """Fingerprints what Rasa cannot see: the term list and the matcher's code."""
        terms = json.dumps(knowledge_from_config(config).term_index(), sort_keys=True)
        digest = hashlib.sha256(terms.encode("utf-8"))
        digest.update(inspect.getsource(term_matcher).encode("utf-8"))
        return digest.hexdigest()

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        term_index: Dict[str, str],
    ) -> None:
        """Builds the matcher from a term-to-topic index."""
        super().__init__(execution_context.node_name, config)
        self._model_storage = model_storage
        self._resource = resource
        self._term_index = term_index
        self._matcher = TermMatcher(term_index)
        self._columns = sorted(set(term_index.values()))
        """One feature column per topic id (every topic has terms), in a stable order."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> TopicTermExtractor:
        """Creates the component for training, reading the knowledge file."""
        term_index = knowledge_from_config(config).term_index()
        return cls(config, model_storage, resource, execution_context, term_index)

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TopicTermExtractor:
        """Loads the term list stored in the trained model."""
        term_index = read_json(model_storage, resource, TERMS_FILE)
        return cls(config, model_storage, resource, execution_context, term_index)

    def train(self, training_data: TrainingData) -> Resource:
        """Stores the term list in the model; there is nothing to learn."""
        write_json(self._model_storage, self._resource, TERMS_FILE, self._term_index)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Adds topic features to training examples (their entities stay as written)."""
        for example in training_data.training_examples:
            if example.get(TEXT):
                self._add_features(example, self._matcher.find(example.get(TEXT)))
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Adds topic features and `cause_term` entities to incoming messages."""
        for message in messages:
            matches = self._matcher.find(message.get(TEXT) or "")
            self._add_features(message, matches)
            self._add_entities(message, matches)
        return messages

    def _add_features(self, message: Message, matches: List[TermMatch]) -> None:
        tokens = message.get(TOKENS_NAMES[TEXT], [])
        if not tokens:
            return
        sequence = np.zeros((len(tokens), len(self._columns)))
        sentence = np.zeros((1, len(self._columns)))
        for match in matches:
            column = self._columns.index(match.topic)
            sentence[0, column] = 1.0
            for row, token in enumerate(tokens):
                if token.start < match.end and token.end > match.start:
                    sequence[row, column] = 1.0
        self.add_features_to_message(
            scipy.sparse.coo_matrix(sequence),
            scipy.sparse.coo_matrix(sentence),
            TEXT,
            message,
        )

    def _add_entities(self, message: Message, matches: List[TermMatch]) -> None:
        if not matches:
            return
        entities = self.add_extractor_name(
            [
                {
                    "entity": TERM_ENTITY,
                    "start": match.start,
                    "end": match.end,
                    "value": match.term,
                    "confidence_entity": 1.0,
                }
                for match in matches
            ]
        )
        message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
