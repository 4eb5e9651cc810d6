"""TopicTermExtractor as a real Rasa graph component: train, persist, load, process."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.engine.training.fingerprinting import calculate_fingerprint_key
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.topic_terms import TopicTermExtractor
from knowledge import load_knowledge
from tests.conftest import write_knowledge

TOPIC_IDS = load_knowledge().topic_ids


@pytest.fixture
def storage(tmp_path: Path) -> LocalModelStorage:
    return LocalModelStorage.create(tmp_path)


@pytest.fixture
def context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), node_name="topic_terms")


@pytest.fixture
def tokenizer() -> WhitespaceTokenizer:
    return WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())


def _config(path: Path | None = None) -> Dict[str, Any]:
    config = TopicTermExtractor.get_default_config()
    if path is not None:
        config["knowledge_file"] = str(path)
    return config


def _message(text: str, tokenizer: WhitespaceTokenizer) -> Message:
    message = Message(data={TEXT: text})
    tokenizer.process([message])
    return message


def _trained(storage: LocalModelStorage, context: ExecutionContext) -> TopicTermExtractor:
    resource = Resource("topic_terms")
    component = TopicTermExtractor.create(_config(), storage, resource, context)
    component.train(TrainingData())
    return TopicTermExtractor.load(_config(), storage, resource, context)


def test_loaded_component_extracts_terms_as_entities(
    storage: LocalModelStorage, context: ExecutionContext, tokenizer: WhitespaceTokenizer
) -> None:
    component = _trained(storage, context)
    message = _message("I take steroids for my asthma, and my splean is big", tokenizer)
    component.process([message])

    entities = message.get(ENTITIES)
    assert [(e["entity"], e["value"]) for e in entities] == [
        ("cause_term", "steroids"),
        ("cause_term", "splean"),
    ]
    assert all(e["extractor"] == "TopicTermExtractor" for e in entities)


def test_adds_one_sentence_feature_per_topic(
    storage: LocalModelStorage, context: ExecutionContext, tokenizer: WhitespaceTokenizer
) -> None:
    component = _trained(storage, context)
    message = _message("is it the chemo or the lab", tokenizer)
    component.process([message])

    sequence, sentence = message.get_sparse_features(TEXT)
    assert sentence is not None and sequence is not None
    row = sentence.features.toarray()[0]
    assert row.shape == (len(TOPIC_IDS),)
    columns = sorted(TOPIC_IDS)  # a stable order, whatever the file's order
    lit = {columns[i] for i, value in enumerate(row) if value}
    assert lit == {"cancer_treatment", "lab_error"}
    assert sequence.features.shape == (len(message.get("text_tokens")), len(TOPIC_IDS))


def test_training_data_gets_features_but_keeps_its_entities(
    storage: LocalModelStorage, context: ExecutionContext, tokenizer: WhitespaceTokenizer
) -> None:
    component = _trained(storage, context)
    example = _message("does prednisone lower wbc", tokenizer)
    example.set("intent", "ask_cause_medications")
    component.process_training_data(TrainingData([example]))
    assert example.get(ENTITIES) is None
    assert example.get_sparse_features(TEXT)[1] is not None


def test_the_loaded_model_does_not_read_the_knowledge_file_again(
    tmp_path: Path,
    knowledge_document: dict,
    storage: LocalModelStorage,
    context: ExecutionContext,
    tokenizer: WhitespaceTokenizer,
) -> None:
    path = write_knowledge(tmp_path, knowledge_document)
    resource = Resource("topic_terms")
    TopicTermExtractor.create(_config(path), storage, resource, context).train(TrainingData())
    path.unlink()
    loaded = TopicTermExtractor.load(_config(path), storage, resource, context)
    message = _message("hiv", tokenizer)
    loaded.process([message])
    assert message.get(ENTITIES)[0]["value"] == "hiv"


def test_a_change_to_the_terms_changes_rasas_fingerprint(
    tmp_path: Path, knowledge_document: dict
) -> None:
    """Rasa retrains a component only when its fingerprint changes."""
    path = write_knowledge(tmp_path, knowledge_document)
    before = calculate_fingerprint_key(TopicTermExtractor, _config(path), {})

    knowledge_document["topics"][0]["answer"] = "Reworded answer, same terms."
    write_knowledge(tmp_path, knowledge_document)
    assert calculate_fingerprint_key(TopicTermExtractor, _config(path), {}) == before

    medications = next(t for t in knowledge_document["topics"] if t["id"] == "medications")
    medications["terms"].append("teriflunomide")
    write_knowledge(tmp_path, knowledge_document)
    assert calculate_fingerprint_key(TopicTermExtractor, _config(path), {}) != before
