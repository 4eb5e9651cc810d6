"""InputGuard as a graph component: unreadable messages become nlu_fallback with a reason."""

from __future__ import annotations

from pathlib import Path

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.input_checks import MAX_MESSAGE_CHARS
from bot.nlu.input_guard import InputGuard
from bot.nlu.length_guard import CUT_MARK, LengthGuard


def _guard(tmp_path: Path) -> InputGuard:
    return InputGuard.create(
        {},
        LocalModelStorage.create(tmp_path),
        Resource("guard"),
        ExecutionContext(GraphSchema({}), node_name="guard"),
    )


def _classified(text: str) -> Message:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": "ask_overview", "confidence": 0.9}, add_to_output=True)
    return message


def test_an_empty_message_becomes_fallback_with_its_reason(tmp_path: Path) -> None:
    [message] = _guard(tmp_path).process([_classified("   ")])
    assert message.get(INTENT) == {"name": "nlu_fallback", "confidence": 1.0}
    assert [(e["entity"], e["value"]) for e in message.get(ENTITIES)] == [
        ("input_problem", "empty")
    ]


def test_a_foreign_message_becomes_fallback(tmp_path: Path) -> None:
    [message] = _guard(tmp_path).process([_classified("¿Por qué tengo los leucocitos bajos?")])
    assert message.get(ENTITIES)[0]["value"] == "not_english"


def test_a_readable_message_keeps_its_intent(tmp_path: Path) -> None:
    [message] = _guard(tmp_path).process([_classified("what is leukopenia")])
    assert message.get(INTENT)["name"] == "ask_overview"
    assert not message.get(ENTITIES)


def _length_guard(tmp_path: Path) -> LengthGuard:
    return LengthGuard.create(
        {},
        LocalModelStorage.create(tmp_path),
        Resource("length"),
        ExecutionContext(GraphSchema({}), node_name="length"),
    )


def test_an_over_long_message_is_cut_before_nlu_and_still_called_too_long(
    tmp_path: Path,
) -> None:
    text = "my white count is low " * 2_000
    [message] = _length_guard(tmp_path / "a").process([Message(data={TEXT: text})])
    assert len(message.get(TEXT)) == MAX_MESSAGE_CHARS
    message.set(INTENT, {"name": "ask_overview", "confidence": 0.9}, add_to_output=True)
    [message] = _guard(tmp_path / "b").process([message])
    assert message.get(INTENT)["name"] == "nlu_fallback"
    assert [e["value"] for e in message.get(ENTITIES)] == ["too_long"]


def test_a_message_at_the_limit_is_left_whole(tmp_path: Path) -> None:
    text = "x" * MAX_MESSAGE_CHARS
    [message] = _length_guard(tmp_path).process([Message(data={TEXT: text})])
    assert message.get(TEXT) == text
    assert not message.get(CUT_MARK)
