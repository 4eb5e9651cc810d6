"""Judges a red-flag match in its context, ConText-style.

A match is negated ("no fever", every item of "no fever, cough or rash"),
resolved ("had a fever last week but it's gone", a year, "my dad died of a heart
attack"), hypothetical ("what temperature counts as a fever?", "the leaflet says
call if...") or current. Only a current match makes a message an emergency.
"""

from __future__ import annotations

import re
from typing import Dict, List, Sequence, Tuple

from bot.safety.matching import Span
from bot.safety.rules import ContextRules
from bot.safety.text import Word

CURRENT = "current"
NEGATED = "negated"
RESOLVED = "resolved"
HYPOTHETICAL = "hypothetical"
SENTENCE_BREAKS = frozenset({".", "!", "?", ";", "\n"})
LIST_ITEM_WORDS = 3
"""A list item after a negation has at most this many words ("cough", "stiff neck")."""

_YEAR = re.compile(r"^(19|20)\d\d$")
Cues = Dict[str, List[Span]]


class ContextJudge:
    """Decides whether a red-flag match is current, negated, resolved or hypothetical."""

    def __init__(self, context: ContextRules) -> None:
        """Keeps the cue word sets the judgement needs."""
        self._context = context
        self._breaks = frozenset(context.clause_breaks) | SENTENCE_BREAKS
        self._joiners = frozenset(context.list_joiners)
        self._markers = frozenset(context.personal_markers)
        self._askers = frozenset(context.asker_verbs)
        self._question_starts = frozenset(context.question_starts)
        self._anaphors = frozenset(context.anaphors)

    def status(
        self,
        start: int,
        end: int,
        words: Sequence[Word],
        cues: Cues,
        self_negating: bool = False,
        even_if_hypothetical: bool = False,
    ) -> str:
        """The status of the match covering words [start, end)."""
        if not self_negating and self.negated(start, end, words, cues):
            return NEGATED
        if not self_negating and self.resolved(start, end, words, cues):
            return RESOLVED
        if not even_if_hypothetical and self.hypothetical(start, words, cues):
            return HYPOTHETICAL
        return CURRENT

    def says_now(self, start: int, words: Sequence[Word], cues: Cues) -> bool:
        """The clause around word `start` says it is happening now ("36.7 today")."""
        clause = bounds(words, start, self._breaks)
        return any(inside(c, clause) for c in cues["current"])

    def negated(self, start: int, end: int, words: Sequence[Word], cues: Cues) -> bool:
        """A negation cue just before the match in its clause or its list, or inside it.

        Inside: a gap in the pattern matched across it ("heart's not racing").
        """
        sentence = bounds(words, start, SENTENCE_BREAKS)
        if any(c.end <= start and inside(c, sentence) for c in cues["list_negation"]):
            return True
        window = self._context.negation_window
        for cue in cues["negation"]:
            if start <= cue.start and cue.end <= end:
                return True
            if cue.end > start or not inside(cue, sentence):
                continue
            if any(p.start <= cue.start and cue.end <= p.end for p in cues["pseudo"]):
                continue
            between = range(cue.end, start)
            if start - cue.end <= window and not any(words[i].norm in self._breaks for i in between):
                return True
            if self._in_negated_list(cue.end, start, words):
                return True
        return False

    def _in_negated_list(self, after: int, start: int, words: Sequence[Word]) -> bool:
        """Words [after, start) are a list of short items joined by commas, "or", "and"."""
        item = 0
        for index in range(after, start):
            norm = words[index].norm
            if norm in self._joiners:
                item = 0
                continue
            if norm in self._breaks or norm in self._markers:
                return False
            item += 1
            if item > LIST_ITEM_WORDS:
                return False
        return True

    def resolved(self, start: int, end: int, words: Sequence[Word], cues: Cues) -> bool:
        """Placed in the past in its clause, or said to be over later in its sentence.

        Never when the match's own clause says it is happening now ("still", "today").
        """
        sentence = bounds(words, start, SENTENCE_BREAKS)
        clause = bounds(words, start, self._breaks)
        if any(inside(c, clause) for c in cues["current"]):
            return False
        outside_match = [
            c for c in cues["past"] if inside(c, clause) and (c.end <= start or c.start >= end)
        ]
        year = any(_YEAR.match(words[i].norm) for i in range(*clause))
        over_later = any(c.start >= end and inside(c, sentence) for c in cues["resolved"])
        return bool(outside_match) or year or over_later

    def hypothetical(self, start: int, words: Sequence[Word], cues: Cues) -> bool:
        """A general or conditional question in the match's clause, about no one in person."""
        clause = bounds(words, start, self._breaks)
        sentence = bounds(words, start, SENTENCE_BREAKS)
        if any(sentence[0] <= c.start and c.end <= start for c in cues["conditional"]):
            return True
        if any(inside(c, clause) or inside(c, (sentence[0], start)) for c in cues["hypothetical"]):
            scope = clause
        elif self._starts_question(words, sentence[0]) or self._starts_question(words, clause[0]):
            scope = (sentence[0], clause[1])
        else:
            return False
        if any(self._names_someone(words, i) for i in range(scope[0], start)):
            return False
        return not self._answered_in_person_later(sentence[1], words, cues)

    def _answered_in_person_later(self, after: int, words: Sequence[Word], cues: Cues) -> bool:
        """A later sentence says someone has it now ("... my mum just had one")."""
        rest = range(after, len(words))
        return (
            any(self._names_someone(words, i) for i in rest)
            and any(words[i].norm in self._anaphors for i in rest)
            and any(c.start >= after for c in cues["current"])
        )

    def _starts_question(self, words: Sequence[Word], index: int) -> bool:
        """A clause opening like a question; "can't breathe" is a statement."""
        if index >= len(words) or words[index].norm not in self._question_starts:
            return False
        return not (index + 1 < len(words) and words[index + 1].norm == "not")

    def _names_someone(self, words: Sequence[Word], index: int) -> bool:
        """A personal marker, except "I"/"we" asking what to do ("should I ...")."""
        word = words[index].norm
        if word not in self._markers:
            return False
        asking = word in ("i", "we") and index > 0 and words[index - 1].norm in self._askers
        return not asking


def bounds(words: Sequence[Word], index: int, breaks: frozenset) -> Tuple[int, int]:
    """The [start, end) word range around index that contains no break word."""
    start = index
    while start > 0 and words[start - 1].norm not in breaks:
        start -= 1
    end = index
    while end < len(words) and words[end].norm not in breaks:
        end += 1
    return start, end


def inside(span: Span, limits: Tuple[int, int]) -> bool:
    """True when the span lies within [limits[0], limits[1])."""
    return limits[0] <= span.start and span.end <= limits[1]
