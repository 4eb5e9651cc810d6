"""Finds the rules' phrases and the context cues in a message.

Every phrase of the rules file and every cue of its `context` section is compiled
once into matchers (bot.safety.sequence_matcher) over normalised words
(bot.safety.text). `find` returns
where each rule and each kind of cue matched; judging what a match means is
bot.safety.context's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Sequence, Set, Tuple

from bot.safety.patterns import LINE_BREAK, expand, negates_itself, words_of
from bot.safety.rules import CUE_FIELDS, SPECIAL_CONDITION, RedFlagRules, Rule
from bot.safety.sequence_matcher import SequenceMatcher
from bot.safety.text import Normaliser, Word

CUE_KINDS = tuple(CUE_FIELDS)
"""Kinds of context cue, each a list in the rules file's `context` section."""


WHEN = "when|"


def when_key(stand_down: str, index: int) -> str:
    """The cue kind of a stand-down's index-th `when` phrase."""
    return f"{WHEN}{stand_down}|{index}"


def needs_key(rule: str, index: int) -> str:
    """The cue kind of a rule's index-th `needs` phrase."""
    return f"needs|{rule}|{index}"


def unless_key(stand_down: str) -> str:
    """The cue kind of a stand-down's `unless` phrases."""
    return f"unless|{stand_down}"


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
        """Compiles every phrase and cue of the rules into matchers."""
        helper = Normaliser((), rules.abbreviations)
        vocabulary: Set[str] = {
            *rules.readings.context_words,
            *rules.readings.context_words_before,
        }
        self._rules: Dict[str, Rule] = {}
        self._self_negating: Set[str] = set()
        self._flags = SequenceMatcher()
        for rule in rules.rules:
            for index, phrase in enumerate(rule.phrases):
                for variant, sequence in enumerate(expand(phrase, helper.norms, rules.lexicons)):
                    key = f"{rule.name}|{index}|{variant}"
                    self._rules[key] = rule
                    self._flags.add(key, sequence)
                    vocabulary.update(words_of(sequence))
                    if negates_itself(sequence):
                        self._self_negating.add(key)

        self._cues = SequenceMatcher()
        for kind, field in CUE_FIELDS.items():
            for cue in getattr(rules.context, field):
                self._add_cue(kind, cue, helper, rules, vocabulary)
        for rule in rules.rules:
            for index, phrase in enumerate(rule.needs):
                self._add_cue(needs_key(rule.name, index), phrase, helper, rules, vocabulary)
        for stand_down in rules.stand_downs:
            for index, phrase in enumerate(stand_down.when):
                if not phrase.startswith(SPECIAL_CONDITION):
                    self._add_cue(
                        when_key(stand_down.name, index), phrase, helper, rules, vocabulary
                    )
            for phrase in stand_down.unless:
                self._add_cue(unless_key(stand_down.name), phrase, helper, rules, vocabulary)
        context = rules.context
        vocabulary.update(context.personal_markers + context.asker_verbs + context.question_starts)
        self._normaliser = Normaliser(vocabulary, rules.abbreviations)

    def _add_cue(
        self, kind: str, phrase: str, helper: Normaliser, rules: RedFlagRules, vocabulary: Set[str]
    ) -> None:
        for sequence in expand(phrase, helper.norms, rules.lexicons):
            self._cues.add(kind, sequence)
            vocabulary.update(words_of(sequence))

    def find(self, text: str) -> Matches:
        """The message's words, every rule match outside an idiom, and every cue."""
        words = tuple(self._normaliser.words(text))
        if not words:
            return Matches(words, (), {kind: [] for kind in CUE_KINDS})
        if words[-1].norm != LINE_BREAK:  # the end of the message ends its last sentence
            words += (Word(LINE_BREAK, len(text), len(text)),)
        norms = [w.norm for w in words]
        cues: Dict[str, List[Span]] = {kind: [] for kind in CUE_KINDS}
        found = self._cues(norms)
        idioms = [Span(kind, start, end) for kind, start, end in found if kind == "idiom"]

        def in_idiom(start: int, end: int) -> bool:
            """The idiom holds the phrase's first or last word: "hay fever", "golf ball"."""
            return any(s.start <= start < s.end or s.start < end <= s.end for s in idioms)

        for kind, start, end in found:
            # What a flag needs, and what cancels a stand-down, skip idioms as flags do
            # ("golf ball", "hot shower"); a stand-down's context may be one.
            if kind in CUE_KINDS or kind.startswith(WHEN) or not in_idiom(start, end):
                cues.setdefault(kind, []).append(Span(kind, start, end))
        flags = [
            Match(self._rules[label], start, end, label in self._self_negating)
            for label, start, end in self._flags(norms)
            if not in_idiom(start, end)
        ]
        return Matches(words, tuple(_distinct(flags)), cues)


def _distinct(flags: Sequence[Match]) -> List[Match]:
    """One match per rule, span and self-negation: optional gap words repeat them."""
    seen: Dict[Tuple[str, int, int, bool], Match] = {}
    for match in flags:
        seen.setdefault((match.rule.name, match.start, match.end, match.self_negating), match)
    return sorted(seen.values(), key=lambda m: (m.start, m.end, m.rule.name))
