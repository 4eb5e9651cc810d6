"""Every custom action, run with CollectingDispatcher and a built Tracker."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_topic import ActionAnswerTopic
from actions.clarify_topic import ActionClarifyTopic
from actions.out_of_scope import ActionOutOfScope
from actions.session_start import ActionSessionStart
from knowledge import KnowledgeBase, load_knowledge
from tests.conftest import make_tracker, term

DOMAIN: Dict[str, Any] = {"session_config": {"carry_over_slots_to_new_session": True}}

TOPIC_IDS = load_knowledge().topic_ids


def _payloads(message: Dict[str, Any]) -> List[str]:
    return [button["payload"] for button in message["buttons"]]


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
async def test_a_topic_intent_gets_its_answer_source_and_buttons(
    kb: KnowledgeBase, topic_id: str
) -> None:
    topic = kb.topic(topic_id)
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerTopic().run(dispatcher, make_tracker(intent=topic.intent), {})

    [message] = dispatcher.messages
    assert topic.answer in message["text"]
    assert f'section "{topic.source_section}"' in message["text"]
    assert _payloads(message)[0] == "/follow_up"
    assert _payloads(message)[1:-2] == [f"/{kb.topic(r).intent}" for r in topic.related]
    assert _payloads(message)[-2:] == ["/feedback_helpful", "/feedback_not_helpful"]
    assert events == [SlotSet("topic", topic_id)]


async def test_tell_me_more_gives_the_current_topics_more_part(kb: KnowledgeBase) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("tell me more", intent="follow_up", slots={"topic": "lab_error"})
    events = await ActionAnswerTopic().run(dispatcher, tracker, {})

    lab_error = kb.topic("lab_error")
    [message] = dispatcher.messages
    assert lab_error.more in message["text"]
    assert lab_error.what_to_do and lab_error.what_to_do in message["text"]
    assert "/follow_up" not in _payloads(message)
    assert events == [SlotSet("topic", "lab_error")]


async def test_what_about_a_term_switches_topic(kb: KnowledgeBase) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "what about HIV?",
        intent="follow_up",
        entities=[term("hiv")],
        slots={"topic": "medications"},
    )
    events = await ActionAnswerTopic().run(dispatcher, tracker, {})
    assert kb.topic("viral_infection").answer in dispatcher.messages[0]["text"]
    assert events == [SlotSet("topic", "viral_infection")]


async def test_a_follow_up_naming_the_count_and_a_cause_answers_the_cause(
    kb: KnowledgeBase,
) -> None:
    dispatcher = CollectingDispatcher()
    text = "and now it says low white cells is that because the sample was too small"
    tracker = make_tracker(
        text,
        intent="follow_up",
        entities=[term("low white cells"), term("sample was too small")],
        slots={"topic": "medications"},
    )
    events = await ActionAnswerTopic().run(dispatcher, tracker, {})
    assert events == [SlotSet("topic", "lab_error")]


async def test_whether_it_stays_low_after_the_emergency_answer_answers_the_last_cause(
    kb: KnowledgeBase,
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "And will it stay low the whole time he's on treatment?",
        intent="out_of_scope",
        slots={"topic": "emergency_info"},
    )
    tracker.events = [
        {"event": "slot", "name": "topic", "value": "cancer_treatment"},
        {"event": "slot", "name": "topic", "value": "emergency_info"},
    ]
    events = await ActionAnswerTopic().run(dispatcher, tracker, {})
    assert events == [SlotSet("topic", "cancer_treatment")]


async def test_a_member_the_source_does_not_name_gets_the_class_and_says_so(
    kb: KnowledgeBase,
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "can furosemide lower it?", intent="ask_cause_medications", entities=[term("furosemide")]
    )
    await ActionAnswerTopic().run(dispatcher, tracker, {})
    text = dispatcher.messages[0]["text"]
    assert kb.topic("medications").answer in text
    assert kb.messages["not_named"].format(term="furosemide") in text


async def test_a_member_the_source_names_gets_no_such_line(kb: KnowledgeBase) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "can prednisone lower it?", intent="ask_cause_medications", entities=[term("prednisone")]
    )
    await ActionAnswerTopic().run(dispatcher, tracker, {})
    assert "does not name" not in dispatcher.messages[0]["text"]


async def test_a_named_disease_split_by_a_typo_gets_no_such_line(kb: KnowledgeBase) -> None:
    """ "rheumatiod arthritis": the matcher finds "rheumatoid" and "arthritis", which
    together are rheumatoid arthritis, a disease the source names."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "rheumatiod arthritis runs in my family",
        intent="ask_cause_autoimmune",
        entities=[term("rheumatoid"), term("arthritis")],
    )
    await ActionAnswerTopic().run(dispatcher, tracker, {})
    assert "does not name" not in dispatcher.messages[0]["text"]


async def test_follow_up_before_any_topic_gets_the_overview(kb: KnowledgeBase) -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerTopic().run(
        dispatcher, make_tracker("tell me more", intent="follow_up"), {}
    )
    assert kb.topic("overview").answer in dispatcher.messages[0]["text"]
    assert events == [SlotSet("topic", "overview")]


async def test_an_intent_without_a_topic_asks_which_one(kb: KnowledgeBase) -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerTopic().run(dispatcher, make_tracker("hmm", intent="greet"), {})
    [message] = dispatcher.messages
    assert message["text"] == kb.messages["pick_topic"]
    assert len(message["buttons"]) == len(TOPIC_IDS)
    assert events == []


@pytest.mark.parametrize("problem", ["empty", "too_long", "not_english"])
async def test_unreadable_input_gets_its_own_reply(kb: KnowledgeBase, problem: str) -> None:
    dispatcher = CollectingDispatcher()
    entity = {"entity": "input_problem", "value": problem, "start": 0, "end": 0}
    tracker = make_tracker("", intent="nlu_fallback", entities=[entity])
    await ActionClarifyTopic().run(dispatcher, tracker, {})
    assert [m["text"] for m in dispatcher.messages] == [kb.messages[problem]]


async def test_low_confidence_offers_the_likeliest_topics(kb: KnowledgeBase) -> None:
    dispatcher = CollectingDispatcher()
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "greet", "confidence": 0.28},
        {"name": "ask_cause_autoimmune", "confidence": 0.25},
        {"name": "ask_cause_medications", "confidence": 0.2},
        {"name": "ask_overview", "confidence": 0.1},
        {"name": "ask_cause_lab_error", "confidence": 0.05},
    ]
    tracker = make_tracker(
        "hmm the hiv thing", intent="nlu_fallback", entities=[term("hiv")], ranking=ranking
    )
    events = await ActionClarifyTopic().run(dispatcher, tracker, {})
    [message] = dispatcher.messages
    assert message["text"] == kb.messages["clarify"]
    assert _payloads(message) == [
        "/ask_cause_viral_infection",
        "/ask_cause_autoimmune",
        "/ask_cause_medications",
    ]
    assert events == [], "a clarifying question never sets a topic"


async def test_out_of_scope_offers_every_topic(kb: KnowledgeBase) -> None:
    dispatcher = CollectingDispatcher()
    await ActionOutOfScope().run(dispatcher, make_tracker("weather?", intent="out_of_scope"), {})
    [message] = dispatcher.messages
    assert "care team" in message["text"]
    assert len(message["buttons"]) == len(TOPIC_IDS)


async def test_session_start_sends_the_disclaimer_and_carries_slots(kb: KnowledgeBase) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={"topic": "medications", "session_started_metadata": {"a": 1}})
    events = await ActionSessionStart().run(dispatcher, tracker, DOMAIN)
    assert [m["text"] for m in dispatcher.messages] == [kb.messages["disclaimer"]]
    assert "not a diagnosis" in kb.messages["disclaimer"]
    assert events == [
        SessionStarted(),
        SlotSet("topic", "medications"),
        ActionExecuted("action_listen"),
    ]


@pytest.mark.parametrize("kind", ["diagnosis", "medicine_advice", "other_result"])
async def test_a_known_request_gets_its_own_line_first(kb: KnowledgeBase, kind: str) -> None:
    dispatcher = CollectingDispatcher()
    entity = {"entity": "scope_request", "value": kind, "start": 0, "end": 0}
    tracker = make_tracker("...", intent="out_of_scope", entities=[entity])
    await ActionOutOfScope().run(dispatcher, tracker, {})
    text = dispatcher.messages[0]["text"]
    assert text.startswith(kb.messages[f"scope_{kind}"])
    assert text.endswith(kb.messages["out_of_scope"])


@pytest.mark.parametrize(("kind", "messages"), [("clinic_admin", 2), ("diagnosis", 1)])
async def test_the_clinics_business_also_gets_the_contact_card(
    kb: KnowledgeBase, kind: str, messages: int
) -> None:
    dispatcher = CollectingDispatcher()
    entity = {"entity": "scope_request", "value": kind, "start": 0, "end": 0}
    tracker = make_tracker("...", intent="out_of_scope", entities=[entity])
    await ActionOutOfScope().run(dispatcher, tracker, {})
    assert len(dispatcher.messages) == messages
    assert dispatcher.messages[-1].get("response") == ("utter_contact" if messages == 2 else None)


async def test_an_unknown_request_kind_gets_the_plain_reply(kb: KnowledgeBase) -> None:
    dispatcher = CollectingDispatcher()
    entity = {"entity": "scope_request", "value": "made_up", "start": 0, "end": 0}
    tracker = make_tracker("...", intent="out_of_scope", entities=[entity])
    await ActionOutOfScope().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["text"] == kb.messages["out_of_scope"]
