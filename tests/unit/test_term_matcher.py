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
