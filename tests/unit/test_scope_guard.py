"""ScopeGuard: an unanswerable request becomes out of scope with its kind; others pass."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.scope_guard import ScopeGuard
from knowledge.names import OUT_OF_SCOPE_INTENT, SCOPE_REQUEST_ENTITY, TERM_ENTITY


def _message(text: str, intent: str, entities: List[Dict[str, Any]]) -> Message:
    ranking = [{"name": intent, "confidence": 1.0}, {"name": "out_of_scope", "confidence": 0.2}]
    return Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "intent_ranking": ranking,
            "entities": entities,
        }
    )


def _guard(tmp_path: Any) -> ScopeGuard:
    return ScopeGuard.create(
        {},
        LocalModelStorage(tmp_path),
        Resource("scope"),
        ExecutionContext(GraphSchema({}), node_name="scope"),
    )


def test_a_diagnosis_request_naming_a_term_becomes_out_of_scope(tmp_path: Any) -> None:
    term = {"entity": TERM_ENTITY, "value": "leukemia", "start": 10, "end": 18}
    message = _message("do i have leukemia", "ask_cause_cancer_treatment", [term])
    _guard(tmp_path).process([message])
    assert message.get("intent")["name"] == OUT_OF_SCOPE_INTENT
    assert [r["name"] for r in message.get("intent_ranking")] == [
        OUT_OF_SCOPE_INTENT,
        "ask_cause_cancer_treatment",
    ]
    kinds = [e["value"] for e in message.get("entities") if e["entity"] == SCOPE_REQUEST_ENTITY]
    assert kinds == ["diagnosis"]
    assert term in message.get("entities")  # the answer line can still name the term


def test_a_topic_question_passes_untouched(tmp_path: Any) -> None:
    message = _message("can chemo lower my white count", "ask_cause_cancer_treatment", [])
    _guard(tmp_path).process([message])
    assert message.get("intent")["name"] == "ask_cause_cancer_treatment"
    assert message.get("entities") == []
