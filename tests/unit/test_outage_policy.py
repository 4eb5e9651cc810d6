"""OutagePolicy: a failed custom action gets a static reply, then the bot listens."""

from __future__ import annotations

from typing import List, Optional, Type

import pytest
from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble
from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.outage_policy import OutagePolicy, custom_actions
from bot.safety.policy import SafetyPolicy
from knowledge.names import EMERGENCY_RESPONSE, SERVICE_UNAVAILABLE_RESPONSE
from tests.conftest import PROJECT_DIR


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_DIR / "domain.yml"))


def _create(
    policy_class: Type[Policy], tmp_path_factory: pytest.TempPathFactory, domain: Domain
) -> Policy:
    storage = LocalModelStorage.create(tmp_path_factory.mktemp(policy_class.__name__))
    resource = Resource(policy_class.__name__)
    context = ExecutionContext(GraphSchema({}), node_name=policy_class.__name__)
    config = policy_class.get_default_config()
    policy_class.create(config, storage, resource, context).train([], domain)
    return policy_class.load(config, storage, resource, context)


@pytest.fixture(scope="module")
def policy(tmp_path_factory: pytest.TempPathFactory, domain: Domain) -> Policy:
    return _create(OutagePolicy, tmp_path_factory, domain)


def _tracker(text: str, after: List[Event], live: bool = True) -> DialogueStateTracker:
    """A conversation whose latest message came through a channel (live) or a story."""
    events: List[Event] = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered(
            text,
            intent={"name": "ask_overview", "confidence": 0.9},
            message_id="m1" if live else None,
        ),
        *after,
    ]
    return DialogueStateTracker.from_events("test", events)


def _predicted(prediction: PolicyPrediction, domain: Domain) -> Optional[str]:
    if prediction.max_confidence == 0:
        return None
    return domain.action_names_or_texts[prediction.max_confidence_index]


def test_every_custom_action_of_the_domain_is_watched(domain: Domain) -> None:
    watched = custom_actions(domain)
    assert "action_answer_topic" in watched and "action_clarify_topic" in watched
    assert not [name for name in watched if name.startswith("utter_")]


def test_a_custom_action_that_left_no_event_gets_the_unavailable_reply(
    policy: Policy, domain: Domain
) -> None:
    tracker = _tracker("what is leukopenia", [ActionExecuted("action_answer_topic")])
    prediction = policy.predict_action_probabilities(tracker, domain)
    assert _predicted(prediction, domain) == SERVICE_UNAVAILABLE_RESPONSE
    assert prediction.is_no_user_prediction


def test_after_the_unavailable_reply_the_bot_listens(policy: Policy, domain: Domain) -> None:
    tracker = _tracker(
        "what is leukopenia",
        [
            ActionExecuted("action_answer_topic"),
            ActionExecuted(SERVICE_UNAVAILABLE_RESPONSE),
            BotUttered("Sorry, I can't look that up right now."),
        ],
    )
    prediction = policy.predict_action_probabilities(tracker, domain)
    assert _predicted(prediction, domain) == ACTION_LISTEN_NAME


@pytest.mark.parametrize(
    "after",
    [
        [],
        [ActionExecuted("action_answer_topic"), BotUttered("an answer")],
        [ActionExecuted("action_answer_topic"), SlotSet("topic", "overview")],
        [ActionExecuted("utter_greet"), BotUttered("hello")],
    ],
    ids=["before any action", "answered", "set a slot", "a static response"],
)
def test_no_opinion_when_nothing_failed(policy: Policy, domain: Domain, after: List[Event]) -> None:
    tracker = _tracker("what is leukopenia", after)
    assert _predicted(policy.predict_action_probabilities(tracker, domain), domain) is None


def test_a_replayed_story_runs_no_action_and_gets_no_opinion(
    policy: Policy, domain: Domain
) -> None:
    """`rasa test` replays stories without running actions: nothing failed there."""
    tracker = _tracker("what is leukopenia", [ActionExecuted("action_answer_topic")], live=False)
    assert _predicted(policy.predict_action_probabilities(tracker, domain), domain) is None


def test_the_emergency_still_wins(
    tmp_path_factory: pytest.TempPathFactory, policy: Policy, domain: Domain
) -> None:
    """Even right after a failed action, the safety policy's emergency comes first."""
    safety = _create(SafetyPolicy, tmp_path_factory, domain)
    tracker = _tracker("he's not breathing", [])
    predictions = [
        safety.predict_action_probabilities(tracker, domain),
        policy.predict_action_probabilities(tracker, domain),
    ]
    best = DefaultPolicyPredictionEnsemble().combine_predictions_from_kwargs(
        tracker, domain, **{f"policy{i}": p for i, p in enumerate(predictions)}
    )
    assert _predicted(best, domain) == EMERGENCY_RESPONSE
