"""`make eval-understanding`: both held-out sets and the conversations, through our bot.

Every question is a new conversation; every conversation is sent turn by turn. The
targets are issue 9's: topic accuracy >= 97 % on each held-out set, every topic >=
93 %, out of scope >= 95 %, every conversation as expected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

import yaml

from bot.launch.servers import our_bot
from evaluation.conversations import load_conversations, run_conversations, scores
from evaluation.heldout import (
    HELDOUT_FILE,
    Question,
    accuracy_by_label,
    ask_each,
    load_questions,
)
from evaluation.safety_report import rate
from knowledge.names import OUT_OF_SCOPE_INTENT

BLIND_SETS = (
    "heldout2.yml",
    "heldout3.yml",
    "heldout4.yml",
    "heldout5.yml",
    "heldout6.yml",
    "heldout7.yml",
    "heldout8.yml",
    "heldout9.yml",
    "heldout10.yml",
    "heldout11.yml",
    "heldout12.yml",
    "heldout13.yml",
    "heldout14.yml",
    "heldout15.yml",
    "heldout16.yml",
    "heldout17.yml",
    "heldout18.yml",
    "heldout19.yml",
    "heldout20.yml",
    "heldout21.yml",
    "heldout22.yml",
    "heldout23.yml",
    "heldout24.yml",
)
"""The blind sets in the order they were written; set 1 is the project's own."""
HELDOUT_SETS = {
    "held-out set 1": HELDOUT_FILE,
    **{
        f"held-out set {number}": HELDOUT_FILE.parent / name
        for number, name in enumerate(BLIND_SETS, start=2)
    },
}
TOPIC_ACCURACY_TARGET = 0.97
TOPIC_FLOOR = 0.93
OUT_OF_SCOPE_TARGET = 0.95


def evaluate_understanding(model: Path, log_dir: Path) -> Dict[str, Any]:
    """Sends every held-out question and conversation to our bot; returns the figures."""
    report: Dict[str, Any] = {"sets": {}}
    with our_bot(model, log_dir) as server:
        for name, path in HELDOUT_SETS.items():
            questions = load_questions(path)
            results, _ = ask_each(server, questions, name.replace(" ", "-"))
            conversations = load_conversations(path)
            labels = run_conversations(server, conversations, f"{name.replace(' ', '-')}-talk")
            report["sets"][name] = _set_figures(results, scores(conversations, labels))
            report["sets"][name]["first_contact"] = first_contact(path)
            report["sets"][name]["conversation_misses"] = [
                {"name": c.name, "turn": i + 1, "expected": expected, "got": got, "text": text}
                for c, got_labels in zip(conversations, labels, strict=True)
                for i, ((text, expected), got) in enumerate(zip(c.turns, got_labels, strict=True))
                if got != expected
            ]
    report["targets"] = understanding_targets(report)
    return report


def _set_figures(
    results: Sequence[Tuple[Question, str]], conversation_scores: Dict[str, Tuple[int, int]]
) -> Dict[str, Any]:
    by_label = accuracy_by_label(results)
    topic = [(q, p) for q, p in results if q.label != OUT_OF_SCOPE_INTENT]
    return {
        "topic_accuracy": [sum(p == q.label for q, p in topic), len(topic)],
        "out_of_scope": list(by_label.get(OUT_OF_SCOPE_INTENT, (0, 0))),
        "by_label": {label: list(counts) for label, counts in sorted(by_label.items())},
        "turns": list(conversation_scores["turns"]),
        "conversations": list(conversation_scores["conversations"]),
        "misses": [
            {"text": q.text, "expected": q.label, "got": p} for q, p in results if p != q.label
        ],
    }


def first_contact(path: Path) -> Dict[str, Any] | None:
    """The figures a blind set gave the first time it was measured, as its file records them."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    recorded = document.get("first_contact")
    return dict(recorded) if isinstance(recorded, dict) else None


def understanding_targets(report: Dict[str, Any]) -> Dict[str, bool]:
    """Issue 9's targets, per held-out set."""
    targets = {}
    for name, figures in report["sets"].items():
        correct, total = figures["topic_accuracy"]
        targets[f"{name}: topic accuracy >= 97 %"] = correct >= TOPIC_ACCURACY_TARGET * total
        targets[f"{name}: every topic >= 93 %"] = all(
            c >= TOPIC_FLOOR * n
            for label, (c, n) in figures["by_label"].items()
            if label != OUT_OF_SCOPE_INTENT
        )
        oos, oos_total = figures["out_of_scope"]
        targets[f"{name}: out of scope >= 95 %"] = oos >= OUT_OF_SCOPE_TARGET * oos_total
        whole, conversations = figures["conversations"]
        if conversations:
            targets[f"{name}: every conversation as expected"] = whole == conversations
    return targets


def render_understanding(report: Dict[str, Any]) -> List[str]:
    """The report as Markdown lines."""
    lines = ["# Understanding report (`make eval-understanding`)", ""]
    lines += [
        "| set | topic accuracy | out of scope | conversation turns | whole conversations |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, figures in report["sets"].items():
        lines.append(
            f"| {name} | {rate(*figures['topic_accuracy'])} | {rate(*figures['out_of_scope'])}"
            f" | {rate(*figures['turns'])} | {rate(*figures['conversations'])} |"
        )
    lines += [
        "",
        "First contact (each blind set measured once, before it inspired any change):",
        "",
    ]
    lines += ["| set | topic accuracy | out of scope | conversation turns | whole conversations |"]
    lines += ["|---|---:|---:|---:|---:|"]
    for name, figures in report["sets"].items():
        first = figures.get("first_contact")
        if first:
            cells = [
                rate(*first[key])
                for key in ("topic_accuracy", "out_of_scope", "conversation_turns", "conversations")
            ]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += [""] + [
        f"- {name}: {figures['first_contact']['note']}"
        for name, figures in report["sets"].items()
        if figures.get("first_contact")
    ]
    lines += ["", "Targets:"]
    lines += [f"- [{'x' if ok else ' '}] {name}" for name, ok in report["targets"].items()]
    for name, figures in report["sets"].items():
        lines += ["", f"## {name}", "", "| label | correct | total |", "|---|---:|---:|"]
        lines += [f"| {label} | {c} | {n} |" for label, (c, n) in figures["by_label"].items()]
        lines += ["", f"Misses ({len(figures['misses'])}):"]
        lines += [
            f"- expected `{m['expected']}`, got `{m['got']}`: {m['text']}"
            for m in figures["misses"]
        ]
        lines += [
            "",
            f"Conversation turns not as expected ({len(figures['conversation_misses'])}):",
        ]
        lines += [
            f"- {m['name']}, turn {m['turn']}: expected `{m['expected']}`, got `{m['got']}`: "
            f"{m['text']}"
            for m in figures["conversation_misses"]
        ]
    return lines
