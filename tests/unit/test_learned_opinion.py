"""The classifier's fast scorer gives scikit-learn's own probability, for any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.safety.labelled import Example
from bot.safety.learned import LearnedOpinion

EMERGENCIES = (
    "my dad collapsed and is not breathing",
    "she can't breathe and her lips are blue",
    "on chemo, temperature 38.9 and shivering",
    "he is vomiting blood, lots of it",
    "crushing chest pain going down my left arm",
    "the baby is floppy and won't wake up",
)
CALM = (
    "what does a low white count mean?",
    "I have a runny nose and a mild cough",
    "my ankle is a bit sore after football",
    "no fever, cough or rash, just tired",
    "hay fever is bad this year, itchy eyes",
    "thanks, that helped a lot",
)
TOLERANCE = 1e-9


@pytest.fixture(scope="module")
def opinion() -> LearnedOpinion:
    examples = [Example(text, True, "x", "emergency") for text in EMERGENCIES]
    examples += [Example(text, False, "none", "mild") for text in CALM]
    return LearnedOpinion.train(examples)


@pytest.mark.parametrize(
    "text",
    [
        *EMERGENCIES,
        *CALM,
        "",
        "   ",
        "zzzz qqqq",
        "BREATHE!!! can't\tbreathe\n\nhelp",
        "İstanbul ümlaut ß",
    ],
)
def test_the_fast_score_is_scikit_learns(opinion: LearnedOpinion, text: str) -> None:
    assert opinion.score(text) == pytest.approx(opinion.reference_score(text), abs=TOLERANCE)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300))
def test_the_fast_score_is_scikit_learns_for_any_text(opinion: LearnedOpinion, text: str) -> None:
    assert opinion.score(text) == pytest.approx(opinion.reference_score(text), abs=TOLERANCE)


def test_a_saved_opinion_scores_the_same(opinion: LearnedOpinion, tmp_path: Path) -> None:
    path = tmp_path / "opinion.joblib"
    opinion.save(path)
    loaded = LearnedOpinion.load(path)
    for text in EMERGENCIES + CALM:
        assert loaded.score(text) == pytest.approx(opinion.score(text), abs=TOLERANCE)


def test_it_needs_both_sides() -> None:
    with pytest.raises(ValueError, match="emergency and calm"):
        LearnedOpinion.train([Example(text, True, "x", "emergency") for text in EMERGENCIES])
