"""Out-of-range numbers as red flags: temperature, pulse, breathing rate, oxygen, pain score.

bot.safety.readings finds the numbers; this module decides which are out of range
(limits from the rules file), which presentation each counts as (also from the
rules file), and judges each in its context like any phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, List, Sequence, Tuple

from bot.safety.context import CURRENT, RESOLVED, ContextJudge, Cues
from bot.safety.readings import Reading, find_measures, find_readings
from bot.safety.rules import ReadingRules
from bot.safety.text import Word

READINGS_CACHE_SIZE = 8
PAIN_SCORE_AT_OR_ABOVE = 8
"""MTS: a pain score of 8-10 out of 10 is severe pain."""
_PAIN_SCORE = re.compile(
    r"\b(?:pain|hurts?|hurting|agony|ache|aching|score|rated?|scale)\b[^.!?\n]{0,30}?"
    r"\b(10|[0-9])\s*(?:/|out of|outta|of)\s*10\b",
    re.IGNORECASE,
)
_SCORE_FIRST = re.compile(
    r"\b(10|[0-9])\s*(?:/|out of|outta)\s*10\b[^.!?\n]{0,20}?\b(?:pain|hurts?|agony)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReadingFlag:
    """An out-of-range number: its kind (a key of ReadingRules.presentations), span, status."""

    kind: str
    start: int
    end: int
    status: str


class VitalSigns:
    """Finds out-of-range numbers in a message and judges them in context."""

    def __init__(self, limits: ReadingRules, judge: ContextJudge) -> None:
        """Limits and words from the rules file; the judge decides negation and the like."""
        self._limits = limits
        self._judge = judge
        self._readings = lru_cache(maxsize=READINGS_CACHE_SIZE)(self._find_readings)
        """find_readings per text: the stand-downs and the flags both ask for it."""

    def flags(self, text: str, words: Sequence[Word], cues: Cues) -> List[ReadingFlag]:
        """Every out-of-range number, with its status."""
        return (
            self._temperatures(text, words, cues)
            + self._measures(text, words, cues)
            + self._pain_scores(text, words, cues)
        )

    def all_temperatures_normal(self, text: str) -> bool:
        """The text gives at least one temperature, and every one is in the normal range."""
        readings = self._readings(text)
        return bool(readings) and all(self._is_normal(r) for r in readings)

    def _find_readings(self, text: str) -> Tuple[Reading, ...]:
        return tuple(find_readings(text, self._limits))

    def _is_normal(self, reading: Reading) -> bool:
        limits = self._limits
        return limits.low_below_c <= reading.celsius < limits.fever_at_or_above_c

    def _temperatures(self, text: str, words: Sequence[Word], cues: Cues) -> List[ReadingFlag]:
        limits = self._limits
        readings = sorted(self._readings(text), key=lambda r: r.start)
        flags = []
        for index, reading in enumerate(readings):
            if reading.celsius >= limits.fever_at_or_above_c:
                kind = "high_temperature"
            elif reading.celsius < limits.low_below_c:
                kind = "low_temperature"
            else:
                continue
            flag = self._judged(kind, reading.start, reading.end, words, cues)
            if flag.status == CURRENT and any(
                self._is_normal_now(later, words, cues) for later in readings[index + 1 :]
            ):
                flag = ReadingFlag(kind, flag.start, flag.end, RESOLVED)
            flags.append(flag)
        return flags

    def _measures(self, text: str, words: Sequence[Word], cues: Cues) -> List[ReadingFlag]:
        limits = self._limits
        # Measure words, decimals allowed, out-of-range test, kind.
        checks: Tuple[Tuple[Sequence[str], bool, Callable[[float], bool], str], ...] = (
            (
                limits.pulse_words,
                False,
                lambda bpm: bpm >= limits.fast_pulse_at_or_above_bpm,
                "fast_pulse",
            ),
            (
                limits.breathing_rate_words,
                False,
                lambda rate: rate >= limits.fast_breathing_at_or_above,
                "fast_breathing",
            ),
            (
                limits.oxygen_words,
                False,
                lambda sats: 50 <= sats < limits.low_oxygen_below_percent,
                "low_oxygen",
            ),
            (
                limits.ketone_words,
                True,
                lambda ketones: ketones >= limits.high_ketones_at_or_above,
                "high_ketones",
            ),
        )
        return [
            self._judged(kind, measure.start, measure.end, words, cues)
            for measure_words, decimals, out_of_range, kind in checks
            for measure in find_measures(text, measure_words, decimals=decimals)
            if out_of_range(measure.value)
        ]

    def _pain_scores(self, text: str, words: Sequence[Word], cues: Cues) -> List[ReadingFlag]:
        return [
            self._judged("severe_pain_score", match.start(), match.end(), words, cues)
            for pattern in (_PAIN_SCORE, _SCORE_FIRST)
            for match in pattern.finditer(text)
            if int(match.group(1)) >= PAIN_SCORE_AT_OR_ABOVE
        ]

    def _judged(
        self, kind: str, start_char: int, end_char: int, words: Sequence[Word], cues: Cues
    ) -> ReadingFlag:
        start, end = token_span(words, start_char, end_char)
        return ReadingFlag(kind, start, end, self._judge.status(start, end, words, cues))

    def _is_normal_now(self, reading: Reading, words: Sequence[Word], cues: Cues) -> bool:
        """A normal temperature said to be the current one ("36.7 today")."""
        if not self._is_normal(reading):
            return False
        start, _ = token_span(words, reading.start, reading.end)
        return self._judge.says_now(start, words, cues)


def token_span(words: Sequence[Word], start_char: int, end_char: int) -> Tuple[int, int]:
    """The word range that covers a character span."""
    covered = [i for i, w in enumerate(words) if w.start < end_char and w.end > start_char]
    if not covered:
        return 0, min(1, len(words))
    return covered[0], covered[-1] + 1
