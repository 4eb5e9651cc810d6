"""Multi-turn conversations of a held-out set, sent turn by turn to a running bot.

Each turn is labelled with what the bot's reply should be: a topic id (answered
with that topic), out_of_scope, or small_talk (a greeting, thanks, goodbye...).
A conversation counts as expected only when every turn is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

import yaml

from bot.launch.servers import BotServer
from evaluation.heldout import labels, predicted_label
from evaluation.rest_client import last_turn_actions, send, tracker

SMALL_TALK = "small_talk"
SMALL_TALK_ACTIONS = frozenset(
    {
        "utter_greet",
        "utter_goodbye",
        "utter_youre_welcome",
        "utter_anything_else",
        "utter_iamabot",
        "utter_feedback_thanks",
        "utter_feedback_sorry",
    }
)
"""The chitchat rules' replies (data/rules/chitchat.yml)."""


@dataclass(frozen=True)
class Conversation:
    """A named conversation: each turn's text and the label its reply should have."""

    name: str
    turns: Tuple[Tuple[str, str], ...]


def load_conversations(path: Path) -> List[Conversation]:
    """The `conversations` of a held-out file, every label checked."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    conversations = [
        Conversation(
            name=str(raw["name"]),
            turns=tuple((str(t["text"]), str(t["expect"])) for t in raw["turns"]),
        )
        for raw in document.get("conversations") or []
    ]
    unknown = sorted({e for c in conversations for _, e in c.turns} - {*labels(), SMALL_TALK})
    if unknown:
        raise ValueError(f"{path}: unknown turn label(s) {unknown}")
    return conversations


def turn_label(tracker_state: Dict[str, Any]) -> str:
    """What the bot did with the latest message, small talk included."""
    actions = last_turn_actions(tracker_state)
    if actions and set(actions) <= SMALL_TALK_ACTIONS:
        return SMALL_TALK
    return predicted_label(tracker_state)


def run_conversations(
    server: BotServer, conversations: Sequence[Conversation], prefix: str
) -> List[List[str]]:
    """Each conversation sent turn by turn under its own sender; the labels the bot earned."""
    results = []
    for index, conversation in enumerate(conversations):
        sender = f"{prefix}-{index}"
        labels = []
        for text, _ in conversation.turns:
            send(server, sender, text)
            labels.append(turn_label(tracker(server, sender)))
        results.append(labels)
    return results


def scores(
    conversations: Sequence[Conversation], results: Sequence[Sequence[str]]
) -> Dict[str, Tuple[int, int]]:
    """(expected, total) for turns and for whole conversations."""
    per_turn = [
        [got == expected for (_, expected), got in zip(c.turns, labels, strict=True)]
        for c, labels in zip(conversations, results, strict=True)
    ]
    turns = [ok for conversation in per_turn for ok in conversation]
    whole = [all(conversation) for conversation in per_turn]
    return {"turns": (sum(turns), len(turns)), "conversations": (sum(whole), len(whole))}
