"""The red-flag detector against the labelled safety sets in tests/data.

Every emergency message must be caught (a miss can kill); each calm class may
raise at most 3 % false alarms (a false alarm only annoys).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Dict, List

import pytest

from bot.safety.detector import CURRENT, HYPOTHETICAL, NEGATED, RESOLVED, RedFlagDetector
from bot.safety.rules import load_rules
from tests.conftest import read_yaml

SAFETY_SETS = (
    "safety_phrases.yml",
    "safety_heldout.yml",
    "safety_blind.yml",
    "safety_blind2.yml",
)
MAX_FALSE_ALARM_RATE = 0.03


def _items(side: str) -> List[Dict[str, str]]:
    return [item for name in SAFETY_SETS for item in read_yaml(name)[side]]


EMERGENCIES = _items("emergency")
CALM = _items("calm")
CALM_CLASSES = sorted({item["class"] for item in CALM})
SELF_HARM = [item for item in EMERGENCIES if item["class"] == "self_harm"]


@pytest.fixture(scope="module")
def detector() -> RedFlagDetector:
    return RedFlagDetector(load_rules())


def test_the_sets_are_big_enough() -> None:
    assert len(EMERGENCIES) >= 250 and len(CALM) >= 250


@pytest.mark.parametrize("item", EMERGENCIES, ids=[i["text"][:50] for i in EMERGENCIES])
def test_every_emergency_is_caught(detector: RedFlagDetector, item: Dict[str, str]) -> None:
    assessment = detector.assess(item["text"])
    assert assessment.emergency, [(f.red_flag, f.status) for f in assessment.findings]


@pytest.mark.parametrize("item", SELF_HARM, ids=[i["text"][:50] for i in SELF_HARM])
def test_self_harm_also_gets_the_crisis_line(
    detector: RedFlagDetector, item: Dict[str, str]
) -> None:
    assert detector.assess(item["text"]).crisis_line


@pytest.mark.parametrize("calm_class", CALM_CLASSES)
def test_false_alarms_per_calm_class_stay_under_3_percent(
    detector: RedFlagDetector, calm_class: str
) -> None:
    messages = [item["text"] for item in CALM if item["class"] == calm_class]
    alarms = [text for text in messages if detector.assess(text).emergency]
    assert len(alarms) <= MAX_FALSE_ALARM_RATE * len(messages), alarms


def test_no_topic_question_raises_an_alarm(detector: RedFlagDetector) -> None:
    """Patients' ordinary questions (held-out topic set) never get the emergency reply."""
    questions = [q["text"] for q in read_yaml("heldout_questions.yml")["questions"]]
    assert [q for q in questions if detector.assess(q).emergency] == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("no fever, just curious", NEGATED),
        ("I had a fever last week but it's gone", RESOLVED),
        ("what temperature counts as a fever?", HYPOTHETICAL),
        ("I have a fever", CURRENT),
        ("he's not breathing", CURRENT),
        ("she hasn't peed all day", CURRENT),
    ],
)
def test_context_decides_the_status(detector: RedFlagDetector, text: str, status: str) -> None:
    assert {f.status for f in detector.assess(text).findings} == {status}


def test_a_current_red_flag_wins_over_a_negated_one(detector: RedFlagDetector) -> None:
    assessment = detector.assess("no fever but I can't breathe")
    statuses: Dict[str, List[str]] = defaultdict(list)
    for finding in assessment.findings:
        statuses[finding.red_flag].append(finding.status)
    assert statuses["fever_words"] == [NEGATED]
    assert CURRENT in statuses["breathing"]
    assert assessment.emergency


def test_everyday_idioms_are_not_red_flags(detector: RedFlagDetector) -> None:
    assert not detector.assess("I'm dying for a cup of tea").emergency
    assert not detector.assess("I keep fit and well").emergency


def test_empty_text_is_calm(detector: RedFlagDetector) -> None:
    assert not detector.assess("").emergency
