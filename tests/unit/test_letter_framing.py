"""A message written as a letter is read without its salutation, pleasantries and sign-off."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.letter_framing import LetterFraming, without_letter_framing


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "Dear Sir, Good evening. I hope this message finds you well. Regards, Tom Baker",
            "Good evening.",
        ),
        (
            "Dear Dr. Patel, my wife's count is low. Could it be her tablets? Kind regards, Harold",
            "my wife's count is low. Could it be her tablets?",
        ),
        ("Dear Sir or Madam, is a low count an emergency? Regards", "is a low count an emergency?"),
        (
            "To whom it may concern: what causes low white cells? Sincerely, M. Jones",
            "what causes low white cells?",
        ),
        ("hope you are well, what causes a low wbc?", "what causes a low wbc?"),
        ("could lupus do it, regards", "could lupus do it"),
        ("Dear nurse,\nis the spleen involved?\nYours faithfully\nJoan", "is the spleen involved?"),
    ],
)
def test_the_framing_goes_and_the_question_stays(text: str, read: str) -> None:
    assert without_letter_framing(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "Dear Sir I have a question about my wife",
        "dear god my son has a temp of 39 and is on chemo",
        "I send my best wishes to the nurse who helped",
        "I hope you are ok with me asking a lot of questions",
        "i trust my results, is that wrong?",
        "the regards line on the letter said nothing",
    ],
)
def test_words_that_only_look_like_framing_stay(text: str) -> None:
    assert without_letter_framing(text) == text


@pytest.mark.parametrize(
    "text",
    ["Dear Madam, I trust you are keeping well. Yours faithfully, Joan", "regards", "Dear Sir,"],
)
def test_a_message_made_only_of_framing_keeps_its_text(text: str) -> None:
    assert without_letter_framing(text) == text


def test_the_component_changes_only_the_text_nlu_reads(tmp_path: Path) -> None:
    component = LetterFraming.create(
        {},
        LocalModelStorage(tmp_path),
        Resource("framing"),
        ExecutionContext(GraphSchema({}), node_name="framing"),
    )
    letter = Message(data={"text": "Dear Sir, can steroids do this? Regards, Arthur"})
    plain = Message(data={"text": "can steroids do this?"})
    component.process([letter, plain])
    assert letter.get("text") == "can steroids do this?"
    assert plain.get("text") == "can steroids do this?"
