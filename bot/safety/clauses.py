"""Sentence and clause boundaries of a message's words, and where a span sits in them."""

from __future__ import annotations

from typing import Sequence, Tuple

from bot.safety.matching import Span
from bot.safety.text import Word

SENTENCE_BREAKS = frozenset({".", "!", "?", ";", "\n"})


def bounds(words: Sequence[Word], index: int, breaks: frozenset) -> Tuple[int, int]:
    """The [start, end) word range around index that contains no break word."""
    start = index
    while start > 0 and words[start - 1].norm not in breaks:
        start -= 1
    end = index
    while end < len(words) and words[end].norm not in breaks:
        end += 1
    return start, end


def ends_with_question(words: Sequence[Word], sentence: Tuple[int, int]) -> bool:
    """The sentence [start, end) is closed by a question mark."""
    return sentence[1] < len(words) and words[sentence[1]].norm == "?"


def negates_cue(cue: Span, negations: Sequence[Span]) -> bool:
    """A negation right before or inside a cue ("hasn't stopped", "not settled")."""
    return any(
        (n.end <= cue.start and cue.start - n.end <= 1) or (cue.start <= n.start < cue.end)
        for n in negations
    )


def next_sentence(words: Sequence[Word], sentence: Tuple[int, int]) -> Tuple[int, int]:
    """The sentence after the given one (empty at the end of the message)."""
    if sentence[1] + 1 >= len(words):
        return (len(words), len(words))
    return bounds(words, sentence[1] + 1, SENTENCE_BREAKS)


def starts_in(span: Span, limits: Tuple[int, int]) -> bool:
    """True when the span starts within [limits[0], limits[1]) (it may end on a break)."""
    return limits[0] <= span.start < limits[1]


def inside(span: Span, limits: Tuple[int, int]) -> bool:
    """True when the span lies within [limits[0], limits[1])."""
    return limits[0] <= span.start and span.end <= limits[1]
