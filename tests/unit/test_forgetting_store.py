"""The tracker store deletes a conversation its patient asked to forget, and only that one."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.core.tracker_store import create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from bot.data_lifecycle import DELETED_RESPONSE, STORE_TYPE
from bot.forgetting_store import ForgettingSQLTrackerStore, asked_to_forget


def _store(tmp_path: Path) -> ForgettingSQLTrackerStore:
    return ForgettingSQLTrackerStore(dialect="sqlite", db=str(tmp_path / "conversations.db"))


def _said(tracker: DialogueStateTracker, text: str, action: str) -> None:
    tracker.update(UserUttered(text))
    tracker.update(ActionExecuted(action))
    tracker.update(BotUttered("..."))
    tracker.update(ActionExecuted("action_listen"))


async def test_a_confirmed_request_deletes_the_whole_conversation(tmp_path: Path) -> None:
    store = _store(tmp_path)
    patient = DialogueStateTracker("patient", slots=[])
    other = DialogueStateTracker("someone-else", slots=[])
    _said(patient, "why is my white count low?", "action_answer_topic")
    _said(other, "what is leukopenia?", "action_answer_topic")
    await store.save(patient)
    await store.save(other)

    _said(patient, "delete my conversation", "utter_confirm_forget")
    await store.save(patient)
    assert await store.retrieve("patient") is not None
    _said(patient, "/affirm", DELETED_RESPONSE)
    await store.save(patient)

    assert await store.retrieve("patient") is None
    kept = await store.retrieve("someone-else")
    assert kept is not None and kept.latest_message.text == "what is leukopenia?"


async def test_a_later_message_starts_afresh_and_is_kept(tmp_path: Path) -> None:
    store = _store(tmp_path)
    patient = DialogueStateTracker("patient", slots=[])
    _said(patient, "delete my conversation", "utter_confirm_forget")
    _said(patient, "yes", DELETED_RESPONSE)
    await store.save(patient)

    fresh = DialogueStateTracker("patient", slots=[])
    _said(fresh, "hello again", "utter_greet")
    await store.save(fresh)
    stored = await store.retrieve("patient")
    assert stored is not None
    assert [e.text for e in stored.events if isinstance(e, UserUttered)] == ["hello again"]


@pytest.mark.parametrize(
    ("actions", "forget"),
    [
        ([DELETED_RESPONSE], True),
        (["utter_confirm_forget"], False),
        ([DELETED_RESPONSE, "USER", "utter_greet"], False),
    ],
)
def test_only_the_deletion_since_the_latest_message_counts(actions: list, forget: bool) -> None:
    tracker = DialogueStateTracker("patient", slots=[])
    tracker.update(UserUttered("yes"))
    for action in actions:
        tracker.update(UserUttered("hi") if action == "USER" else ActionExecuted(action))
    assert asked_to_forget(tracker) is forget


def test_endpoints_yml_makes_this_store() -> None:
    config = read_endpoint_config("endpoints.yml", "tracker_store")
    assert config is not None and config.type == STORE_TYPE
    config.kwargs["db"] = ":memory:"
    store = create_tracker_store(config, Domain.empty())
    while hasattr(store, "_tracker_store"):
        store = store._tracker_store
    assert isinstance(store, ForgettingSQLTrackerStore)


def test_the_domain_has_the_deletion_response() -> None:
    domain = Domain.load("domain.yml")
    assert DELETED_RESPONSE in domain.responses
    assert "utter_confirm_forget" in domain.responses
