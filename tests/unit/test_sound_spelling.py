"""Rare words spelt as they sound are read as the words they stand for; nothing else changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.engine.training.fingerprinting import calculate_fingerprint_key
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.sound_speller import SoundSpeller
from bot.nlu.sound_spelling import SoundSpelling
from tests.conftest import write_knowledge

TRAINING = [
    "what causes low white cells",
    "can liver disease lower the count",
    "could the radiation be why my blood count is low",
    "is it the marrow, or a lab mistake",
    "the cells are low, kya karna hai",
    "my son's spleeen is big",
]
SPELLER = SoundSpeller(
    SoundSpeller.vocabulary_of(TRAINING), ["cirrhosis", "chemotherapy", "radiotherapy"]
)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("wite sels low", "white cells low"),
        ("bad liva", "bad liver"),
        ("had the radiashun", "had the radiation"),
        ("my blud", "my blood"),
        ("sirosis", "cirrhosis"),
        ("kemotherapy last year", "chemotherapy last year"),
        ("Wite sels?", "white cells?"),
        ("wat make it low", "what make it low"),  # shorthand: too common for the sound rule
        ("shud i worry", "should i worry"),
        ("can cust stop it", "can customer stop it"),  # a pharmacist's shorthand
        ("do i need the test agen", "do i need the test again"),
        ("Wy is it low coz of chemo", "why is it low because of chemo"),
        ("WHY is NOBODY telling me", "why is nobody telling me"),  # shouted
        ("my GP says WBC L", "my GP says WBC L"),  # abbreviations stay in capitals
    ],
)
def test_a_word_spelt_as_it_sounds_is_read_as_the_word(text: str, read: str) -> None:
    assert SPELLER.read(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "beta blockers",  # a common English word
        "buenas tardes",  # a common word of another language
        "my mum Mrs Maro",  # a name inside a sentence
        "the cells are low",  # words of the training data
        "lisinopril",  # no word sounds like it
        "splene",  # the data's own typo ("spleeen") is never a target
        "hm",  # too short to go on
        "my friend Wen said",  # a name inside a sentence, though shorthand for "when"
        "hiii",  # drawn out
    ],
)
def test_other_words_stay_as_written(text: str) -> None:
    assert SPELLER.read(text) == text


HEARING = SoundSpeller(
    SoundSpeller.vocabulary_of(TRAINING),
    [
        "lupus",
        "myelodysplastic",
        "lymphoma",
        "radiotherapy",
        "chemos",
        "common",
        "tumour",
        "aplastic",
    ],
)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("i have loo puss", "i have lupus"),
        ("can lieu pus cause it", "can lupus cause it"),
        ("they said my lo dis plastic syndrome", "they said myelodysplastic syndrome"),
        ("Doc said my-lo-dis-plastic syndrome", "Doc said myelodysplastic syndrome"),
        ("treatment for lim foma", "treatment for lymphoma"),
        ("had radeo therapy", "had radiotherapy"),
    ],
)
def test_a_term_heard_as_several_words_is_read_as_the_term(text: str, read: str) -> None:
    assert HEARING.read(text) == read


def test_an_everyday_word_of_a_longer_term_does_not_stop_the_hearing() -> None:
    """ "attacking my own" makes "my" a term word; "my lo dis plastic" is still heard."""
    speller = SoundSpeller(
        SoundSpeller.vocabulary_of(TRAINING), ["myelodysplastic", "my", "own", "attacking"]
    )
    assert speller.read("I have my lo dis plastic syndrome") == "I have myelodysplastic syndrome"


@pytest.mark.parametrize(
    "text",
    [
        "until chemo is finished",  # a term and the next word
        "could drop comma in general",  # "common" is an everyday word, never a heard term
        "the whole time your on it",  # everyday words are not "tumour"
        "in a plastic bag",  # one letter is no part of a heard term
        "loo, puss",  # words apart are not one term
    ],
)
def test_everyday_words_together_stay_as_written(text: str) -> None:
    assert HEARING.read(text) == text


def test_the_component_learns_the_words_at_training_and_reads_with_them(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("sound")
    context = ExecutionContext(GraphSchema({}), node_name="sound")
    trained = SoundSpelling.create(SoundSpelling.get_default_config(), storage, resource, context)
    trained.train(TrainingData([Message(data={"text": text}) for text in TRAINING]))
    loaded = SoundSpelling.load(SoundSpelling.get_default_config(), storage, resource, context)
    message = Message(data={"text": "wat is low wite sels"})
    loaded.process([message])
    assert message.get("text") == "what is low white cells"


def test_a_new_knowledge_file_term_retrains_the_component(
    tmp_path: Path, knowledge_document: Dict[str, Any]
) -> None:
    config = {"knowledge_file": str(write_knowledge(tmp_path, knowledge_document))}
    before = calculate_fingerprint_key(SoundSpelling, config, {})
    medications = next(t for t in knowledge_document["topics"] if t["id"] == "medications")
    medications["unnamed_terms"].append("teriflunomide")
    write_knowledge(tmp_path, knowledge_document)
    assert calculate_fingerprint_key(SoundSpelling, config, {}) != before


def test_a_courtesy_in_another_language_is_a_word_not_a_misspelling() -> None:
    speller = SoundSpeller(SoundSpeller.vocabulary_of(["please call the clinic", "bony marrow"]))
    assert speller.read("call me back") == "call me back"
    assert speller.read("Efharisto, kalo vradi") == "Efharisto, kalo vradi"
    assert speller.read("asante, bene") == "asante, bene"
