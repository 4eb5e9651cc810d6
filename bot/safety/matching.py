"""Finds the rules' phrases and the context cues in a message.

Every phrase of the rules file and every cue of its `context` section is compiled
once into spaCy Matchers over normalised words (bot.safety.text). `find` returns
where each rule and each kind of cue matched; judging what a match means is
bot.safety.context's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Sequence, Set, Tuple

import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from bot.safety.patterns import expand, negates_itself, to_pattern, words_of
from bot.safety.rules import RedFlagRules, Rule
from bot.safety.text import Normaliser, Word

CUE_KINDS = (
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
"""Kinds of context cue, each a list in the rules file's `context` section."""
_CUE_FIELDS = {
    "negation": "negation_cues",
    "list_negation": "list_negation_cues",
    "pseudo": "pseudo_negations",
    "past": "past_cues",
    "resolved": "resolved_cues",
    "current": "current_cues",
    "hypothetical": "hypothetical_cues",
    "conditional": "conditional_cues",
    "idiom": "idioms",
}


@dataclass(frozen=True)
class Span:
    """Where a cue matched, in words: [start, end)."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Match:
    """Where a rule's phrase matched, in words, and whether the phrase negates itself."""

    rule: Rule
    start: int
    end: int
    self_negating: bool


@dataclass(frozen=True)
class Matches:
    """What the matchers found in one message."""

    words: Tuple[Word, ...]
    flags: Tuple[Match, ...]
    cues: Dict[str, List[Span]]


class PhraseMatching:
    """The rules' phrases and the context cues, compiled; `find` is thread-safe."""

    def __init__(self, rules: RedFlagRules) -> None:
        """Compiles every phrase and cue of the rules into spaCy matchers."""
        self._nlp = spacy.blank("en")
        helper = Normaliser((), rules.abbreviations)
        vocabulary: Set[str] = set(rules.readings.context_words)
        self._rules: Dict[str, Rule] = {}
        self._self_negating: Set[str] = set()
        self._flags = Matcher(self._nlp.vocab)
        for rule in rules.rules:
            for index, phrase in enumerate(rule.phrases):
                for variant, sequence in enumerate(expand(phrase, helper.norms, rules.lexicons)):
                    key = f"{rule.name}|{index}|{variant}"
                    self._rules[key] = rule
                    self._flags.add(key, [to_pattern(sequence)])
                    vocabulary.update(words_of(sequence))
                    if negates_itself(sequence):
                        self._self_negating.add(key)

        self._cues = Matcher(self._nlp.vocab)
        for kind, field in _CUE_FIELDS.items():
            for cue in getattr(rules.context, field):
                for sequence in expand(cue, helper.norms, rules.lexicons):
                    self._cues.add(kind, [to_pattern(sequence)])
                    vocabulary.update(words_of(sequence))
        context = rules.context
        vocabulary.update(context.personal_markers + context.asker_verbs + context.question_starts)
        self._normaliser = Normaliser(vocabulary, rules.abbreviations)

    def find(self, text: str) -> Matches:
        """The message's words, every rule match outside an idiom, and every cue."""
        words = tuple(self._normaliser.words(text))
        if not words:
            return Matches(words, (), {kind: [] for kind in CUE_KINDS})
        doc = Doc(self._nlp.vocab, words=[w.norm for w in words])
        strings = self._nlp.vocab.strings
        cues: Dict[str, List[Span]] = {kind: [] for kind in CUE_KINDS}
        for key, start, end in self._cues(doc):
            cues[strings[key]].append(Span(strings[key], start, end))
        flags = []
        for key, start, end in self._flags(doc):
            label = strings[key]
            if any(s.start < end and start < s.end for s in cues["idiom"]):
                continue
            flags.append(Match(self._rules[label], start, end, label in self._self_negating))
        return Matches(words, tuple(_longest_per_rule(flags)), cues)


def _longest_per_rule(flags: Sequence[Match]) -> List[Match]:
    """One match per rule and start word: optional gap words make many overlapping ones."""
    best: Dict[Tuple[str, int], Match] = {}
    for match in flags:
        key = (match.rule.name, match.start)
        if key not in best or match.end - match.start > best[key].end - best[key].start:
            best[key] = match
    return sorted(best.values(), key=lambda m: (m.start, m.rule.name))
