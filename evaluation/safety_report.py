"""The safety section of `make eval`'s report, as Markdown lines."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

from scipy.stats import binomtest

from evaluation.safety import MODES, blind_rounds, combined, safety_targets

_MODE_TITLES = {
    "rules": "rules alone",
    "classifier": "classifier that never saw the set",
    "both": "rules + that classifier",
    "bot": "the bot (rules + shipped classifier)",
}


def render_safety(report: Dict[str, Any]) -> List[str]:
    """Summary per set, tables per discriminator, per-rule counts, misses and latency."""
    lines = ["## Safety (red-flag detector)", ""]
    lines += _summary(report["sets"], report["threshold"], report.get("veto_below", 0.0))
    lines += _rounds(report)
    lines += _by_discriminator(report["sets"])
    lines += _rule_counts(report["rules"])
    lines += _short_messages(report)
    latency = report["latency_ms"]
    lines += [
        f"Detector time per message (rules, numbers and classifier) over "
        f"{latency['messages']} messages: p50 {latency['p50']:.2f} ms, "
        f"p99 {latency['p99']:.2f} ms (target p99 < 5 ms).",
        "",
        "Targets:",
    ]
    lines += [f"- [{'x' if ok else ' '}] {name}" for name, ok in safety_targets(report).items()]
    lines += [""] + _misses(report["sets"])
    return lines


def _short_messages(report: Dict[str, Any]) -> List[str]:
    """What the classifier alone adds on messages of a few words (why they need more)."""
    totals = {"emergency": [0, 0], "calm": [0, 0]}
    for result in report["sets"]:
        for side, (alarms, total) in result.get("short", {}).items():
            totals[side][0] += alarms
            totals[side][1] += total
    words = report.get("short_message_words", 0)
    return [
        f"Messages of {words} words or fewer: a classifier that never saw their set, at the "
        f"threshold {report['threshold']}, raised the alarm where the rules did not on "
        f"{rate(*totals['emergency'])} emergencies and {rate(*totals['calm'])} calm messages. "
        f"So the bot asks a short message for a score of "
        f"{report.get('short_message_threshold', report['threshold'])} before the classifier "
        "alone raises the alarm.",
        "",
    ]


def rate(count: int, total: int) -> str:
    """A count out of a total with its share ("3/4 (75.0%)"), or "-" for an empty total."""
    return f"{count}/{total} ({count / total:.1%})" if total else "-"


def _summary(sets: Sequence[Dict[str, Any]], threshold: float, veto: float) -> List[str]:
    lines = [
        "Recall (emergencies answered with the emergency message) and false alarms (calm "
        "messages that got it), per labelled set in `data/safety/labelled/`. *First contact* "
        "is the figure measured once, untouched, before any rule was written from the set "
        "(the honest estimate for new messages); the other columns are today's, after the "
        "rules were tuned on the set. The classifier columns use a classifier that never saw "
        "the set (trained on all the other training sets); the bot's own classifier learned "
        f"from every training set. Classifier threshold {threshold}; in the bot a score "
        f"below {veto} vetoes a rule's alarm (never a number out of range, a crisis-line "
        "rule or the harm discriminator); 'rules + that classifier' has no veto.",
        "",
        "| set | first contact: recall | first contact: false alarms | "
        + " | ".join(f"{_MODE_TITLES[m]}: recall | false alarms" for m in MODES)
        + " |",
        "|---|---:|---:|" + "---:|---:|" * len(MODES),
    ]
    for result in sets:
        first = result["first_contact"]
        cells = [
            f"`{result['name']}`",
            rate(first[0], first[1]) if first else "not measured blind",
            rate(first[2], first[3]) if first else "-",
        ]
        for mode in MODES:
            totals = result["totals"][mode]
            cells += [rate(*totals["emergency"]), rate(*totals["calm"])]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "What each set is:", ""]
    lines += [f"- `{r['name']}`: {r['about']}" for r in sets]
    return lines + [""]


def _rounds(report: Dict[str, Any]) -> List[str]:
    rounds = blind_rounds(report)
    if not rounds:
        return []
    lines = [
        "### Blind rounds at first contact",
        "",
        "Each round's sets were written by helpers who saw only the brief, and measured "
        "once, untouched, at one commit before anyone read them. The latest round measured "
        "the detector as it stands today but for the tuning on that round, so the targets "
        "judge it; earlier rounds measured earlier detectors and stay as history. 95 % "
        "intervals: Wilson score.",
        "",
        "| round | sets | recall | false alarms | false alarms, 95 % interval |",
        "|---:|---|---:|---:|---:|",
    ]
    names: Dict[int, List[str]] = {}
    for result in report["sets"]:
        if result["first_contact"] and result.get("blind_round") is not None:
            names.setdefault(result["blind_round"], []).append(f"`{result['name']}`")
    for number, (caught, emergencies, alarms, calm) in rounds.items():
        lines.append(
            f"| {number} | {', '.join(names[number])} | {rate(caught, emergencies)} | "
            f"{rate(alarms, calm)} | {_interval(alarms, calm)} |"
        )
    totals = [sum(t[i] for t in rounds.values()) for i in range(4)]
    lines.append(
        f"| all | | {rate(totals[0], totals[1])} | {rate(totals[2], totals[3])} | "
        f"{_interval(totals[2], totals[3])} |"
    )
    return lines + [""]


def _interval(successes: int, total: int) -> str:
    if not total:
        return "-"
    low, high = binomtest(successes, total).proportion_ci(method="wilson")
    return f"{low:.1%} to {high:.1%}"


def _by_discriminator(sets: Sequence[Dict[str, Any]]) -> List[str]:
    totals = combined({"sets": sets})
    names = sorted({key.split("|", 1)[1] for key in totals})
    lines = [
        "### Per discriminator (the bot: rules + shipped classifier), every set",
        "",
        "| discriminator | recall, all sets | false alarms, all sets | "
        + " | ".join(f"`{r['name']}`" for r in sets)
        + " |",
        "|---|---:|---:|" + "---:|" * len(sets),
    ]
    for name in names:
        per_set = []
        for result in sets:
            groups = result["by_discriminator"]["bot"]
            per_set.append(_pair(groups.get(f"emergency|{name}"), groups.get(f"calm|{name}")))
        lines.append(
            f"| {name} | {rate(*totals.get(f'emergency|{name}', (0, 0)))} | "
            f"{rate(*totals.get(f'calm|{name}', (0, 0)))} | " + " | ".join(per_set) + " |"
        )
    lines += [
        "",
        "Per set: emergencies caught / calm false alarms. `none`: calm messages that "
        "resemble no emergency (everyday stories, questions, small talk).",
        "",
    ]
    return lines


def _pair(emergency: Optional[Tuple[int, int]], calm: Optional[Tuple[int, int]]) -> str:
    left = f"{emergency[0]}/{emergency[1]}" if emergency else "-"
    right = f"{calm[0]}/{calm[1]}" if calm else "-"
    return f"{left} · {right}"


def _rule_counts(rules: Dict[str, Dict[str, int]]) -> List[str]:
    lines = [
        "### Rules by their effect",
        "",
        "How many labelled messages each rule fired on (current, after context), for a "
        "clinician reviewing the rules file: a rule that fires on calm messages needs a "
        "look-alike, a stand-down or a narrower phrase.",
        "",
        "| rule | emergencies | calm messages |",
        "|---|---:|---:|",
    ]
    for name, counts in sorted(rules.items(), key=lambda item: -sum(item[1].values())):
        lines.append(f"| {name} | {counts.get('emergency', 0)} | {counts.get('calm', 0)} |")
    return lines + [""]


def _misses(sets: Sequence[Dict[str, Any]]) -> List[str]:
    lines = ["### Misses and false alarms of the bot (rules + shipped classifier)", ""]
    for result in sets:
        misses = result["misses"]
        lines.append(f"`{result['name']}` ({len(misses)}):")
        lines += [
            f"- {m['side']} / {m['presentation']} / {m['kind']}"
            f"{' [' + m['fired'] + ']' if m['fired'] else ''}: {m['text']}"
            for m in misses
        ] or ["- none"]
        lines.append("")
    return lines
