"""bot.rasa_fixes: action responses are validated as before, with the schema checked once."""

from __future__ import annotations

from typing import Any, List

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from bot import rasa_fixes

VALID = {
    "events": [{"event": "slot", "name": "topic", "value": "medications"}],
    "responses": [{"text": "hi", "buttons": [{"title": "More", "payload": "/follow_up"}]}],
}


@pytest.fixture
def schema_checks(monkeypatch: pytest.MonkeyPatch) -> List[Any]:
    """Counts how often a JSON schema is checked against its meta-schema."""
    checks: List[Any] = []
    original = jsonschema.validators.validator_for

    def counting_validator_for(schema: Any, default: Any = None) -> Any:
        cls = original(schema) if default is None else original(schema, default)

        class Counting(cls):  # type: ignore[misc, valid-type]
            @classmethod
            def check_schema(cls_, schema_: Any, *args: Any, **kwargs: Any) -> None:
                checks.append(schema_)
                super().check_schema(schema_, *args, **kwargs)

        return Counting

    monkeypatch.setattr(jsonschema.validators, "validator_for", counting_validator_for)
    monkeypatch.setattr(
        RemoteAction, "_validate_action_result", RemoteAction._validate_action_result
    )
    rasa_fixes.action_response_validator.cache_clear()
    return checks


def test_the_schema_is_checked_once_for_many_responses(schema_checks: List[Any]) -> None:
    rasa_fixes.install()
    action = RemoteAction("action_answer_topic", None)
    for _ in range(3):
        assert action._validate_action_result(VALID)
    assert len(schema_checks) == 1


def test_an_invalid_response_is_still_rejected(schema_checks: List[Any]) -> None:
    rasa_fixes.install()
    action = RemoteAction("action_answer_topic", None)
    with pytest.raises(
        jsonschema.ValidationError, match="Failed to validate Action server response"
    ):
        action._validate_action_result({"events": [{"no_event_key": 1}]})
