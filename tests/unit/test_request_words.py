"""'Talk to a person' and 'forget me' only for a message that makes the request; the
next guess otherwise."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest
import yaml
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.request_words import RequestWordsCheck, asks_for_a_person, asks_to_forget
from tests.conftest import PROJECT_DIR


@pytest.mark.parametrize(
    "text",
    [
        "can I speak to a nurse",
        "i want a real person",
        "what's the clinic's phone number",
        "how do I get hold of someone at the surgery",
        "who do we ring at night",
        "is there a 24 hour line for chemo patients",
        "can someone call me back",
        "which number do I ring at night?",
    ],
)
def test_a_request_for_a_person_is_one(text: str) -> None:
    assert asks_for_a_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "hi, I'm a district nurse asking for a patient",
        "the doctor said my count is low",
        "what number would be normal for her?",
        "is 2.1 a low number",
        "I got a letter from the clinic about my bloods",
    ],
)
def test_a_mention_of_staff_or_a_number_is_not(text: str) -> None:
    assert not asks_for_a_person(text)


def _parsed(text: str, ranking: List[tuple]) -> Message:
    ranked = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return Message(data={"text": text, "intent": ranked[0], "intent_ranking": ranked})


def _component(tmp_path: Path) -> RequestWordsCheck:
    return RequestWordsCheck.create(
        {**RequestWordsCheck.get_default_config()},
        LocalModelStorage.create(tmp_path),
        Resource("request_words"),
        ExecutionContext(GraphSchema({}), "test"),
    )


def test_a_mention_gets_the_next_guess_or_the_fallback(tmp_path: Path) -> None:
    component = _component(tmp_path)
    greeting = _parsed("hi, care home nurse here", [("talk_to_person", 0.5), ("greet", 0.4)])
    unsure = _parsed("my nurse mentioned it", [("talk_to_person", 0.6), ("ask_overview", 0.2)])
    asked = _parsed("can I talk to a nurse", [("talk_to_person", 0.9), ("greet", 0.05)])
    component.process([greeting, unsure, asked])
    assert greeting.get("intent") == {"name": "greet", "confidence": 0.4}
    assert unsure.get("intent")["name"] == "nlu_fallback"
    assert asked.get("intent")["name"] == "talk_to_person"
    assert [r["name"] for r in greeting.get("intent_ranking")] == ["greet"]


def test_forgive_me_is_not_a_request_to_forget(tmp_path: Path) -> None:
    component = _component(tmp_path)
    polite = _parsed(
        "Forgive me, what does this do to my white cells?",
        [("forget_me", 0.5), ("follow_up", 0.35)],
    )
    asked = _parsed("please forget what I wrote", [("forget_me", 0.9), ("thank", 0.05)])
    component.process([polite, asked])
    assert polite.get("intent")["name"] == "follow_up"
    assert asked.get("intent")["name"] == "forget_me"


@pytest.mark.parametrize(
    "text", ["delete my chat", "erase everything", "don't keep what I said", "wipe it all"]
)
def test_a_request_to_forget_speaks_of_deleting_or_keeping(text: str) -> None:
    assert asks_to_forget(text)


@pytest.mark.parametrize(
    "text",
    [
        "sorry, I've forgotten already, did you say radiotherapy can do it?",
        "I keep forgetting what the word was",
        "I forgot to ask, can steroids lower it?",
        "will it keep dropping?",
    ],
)
def test_the_patient_s_own_memory_is_no_request_to_forget(text: str) -> None:
    assert not asks_to_forget(text)


def test_every_forget_me_training_example_makes_the_request() -> None:
    document = yaml.safe_load((PROJECT_DIR / "data" / "nlu" / "forget_me.yml").read_text())
    examples = [
        line.strip()[2:]
        for block in document["nlu"]
        if block.get("intent") == "forget_me"
        for line in block["examples"].splitlines()
        if line.strip().startswith("- ")
    ]
    assert examples and [text for text in examples if not asks_to_forget(text)] == []
