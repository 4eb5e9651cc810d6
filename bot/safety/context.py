"""Judges a red-flag match in its context, ConText-style.

A match is negated ("no fever", every item of "no fever, cough or rash"),
resolved ("had a fever last week but it's gone", a year, "my dad died of a heart
attack"), hypothetical ("what temperature counts as a fever?", "the leaflet says
call if...") or current. Only a current match makes a message an emergency.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence, Tuple

from bot.safety.clauses import (
    SENTENCE_BREAKS,
    bounds,
    ends_with_question,
    inside,
    negates_cue,
    next_sentence,
    starts_in,
)
from bot.safety.matching import Span
from bot.safety.rules import ContextRules
from bot.safety.text import Word

CURRENT = "current"
NEGATED = "negated"
RESOLVED = "resolved"
HYPOTHETICAL = "hypothetical"
LIST_ITEM_WORDS = 3
"""A list item after a negation has at most this many words ("cough", "stiff neck")."""

_AUXILIARIES = frozenset(
    {"is", "are", "do", "does", "should", "can", "could", "would", "will", "might", "must"}
)
_STORY_OPENERS = frozenset({"when", "who", "where", "whether", "if", "which"})
_POSSESSIVES = frozenset({"my", "his", "her", "our", "their", "your"})
_YEAR = re.compile(r"^(19|20)\d\d$")
Cues = Dict[str, List[Span]]


class ContextJudge:
    """Decides whether a red-flag match is current, negated, resolved or hypothetical."""

    def __init__(self, context: ContextRules) -> None:
        """Keeps the cue word sets the judgement needs."""
        self._context = context
        self._breaks = frozenset(context.clause_breaks) | SENTENCE_BREAKS
        self._joiners = frozenset(context.list_joiners)
        self._list_openers = frozenset(context.list_openers)
        self._markers = frozenset(context.personal_markers)
        self._impersonal = frozenset(context.impersonal_after_possessive)
        self._askers = frozenset(context.asker_verbs)
        self._question_starts = frozenset(context.question_starts)
        self._anaphors = frozenset(context.anaphors)
        self._present = frozenset(context.present_tense_words)

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
        if self.quoted(start, words, cues):
            return HYPOTHETICAL
        if not self_negating and self.negated(start, end, words, cues):
            return NEGATED
        if self.resolved(start, end, words, cues, past_only=self_negating):
            return RESOLVED
        if self.screened(start, words, cues):
            return HYPOTHETICAL
        if not even_if_hypothetical and self.hypothetical(start, words, cues):
            return HYPOTHETICAL
        return CURRENT

    def quoted(self, start: int, words: Sequence[Word], cues: Cues) -> bool:
        """Inside a passage quoted from a document ("the leaflet says 'call if...'")."""
        return any(first <= start < end for first, end in _quotations(words, cues))

    def says_now(self, start: int, words: Sequence[Word], cues: Cues) -> bool:
        """The clause around word `start` says it is happening now ("36.7 today")."""
        clause = bounds(words, start, self._breaks)
        return any(inside(c, clause) for c in cues["current"])

    def negated(
        self, start: int, end: int, words: Sequence[Word], cues: Cues, inside_counts: bool = True
    ) -> bool:
        """A negation cue just before the match in its clause or its list, or inside it.

        Inside: a gap in the pattern matched across it ("heart's not racing");
        `inside_counts=False` for phrases whose own words may negate ("can't get up").
        """
        sentence = bounds(words, start, SENTENCE_BREAKS)
        if any(c.end <= start and inside(c, sentence) for c in cues["list_negation"]):
            return True
        window = self._context.negation_window
        for cue in cues["negation"]:
            if any(p.start <= cue.start and cue.end <= p.end for p in cues["pseudo"]):
                continue
            if start <= cue.start and cue.end <= end:
                if inside_counts:
                    return True
                continue
            if cue.end > start or not inside(cue, sentence):
                continue
            between = range(cue.end, start)
            if start - cue.end <= window and not any(
                words[i].norm in self._breaks for i in between
            ):
                return True
            if words[cue.start].norm in self._list_openers and self._in_negated_list(
                cue.end, start, words
            ):
                return True
        return False

    def _in_negated_list(self, after: int, start: int, words: Sequence[Word]) -> bool:
        """Words [after, start) are a list of short items joined by commas, "or", "and".

        The match must open its item, after at most one word ("no fever, bad cough").
        """
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
        return item <= 1

    def resolved(
        self, start: int, end: int, words: Sequence[Word], cues: Cues, past_only: bool = False
    ) -> bool:
        """Placed in the past, or said to be over later in its sentence or the next one.

        Past: a past cue in its clause ("last week"), a year, or a long-ago cue in
        its sentence ("as a kid", "when I was 17", "at 55") when its own clause is
        not told in the present. Never when the match's own clause says it is
        happening now ("still", "today"). `past_only`: a phrase with its own
        negation ("couldn't pee") is resolved by the past, not by "it stopped".
        """
        sentence = bounds(words, start, SENTENCE_BREAKS)
        clause = bounds(words, start, self._breaks)
        if any(inside(c, clause) for c in cues["current"]):
            return False
        outside_match = [
            c for c in cues["past"] if inside(c, clause) and (c.end <= start or c.start >= end)
        ]
        in_present = self._told_in_present(clause, words, cues["long_ago"])
        year = any(_YEAR.match(words[i].norm) for i in range(*clause)) or (
            any(_YEAR.match(words[i].norm) for i in range(*sentence)) and not in_present
        )
        long_ago = not in_present and any(
            starts_in(c, sentence) and (c.end <= start or c.start >= end) for c in cues["long_ago"]
        )
        if past_only:
            return bool(outside_match) or year or long_ago
        following = next_sentence(words, sentence)
        over_later = any(
            c.start >= end
            and (starts_in(c, sentence) or starts_in(c, following))
            and not negates_cue(c, cues["negation"])
            for c in cues["resolved"]
        )
        return bool(outside_match) or year or long_ago or over_later

    def _told_in_present(
        self, clause: Tuple[int, int], words: Sequence[Word], long_ago: Sequence[Span]
    ) -> bool:
        """A present-tense word in the clause, outside a long-ago cue ("has always").

        "have ever" tells experience, not now.
        """
        for index in range(*clause):
            if any(c.start <= index < c.end for c in long_ago):
                continue
            if words[index].norm in self._present:
                following = words[index + 1].norm if index + 1 < len(words) else ""
                if not (words[index].norm in ("have", "has") and following == "ever"):
                    return True
        return False

    def screened(self, start: int, words: Sequence[Word], cues: Cues) -> bool:
        """Part of a question someone was asked ("asked me if I had thoughts of..."), unanswered.

        A yes anywhere in the message ("I said yes") keeps the red flag current.
        """
        sentence = bounds(words, start, SENTENCE_BREAKS)
        quotations = _quotations(words, cues)
        asked = any(
            sentence[0] <= c.start and c.end <= start and not _introduces(c, start, quotations)
            for c in cues["screening"]
        )
        return asked and not cues["affirmative"]

    def hypothetical(self, start: int, words: Sequence[Word], cues: Cues) -> bool:
        """A general, quoted or conditional question about no one in person.

        A hypothetical cue ("what if", "the leaflet says", "signs of") before the
        match in its sentence, with no one named between the cue and the match; a
        question-shaped clause naming no one; a question sentence about signs or
        thresholds naming no one; or a condition ("if", "in case") before it.
        """
        clause = bounds(words, start, self._breaks)
        sentence = bounds(words, start, SENTENCE_BREAKS)
        pseudo = cues["pseudo_conditional"]
        quotations = _quotations(words, cues)

        def quoted_apart(cue: Span) -> bool:
            """The cue is the quoted document's ("call us if..."), the match is not."""
            return any(q[0] <= cue.start < q[1] and not q[0] <= start < q[1] for q in quotations)

        if any(
            sentence[0] <= c.start
            and c.end <= start
            and not any(p.start <= c.start and c.end <= p.end for p in pseudo)
            and not quoted_apart(c)
            for c in cues["conditional"]
        ):
            return True
        before = [
            c
            for c in cues["hypothetical"]
            if (inside(c, clause) or inside(c, (sentence[0], start)))
            and not quoted_apart(c)
            and not _introduces(c, start, quotations)
        ] + [c for c in cues["definition"] if inside(c, (clause[0], start))]
        if before:
            after_cue = max(c.end for c in before)
            if any(self._names_someone(words, i) for i in range(after_cue, start)):
                return False
        elif not self._asks_about_signs(sentence, words, cues):
            asks = ends_with_question(words, sentence)
            if self._starts_question(words, clause[0], asks):
                scope_start = clause[0]
            elif self._starts_question(words, sentence[0], asks or None):
                scope_start = sentence[0]
            else:
                return False
            if any(self._names_someone(words, i) for i in range(scope_start, start)):
                return False
        return not self._answered_in_person_later(sentence[1], words, cues)

    def _asks_about_signs(
        self, sentence: Tuple[int, int], words: Sequence[Word], cues: Cues
    ) -> bool:
        """A question sentence about signs, symptoms or thresholds that names no one."""
        return (
            ends_with_question(words, sentence)
            and any(inside(c, sentence) for c in cues["question_topic"])
            and not any(self._names_someone(words, i) for i in range(*sentence))
        )

    def _answered_in_person_later(self, after: int, words: Sequence[Word], cues: Cues) -> bool:
        """A later sentence says someone has it now ("... my mum just had one")."""
        index = after + 1
        while index < len(words):
            sentence = bounds(words, index, SENTENCE_BREAKS)
            rest = range(*sentence)
            if (
                any(self._names_someone(words, i) for i in rest)
                and any(words[i].norm in self._anaphors for i in rest)
                and any(inside(c, sentence) for c in cues["current"])
                and not any(inside(c, sentence) for c in cues["negation"] + cues["hypothetical"])
            ):
                return True
            index = sentence[1] + 1
        return False

    def _starts_question(self, words: Sequence[Word], index: int, asks: Optional[bool]) -> bool:
        """A clause opening like a question; "can't breathe" is a statement.

        `asks`: the sentence ends with "?". Without one, only a sentence that opens
        with an unambiguous question word counts (`asks` None): "what", "how", "is",
        "does"... but not "when" or "who", which also tell a story ("when he stood
        up he collapsed"); a clause inside a sentence never does ("one leg, the
        right, is swollen").
        """
        if index >= len(words) or words[index].norm not in self._question_starts:
            return False
        if index + 1 < len(words) and words[index + 1].norm == "not":
            return False
        if asks:
            return True
        following = words[index + 1].norm if index + 1 < len(words) else ""
        story = words[index].norm in _STORY_OPENERS and following not in _AUXILIARIES
        return asks is None and not story

    def _names_someone(self, words: Sequence[Word], index: int) -> bool:
        """A personal marker, except "I"/"we" asking what to do ("should I ...")."""
        word = words[index].norm
        if word not in self._markers:
            return False
        following = words[index + 1].norm if index + 1 < len(words) else ""
        if word in _POSSESSIVES and following in self._impersonal:
            return False  # "my GP", "her nursery": a source, not a patient
        asking = word in ("i", "we") and index > 0 and words[index - 1].norm in self._askers
        return not asking


def _quotations(words: Sequence[Word], cues: Cues) -> List[Tuple[int, int]]:
    """The [start, end) word ranges quoted from a document ("sheet: 'Report any cough.'").

    A passage runs from its opening mark to the same mark closing it, or to the
    end of the opening mark's sentence when none does.
    """
    passages = []
    for cue in cues["quote_opener"]:
        mark = words[cue.end - 1].norm
        closing = next((i for i in range(cue.end, len(words)) if words[i].norm == mark), None)
        if closing is None:
            closing = bounds(words, cue.end, SENTENCE_BREAKS)[1]
        passages.append((cue.end, closing))
    return passages


def _introduces(cue: Span, start: int, quotations: Sequence[Tuple[int, int]]) -> bool:
    """The cue ("the sheet says") opens a quotation that closes before word `start`."""
    return any(cue.start <= first <= cue.end + 1 and end <= start for first, end in quotations)
