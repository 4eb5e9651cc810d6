"""Whether a message asks the overview's question (bot.nlu.general_questions), and its use."""

from __future__ import annotations

import functools
from typing import Any, Dict

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.general_questions import asks_what_a_low_count_means, list_asked_at
from bot.nlu.named_terms import NamedTermCertainty
from bot.nlu.term_index import term_intents


@pytest.mark.parametrize(
    "text",
    [
        "the nurse rang, my son's white count is down, what's that all about?",
        "twenty weeks pregnant, bloods say neutrophils low, what does it mean",
        "my wbc came back lower than last time - what does this actually mean?",
        "give me the whole list of causes, I'll work through them",
    ],
)
def test_a_low_count_told_and_its_meaning_asked_is_the_overviews_question(text: str) -> None:
    assert asks_what_a_low_count_means(text)


@pytest.mark.parametrize(
    "text",
    [
        "what does a low count mean for my holiday?",
        "my platelets are fine, what does that mean?",
        "what does it mean if a rash doesn't fade?",
        "the count is low. can I still go to work?",
        "my white count is HIGH not low, what does that mean",
    ],
)
def test_other_questions_are_not(text: str) -> None:
    assert not asks_what_a_low_count_means(text)


@functools.lru_cache(maxsize=1)
def _component() -> NamedTermCertainty:
    return NamedTermCertainty(None, None, term_intents({}))


def _term(value: str, start: int) -> Dict[str, Any]:
    return {"entity": "cause_term", "value": value, "start": start, "end": start + len(value)}


def _classified(intent: str, confidence: float, text: str) -> Message:
    return Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "intent_ranking": [{"name": intent, "confidence": confidence}],
            "entities": [],
        }
    )


def test_a_sure_out_of_scope_reading_of_it_becomes_the_overview() -> None:
    text = "I'm 30 weeks pregnant and my bloods showed a low white count, what does that mean?"
    message = _component().process([_classified("out_of_scope", 0.96, text)])[0]
    assert message.get("intent")["name"] == "ask_overview"


def test_a_cause_reading_of_it_is_left_alone() -> None:
    text = "my white count is low, what does that mean?"
    message = _component().process([_classified("ask_cause_lab_error", 0.6, text)])[0]
    assert message.get("intent")["name"] == "ask_cause_lab_error"


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("ask_cause_lab_error", "With respect, what is the work of the white cells in the body?"),
        ("ask_cause_viral_infection", "how do white cells help the body fight infection"),
        ("out_of_scope", "what do white blood cells actually do?"),
        ("follow_up", "wat does wbc even do"),
        ("nlu_fallback", "do white cells fight off germs?"),
        ("ask_cause_lab_error", "Na wetin white blood cell dey do for body?"),
    ],
)
def test_what_white_cells_do_is_the_overviews_question(intent: str, text: str) -> None:
    message = _component().process([_classified(intent, 0.7, text)])[0]
    assert message.get("intent")["name"] == "ask_overview"


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("ask_cause_autoimmune", "nobody said why it's low, what kinds of things cause that?"),
        ("out_of_scope", "Broadly, what are the main categories of cause for a reduced count?"),
        ("ask_cause_medications", "what sort of things can make a white count drop"),
        ("out_of_scope", "What is the aetiology of a low leucocyte count, broadly?"),
        ("ask_cause_bone_marrow_failure", "list the etiologies of leukopenia"),
        ("out_of_scope", "could you send me the whole... the list, every reason it goes low"),
        ("ask_cause_cancer_treatment", "what else can lower white cells, apart from chemo I mean?"),
    ],
)
def test_the_causes_asked_for_as_a_whole_are_the_overviews_question(intent: str, text: str) -> None:
    message = _component().process([_classified(intent, 0.9, text)])[0]
    assert message.get("intent")["name"] == "ask_overview"


def test_what_white_cells_do_beside_a_named_cause_is_left_alone() -> None:
    text = "how do white cells fight infection when you have hiv?"
    entities = [{"entity": "cause_term", "value": "hiv", "start": 52, "end": 55}]
    message = _classified("ask_cause_viral_infection", 0.7, text)
    message.set("entities", entities)
    assert _component().process([message])[0].get("intent")["name"] == "ask_cause_viral_infection"


def test_whether_a_low_count_means_something_is_wrong_is_the_overviews_question() -> None:
    text = "my count came back low but I feel fine, could it just be nothing?"
    message = _component().process([_classified("ask_emergency_info", 0.76, text)])[0]
    assert message.get("intent")["name"] == "ask_overview"


def test_the_same_with_a_word_of_urgency_stays_the_emergency_question() -> None:
    text = "low count, does it mean something is wrong, should I go to A&E?"
    message = _component().process([_classified("ask_emergency_info", 0.76, text)])[0]
    assert message.get("intent")["name"] == "ask_emergency_info"


def test_a_count_below_range_with_its_meaning_asked_is_the_overviews_question() -> None:
    assert asks_what_a_low_count_means(
        "the letter says my leukocytes are below range, what does that mean?"
    )


def test_the_causes_asked_for_as_a_whole_with_an_example_are_still_the_list() -> None:
    assert list_asked_at("broad categories of cause? production, destruction, lab artefact?") == 6
    assert list_asked_at("Mum says the liver. Can you give me all the possible causes?") == 36
    assert list_asked_at("could the lab be wrong?") is None


def test_what_white_cells_are_for_is_asked_in_either_order() -> None:
    from bot.nlu.general_questions import asks_what_white_cells_do

    assert asks_what_white_cells_do("she is asking what white blood cells are for")
    assert asks_what_white_cells_do("wat are wite blood cells for")
    assert asks_what_white_cells_do("What the white cells do?")
    assert asks_what_white_cells_do("I never understood what white cells actually do")


def _reading(intent: str, text: str, *terms: str) -> str:
    """The intent NamedTermCertainty gives a message naming `terms` (each at its first place)."""
    message = _classified(intent, 0.7, text)
    message.set("entities", [_term(term, text.index(term)) for term in terms])
    return str(_component().process([message])[0].get("intent")["name"])


@pytest.mark.parametrize(
    ("intent", "text", "terms"),
    [
        ("ask_cause_cancer_treatment", "sorry, the word, leuco... what does it mean?", ("leuco",)),
        ("follow_up", "sorry, the word you used, leuco... what does it mean again?", ("leuco",)),
        (
            "ask_cause_autoimmune",
            "I take bisoprolol for my heart and methotrexate for arthritis. My count came back"
            " low. Generally, what kinds of things cause that?",
            ("arthritis",),
        ),
        (
            "ask_cause_medications",
            "I take nine tablets a day. Could you tell me what a low white count actually is?",
            ("tablets",),
        ),
        (
            "ask_cause_medications",
            "I'm 80 and take ramipril and naproxen. My count is low. What are the usual causes?",
            ("naproxen",),
        ),
    ],
)
def test_the_overview_s_question_beside_a_cause_told_is_the_overview(
    intent: str, text: str, terms: tuple
) -> None:
    assert _reading(intent, text, *terms) == "ask_overview"


@pytest.mark.parametrize(
    ("intent", "text", "terms"),
    [
        (
            "ask_cause_medications",
            "they said it's the methotrexate, what does it mean?",
            ("methotrexate",),
        ),
        (
            "ask_cause_autoimmune",
            "The clinic letter says 'lupus, leukopenia probably due to it'. What does that mean?",
            ("lupus", "leukopenia"),
        ),
        (
            "ask_cause_viral_infection",
            "Leaflet: 'a virus may lead to short-lived leukopenia.' What does that mean?",
            ("virus", "leukopenia"),
        ),
    ],
)
def test_what_a_cause_or_a_statement_means_is_left_alone(
    intent: str, text: str, terms: tuple
) -> None:
    assert _reading(intent, text, *terms) == intent


def test_being_worried_about_the_low_count_is_the_emergency_question() -> None:
    assert _reading("ask_overview", "should we be worried about her low count, doctor?") == (
        "ask_emergency_info"
    )
