"""Finds symptom-severity language in a patient's message.

Matches the red-flag phrases and temperature readings of the rules file, then
judges each one in its context, ConText-style: negated ("no fever"), resolved
("had a fever last week but it's gone"), hypothetical ("what temperature counts as
a fever?") or current. Any current red flag makes the message an emergency; one
of a crisis-line class (self-harm) also asks for the crisis-line message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Sequence, Set, Tuple

import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from bot.safety.patterns import GAP, expand, negates_itself, to_pattern
from bot.safety.readings import Reading, find_measures, find_readings
from bot.safety.rules import RedFlagClass, RedFlagRules
from bot.safety.text import Normaliser, Word

CURRENT = "current"
NEGATED = "negated"
RESOLVED = "resolved"
HYPOTHETICAL = "hypothetical"

FEVER_NUMBER = "fever_number"
LOW_TEMPERATURE = "low_temperature"
FAST_PULSE = "sepsis_signs"
BREATHING = "breathing"
"""Low oxygen and fast breathing count as breathing trouble."""
SENTENCE_BREAKS = frozenset({".", "!", "?", ";", "\n"})

_CUE_KINDS = (
    "negation",
    "list_negation",
    "pseudo",
    "past",
    "resolved",
    "current",
    "hypothetical",
    "conditional",
    "idiom",
)
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class Finding:
    """One red flag in a message: its class, character span and status."""

    red_flag: str
    start: int
    end: int
    status: str


@dataclass(frozen=True)
class Assessment:
    """What the detector concluded about one message."""

    findings: Tuple[Finding, ...]
    crisis_classes: frozenset

    @property
    def current(self) -> Tuple[Finding, ...]:
        """The red flags that are present now."""
        return tuple(f for f in self.findings if f.status == CURRENT)

    @property
    def emergency(self) -> bool:
        """True when any red flag is present now."""
        return bool(self.current)

    @property
    def crisis_line(self) -> bool:
        """True when a present red flag also calls for the crisis line."""
        return any(f.red_flag in self.crisis_classes for f in self.current)


@dataclass(frozen=True)
class _Span:
    label: str
    start: int
    end: int


class RedFlagDetector:
    """Compiled red-flag rules; `assess` is safe to call from many conversations."""

    def __init__(self, rules: RedFlagRules) -> None:
        """Compiles every phrase and cue of the rules into spaCy matchers."""
        self._rules = rules
        self._classes: Dict[str, RedFlagClass] = {c.name: c for c in rules.classes}
        self._crisis = frozenset(c.name for c in rules.classes if c.crisis_line)
        self._nlp = spacy.blank("en")
        helper = Normaliser((), rules.abbreviations)
        vocabulary: Set[str] = set(rules.readings.context_words)

        self._flags = Matcher(self._nlp.vocab)
        self._self_negating: Set[str] = set()
        for red_flag in rules.classes:
            for index, phrase in enumerate(red_flag.phrases):
                for words_index, words in enumerate(expand(phrase, helper.norms)):
                    key = f"{red_flag.name}|{index}|{words_index}"
                    self._flags.add(key, [to_pattern(words)])
                    vocabulary.update(w for w in words if w != GAP)
                    if negates_itself(words):
                        self._self_negating.add(key)

        context = rules.context
        self._cues = Matcher(self._nlp.vocab)
        cue_lists = {
            "negation": context.negation_cues,
            "list_negation": context.list_negation_cues,
            "pseudo": context.pseudo_negations,
            "past": context.past_cues,
            "resolved": context.resolved_cues,
            "current": context.current_cues,
            "hypothetical": context.hypothetical_cues,
            "conditional": context.conditional_cues,
            "idiom": context.idioms,
        }
        for kind, cues in cue_lists.items():
            for cue in cues:
                for words in expand(cue, helper.norms):
                    self._cues.add(kind, [to_pattern(words)])
                    vocabulary.update(w for w in words if w != GAP)
        self._breaks = frozenset(context.clause_breaks) | SENTENCE_BREAKS
        self._markers = frozenset(context.personal_markers)
        self._askers = frozenset(context.asker_verbs)
        self._question_starts = frozenset(context.question_starts)
        self._anaphors = frozenset(context.anaphors)
        vocabulary.update(self._markers | self._askers | self._question_starts)
        self._normaliser = Normaliser(vocabulary, rules.abbreviations)

    def assess(self, text: str) -> Assessment:
        """Finds every red flag in the text and judges whether it is present now."""
        words = self._normaliser.words(text or "")
        if not words:
            return Assessment(findings=(), crisis_classes=self._crisis)
        doc = Doc(self._nlp.vocab, words=[w.norm for w in words])
        cues = self._cue_spans(doc)
        findings = [
            self._judge(red_flag, start, end, words, cues, self_negating)
            for red_flag, start, end, self_negating in self._flag_spans(doc, cues)
        ]
        findings += self._reading_findings(text or "", words, cues)
        return Assessment(findings=tuple(findings), crisis_classes=self._crisis)

    def _cue_spans(self, doc: Doc) -> Dict[str, List[_Span]]:
        spans: Dict[str, List[_Span]] = {kind: [] for kind in _CUE_KINDS}
        strings = self._nlp.vocab.strings
        for key, start, end in self._cues(doc):
            spans[strings[key]].append(_Span(strings[key], start, end))
        return spans

    def _flag_spans(
        self, doc: Doc, cues: Dict[str, List[_Span]]
    ) -> List[Tuple[str, int, int, bool]]:
        strings = self._nlp.vocab.strings
        found = []
        for key, start, end in self._flags(doc):
            label = strings[key]
            if any(s.start < end and start < s.end for s in cues["idiom"]):
                continue
            found.append((label.split("|")[0], start, end, label in self._self_negating))
        return found

    def _reading_findings(
        self, text: str, words: Sequence[Word], cues: Dict[str, List[_Span]]
    ) -> List[Finding]:
        """Temperatures out of range, a fast pulse or breathing, low oxygen: judged in context."""
        findings = []
        limits = self._rules.readings
        readings = sorted(find_readings(text, limits), key=lambda r: r.start)
        for index, reading in enumerate(readings):
            if reading.celsius >= limits.fever_at_or_above_c:
                red_flag = FEVER_NUMBER
            elif reading.celsius < limits.low_below_c:
                red_flag = LOW_TEMPERATURE
            else:
                continue
            start, end = _token_span(words, reading.start, reading.end)
            finding = self._judge(red_flag, start, end, words, cues, False)
            if finding.status == CURRENT and any(
                self._is_normal_now(later, words, cues) for later in readings[index + 1 :]
            ):
                finding = Finding(finding.red_flag, finding.start, finding.end, RESOLVED)
            findings.append(finding)
        measures = (
            (limits.pulse_words, lambda bpm: bpm >= limits.fast_pulse_at_or_above_bpm, FAST_PULSE),
            (
                limits.breathing_rate_words,
                lambda rate: rate >= limits.fast_breathing_at_or_above,
                BREATHING,
            ),
            (
                limits.oxygen_words,
                lambda sats: 50 <= sats < limits.low_oxygen_below_percent,
                BREATHING,
            ),
        )
        for measure_words, out_of_range, red_flag in measures:
            for measure in find_measures(text, measure_words):
                if out_of_range(measure.value):
                    start, end = _token_span(words, measure.start, measure.end)
                    findings.append(self._judge(red_flag, start, end, words, cues, False))
        return findings

    def _is_normal_now(
        self, reading: Reading, words: Sequence[Word], cues: Dict[str, List[_Span]]
    ) -> bool:
        """A normal temperature said to be the current one ("36.7 today")."""
        limits = self._rules.readings
        if not limits.low_below_c <= reading.celsius < limits.fever_at_or_above_c:
            return False
        start, _ = _token_span(words, reading.start, reading.end)
        clause = _bounds(words, start, self._breaks)
        return any(_inside(c, clause) for c in cues["current"])

    def _judge(
        self,
        red_flag: str,
        start: int,
        end: int,
        words: Sequence[Word],
        cues: Dict[str, List[_Span]],
        self_negating: bool,
    ) -> Finding:
        status = CURRENT
        if not self_negating and self._negated(start, end, words, cues):
            status = NEGATED
        elif not self_negating and self._resolved(start, end, words, cues):
            status = RESOLVED
        elif self._hypothetical(red_flag, start, words, cues):
            status = HYPOTHETICAL
        first, last = words[start] if words else None, words[end - 1] if words else None
        return Finding(
            red_flag=red_flag,
            start=first.start if first else 0,
            end=last.end if last else 0,
            status=status,
        )

    def _negated(
        self, start: int, end: int, words: Sequence[Word], cues: Dict[str, List[_Span]]
    ) -> bool:
        """A negation cue just before the flag in its clause, or inside it.

        Inside: a gap in the pattern matched across it ("heart's not racing").
        """
        sentence = _bounds(words, start, SENTENCE_BREAKS)
        if any(c.end <= start and _inside(c, sentence) for c in cues["list_negation"]):
            return True
        window = self._rules.context.negation_window
        for cue in cues["negation"]:
            if start <= cue.start and cue.end <= end:
                return True
            if cue.end > start or start - cue.end > window:
                continue
            if any(p.start <= cue.start and cue.end <= p.end for p in cues["pseudo"]):
                continue
            if not any(words[i].norm in self._breaks for i in range(cue.end, start)):
                return True
        return False

    def _resolved(
        self, start: int, end: int, words: Sequence[Word], cues: Dict[str, List[_Span]]
    ) -> bool:
        """Placed in the past in its clause, or said to be over later in its sentence.

        Never when the flag's own clause says it is happening now ("still", "today").
        """
        sentence = _bounds(words, start, SENTENCE_BREAKS)
        clause = _bounds(words, start, self._breaks)
        if any(_inside(c, clause) for c in cues["current"]):
            return False
        outside_flag = [
            c for c in cues["past"] if _inside(c, clause) and (c.end <= start or c.start >= end)
        ]
        year = any(_YEAR.match(words[i].norm) for i in range(*clause))
        over_later = any(c.start >= end and _inside(c, sentence) for c in cues["resolved"])
        return bool(outside_flag) or year or over_later

    def _hypothetical(
        self, red_flag: str, start: int, words: Sequence[Word], cues: Dict[str, List[_Span]]
    ) -> bool:
        """A general or conditional question in the flag's clause, about no one in person."""
        rules = self._classes.get(red_flag)
        if rules is not None and rules.even_if_hypothetical:
            return False
        clause = _bounds(words, start, self._breaks)
        sentence = _bounds(words, start, SENTENCE_BREAKS)
        if any(sentence[0] <= c.start and c.end <= start for c in cues["conditional"]):
            return True
        cue = any(_inside(c, clause) for c in cues["hypothetical"])
        if cue:
            scope = clause
        elif self._starts_question(words, sentence[0]) or self._starts_question(words, clause[0]):
            scope = (sentence[0], clause[1])
        else:
            return False
        if any(self._names_someone(words, i) for i in range(scope[0], start)):
            return False
        return not self._answered_in_person_later(sentence[1], words, cues)

    def _answered_in_person_later(
        self, after: int, words: Sequence[Word], cues: Dict[str, List[_Span]]
    ) -> bool:
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


def _bounds(words: Sequence[Word], index: int, breaks: frozenset) -> Tuple[int, int]:
    """The [start, end) word range around index that contains no break word."""
    start = index
    while start > 0 and words[start - 1].norm not in breaks:
        start -= 1
    end = index
    while end < len(words) and words[end].norm not in breaks:
        end += 1
    return start, end


def _inside(span: _Span, bounds: Tuple[int, int]) -> bool:
    return bounds[0] <= span.start and span.end <= bounds[1]


def _token_span(words: Sequence[Word], start_char: int, end_char: int) -> Tuple[int, int]:
    """The word range that covers a character span."""
    covered = [i for i, w in enumerate(words) if w.start < end_char and w.end > start_char]
    if not covered:
        return 0, min(1, len(words))
    return covered[0], covered[-1] + 1
