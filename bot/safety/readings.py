"""Finds temperature and pulse readings in a message.

Temperatures: digits with a point or comma ("38.5", "38,5", "38 point 5"), units
("102F", "39 °C", "39 degrees celsius") and number words ("a hundred and two",
"thirty nine point five"), converted to Celsius. A whole number counts only next
to a temperature word ("temp of 39", "running 101"); a decimal in a body-
temperature range counts on its own. Without a unit, 30-43.5 is Celsius and 86-110.5
is Fahrenheit. A limit quoted from advice ("100.4 or higher") and the weather
("95 degrees all week") are not readings. Pulse and oxygen: a number right after
a measure word ("heart rate 140", "sats 89").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Sequence, Tuple

from bot.safety.rules import ReadingRules

CONTEXT_CHARS = 40
"""How far (in characters) before the number a temperature word may stand."""
CONTEXT_CHARS_AFTER = 20
"""How far after it ("39 on the thermometer"); further on, a word belongs to another
thought ("he is 45 and has taken up running")."""

_CELSIUS_RANGE = (30.0, 43.5)
_FAHRENHEIT_RANGE = (86.0, 110.5)
"""Body temperatures a person can have; "112 today" in a heatwave is the weather."""

_NUMBER = re.compile(
    r"(?<![\w.,])(?P<value>\d{2,3}(?:(?:[.,]|\s+point\s+)\d{1,2})?)"
    r"(?:\s*(?P<unit>°\s*[cf]|º\s*[cf]|°|º|degrees?\s*(?:celsius|centigrade|fahrenheit|c|f)?"
    r"|deg\s*[cf]?|celsius|centigrade|fahrenheit|[cf])(?![a-z]))?",
    re.IGNORECASE,
)
_BLOOD_PRESSURE = re.compile(r"\b\d{2,3}\s*(?:/|over)\s*\d{2,3}\b", re.IGNORECASE)
"""A blood pressure ("146/88", "128 over 76"): neither number is a temperature or pulse."""
_AGE_BEFORE = re.compile(
    r"(?:\bi'?m|\bi am|\bhe'?s|\bhe is|\bshe'?s|\bshe is|\bthey'?re|\bthey are|\baged?)\s*$"
)
"""A whole number right after "I'm", "she's" or "aged" is an age, not a temperature."""
_UNITS = {"c": "C", "celsius": "C", "centigrade": "C", "f": "F", "fahrenheit": "F"}

_ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_NUMBER_WORDS = "|".join([*_ONES, *_TEENS, *_TENS, "hundred", "a", "and", "point", "oh"])
_WORDED = re.compile(
    rf"\b(?:(?:{_NUMBER_WORDS})[\s-]+)*(?:hundred|{'|'.join(_TENS)})(?:[\s-]+(?:{_NUMBER_WORDS}))*\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Reading:
    """A temperature in the message: character span and value in Celsius."""

    start: int
    end: int
    celsius: float


def find_readings(text: str, rules: ReadingRules) -> List[Reading]:
    """Every temperature reading in the text."""
    lowered = text.lower()
    readings = [r for r in _digit_readings(lowered, rules) if r is not None]
    readings += [r for r in _worded_readings(lowered, rules) if r is not None]
    return readings


def _digit_readings(text: str, rules: ReadingRules) -> List[Optional[Reading]]:
    found = []
    pressures = blood_pressures(text)
    for match in _NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in pressures):
            continue
        raw = re.sub(r"\s+point\s+|,", ".", match.group("value"))
        value = float(raw)
        unit = _unit(match.group("unit"))
        is_decimal = "." in raw
        if _followed_by(text, match.end(), rules.not_after):
            continue
        if _preceded_by(text, match.start(), rules.not_before):
            continue
        if _is_threshold(text, match.end(), rules) or _is_weather(text, match, rules):
            continue
        if (
            unit is None
            and not is_decimal
            and (
                not _has_context(text, match.start(), match.end(), rules)
                or _AGE_BEFORE.search(text[max(0, match.start() - 12) : match.start()])
            )
        ):
            continue
        found.append(_reading(match.start(), match.end(), value, unit))
    return found


def _worded_readings(text: str, rules: ReadingRules) -> List[Optional[Reading]]:
    found = []
    for match in _WORDED.finditer(text):
        value = words_to_number(match.group(0))
        is_decimal = "point" in match.group(0)
        if value is None:
            continue
        if not is_decimal and not _has_context(text, match.start(), match.end(), rules):
            continue
        if _followed_by(text, match.end(), rules.not_after):
            continue
        found.append(_reading(match.start(), match.end(), value, _unit_after(text, match.end())))
    return found


@dataclass(frozen=True)
class Measure:
    """A number right after a measure word ("pulse 130", "sats 89%"): span and value."""

    start: int
    end: int
    value: float


def find_measures(text: str, measure_words: Sequence[str], decimals: bool = False) -> List[Measure]:
    """Every number that follows one of the words within a few characters.

    Whole numbers of two or three digits (pulse, oxygen, breathing rate); with
    `decimals`, any number such as "3.8" (ketones).
    """
    lowered = text.lower()
    alternatives = "|".join(
        re.escape(word) for word in sorted(measure_words, key=len, reverse=True)
    )
    number = r"(\d{1,2}(?:[.,]\d)?)" if decimals else r"(\d{2,3})"
    pattern = re.compile(rf"\b(?:{alternatives})\b[^\d\n]{{0,12}}{number}(?!\d)(?![.,]\d)")
    pressures = blood_pressures(lowered)
    return [
        Measure(match.start(), match.end(), float(match.group(1).replace(",", ".")))
        for match in pattern.finditer(lowered)
        if not any(start <= match.start(1) < end for start, end in pressures)
    ]


def blood_pressures(text: str) -> List[Tuple[int, int]]:
    """Character spans of blood-pressure readings, whose numbers are nothing else."""
    return [match.span() for match in _BLOOD_PRESSURE.finditer(text)]


def words_to_number(phrase: str) -> Optional[float]:
    """'a hundred and two' -> 102.0; 'thirty eight point five' -> 38.5; else None."""
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w and w not in ("a", "and")]
    if "point" in words:
        cut = words.index("point")
        whole, decimals = words[:cut], words[cut + 1 :]
    else:
        whole, decimals = words, []
    total = 0
    for word in whole:
        if word == "hundred":
            total = max(total, 1) * 100
        elif word in _TENS:
            total += _TENS[word]
        elif word in _TEENS:
            total += _TEENS[word]
        elif word in _ONES:
            total += _ONES[word]
        else:
            return None
    digits = "".join(str(_ONES.get(w, "")) if w != "oh" else "0" for w in decimals)
    if decimals and len(digits) != len(decimals):
        return None
    return float(f"{total}.{digits}") if digits else float(total) if total else None


def _reading(start: int, end: int, value: float, unit: Optional[str]) -> Optional[Reading]:
    if unit is None:
        unit = _guess_unit(value)
    if unit == "C" and _CELSIUS_RANGE[0] <= value <= _CELSIUS_RANGE[1]:
        return Reading(start, end, value)
    if unit == "F" and _FAHRENHEIT_RANGE[0] <= value <= _FAHRENHEIT_RANGE[1]:
        return Reading(start, end, round((value - 32.0) * 5.0 / 9.0, 2))
    return None


def _guess_unit(value: float) -> Optional[str]:
    if _CELSIUS_RANGE[0] <= value <= _CELSIUS_RANGE[1]:
        return "C"
    if _FAHRENHEIT_RANGE[0] <= value <= _FAHRENHEIT_RANGE[1]:
        return "F"
    return None


def _unit(raw: Optional[str]) -> Optional[str]:
    if not raw:
        return None
    letters = re.sub(r"[^a-z]", "", raw.lower())
    for word in ("celsius", "centigrade", "fahrenheit"):
        if letters.endswith(word):
            return _UNITS[word]
    if letters.endswith("c") or letters.endswith("f"):
        return _UNITS[letters[-1]]
    return None  # a bare degree sign: the value decides


def _unit_after(text: str, end: int) -> Optional[str]:
    match = re.match(r"\s*(?:degrees?\s*)?(celsius|centigrade|fahrenheit|c|f)\b", text[end:])
    return _UNITS[match.group(1)] if match else None


def _has_context(text: str, start: int, end: int, rules: ReadingRules) -> bool:
    """A temperature word stands near the number, not inside a look-alike name."""
    text = _any_of(rules.look_alike_words, "(?![a-z])").sub(lambda m: " " * len(m[0]), text)
    return _near(text, start, end, rules.context_words) or _near(
        text, start, start, rules.context_words_before, after=0
    )


def _near(
    text: str, start: int, end: int, words: Sequence[str], after: int = CONTEXT_CHARS_AFTER
) -> bool:
    """One of the words stands within the context window around text[start:end]."""
    window = text[max(0, start - CONTEXT_CHARS) : end + after]
    return bool(words) and _any_of(tuple(words), "(?![a-z])").search(window) is not None


def _preceded_by(text: str, start: int, words: Sequence[str]) -> bool:
    """The number comes right after one of the words ("sats 96", "bp: 130/85", "wbc of 2")."""
    before = text[max(0, start - 24) : start]
    tail = re.sub(
        r"(?:\s|:|=|is|was|of|at|says|reads|showed|shows|showing|reading|/|\d)*$", "", before
    )
    return bool(words) and _any_of(tuple(words), "$").search(tail) is not None


@lru_cache(maxsize=32)
def _any_of(words: Tuple[str, ...], after: str) -> re.Pattern[str]:
    """One pattern for "any of these words, as whole words, then `after`" (compiled once)."""
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(rf"(?<![a-z])(?:{alternatives}){after}")


def _is_threshold(text: str, end: int, rules: ReadingRules) -> bool:
    """A limit someone quoted ("call for 100.4 or higher"), not a reading."""
    following = text[end : end + 16].lstrip()
    return any(following.startswith(word) for word in rules.threshold_after)


def _is_weather(text: str, match: re.Match[str], rules: ReadingRules) -> bool:
    """A number near a weather word with no body-temperature word near it."""
    start, end = match.start(), match.end()
    return _near(text, start, end, rules.weather_words) and not _near(
        text, start, end, rules.body_temperature_words
    )


def _followed_by(text: str, end: int, words: Sequence[str]) -> bool:
    following = re.match(r"\s*([a-z%]+)", text[end:])
    return following is not None and following.group(1) in words
