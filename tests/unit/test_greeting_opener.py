"""A greeting that only says who is asking is a greeting; one with a question is not."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.greeting_opener import GreetingOpener, is_greeting_opener


@pytest.mark.parametrize(
    "text",
    [
        "Good morning. I am enquiring on behalf of my brother, who is 70.",
        "hey, it's for my partner",
        "hello, sorry, first time using this",
        "Hi, can I ask you something?",
        "hiya, I've got a few questions",
        "Buenas tardes, I write for my mother.",
        "Dzień dobry, it is about my son",
        "hello, I have my dad's lab report here",
        "Sorry to bother you, it's about my husband",
        "not sure if this is the right place to ask",
        "I'm the school nurse at a primary school.",
        "Pharmacy counter assistant with a customer query.",
        "this is her daughter",
        "care coordinator here",
        "Salam doctor, sorry for disturbing",
        "sorry to disturb you dear doctor",
        "quick question about my mum's bloods",
        "One small query regarding my results",
        "Abeg I wan ask you something",
        "abeg, una dey there?",
        "Please good evening",
        "are you there?",
        "odd one",
        "this may sound like a silly question",
        "may I ask something private",
        "ok, random question",
    ],
)
def test_a_greeting_that_asks_nothing_is_an_opener(text: str) -> None:
    assert is_greeting_opener(text)


@pytest.mark.parametrize(
    "text",
    [
        "hi, why is my white count low",
        "hello, my results came back low",
        "hey, is it serious?",
        "hello, can I change my appointment?",
        "my mum says hi",
        "Hello. The boiler is making a noise. What should I do.",
        "I'm a nurse myself, why would that lower it?",
        "I'm his mum and his count is low",
        "I'm worried",
        "school nurse: should she skip PE?",
        "quick question about my results, is a low count bad?",
        "question about the letter: why do they want a repeat test?",
        "hi? why is his count so low",
        "I want to ask something: is a low count dangerous?",
        "odd one - why would a virus lower it?",
    ],
)
def test_a_greeting_with_something_to_answer_is_not(text: str) -> None:
    assert not is_greeting_opener(text)


def _message(text: str, intent: str, entities: List[Dict[str, Any]]) -> Message:
    return Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": 0.6},
            "intent_ranking": [{"name": intent, "confidence": 0.6}],
            "entities": entities,
        }
    )


@pytest.fixture
def component(tmp_path: Any) -> GreetingOpener:
    return GreetingOpener.create(
        {},
        LocalModelStorage(tmp_path),
        Resource("opener"),
        ExecutionContext(GraphSchema({}), node_name="opener"),
    )


def test_the_component_greets_an_opener_and_keeps_the_rest(component: GreetingOpener) -> None:
    opener = _message("Good evening, I'm asking for my dad.", "out_of_scope", [])
    named = _message(
        "hi, I'm asking about lupus", "out_of_scope", [{"entity": "cause_term", "value": "lupus"}]
    )
    thanks = _message("hello again and thanks", "thank", [])
    component.process([opener, named, thanks])
    assert opener.get("intent")["name"] == "greet"
    assert named.get("intent")["name"] == "out_of_scope"
    assert thanks.get("intent")["name"] == "thank"
