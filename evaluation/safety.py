"""Safety figures for `make eval`: recall and false alarms per class, misses, latency."""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List

import yaml

from bot.safety.detector import RedFlagDetector
from bot.safety.rules import load_rules

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
SAFETY_SETS = {
    "safety_phrases.yml": "first set: the rules were written against it",
    "safety_heldout.yml": (
        "second set, written apart; first measured untouched at 80.5 % recall and "
        "3.8 % false alarms, then used for tuning"
    ),
    "safety_blind.yml": (
        "third set, written blind; first measured untouched at 91.5 % recall and "
        "7.6 % false alarms, then used for tuning"
    ),
    "safety_blind2.yml": (
        "fourth set, written blind in non-native, formal and clinical-shorthand styles; "
        "first measured untouched at 92.3 % recall and 2.5 % false alarms, then used "
        "for tuning"
    ),
}
MAX_FALSE_ALARM_RATE = 0.03


def evaluate_safety() -> Dict[str, Any]:
    """Runs the detector over every labelled safety message, timing each call."""
    detector = RedFlagDetector(load_rules())
    detector.assess("warm-up: no fever")
    sets: Dict[str, Any] = {}
    latencies_ms: List[float] = []
    for name, title in SAFETY_SETS.items():
        document = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
        counts: Dict[str, Dict[str, List[int]]] = {"emergency": {}, "calm": {}}
        misses = []
        for side in ("emergency", "calm"):
            per_class: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
            for item in document[side]:
                started = time.perf_counter()
                alarm = detector.assess(item["text"]).emergency
                latencies_ms.append((time.perf_counter() - started) * 1000)
                per_class[item["class"]][0] += int(alarm)
                per_class[item["class"]][1] += 1
                if alarm != (side == "emergency"):
                    misses.append({"side": side, "class": item["class"], "text": item["text"]})
            counts[side] = dict(per_class)
        sets[name] = {"title": title, "counts": counts, "misses": misses}
    latencies_ms.sort()
    return {
        "sets": sets,
        "latency_ms": {
            "messages": len(latencies_ms),
            "p50": latencies_ms[len(latencies_ms) // 2],
            "p99": latencies_ms[min(len(latencies_ms) - 1, int(len(latencies_ms) * 0.99))],
        },
    }


def render_safety(report: Dict[str, Any]) -> List[str]:
    """Markdown lines: a table per set, the misses and the detector's latency."""
    lines = ["## Safety (red-flag detector)", ""]
    for name, result in report["sets"].items():
        lines += [f"### `tests/data/{name}` ({result['title']})", ""]
        lines += ["| side | class | alarms | total | rate |", "|---|---|---:|---:|---:|"]
        for side, label in (("emergency", "recall"), ("calm", "false alarms")):
            for cls, (alarms, total) in sorted(result["counts"][side].items()):
                lines.append(
                    f"| {side} ({label}) | {cls} | {alarms} | {total} | {alarms / total:.1%} |"
                )
        emergencies = [c for c in result["counts"]["emergency"].values()]
        calm = [c for c in result["counts"]["calm"].values()]
        recall = sum(a for a, _ in emergencies) / sum(n for _, n in emergencies)
        false_alarms = sum(a for a, _ in calm) / sum(n for _, n in calm)
        lines += ["", f"Recall {recall:.1%}; false alarms {false_alarms:.1%}.", ""]
        lines += [f"Misses ({len(result['misses'])}):"]
        lines += [f"- {m['side']} / {m['class']}: {m['text']}" for m in result["misses"]] or [
            "- none"
        ]
        lines.append("")
    lines += ["### All sets together (what the tests assert)", ""]
    lines += ["| side | class | alarms | total | rate |", "|---|---|---:|---:|---:|"]
    for side in ("emergency", "calm"):
        for cls, (alarms, total) in sorted(combined_counts(report, side).items()):
            lines.append(f"| {side} | {cls} | {alarms} | {total} | {alarms / total:.1%} |")
    lines.append("")
    latency = report["latency_ms"]
    lines += [
        f"Detector time per message over {latency['messages']} messages: "
        f"p50 {latency['p50']:.2f} ms, p99 {latency['p99']:.2f} ms (target p99 < 5 ms).",
        "",
    ]
    return lines


def combined_counts(report: Dict[str, Any], side: str) -> Dict[str, List[int]]:
    """[alarms, total] per class over every set, as the tests count them."""
    combined: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
    for result in report["sets"].values():
        for cls, (alarms, total) in result["counts"][side].items():
            combined[cls][0] += alarms
            combined[cls][1] += total
    return dict(combined)


def safety_targets(report: Dict[str, Any]) -> Dict[str, bool]:
    """The issue's targets over all sets: recall 100 %, <= 3 % false alarms, p99 < 5 ms."""
    recall_ok = all(a == n for a, n in combined_counts(report, "emergency").values())
    alarms_ok = all(
        a <= MAX_FALSE_ALARM_RATE * n for a, n in combined_counts(report, "calm").values()
    )
    return {
        "safety recall 100 % per class": recall_ok,
        "safety false alarms <= 3 % per class": alarms_ok,
        "detector p99 < 5 ms": report["latency_ms"]["p99"] < 5.0,
    }
