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
    [("veto_below: 0.02", "veto_below: 0.9"), ("    - harm\n", "    - nonsense\n")],
)
def test_a_bad_veto_setting_stops_loading(tmp_path: Path, setting: str, error: str) -> None:
    text = DEFAULT_RULES_FILE.read_text(encoding="utf-8")
    assert text.count(setting) == 1
    broken = tmp_path / "red_flags.yml"
    broken.write_text(text.replace(setting, error), encoding="utf-8")
    with pytest.raises(RulesError, match="veto_below|never_vetoed"):
        load_rules(broken, taxonomy=load_taxonomy())


def test_switched_off_it_never_silences() -> None:
    rules = dataclasses.replace(
        RULES, classifier=dataclasses.replace(RULES.classifier, veto_below=0.0)
    )
    message = "he suddenly collapsed in the kitchen and is not responding"
    assert RedFlagDetector(rules, _FixedScore(0.0)).assess(message).emergency
