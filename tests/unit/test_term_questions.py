"""What a message naming a term asks (bot.nlu.term_questions), read from its text."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

from bot.nlu.term_questions import (
    answered_by_the_term,
    only_terms,
    sets_a_cause_aside,
    without_set_aside,
)
from knowledge.names import TERM_ENTITY


def _entities(text: str, *terms: str) -> List[Dict[str, Any]]:
    lowered = text.lower()
    found = []
    for term in terms:
        start = lowered.index(term)
        found.append(
            {"entity": TERM_ENTITY, "value": term, "start": start, "end": start + len(term)}
        )
    return found


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("what else could it be apart from chemo?", "chemo"),
        ("apart of the quimio, what more can do it?", "quimio"),
        ("what else might it be if it isn't the spleen", "spleen"),
        ("besides a lab error, what are the common culprits?", "lab error"),
        ("people online say it's always the marrow. is that the only cause?", "marrow"),
        ("my forum blames lupus, but are there any other causes?", "lupus"),
        ("the leaflet says the spleen and other things. what are the other things?", "spleen"),
        ("GP mentioned chemo among others. What about the other reasons?", "chemo"),
        ("is a low count always down to the spleen?", "spleen"),
    ],
)
def test_a_named_cause_set_aside_asks_for_the_rest(text: str, term: str) -> None:
    assert sets_a_cause_aside(text, _entities(text, term))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("could lupus be another cause?", "lupus"),
        ("is chemo the reason?", "chemo"),
        ("besides, is the spleen involved?", "spleen"),
        ("what are the other things that lupus does to the body?", "lupus"),
        ("does chemo always lower the count?", "chemo"),
    ],
)
def test_a_question_about_the_named_cause_is_not_set_aside(text: str, term: str) -> None:
    assert not sets_a_cause_aside(text, _entities(text, term))


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Which drug classes, other than chemo, can lower it?", ("drug", "chemo")),
        ("Which medicines besides chemo are another cause?", ("medicines", "chemo")),
    ],
)
def test_a_cause_kept_beside_one_set_aside_is_asked_about(text: str, terms: tuple) -> None:
    assert not sets_a_cause_aside(text, _entities(text, *terms))


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        (
            "what else can do it? she isn't on any tablets and she's never had chemo",
            ("tablets", "chemo"),
        ),
        (
            "any other reasons? he hasn't had a virus and doesn't take steroids",
            ("virus", "steroids"),
        ),
    ],
)
def test_every_named_cause_denied_asks_for_the_rest(text: str, terms: tuple) -> None:
    assert sets_a_cause_aside(text, _entities(text, *terms))


def test_one_cause_denied_and_one_asked_about_is_not_set_aside() -> None:
    text = "he's never had chemo, could his other tablets be why?"
    assert not sets_a_cause_aside(text, _entities(text, "chemo", "tablets"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("what is the anemia aplásica? the doctor said maybe", "anemia aplásica"),
        ("what's MDS", "mds"),
        ("do cancer meds wipe out the good cells too?? crazy", "cancer"),
        ("does HIV attack the immune cells", "hiv"),
        ("MDS. explains it?", "mds"),
        ("is the prednisone to blame?", "prednisone"),
        ("my diuretic has me up all night. is it depleting my white cells too?", "diuretic"),
    ],
)
def test_a_question_about_what_a_term_is_or_does_to_the_cells(text: str, term: str) -> None:
    assert answered_by_the_term(text, _entities(text, term))


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("thanks, my mum's lupus clinic was great", ("lupus",)),
        ("yes, chemo", ("chemo",)),
        ("what is the weather like today", ()),
        ("does the flu make you tired", ("flu",)),
    ],
)
def test_a_reply_or_another_question_is_not_about_the_term(text: str, terms: tuple) -> None:
    assert not answered_by_the_term(text, _entities(text, *terms))


def test_only_terms_sees_a_message_of_nothing_but_terms() -> None:
    assert only_terms("SLE?", _entities("SLE?", "sle"))
    assert not only_terms("SLE, thanks", _entities("SLE, thanks", "sle"))
    assert not only_terms("", [])


def test_a_cause_told_after_the_one_set_aside_does_not_stop_the_list() -> None:
    text = "apart from cancer, what else can do it? every website just says leukaemia"
    assert sets_a_cause_aside(text, _entities(text, "cancer", "leukaemia"))


@pytest.mark.parametrize(
    ("text", "terms", "kept"),
    [
        (
            "the GP blames the methotrexate he takes for his RA",
            ("methotrexate", "ra"),
            "methotrexate",
        ),
        ("is it more likely the lupus than a virus?", ("lupus", "virus"), "lupus"),
        (
            "is the spleen likelier to be it than something wrong with the marrow?",
            ("spleen", "marrow"),
            "spleen",
        ),
        (
            "I'm not asking about the steroids: could the sample have sat too long?",
            ("steroids", "sat too long"),
            "sat too long",
        ),
    ],
)
def test_the_disease_a_medicine_is_for_or_a_cause_compared_against_steps_aside(
    text: str, terms: tuple, kept: str
) -> None:
    left = [e["value"] for e in without_set_aside(text, _entities(text, *terms))]
    assert left == [kept]


def test_a_disease_told_before_its_medicine_stays() -> None:
    text = "she has RA and takes methotrexate for it. could the RA lower her count?"
    left = {e["value"] for e in without_set_aside(text, _entities(text, "ra", "methotrexate"))}
    assert left == {"ra", "methotrexate"}
