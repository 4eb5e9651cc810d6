"""Through the trained model: a message naming a knowledge-file term gets its topic.

Every term and abbreviation of the knowledge file, alone and inside a statement,
is parsed by the model's NLU: a cause's term never ends in a clarifying question,
out of scope or small talk (issue 9's named-term certainty), a general term never
in a clarifying question. A follow-up also counts: the answer
action answers a follow-up's named term (tests/unit/test_actions.py).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest
from rasa.core.agent import Agent, load_agent

from bot.nlu.term_index import GENERAL_TOPICS
from knowledge import load_knowledge
from knowledge.names import FOLLOW_UP_INTENT

pytestmark = pytest.mark.model
KB = load_knowledge()
TERMS = sorted(KB.term_index().items())
FRAMES = ("{term}", "my doctor mentioned {term}", "hi, my mum's letter mentions {term}")


@pytest.fixture(scope="module")
def agent(model: Path) -> Agent:
    return asyncio.run(load_agent(model_path=str(model)))


def _intents(agent: Agent, texts: List[str]) -> List[str]:
    async def parse_all() -> List[Dict[str, Any]]:
        return [await agent.parse_message(text) for text in texts]

    return [parsed["intent"]["name"] for parsed in asyncio.run(parse_all())]


def test_every_cause_term_gets_its_topic(agent: Agent) -> None:
    cases: List[Tuple[str, str]] = [
        (frame.format(term=term), KB.topic(topic_id).intent)
        for term, topic_id in TERMS
        if topic_id not in GENERAL_TOPICS
        for frame in FRAMES
    ]
    got = _intents(agent, [text for text, _ in cases])
    pairs = zip(cases, got, strict=True)
    wrong = [
        (text, want, have) for (text, want), have in pairs if have not in (want, FOLLOW_UP_INTENT)
    ]
    assert wrong == []


def test_no_general_term_gets_a_clarifying_question(agent: Agent) -> None:
    """ "Low wbc", "urgent", "blood test" name the subject, not a cause: their topic or,
    for "can I reschedule my blood test?", out of scope; never "did you mean...?"."""
    texts = [
        frame.format(term=term)
        for term, topic_id in TERMS
        if topic_id in GENERAL_TOPICS
        for frame in FRAMES
    ]
    got = _intents(agent, texts)
    assert [t for t, have in zip(texts, got, strict=True) if have == "nlu_fallback"] == []
