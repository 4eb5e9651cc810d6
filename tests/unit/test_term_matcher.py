"""The term matcher finds knowledge-file terms despite case and typos, and nothing else."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from bot.nlu.term_matcher import TermMatcher, allowed_typos
from knowledge import KnowledgeBase
from tests.conftest import read_yaml

PHRASES = read_yaml("term_phrases.yml")["phrases"]


@pytest.fixture(scope="module")
def matcher(kb: KnowledgeBase) -> TermMatcher:
    return TermMatcher(kb.term_index())


@pytest.mark.parametrize("phrase", PHRASES, ids=[p["text"] for p in PHRASES])
def test_finds_the_expected_topics(matcher: TermMatcher, phrase: Dict[str, Any]) -> None:
    assert [match.topic for match in matcher.find(phrase["text"])] == phrase["topics"]


def test_a_match_carries_the_canonical_term_and_the_span(matcher: TermMatcher) -> None:
    text = "is it the Predisone?"
    [match] = matcher.find(text)
    assert (match.term, match.topic) == ("predisone", "medications")
    assert text[match.start : match.end] == "Predisone"


def test_the_longest_term_wins(matcher: TermMatcher) -> None:
    [match] = matcher.find("aplastic anaemia")
    assert match.term == "aplastic anaemia"


def test_short_words_get_no_typo_allowance() -> None:
    assert allowed_typos("cancer") == 0
    assert allowed_typos("steroid") == 1
    assert allowed_typos("chemotherapy") == 2


def test_an_empty_message_has_no_terms(matcher: TermMatcher) -> None:
    assert matcher.find("") == []


def test_a_term_after_non_names_the_rest_of_a_category(matcher: TermMatcher) -> None:
    assert "viral_infection" not in [m.topic for m in matcher.find("what are the non-viral causes")]
    assert "cancer_treatment" not in [m.topic for m in matcher.find("which non chemo drugs do it")]
    assert [m.topic for m in matcher.find("non-cancer drugs")] == ["medications"]
    assert "viral_infection" in [m.topic for m in matcher.find("viral causes")]
