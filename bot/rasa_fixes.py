"""Fixes for defects of Rasa 3.6.21 that our deployment relies on.

Installed by `bot.server` before Rasa starts; nothing changes on import.

- Action responses: Rasa validates every action server response with
  `jsonschema.validate`, which re-checks Rasa's own constant schema against the
  JSON-Schema meta-schema each time: about 19 ms per custom action call on our
  machines, most of a reply's latency. The fix checks the schema once and reuses
  the validator; what is accepted or rejected is unchanged.
- Circuit breaker: Rasa counts the actions since the last `action_listen`; after
  the breaker trips no `action_listen` is logged, so every later message of that
  conversation trips it again before any policy (the safety policy included) is
  asked. The fix counts only the actions since the latest user message.
  (bot.outage_policy keeps a failing action server from tripping it at all.)
- Action server timeout: Rasa waits up to five minutes for a custom action; a
  slow action server held each reply that long. The fix waits ACTION_TIMEOUT_S,
  then the failure is answered like any other (bot.outage_policy).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict

import jsonschema
import rasa.core.actions.action
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.core.processor import MessageProcessor
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

ACTION_TIMEOUT_S = 10
"""Seconds Rasa waits for the action server (Rasa's default: 300); ours answers in ms."""


@lru_cache(maxsize=1)
def action_response_validator() -> Any:
    """A validator for action server responses; the schema is checked once."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
    """Same contract as RemoteAction._validate_action_result, without re-checking the schema."""
    error = best_match(action_response_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def is_action_limit_reached(
    self: MessageProcessor, tracker: DialogueStateTracker, should_predict_another_action: bool
) -> bool:
    """Rasa's check, counting only the actions predicted since the latest user message."""
    predicted = 0
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, ActionExecuted):
            if event.action_name in (ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME):
                break
            predicted += 1
    return predicted >= self.max_number_of_predictions and should_predict_another_action


def install() -> None:
    """Applies the fixes to the running Rasa; safe to call more than once."""
    RemoteAction._validate_action_result = validate_action_result
    MessageProcessor.is_action_limit_reached = is_action_limit_reached
    rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT_S
