"""Conversations through the real stack: REST channel, Rasa server, action server."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, Dict, List

import pytest

from bot.launch.servers import BotServer, action_server, free_port, rasa_server
from evaluation.rest_client import send, slot, tracker
from knowledge import KnowledgeBase
from knowledge.clinic import load_clinic_settings

pytestmark = pytest.mark.model


def _sender() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


def _texts(replies: List[Dict[str, Any]]) -> List[str]:
    return [reply.get("text", "") for reply in replies]


def test_first_reply_carries_the_disclaimer_then_the_sourced_answer(
    bot: BotServer, kb: KnowledgeBase
) -> None:
    replies = send(
        bot, _sender(), "my nan takes water pills, could that drop her white cells?"
    ).replies
    assert _texts(replies)[0] == kb.messages["disclaimer"]
    medications = kb.topic("medications")
    assert medications.answer in replies[1]["text"]
    assert medications.source_section in replies[1]["text"]
    assert replies[1]["buttons"][0]["payload"] == "/follow_up"


def test_follow_ups_and_topic_switches_use_the_context(bot: BotServer, kb: KnowledgeBase) -> None:
    sender = _sender()
    send(bot, sender, "can chemo make the white count drop")
    assert slot(tracker(bot, sender), "topic") == "cancer_treatment"

    more = send(bot, sender, "tell me more").replies
    assert kb.topic("cancer_treatment").more in _texts(more)[0]

    hiv = send(bot, sender, "what about HIV?").replies
    assert kb.topic("viral_infection").answer in _texts(hiv)[0]
    assert slot(tracker(bot, sender), "topic") == "viral_infection"

    spleen = send(bot, sender, "and the spleen?").replies
    assert kb.topic("liver_spleen").answer in _texts(spleen)[0]

    todo = send(bot, sender, "what should I do?").replies
    assert kb.topic("liver_spleen").more in _texts(todo)[0]
    assert slot(tracker(bot, sender), "topic") == "liver_spleen"


@pytest.mark.parametrize(
    ("message", "reply"),
    [
        ("", "empty"),
        ("   \n ", "empty"),
        ("why is my white count low? " * 80, "too_long"),
        ("¿Por qué tengo los glóbulos blancos bajos?", "not_english"),
    ],
    ids=["empty", "whitespace", "too-long", "spanish"],
)
def test_unreadable_messages_get_a_clear_reply(
    bot: BotServer, kb: KnowledgeBase, message: str, reply: str
) -> None:
    sender = _sender()
    send(bot, sender, "hi")
    assert _texts(send(bot, sender, message).replies) == [kb.messages[reply]]


def test_out_of_scope_says_what_the_bot_can_do(bot: BotServer, kb: KnowledgeBase) -> None:
    sender = _sender()
    send(bot, sender, "hello")
    [reply] = send(bot, sender, "will it rain in town tomorrow?").replies
    unrelated = kb.messages["scope_unrelated"]  # chat about the weather is named as such
    assert reply["text"] == f"{unrelated} {kb.messages['out_of_scope']}"
    assert len(reply["buttons"]) == len(kb.topics)


def test_a_conversation_survives_a_server_restart(
    model: Path, tmp_path: Path, kb: KnowledgeBase
) -> None:
    database = tmp_path / "conversations.db"
    sender = _sender()
    port = free_port()
    with action_server(tmp_path, port):
        with rasa_server(model, tmp_path, action_port=port, tracker_db=database) as first:
            send(first, sender, "could lupus be the reason my count is low")
        with rasa_server(model, tmp_path, action_port=port, tracker_db=database) as second:
            replies = send(second, sender, "tell me more").replies
            assert kb.topic("autoimmune").more in _texts(replies)[0]


def _user_texts(sender_tracker: Dict[str, Any]) -> List[str]:
    return [e.get("text", "") for e in sender_tracker["events"] if e.get("event") == "user"]


def test_a_patient_can_delete_their_conversation_after_confirming(bot: BotServer) -> None:
    sender = _sender()
    send(bot, sender, "can chemo make the white count drop")
    ask = send(bot, sender, "please delete my conversation").replies
    assert [b["payload"] for b in ask[-1]["buttons"]] == ["/affirm", "/deny"]
    assert _user_texts(tracker(bot, sender))  # nothing deleted before the yes

    done = send(bot, sender, "/affirm").replies
    assert "has been deleted" in _texts(done)[-1]
    assert _user_texts(tracker(bot, sender)) == []

    again = send(bot, sender, "what is leukopenia?").replies
    assert again and _user_texts(tracker(bot, sender)) == ["what is leukopenia?"]


def test_a_no_keeps_the_conversation(bot: BotServer) -> None:
    sender = _sender()
    send(bot, sender, "can chemo make the white count drop")
    send(bot, sender, "delete this chat")
    kept = send(bot, sender, "/deny").replies
    assert "kept the conversation" in _texts(kept)[-1]
    assert "can chemo make the white count drop" in _user_texts(tracker(bot, sender))


def _feedback_events(sender_tracker: Dict[str, Any]) -> List[Any]:
    return [
        e.get("value")
        for e in sender_tracker["events"]
        if e.get("event") == "slot" and e.get("name") == "feedback"
    ]


def test_feedback_by_button_or_in_words_is_stored_beside_the_topic(
    bot: BotServer, kb: KnowledgeBase
) -> None:
    sender = _sender()
    answer = send(bot, sender, "can steroids lower my white count?").replies[-1]
    payloads = [button["payload"] for button in answer["buttons"]]
    assert payloads[-2:] == ["/feedback_helpful", "/feedback_not_helpful"]

    thanked = send(bot, sender, "/feedback_helpful").replies
    assert "Thank you for telling me" in _texts(thanked)[-1]
    sorry = send(bot, sender, "that didn't help at all").replies
    assert "Sorry that did not help" in _texts(sorry)[-1]

    state = tracker(bot, sender)
    assert _feedback_events(state) == ["helpful", "not_helpful"]
    assert slot(state, "topic") == "medications"


def test_asking_for_a_person_gets_the_clinics_contact_card(bot: BotServer) -> None:
    settings = load_clinic_settings()
    for message in ("can I speak to a nurse please", "whats the clinic phone number"):
        card = _texts(send(bot, _sender(), message).replies)[-1]
        assert settings.phone in card and settings.opening_hours in card, message
