"""Fixes for defects of Rasa 3.6.21 that our deployment relies on.

Installed by `bot.server` before Rasa starts; nothing changes on import.

- Action responses: Rasa validates every action server response with
  `jsonschema.validate`, which re-checks Rasa's own constant schema against the
  JSON-Schema meta-schema each time: about 19 ms per custom action call on our
  machines, most of a reply's latency. The fix checks the schema once and reuses
  the validator; what is accepted or rejected is unchanged.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict

import jsonschema
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


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


def install() -> None:
    """Applies the fixes to the running Rasa; safe to call more than once."""
    RemoteAction._validate_action_result = validate_action_result
