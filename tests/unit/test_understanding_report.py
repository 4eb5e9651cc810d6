"""How conversation turns are labelled and scored, and the understanding targets."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, List

import pytest
import yaml

from evaluation.conversations import (
    SMALL_TALK,
    Conversation,
    load_conversations,
    scores,
    turn_label,
)
from evaluation.heldout import load_questions
from evaluation.understanding import HELDOUT_SETS, understanding_targets
from tests.conftest import PROJECT_DIR


def _tracker(actions: List[str], topic: str | None = None) -> Dict[str, Any]:
    events = [{"event": "user", "text": "earlier"}, {"event": "action", "name": "utter_greet"}]
    events += [{"event": "user", "text": "now"}]
    events += [{"event": "action", "name": name} for name in actions + ["action_listen"]]
    return {"events": events, "slots": {"topic": topic}}


@pytest.mark.parametrize(
    ("actions", "topic", "label"),
    [
        (["utter_greet"], None, SMALL_TALK),
        (["utter_youre_welcome"], "medications", SMALL_TALK),
        (["action_answer_topic"], "medications", "medications"),
        (["action_out_of_scope"], None, "out_of_scope"),
        (["action_clarify_topic"], None, "clarify"),
        ([], None, "other()"),
        (["utter_emergency"], None, "other(utter_emergency)"),
    ],
)
def test_a_turn_is_labelled_by_what_the_bot_did(
    actions: List[str], topic: str | None, label: str
) -> None:
    assert turn_label(_tracker(actions, topic)) == label


def test_a_conversation_counts_only_when_every_turn_does() -> None:
    conversations = [
        Conversation("a", (("hi", SMALL_TALK), ("chemo?", "cancer_treatment"))),
        Conversation("b", (("hi", SMALL_TALK), ("steroids?", "medications"))),
    ]
    results = [[SMALL_TALK, "cancer_treatment"], [SMALL_TALK, "clarify"]]
    assert scores(conversations, results) == {"turns": (3, 4), "conversations": (1, 2)}


def test_an_unknown_turn_label_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "set.yml"
    path.write_text(
        "questions: []\nconversations:\n- name: x\n  turns:\n  - text: hi\n    expect: hello\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="hello"):
        load_conversations(path)


def test_the_held_out_sets_load() -> None:
    assert load_conversations(HELDOUT_SETS["held-out set 2"])
    assert load_conversations(HELDOUT_SETS["held-out set 1"]) == []


def test_every_target_is_judged_per_set() -> None:
    good = {
        "topic_accuracy": [97, 100],
        "out_of_scope": [19, 20],
        "by_label": {"medications": [14, 15], "out_of_scope": [19, 20]},
        "turns": [10, 10],
        "conversations": [3, 3],
    }
    bad = dict(good, topic_accuracy=[96, 100], conversations=[2, 3])
    targets = understanding_targets({"sets": {"one": good, "two": bad}})
    assert all(ok for name, ok in targets.items() if name.startswith("one"))
    assert not targets["two: topic accuracy >= 97 %"]
    assert not targets["two: every conversation as expected"]
    assert targets["two: every topic >= 93 %"]


def _training_texts() -> set[str]:
    texts = set()
    for path in (PROJECT_DIR / "data" / "nlu").rglob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line.strip().removeprefix("- "))
                texts.add(text.strip().lower())
    return texts


def test_no_held_out_question_or_topic_turn_is_a_training_example() -> None:
    """Small talk apart ("thanks" is both), nothing held out is trained on."""
    training = _training_texts()
    held_out = []
    for path in HELDOUT_SETS.values():
        held_out += [q.text for q in load_questions(path)]
        held_out += [
            text
            for conversation in load_conversations(path)
            for text, expected in conversation.turns
            if expected != SMALL_TALK
        ]
    assert [t for t in held_out if t.strip().lower() in training] == []
