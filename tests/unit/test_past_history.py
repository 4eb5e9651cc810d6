"""Causes told as long past step aside for the cause the patient asks about now."""

from __future__ import annotations

import datetime
from typing import Any, Dict, List

import pytest

from bot.nlu.past_history import told_as_history, without_history
from knowledge.names import TERM_ENTITY

TODAY = datetime.date(2026, 11, 29)
INTENT_OF = {
    "chemo": "ask_cause_cancer_treatment",
    "radiotherapy": "ask_cause_cancer_treatment",
    "hodgkin": "ask_cause_cancer_treatment",
    "covid": "ask_cause_viral_infection",
    "lupus": "ask_cause_autoimmune",
    "low white count": "ask_overview",
}
GENERAL = {"ask_overview", "ask_emergency_info"}


def _terms(text: str, *values: str) -> List[Dict[str, Any]]:
    lowered = text.lower()
    return [
        {
            "entity": TERM_ENTITY,
            "value": v,
            "start": lowered.index(v),
            "end": lowered.index(v) + len(v),
        }
        for v in values
    ]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Had chemo in 2012, all fine since.", "chemo"),
        ("radiotherapy years ago, and now this", "radiotherapy"),
        ("Hodgkin survivor, fit and well", "hodgkin"),
        ("back then the chemo knocked it flat", "chemo"),
    ],
)
def test_a_term_in_a_clause_of_long_ago_is_history(text: str, term: str) -> None:
    assert told_as_history(text, _terms(text, term)[0], TODAY)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("she's on chemo now and her count is low", "chemo"),
        ("chemo last year, is that still it?", "chemo"),
        ("finished chemo last month, could it still be the chemo?", "chemo"),
    ],
)
def test_a_term_of_now_or_last_year_is_not(text: str, term: str) -> None:
    assert not told_as_history(text, _terms(text, term)[-1], TODAY)


def test_the_same_term_asked_about_now_is_not_history() -> None:
    text = "I had chemo in 2012. Could the chemo still do it?"
    at = text.lower().rindex("chemo")
    assert not told_as_history(text, {"entity": TERM_ENTITY, "value": "chemo", "start": at}, TODAY)


def test_history_steps_aside_for_a_cause_told_now() -> None:
    text = "When I had chemo in 2015 it dropped too, but this time just a bad bout of covid."
    entities = _terms(text, "chemo", "covid")
    kept = without_history(text, entities, INTENT_OF, GENERAL)
    assert [e["value"] for e in kept] == ["covid"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Lymphoma survivor, 2009. Back then I never asked why chemo did it. Why?", ["chemo"]),
        (
            "Radiotherapy years back. Is a low white count an emergency?",
            ["radiotherapy", "low white count"],
        ),
        ("Chemo in 2015 dropped it. Could the chemo still keep it low?", ["chemo", "chemo"]),
        ("Lupus years ago, and I had covid in 2019 too.", ["lupus", "covid"]),
    ],
)
def test_history_stays_when_no_other_cause_is_told_now(text: str, values: List[str]) -> None:
    lowered = text.lower()
    entities, start = [], 0
    for v in values:
        at = lowered.index(v, start)
        entities.append({"entity": TERM_ENTITY, "value": v, "start": at, "end": at + len(v)})
        start = at + 1
    assert without_history(text, entities, INTENT_OF, GENERAL) == entities


@pytest.mark.parametrize(
    "text",
    [
        "Had chemo back in 2010, fine since. What do white cells actually do?",
        "Radiotherapy years back, not about that. What sort of things cause a low white count?",
    ],
)
def test_history_steps_aside_for_a_question_in_general(text: str) -> None:
    values = [v for v in ("chemo", "radiotherapy", "low white count") if v in text.lower()]
    kept = without_history(text, _terms(text, *values), INTENT_OF, GENERAL)
    assert [e["value"] for e in kept] == [v for v in values if v == "low white count"]
