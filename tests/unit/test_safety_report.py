"""The safety report's blind rounds: grouped per round, targets judged on the latest."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

from bot.safety.labelled import LabelledSetError, load_set
from bot.safety.taxonomy import load_taxonomy
from evaluation.safety import blind_rounds, safety_targets
from evaluation.safety_report import render_safety

RECALL = "latest blind round ({}) at first contact: recall >= 97 %"
FALSE_ALARMS = "latest blind round ({}) at first contact: false alarms <= 3 %"


def _set(
    name: str, first: Optional[Tuple[int, int, int, int]], blind_round: Optional[int]
) -> Dict[str, Any]:
    empty = {"emergency": [0, 0], "calm": [0, 0]}
    return {
        "name": name,
        "about": "BLIND set",
        "train": False,
        "first_contact": first,
        "blind_round": blind_round,
        "totals": {mode: empty for mode in ("rules", "classifier", "both", "bot")},
        "by_discriminator": {mode: {} for mode in ("rules", "classifier", "both", "bot")},
        "misses": [],
    }


def _report(sets: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {
        "sets": sets,
        "threshold": 0.8,
        "veto_below": 0.02,
        "rules": {},
        "latency_ms": {"messages": 1, "p50": 1.0, "p99": 2.0},
    }


def test_sets_of_one_round_add_up() -> None:
    report = _report(
        [
            _set("a", (90, 100, 5, 100), 1),
            _set("b", (95, 100, 1, 100), 1),
            _set("c", (100, 100, 0, 100), 2),
            _set("d", (10, 10, 0, 10), None),  # measured once, but in no numbered round
        ]
    )
    assert blind_rounds(report) == {1: (185, 200, 6, 200), 2: (100, 100, 0, 100)}


def test_the_latest_round_decides_the_first_contact_targets() -> None:
    old_bad_new_good = _report([_set("a", (50, 100, 30, 100), 1), _set("b", (98, 100, 2, 100), 2)])
    targets = safety_targets(old_bad_new_good)
    assert targets[RECALL.format(2)] and targets[FALSE_ALARMS.format(2)]
    old_good_new_bad = _report([_set("a", (98, 100, 2, 100), 1), _set("b", (96, 100, 4, 100), 2)])
    targets = safety_targets(old_good_new_bad)
    assert not targets[RECALL.format(2)] and not targets[FALSE_ALARMS.format(2)]


def test_the_report_lists_every_round_and_all_of_them() -> None:
    lines = render_safety(
        _report([_set("a", (90, 100, 5, 100), 1), _set("b", (99, 100, 1, 100), 2)])
    )
    table = [line for line in lines if line.startswith("| 1 |") or line.startswith("| 2 |")]
    assert len(table) == 2 and "`a`" in table[0] and "5/100 (5.0%)" in table[0]
    assert any(line.startswith("| all |") and "6/200 (3.0%)" in line for line in lines)


def test_a_round_that_is_not_a_number_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "set.yml"
    path.write_text(
        "first_contact:\n  round: last\n  recall: [1, 1]\n  false_alarms: [0, 1]\n"
        "emergency:\n- text: he is choking\n  class: choking\n"
        "calm:\n- text: hay fever\n  class: none\n  kind: compound_word\n",
        encoding="utf-8",
    )
    with pytest.raises(LabelledSetError, match="round"):
        load_set(path, load_taxonomy())
