"""Temperature, pulse and oxygen numbers in the patient's own notation."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.safety.readings import find_measures, find_readings, words_to_number
from bot.safety.rules import ReadingRules, load_rules


@pytest.fixture(scope="module")
def limits() -> ReadingRules:
    return load_rules().readings


@pytest.mark.parametrize(
    ("text", "celsius"),
    [
        ("my temp is 38.5", 38.5),
        ("38,5 this evening", 38.5),
        ("temp 38 point 3", 38.3),
        ("101.5 and shivery", 38.61),
        ("it's 102F", 38.89),
        ("39 °C", 39.0),
        ("39 degrees celsius", 39.0),
        ("temp of 39", 39.0),
        ("running 101 since lunch", 38.33),
        ("a fever of a hundred and two", 38.89),
        ("temperature thirty nine point five", 39.5),
        ("temp dropped to 35.2", 35.2),
        ("her temperature is ninety-five", 35.0),
    ],
)
def test_reads_temperatures(limits: ReadingRules, text: str, celsius: float) -> None:
    [reading] = find_readings(text, limits)
    assert reading.celsius == pytest.approx(celsius, abs=0.01)


@pytest.mark.parametrize(
    "text",
    [
        "I'm 38 years old",
        "my wbc is 3.2",
        "I weigh 95.5 kg",
        "born in 1985",
        "appointment at 10:30",
        "took 2 tablets",
        "ward 38, bed 4",
        "I got glandular fever at 34, which is embarrassing enough",
        "had hay fever since 12",
    ],
)
def test_other_numbers_are_not_temperatures(limits: ReadingRules, text: str) -> None:
    assert find_readings(text, limits) == []


@pytest.mark.parametrize(
    "text", ["glandular fever and a temp of 39", "she has hay fever, her temperature is 39"]
)
def test_a_temperature_word_beside_a_look_alike_still_counts(
    limits: ReadingRules, text: str
) -> None:
    [reading] = find_readings(text, limits)
    assert reading.celsius == 39.0


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("a hundred and two", 102.0),
        ("one hundred and one point five", 101.5),
        ("thirty-eight point oh", 38.0),
        ("ninety five", 95.0),
        ("hundred and blah", None),
    ],
)
def test_number_words(phrase: str, value: Optional[float]) -> None:
    assert words_to_number(phrase) == value


def test_pulse_and_oxygen_numbers(limits: ReadingRules) -> None:
    assert [m.value for m in find_measures("heart rate 140 sitting still", limits.pulse_words)] == [
        140
    ]
    assert [m.value for m in find_measures("sats are 89% on the meter", limits.oxygen_words)] == [
        89
    ]
