"""A message that goes on about the current cause is answered with it; others are not."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase, load_knowledge
from knowledge.names import NLU_FALLBACK_INTENT, OUT_OF_SCOPE_INTENT
from knowledge.references import continues_current_topic

KB: KnowledgeBase = load_knowledge()
OVERVIEW = KB.topic("overview").intent


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        (OVERVIEW, "so is that what is making my count low?"),
        (OVERVIEW, "why would they lower white cells"),
        (NLU_FALLBACK_INTENT, "how long for?"),
        (NLU_FALLBACK_INTENT, "his count is very low, why"),
        (OUT_OF_SCOPE_INTENT, "will they stop it for a while because of this?"),
    ],
)
def test_a_reference_or_a_short_question_continues_the_cause(intent: str, text: str) -> None:
    assert continues_current_topic(KB, intent, [], text, "medications")


@pytest.mark.parametrize(
    ("intent", "text", "terms", "current"),
    [
        (OVERVIEW, "what else can make it low?", [], "medications"),
        (OVERVIEW, "are there any other reasons for that?", [], "medications"),
        (OVERVIEW, "is that why it is low?", [], "overview"),
        (OVERVIEW, "is that why it is low?", [], "emergency_info"),
        (OVERVIEW, "is that why it is low?", [], None),
        (OVERVIEW, "could that be the lupus then?", ["lupus"], "medications"),
        (KB.topic("emergency_info").intent, "is it an emergency then?", [], "medications"),
        ("thank", "ok thanks, that helps", [], "medications"),
        (OUT_OF_SCOPE_INTENT, "is my dad going to be ok", [], "medications"),
    ],
)
def test_other_messages_keep_their_own_reading(
    intent: str, text: str, terms: list[str], current: str | None
) -> None:
    assert not continues_current_topic(KB, intent, terms, text, current)


def test_a_request_the_scope_patterns_caught_stays_out_of_scope() -> None:
    assert not continues_current_topic(
        KB, OUT_OF_SCOPE_INTENT, [], "how much of it should he take", "medications", "dose"
    )


def test_a_general_term_does_not_stop_the_cause_going_on() -> None:
    assert continues_current_topic(KB, OVERVIEW, ["low wbc"], "is that my low wbc?", "medications")
