"""One contract for the names both servers share: domain, rules, NLU data, knowledge
file and held-out labels checked against knowledge/names.py and each other."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Set

import yaml
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.core.constants import ACTION_LISTEN_NAME

from evaluation.conversations import SMALL_TALK, load_conversations
from evaluation.heldout import load_questions
from evaluation.understanding import HELDOUT_SETS
from knowledge import load_knowledge
from knowledge.names import (
    AFFIRM_INTENT,
    ANSWER_ACTION,
    CRISIS_LINE_RESPONSE,
    CUSTOM_ACTIONS,
    DENY_INTENT,
    EMERGENCY_RESPONSE,
    EMERGENCY_TOPIC,
    FOLLOW_UP_INTENT,
    FORGET_ME_INTENT,
    GOODBYE_INTENT,
    INPUT_PROBLEM_ENTITY,
    NLU_FALLBACK_INTENT,
    OUT_OF_SCOPE_INTENT,
    OVERVIEW_TOPIC,
    SCOPE_REQUEST_ENTITY,
    SCOPE_REQUESTS,
    SERVICE_UNAVAILABLE_RESPONSE,
    SMALL_TALK_INTENTS,
    TERM_ENTITY,
    THANK_INTENT,
    TOPIC_SLOT,
)
from tests.conftest import PROJECT_DIR

KB = load_knowledge()
DOMAIN: Dict[str, Any] = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text("utf-8"))
TOPIC_INTENTS = {topic.intent for topic in KB.topics}
SHARED_INTENTS = {
    FOLLOW_UP_INTENT,
    AFFIRM_INTENT,
    DENY_INTENT,
    THANK_INTENT,
    GOODBYE_INTENT,
    FORGET_ME_INTENT,
    OUT_OF_SCOPE_INTENT,
    *SMALL_TALK_INTENTS,
}


def _yaml_files(folder: str) -> List[Dict[str, Any]]:
    return [
        yaml.safe_load(path.read_text("utf-8")) or {}
        for path in sorted((PROJECT_DIR / folder).rglob("*.yml"))
    ]


def _steps(key: str) -> List[Dict[str, Any]]:
    blocks = [b for d in _yaml_files("data/rules") for b in d.get("rules", [])]
    blocks += [b for d in _yaml_files("data/stories") for b in d.get("stories", [])]
    return [step for block in blocks for step in block.get("steps", []) if key in step]


def test_the_domain_declares_every_shared_name() -> None:
    assert set(DOMAIN["intents"]) >= TOPIC_INTENTS | SHARED_INTENTS
    assert set(DOMAIN["entities"]) >= {TERM_ENTITY, INPUT_PROBLEM_ENTITY, SCOPE_REQUEST_ENTITY}
    assert TOPIC_SLOT in DOMAIN["slots"]
    assert set(DOMAIN["actions"]) == set(CUSTOM_ACTIONS)
    assert set(DOMAIN["responses"]) >= {
        EMERGENCY_RESPONSE,
        CRISIS_LINE_RESPONSE,
        SERVICE_UNAVAILABLE_RESPONSE,
    }


def test_the_knowledge_file_topics_are_the_domain_topic_intents() -> None:
    """The knowledge file defines the topics; the domain declares one intent for each."""
    assert len(set(KB.topic_ids)) == len(KB.topic_ids)
    assert set(DOMAIN["intents"]) - SHARED_INTENTS == TOPIC_INTENTS


def test_every_domain_intent_has_training_examples_and_no_other_intent_does() -> None:
    trained: Set[str] = {
        block["intent"] for d in _yaml_files("data/nlu") for block in d.get("nlu", [])
    }
    assert trained == set(DOMAIN["intents"])


def test_rules_and_stories_use_only_domain_names() -> None:
    intents = {step["intent"] for step in _steps("intent")}
    actions = {step["action"] for step in _steps("action")}
    assert intents <= set(DOMAIN["intents"]) | {DEFAULT_NLU_FALLBACK_INTENT_NAME}
    assert actions <= set(DOMAIN["actions"]) | set(DOMAIN["responses"]) | {ACTION_LISTEN_NAME}


def test_every_topic_intent_is_answered_by_the_answer_action() -> None:
    rules = [b for d in _yaml_files("data/rules") for b in d.get("rules", [])]
    answered = {
        steps[0]["intent"]
        for steps in (r["steps"] for r in rules)
        if len(steps) == 2 and steps[1].get("action") == ANSWER_ACTION and "intent" in steps[0]
    }
    assert answered >= TOPIC_INTENTS | {FOLLOW_UP_INTENT}
    assert AFFIRM_INTENT not in answered  # the answers ask no question: "yes" gets "anything else?"


def test_held_out_labels_are_topic_ids_or_shared_labels() -> None:
    allowed = set(KB.topic_ids) | {OUT_OF_SCOPE_INTENT}
    for path in HELDOUT_SETS.values():
        assert {q.label for q in load_questions(Path(path))} <= allowed
        turns = {e for c in load_conversations(Path(path)) for _, e in c.turns}
        assert turns <= allowed | {SMALL_TALK}


def test_both_servers_find_the_knowledge_file_the_same_way() -> None:
    """No pipeline component fixes its own path: the NLU components and the action server
    all call knowledge.knowledge_file_path() ($LEUKOBOT_KNOWLEDGE_FILE or the default)."""
    config = yaml.safe_load((PROJECT_DIR / "config.yml").read_text("utf-8"))
    assert [c["name"] for c in config["pipeline"] if "knowledge_file" in c] == []


def test_the_topics_and_intents_named_in_code_exist() -> None:
    assert {OVERVIEW_TOPIC, EMERGENCY_TOPIC} <= {topic.id for topic in KB.topics}
    assert NLU_FALLBACK_INTENT == DEFAULT_NLU_FALLBACK_INTENT_NAME


def test_every_kind_of_out_of_scope_request_has_its_line() -> None:
    assert all(f"scope_{kind}" in KB.messages for kind in SCOPE_REQUESTS)
