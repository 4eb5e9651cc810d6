"""Rasa NLU component: words spelt as they sound are read as the words they stand for.

Runs before the tokenizer and reads each message with bot.nlu.sound_speller's
`SoundSpeller`, built from the training data's words (stored in the model) and the
knowledge file's term words. Only what NLU reads changes: the tracker keeps the
patient's words, and the safety policy reads those (it has its own typo handling).
"""

from __future__ import annotations

import hashlib
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.model_files import read_json, write_json
from bot.nlu.sound_speller import LETTERS, SoundSpeller
from bot.nlu.topic_terms import knowledge_file_config, knowledge_from_config

VOCABULARY_FILE = "vocabulary.json"


def _term_words(config: Dict[str, Any]) -> List[str]:
    """Every word of the knowledge file's terms, sorted."""
    terms = knowledge_from_config(config).term_index()
    return sorted({word for term in terms for word in LETTERS.findall(term.lower())})


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class SoundSpelling(GraphComponent):
    """Replaces words spelt as they sound before the tokenizer reads a message."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Knowledge file path (None: the project default or $LEUKOBOT_KNOWLEDGE_FILE)."""
        return knowledge_file_config()

    def __init__(
        self, model_storage: ModelStorage, resource: Resource, words: Dict[str, Any]
    ) -> None:
        """Keeps the training data's words and the knowledge file's term words."""
        self._model_storage = model_storage
        self._resource = resource
        self._words = words
        self._speller = SoundSpeller(words["vocabulary"], words["terms"])

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str | None:
        """Fingerprints the term words: a new knowledge-file term must retrain the component."""
        return hashlib.sha256(" ".join(_term_words(config)).encode("utf-8")).hexdigest()

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SoundSpelling:
        """Creates the component for training with the knowledge file's term words."""
        return cls(model_storage, resource, {"vocabulary": {}, "terms": _term_words(config)})

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SoundSpelling:
        """Loads the words stored in the trained model."""
        return cls(model_storage, resource, read_json(model_storage, resource, VOCABULARY_FILE))

    def train(self, training_data: TrainingData) -> Resource:
        """Stores every word of the training examples, with its count, and the term words."""
        texts = [example.get(TEXT) or "" for example in training_data.training_examples]
        words = {**self._words, "vocabulary": SoundSpeller.vocabulary_of(texts)}
        write_json(self._model_storage, self._resource, VOCABULARY_FILE, words)
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        """Replaces each message's rare words spelt as they sound."""
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str):
                message.set(TEXT, self._speller.read(text))
        return messages
