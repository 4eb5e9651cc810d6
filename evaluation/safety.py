"""Safety figures for `make eval`: recall and false alarms per set and discriminator.

Every labelled set (data/safety/labelled/) is measured three ways: the rules
alone, the classifier alone and both (what the bot runs). The classifier's honest
figure on a set comes from a classifier that did not learn from that set
(trained on every other training set); the shipped classifier learned from all
of them, so its figure on a training set is a tuned one. Each set's first-contact
figure, measured once untouched, is shown beside today's.
"""

from __future__ import annotations

import gc
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Set, Tuple

from bot.safety.context import CURRENT
from bot.safety.detector import CLASSIFIER_RULE, VETOED, RedFlagDetector, word_count
from bot.safety.labelled import (
    Example,
    LabelledSet,
    accepted_alarms,
    load_sets,
    topic_questions,
    training_examples,
)
from bot.safety.learned import LearnedOpinion
from bot.safety.rules import RedFlagRules, load_rules
from bot.safety.taxonomy import Taxonomy, load_taxonomy

MODES = ("rules", "classifier", "both", "bot")
"""rules alone; a classifier that never saw the set, alone and with the rules; the bot."""
REVIEWED = "bot_reviewed"
"""The bot, leaving out the alarms a clinician accepted (data/safety/accepted_alarms.yml)."""
NO_DISCRIMINATOR = "none"
MAX_FALSE_ALARM_RATE = 0.02
FIRST_CONTACT_RECALL_TARGET = 0.97
FIRST_CONTACT_FALSE_ALARM_TARGET = 0.03
LATENCY_P99_TARGET_MS = 5.0


@dataclass
class Tally:
    """Alarms out of messages, for one side of one group."""

    alarms: int = 0
    total: int = 0

    def add(self, alarm: bool) -> None:
        """Counts one message."""
        self.alarms += int(alarm)
        self.total += 1

    @property
    def rate(self) -> float:
        """Share of messages that raised an alarm."""
        return self.alarms / self.total if self.total else 0.0


@dataclass
class SetResult:
    """One set's figures: per mode, per side, per discriminator; its misses."""

    name: str
    about: str
    train: bool
    first_contact: Optional[Tuple[int, int, int, int]]
    blind_round: Optional[int] = None
    totals: Dict[str, Dict[str, Tally]] = field(default_factory=dict)
    by_discriminator: Dict[str, Dict[str, Tally]] = field(default_factory=dict)
    misses: List[Dict[str, str]] = field(default_factory=list)
    short: Dict[str, Tally] = field(default_factory=dict)
    """Messages of a few words, per side: alarms of the classifier that never saw the
    set where the rules raised none, at the plain threshold."""


def evaluate_safety() -> Dict[str, Any]:
    """Measures every labelled set; returns a JSON-ready report."""
    taxonomy = load_taxonomy()
    rules = load_rules(taxonomy=taxonomy)
    sets = load_sets(taxonomy)
    shipped = LearnedOpinion.train(training_examples(sets) + topic_questions())
    detector = RedFlagDetector(rules, shipped)
    latencies = _detector_times(detector, [e.text for s in sets for e in s.examples])
    rule_counts: Dict[str, Counter] = defaultdict(Counter)
    accepted = accepted_alarms()
    results = []
    for labelled in sets:
        held_out = _held_out_classifier(labelled, sets, shipped)
        results.append(
            _measure(labelled, detector, held_out, rules, taxonomy, rule_counts, accepted)
        )
    return {
        "sets": [_as_dict(r) for r in results],
        "rules": {name: dict(counts) for name, counts in sorted(rule_counts.items())},
        "latency_ms": {
            "messages": len(latencies),
            "p50": latencies[len(latencies) // 2],
            "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        },
        "threshold": rules.classifier.threshold,
        "veto_below": rules.classifier.veto_below,
        "short_message_words": rules.classifier.short_message_words,
        "short_message_threshold": rules.classifier.short_message_threshold,
    }


def _detector_times(detector: RedFlagDetector, texts: Sequence[str]) -> List[float]:
    """Milliseconds per message, sorted, each message timed the first time it is seen.

    As in a running server: the model loaded once, nothing else allocating between
    messages (the evaluation's own classifier training would otherwise put its
    garbage collection inside the timings). The word caches start empty, so a
    message's new words cost what they cost in service.
    """
    detector.assess("warm-up: no fever")
    gc.collect()
    times = []
    for text in texts:
        started = time.perf_counter()
        detector.assess(text)
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)


def _held_out_classifier(
    labelled: LabelledSet, sets: Sequence[LabelledSet], shipped: LearnedOpinion
) -> LearnedOpinion:
    """A classifier that never saw this set."""
    if not labelled.train:
        return shipped
    others = [s for s in sets if s.name != labelled.name]
    return LearnedOpinion.train(training_examples(others) + topic_questions())


def _measure(
    labelled: LabelledSet,
    detector: RedFlagDetector,
    held_out: LearnedOpinion,
    rules: RedFlagRules,
    taxonomy: Taxonomy,
    rule_counts: Dict[str, Counter],
    accepted: Set[str],
) -> SetResult:
    first = labelled.first_contact
    result = SetResult(
        labelled.name,
        labelled.about,
        labelled.train,
        None
        if first is None
        else (first.emergencies_caught, first.emergencies, first.false_alarms, first.calm),
        None if first is None else first.round,
    )
    threshold = rules.classifier.threshold
    for example in labelled.examples:
        assessment = detector.assess(example.text)
        by_rules = any(  # the rules' own opinion, before the classifier's veto
            f.rule != CLASSIFIER_RULE and f.status in (CURRENT, VETOED) for f in assessment.findings
        )
        by_classifier = held_out.score(example.text) >= threshold
        alarms = {
            "rules": by_rules,
            "classifier": by_classifier,
            "both": by_rules or by_classifier,
            "bot": assessment.emergency,
            REVIEWED: assessment.emergency and example.text not in accepted,
        }
        side = "emergency" if example.emergency else "calm"
        discriminator = _discriminator(example, taxonomy)
        for mode, alarm in alarms.items():
            result.totals.setdefault(mode, {}).setdefault(side, Tally()).add(alarm)
            groups = result.by_discriminator.setdefault(mode, {})
            groups.setdefault(f"{side}|{discriminator}", Tally()).add(alarm)
        if word_count(example.text) <= rules.classifier.short_message_words:
            result.short.setdefault(side, Tally()).add(by_classifier and not by_rules)
        if alarms["bot"] != example.emergency:
            explained = assessment.explanation()
            fired = explained["rules"] + [f"{rule} (vetoed)" for rule in explained["vetoed"]]
            result.misses.append(_miss(example, fired))
        for rule in {f.rule for f in assessment.current}:
            rule_counts[rule][side] += 1
    return result


def _discriminator(example: Example, taxonomy: Taxonomy) -> str:
    if example.presentation in taxonomy.presentations:
        return taxonomy.discriminator_of(example.presentation)
    return NO_DISCRIMINATOR


def _miss(example: Example, fired: Sequence[str]) -> Dict[str, str]:
    return {
        "side": "emergency" if example.emergency else "calm",
        "presentation": example.presentation,
        "kind": example.kind,
        "text": example.text,
        "fired": ", ".join(fired),
    }


def _as_dict(result: SetResult) -> Dict[str, Any]:
    return {
        "name": result.name,
        "about": result.about,
        "train": result.train,
        "first_contact": result.first_contact,
        "blind_round": result.blind_round,
        "totals": {
            mode: {side: [t.alarms, t.total] for side, t in sides.items()}
            for mode, sides in result.totals.items()
        },
        "by_discriminator": {
            mode: {key: [t.alarms, t.total] for key, t in groups.items()}
            for mode, groups in result.by_discriminator.items()
        },
        "misses": result.misses,
        "short": {side: [t.alarms, t.total] for side, t in result.short.items()},
    }


def combined(
    report: Dict[str, Any], mode: str = "bot", tuned_only: bool = False
) -> Dict[str, List[int]]:
    """[alarms, total] per "side|discriminator" over every set (or the tuned sets only)."""
    totals: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
    for result in report["sets"]:
        if tuned_only and not result["train"]:
            continue
        for key, (alarms, total) in result["by_discriminator"][mode].items():
            totals[key][0] += alarms
            totals[key][1] += total
    return dict(totals)


def safety_targets(report: Dict[str, Any]) -> Dict[str, bool]:
    """The issue's targets: tuned recall 100 %, <= 2 % false alarms per discriminator, p99.

    The tuned targets cover the sets the rules were tuned on (`train: true`); a set
    measured at first contact and not yet tuned on counts in the first-contact ones.
    """
    groups = combined(report, tuned_only=True)
    reviewed = combined(report, REVIEWED, tuned_only=True)
    recall_ok = all(a == n for key, (a, n) in groups.items() if key.startswith("emergency|"))
    alarms_ok = all(
        a <= MAX_FALSE_ALARM_RATE * n for key, (a, n) in reviewed.items() if key.startswith("calm|")
    )
    targets = {
        "safety recall 100 % on every set (tuned)": recall_ok,
        "safety false alarms <= 2 % per discriminator (tuned, reviewed alarms apart)": alarms_ok,
        "detector p99 < 5 ms": report["latency_ms"]["p99"] < LATENCY_P99_TARGET_MS,
    }
    rounds = blind_rounds(report)
    if rounds:
        latest, (caught, emergencies, alarms, calm) = max(rounds.items())
        targets[f"latest blind round ({latest}) at first contact: recall >= 97 %"] = (
            caught >= FIRST_CONTACT_RECALL_TARGET * emergencies
        )
        targets[f"latest blind round ({latest}) at first contact: false alarms <= 3 %"] = (
            alarms <= FIRST_CONTACT_FALSE_ALARM_TARGET * calm
        )
    return targets


def blind_rounds(report: Dict[str, Any]) -> Dict[int, Tuple[int, int, int, int]]:
    """First-contact [caught, emergencies, false alarms, calm] per blind round.

    Each round measured the detector of its day once, before anyone read its sets;
    the latest round is the estimate for today's detector, earlier ones are history.
    """
    rounds: Dict[int, List[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for result in report["sets"]:
        if result["first_contact"] and result.get("blind_round") is not None:
            totals = rounds[result["blind_round"]]
            for index, value in enumerate(result["first_contact"]):
                totals[index] += value
    return {number: (t[0], t[1], t[2], t[3]) for number, t in sorted(rounds.items())}
