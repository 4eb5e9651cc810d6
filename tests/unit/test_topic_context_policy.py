"""TopicContextPolicy: a message that goes on about the current cause gets its answer,
trained and loaded as Rasa does; the safety policy still wins on a red flag."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest
from rasa.core.policies.policy import Policy
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.safety.policy import SafetyPolicy
from bot.topic_context_policy import TopicContextPolicy
from knowledge.names import ANSWER_ACTION, TOPIC_SLOT
from tests.conftest import PROJECT_DIR


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_DIR / "domain.yml"))


@pytest.fixture(scope="module")
def policy(tmp_path_factory: pytest.TempPathFactory, domain: Domain) -> Policy:
    storage = LocalModelStorage.create(tmp_path_factory.mktemp("context"))
    resource = Resource("TopicContextPolicy")
    context = ExecutionContext(GraphSchema({}), node_name="TopicContextPolicy")
    config = TopicContextPolicy.get_default_config()
    TopicContextPolicy.create(config, storage, resource, context).train([], domain)
    return TopicContextPolicy.load(config, storage, resource, context)


def _tracker(
    text: str, intent: str, topic: str | None, after: List[Event] | None = None
) -> DialogueStateTracker:
    message: Dict[str, Any] = {"name": intent, "confidence": 0.8}
    events: List[Event] = [
        ActionExecuted(ACTION_LISTEN_NAME),
        SlotSet(TOPIC_SLOT, topic),
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered(text, intent=message, parse_data={"intent": message, "entities": []}),
        *(after or []),
    ]
    return DialogueStateTracker.from_events("patient", events)


def _predicted(policy: Policy, tracker: DialogueStateTracker, domain: Domain) -> str | None:
    prediction = policy.predict_action_probabilities(tracker, domain)
    if max(prediction.probabilities) == 0.0:
        return None
    return domain.action_names_or_texts[prediction.max_confidence_index]


def test_a_reference_to_the_current_cause_gets_its_answer_then_listens(
    policy: Policy, domain: Domain
) -> None:
    tracker = _tracker("can they make my count low?", "ask_overview", "medications")
    assert _predicted(policy, tracker, domain) == ANSWER_ACTION
    answered = _tracker(
        "can they make my count low?",
        "ask_overview",
        "medications",
        after=[ActionExecuted(ANSWER_ACTION), SlotSet(TOPIC_SLOT, "medications")],
    )
    assert _predicted(policy, answered, domain) == ACTION_LISTEN_NAME


def test_whether_it_stays_low_after_the_emergency_answer_goes_back_to_the_last_cause(
    policy: Policy, domain: Domain
) -> None:
    text = "And will it stay low the whole time he's on treatment?"
    before = [SlotSet(TOPIC_SLOT, "cancer_treatment"), SlotSet(TOPIC_SLOT, "emergency_info")]
    tracker = _tracker(text, "out_of_scope", "emergency_info")
    assert _predicted(policy, tracker, domain) is None
    events = [*before, *tracker.events]
    assert _predicted(policy, DialogueStateTracker.from_events("p", events), domain) == (
        ANSWER_ACTION
    )


def test_other_causes_after_a_cause_get_the_answer_action(policy: Policy, domain: Domain) -> None:
    tracker = _tracker("what else can make it low?", "follow_up", "medications")
    assert _predicted(policy, tracker, domain) == ANSWER_ACTION


@pytest.mark.parametrize(
    ("text", "intent", "topic"),
    [
        ("can they make my count low?", "ask_overview", None),
        ("is it an emergency then?", "ask_emergency_info", "medications"),
        ("thanks, that helps", "thank", "medications"),
    ],
)
def test_no_opinion_otherwise(
    policy: Policy, domain: Domain, text: str, intent: str, topic: str | None
) -> None:
    assert _predicted(policy, _tracker(text, intent, topic), domain) is None


def test_it_ranks_below_the_safety_policy() -> None:
    assert (
        TopicContextPolicy.get_default_config()["priority"]
        < SafetyPolicy.get_default_config()["priority"]
    )
