"""Invariants of the red-flag rules, checked on generated messages (hypothesis).

A red flag stays a red flag told about someone else, with a typo, with thanks
added, in Celsius and the same reading in Fahrenheit; a negated list stays calm
whichever red flags it lists, and each of them alone is an alarm. The rules alone
are checked: the classifier must not be what makes these hold.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.safety.detector import RedFlagDetector
from bot.safety.rules import load_rules

SUBJECTS = (
    ("I", "am", "my", "have"),
    ("my dad", "is", "his", "has"),
    ("my mum", "is", "her", "has"),
    ("she", "is", "her", "has"),
    ("my husband", "is", "his", "has"),
    ("our son", "is", "his", "has"),
    ("my grandmother", "is", "her", "has"),
)
"""Who is talking about whom: subject, "be", possessive, "have"."""

EMERGENCIES = (
    "{s} can't breathe properly",
    "{s} {be} really confused and drowsy",
    "{s} {have} crushing chest pain going down {p} left arm",
    "{p} lips are going blue",
    "{s} {be} vomiting blood",
    "{s} {have} a rash that doesn't fade under a glass",
    "{p} face has dropped on one side and {p} speech is slurred",
    "{s} {have} had a fit for ten minutes and it won't stop",
    "{s} collapsed and {be} not responding",
    "{p} nosebleed won't stop after an hour",
    "{s} {have} the worst headache of {p} life, it came on suddenly",
    "{s} {be} shivering uncontrollably after chemo",
)
ENDINGS = (" thanks", " thank you", ". thanks for any help", " thx", ", cheers")
LIST_FLAGS = (
    "fever",
    "chills",
    "confusion",
    "chest pain",
    "wheezing",
    "breathlessness",
    "stiff neck",
    "seizures",
    "fainting",
)


@pytest.fixture(scope="module")
def rules_only() -> RedFlagDetector:
    return RedFlagDetector(load_rules())


def _message(template: str, subject: tuple) -> str:
    s, be, p, have = subject
    text = template.format(s=s, be=be, p=p, have=have)
    return text[0].upper() + text[1:]


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.sampled_from(EMERGENCIES), st.sampled_from(SUBJECTS), st.sampled_from(ENDINGS))
def test_a_red_flag_stays_one_about_anyone_and_with_thanks(
    rules_only: RedFlagDetector, template: str, subject: tuple, ending: str
) -> None:
    text = _message(template, subject)
    assert rules_only.assess(text).emergency, text
    assert rules_only.assess(text + ending).emergency, text + ending


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.sampled_from(EMERGENCIES), st.sampled_from(SUBJECTS), st.data())
def test_a_red_flag_survives_a_doubled_letter(
    rules_only: RedFlagDetector, template: str, subject: tuple, data: st.DataObject
) -> None:
    """A typist's doubled letter inside the longest word ("confussed") is still read."""
    text = _message(template, subject)
    longest = max((w.strip(",.") for w in text.split() if w.strip(",.").isalpha()), key=len)
    at = data.draw(st.integers(min_value=2, max_value=len(longest) - 2), label="letter")
    typo = longest[:at] + longest[at] + longest[at:]
    assert rules_only.assess(text.replace(longest, typo, 1)).emergency, typo


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.integers(min_value=380, max_value=420), st.sampled_from(SUBJECTS))
def test_a_fever_is_a_fever_in_celsius_and_in_fahrenheit(
    rules_only: RedFlagDetector, tenths: int, subject: tuple
) -> None:
    celsius = tenths / 10
    fahrenheit = round(celsius * 9 / 5 + 32, 1)
    possessive = subject[2] if subject[0] != "I" else "my"
    for reading in (f"{celsius:.1f}°C", f"{fahrenheit:.1f}°F", f"{fahrenheit:.1f} F"):
        text = f"{possessive} temperature is {reading}"
        assert rules_only.assess(text).emergency, text


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.integers(min_value=361, max_value=378))
def test_a_normal_temperature_is_calm_in_both_scales(
    rules_only: RedFlagDetector, tenths: int
) -> None:
    celsius = tenths / 10
    fahrenheit = round(celsius * 9 / 5 + 32, 1)
    for reading in (f"{celsius:.1f}°C", f"{fahrenheit:.1f}°F"):
        text = f"my temperature is {reading} today"
        assert not rules_only.assess(text).emergency, text


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.lists(st.sampled_from(LIST_FLAGS), min_size=2, max_size=4, unique=True),
    st.sampled_from(("no", "No", "without any", "never had")),
    st.sampled_from((" or ", " and ", ", ")),
)
def test_a_negated_list_stays_calm_for_every_item(
    rules_only: RedFlagDetector, flags: list, negation: str, last_joiner: str
) -> None:
    for flag in flags:
        assert rules_only.assess(f"I have {flag}").emergency, flag
    listed = ", ".join(flags[:-1]) + last_joiner + flags[-1]
    text = f"{negation} {listed}, just tired"
    assert not rules_only.assess(text).emergency, text
