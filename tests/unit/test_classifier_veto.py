"""The classifier's veto: a near-certain "calm" silences a rule's alarm, within limits."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.safety.detector import VETOED, RedFlagDetector
from bot.safety.learned import LearnedOpinion
from bot.safety.rules import DEFAULT_RULES_FILE, RulesError, load_rules
from bot.safety.taxonomy import load_taxonomy

RULES = load_rules(taxonomy=load_taxonomy())


class _FixedScore(LearnedOpinion):
    """A classifier stand-in that gives every message the same score."""

    def __init__(self, score: float) -> None:
        self._score = score

    def score(self, text: str) -> float:
        return self._score


def _detector(score: float) -> RedFlagDetector:
    return RedFlagDetector(RULES, _FixedScore(score))


def test_a_near_certain_calm_score_silences_a_rule_alarm() -> None:
    message = "he suddenly collapsed in the kitchen and is not responding"
    assert RedFlagDetector(RULES).assess_rules(message).emergency
    vetoed = _detector(RULES.classifier.veto_below / 2).assess(message)
    assert not vetoed.emergency
    assert vetoed.explanation()["vetoed"]
    assert all(f.status == VETOED for f in vetoed.findings if f.status != "negated")


def test_a_score_at_the_limit_keeps_the_alarm() -> None:
    message = "he suddenly collapsed in the kitchen and is not responding"
    assert _detector(RULES.classifier.veto_below).assess(message).emergency


@pytest.mark.parametrize(
    "message",
    [
        "I want to kill myself tonight",  # harm: never vetoed
        "on chemo and my temperature is 38.9",  # a number out of range
        "I took 30 paracetamol an hour ago",  # crisis-line rule
    ],
)
def test_the_protected_alarms_are_never_silenced(message: str) -> None:
    assert _detector(0.0).assess(message).emergency


@pytest.mark.parametrize(
    ("setting", "error"),
    [
        ("veto_below: 0.02", "veto_below: 0.9"),
        ("    - harm\n", "    - nonsense\n"),
        ("short_message_threshold: 0.98", "short_message_threshold: 0.5"),
        ("short_message_words: 6", "short_message_words: -1"),
    ],
)
def test_a_bad_veto_setting_stops_loading(tmp_path: Path, setting: str, error: str) -> None:
    text = DEFAULT_RULES_FILE.read_text(encoding="utf-8")
    assert text.count(setting) == 1
    broken = tmp_path / "red_flags.yml"
    broken.write_text(text.replace(setting, error), encoding="utf-8")
    with pytest.raises(RulesError, match="veto_below|never_vetoed|short_message"):
        load_rules(broken, taxonomy=load_taxonomy())


@pytest.mark.parametrize("message", ["hi!! quick one", "He is VIH positivo."])
def test_a_short_message_needs_a_near_certain_score_to_alarm_alone(message: str) -> None:
    classifier = RULES.classifier
    assert classifier.threshold < classifier.short_message_threshold
    assert not _detector(classifier.short_message_threshold - 0.01).assess(message).emergency
    assert _detector(classifier.short_message_threshold).assess(message).emergency


def test_a_longer_message_alarms_at_the_threshold() -> None:
    message = "my dad has been sitting in the garden all afternoon and is quiet"
    assert not RedFlagDetector(RULES).assess_rules(message).emergency
    assert _detector(RULES.classifier.threshold).assess(message).emergency


def test_a_short_message_a_rule_catches_needs_no_score() -> None:
    assert _detector(0.5).assess("cant breathe").emergency


def test_switched_off_it_never_silences() -> None:
    rules = dataclasses.replace(
        RULES, classifier=dataclasses.replace(RULES.classifier, veto_below=0.0)
    )
    message = "he suddenly collapsed in the kitchen and is not responding"
    assert RedFlagDetector(rules, _FixedScore(0.0)).assess(message).emergency
