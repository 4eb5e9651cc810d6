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
- Start-up: Rasa logs a model that cannot be loaded (missing, corrupt, its tracker
  store unreachable), then says "Rasa server is up and running" and serves
  nothing; an SQL tracker store it cannot open is logged and every message then
  fails; a tracker store type it cannot import silently becomes a memory store.
  The fix stops the start with an error naming the cause and a non-zero exit,
  before "up and running".
- Action server timeout: Rasa waits up to five minutes for a custom action; a
  slow action server held each reply that long. The fix waits ACTION_TIMEOUT_S,
  then the failure is answered like any other (bot.outage_policy).
- Tracker store down while serving: Rasa's fail-safe wrapper reads a conversation
  it cannot fetch as a new, empty one (the patient's history and topic gone, the
  disclaimer again) and saves it in memory instead, logging the database error,
  whose text can quote the patient (SQL parameters). The fix makes the wrapper
  raise TrackerStoreUnavailable (its type only): the message fails, the channel
  sends the outage reply (bot.channels.outage, the emergency message when it
  applies) and the stored conversation is untouched until the store is back.
"""

from __future__ import annotations

import inspect
import logging
from asyncio import AbstractEventLoop
from functools import lru_cache
from typing import Any, Dict, Optional

import jsonschema
import rasa.core.actions.action
import rasa.core.agent
import rasa.core.run
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.core.agent import Agent
from rasa.core.processor import MessageProcessor
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.core.utils import AvailableEndpoints
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sanic import Sanic

logger = logging.getLogger(__name__)

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


class ServerCannotStart(RuntimeError):
    """The server has no model to answer with, or nowhere to keep conversations."""


START_UP_PROBE = "start-up-probe"
"""A sender id no channel produces: reading it proves the tracker store answers."""


async def load_agent_or_stop(
    model_path: str,
    endpoints: AvailableEndpoints,
    remote_storage: Optional[str],
    app: Sanic,
    loop: AbstractEventLoop,
) -> Agent:
    """Rasa's `load_agent_on_start`, refusing to serve without a model or a tracker store."""
    agent = await rasa.core.agent.load_agent(
        model_path=model_path, remote_storage=remote_storage, endpoints=endpoints, loop=loop
    )
    if not agent.is_ready():
        _stop(
            f"no usable model at '{model_path}' (missing or unreadable, or an endpoint "
            "failed: see the error above). Run `make train`, or fix endpoints.yml."
        )
    configured = endpoints.tracker_store if endpoints else None
    if configured is not None and isinstance(_unwrapped_store(agent), InMemoryTrackerStore):
        _stop(
            f"the tracker store type '{configured.type}' could not be loaded (Rasa fell "
            "back to memory: conversations would be lost at restart). Check endpoints.yml."
        )
    try:
        await _read_probe(agent)
    except Exception as error:  # any failure to read means conversations would be lost
        _stop(
            f"the tracker store could not be reached ({type(error).__name__}). "
            "Check tracker_store in endpoints.yml and that its database is up."
        )
    if isinstance(agent.tracker_store, FailSafeTrackerStore):
        agent.tracker_store._on_tracker_store_error = refuse_to_fork
    app.ctx.agent = agent
    logger.info("Rasa server is up and running.")
    return agent


class TrackerStoreUnavailable(Exception):
    """The tracker store failed; the text names the error's type, never its SQL."""


def refuse_to_fork(error: Exception) -> None:
    """The fail-safe store's error callback: fail the message instead of forking it."""
    logger.error("The tracker store failed (%s).", type(error).__name__)
    raise TrackerStoreUnavailable(type(error).__name__) from None


async def _read_probe(agent: Agent) -> None:
    """Reads one conversation from the configured store itself.

    Rasa wraps it in a fail-safe store that falls back to memory on any error, so
    the probe unwraps it: the error must surface here, not lose conversations later.
    """
    result = _unwrapped_store(agent).retrieve(START_UP_PROBE)
    if inspect.isawaitable(result):
        await result


def _unwrapped_store(agent: Agent) -> Any:
    """The configured tracker store inside Rasa's fail-safe and awaitable wrappers."""
    store: Any = agent.tracker_store
    while hasattr(store, "_tracker_store"):
        store = store._tracker_store
    return store


def _stop(reason: str) -> None:
    message = f"The server cannot start: {reason}"
    logger.error(message)
    raise ServerCannotStart(message)


def install() -> None:
    """Applies the fixes to the running Rasa; safe to call more than once."""
    RemoteAction._validate_action_result = validate_action_result
    MessageProcessor.is_action_limit_reached = is_action_limit_reached
    rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT_S
    rasa.core.run.load_agent_on_start = load_agent_or_stop
