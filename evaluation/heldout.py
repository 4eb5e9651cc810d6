"""The held-out question set and how one bot turn is scored against it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import yaml

from bot.launch.servers import BotServer
from evaluation.rest_client import last_turn_actions, send, slot, tracker
from knowledge import load_knowledge
from knowledge.names import (
    ANSWER_ACTION,
    CLARIFY_ACTION,
    OUT_OF_SCOPE_ACTION,
    OUT_OF_SCOPE_INTENT,
    TOPIC_SLOT,
)

HELDOUT_FILE = Path(__file__).resolve().parent.parent / "tests" / "data" / "heldout_questions.yml"


def labels() -> Tuple[str, ...]:
    """What a held-out question can be labelled: a knowledge-file topic id, or out of scope."""
    return load_knowledge().topic_ids + (OUT_OF_SCOPE_INTENT,)


@dataclass(frozen=True)
class Question:
    """One held-out message and the topic id (or out_of_scope) it should get."""

    text: str
    label: str


def load_questions(path: Path = HELDOUT_FILE) -> List[Question]:
    """Reads the held-out set, checking every label."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = [
        Question(text=str(q["text"]), label=str(q["topic"])) for q in document["questions"]
    ]
    unknown = sorted({q.label for q in questions} - set(labels()))
    if unknown:
        raise ValueError(f"{path}: unknown label(s) {unknown}")
    return questions


def predicted_label(tracker_state: Dict) -> str:
    """What the bot did with the latest message: a topic id, out_of_scope, or clarify."""
    actions = last_turn_actions(tracker_state)
    if ANSWER_ACTION in actions:
        return str(slot(tracker_state, TOPIC_SLOT))
    if OUT_OF_SCOPE_ACTION in actions:
        return OUT_OF_SCOPE_INTENT
    if CLARIFY_ACTION in actions:
        return "clarify"
    return "other(" + ",".join(actions) + ")"


def accuracy_by_label(
    results: Sequence[Tuple[Question, str]],
) -> Dict[str, Tuple[int, int]]:
    """(correct, total) per expected label."""
    counts: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
    for question, predicted in results:
        counts[question.label][0] += int(predicted == question.label)
        counts[question.label][1] += 1
    return {label: (c[0], c[1]) for label, c in counts.items()}


def ask_each(
    server: BotServer, questions: Sequence[Question], prefix: str
) -> Tuple[List[Tuple[Question, str]], List[float]]:
    """Sends each question as a new conversation; its predicted label and round-trip seconds."""
    results, seconds = [], []
    for index, question in enumerate(questions):
        sender = f"{prefix}-{index}"
        seconds.append(send(server, sender, question.text).seconds)
        results.append((question, predicted_label(tracker(server, sender))))
    return results, seconds
