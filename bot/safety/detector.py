"""Finds symptom-severity language in a patient's message, and says why.

Three opinions, combined recall-first: the rules' phrases judged in context
(bot.safety.matching, bot.safety.context), out-of-range numbers
(bot.safety.vital_signs), and, when one is given, the learned classifier
(bot.safety.learned). Any current finding or a classifier score at or above the
rules file's threshold (a higher one for a message of a few words, where a
handful of n-grams decide the score) makes the message an emergency, with one exception: a
score below `veto_below` marks a rule's finding VETOED (the classifier is all
but sure the message is calm), except for numbers out of range, crisis-line
rules and the discriminators the rules file names in `never_vetoed`. Every
finding names its rule, presentation and discriminator, so an alarm can be
explained and a rule reviewed by its effect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Dict, List, Optional, Tuple

from bot.safety.context import CURRENT, ContextJudge
from bot.safety.learned import LearnedOpinion
from bot.safety.matching import PhraseMatching, Span, needs_key
from bot.safety.rules import READING_RULE_PREFIX, RedFlagRules
from bot.safety.stand_downs import STOOD_DOWN, StandDownJudge
from bot.safety.taxonomy import LEARNED
from bot.safety.vital_signs import VitalSigns

CLASSIFIER_RULE = "classifier"
VETOED = "vetoed"
"""Status of a rule finding the classifier overruled (see ClassifierRules.veto_below)."""
PRESUPPOSING = frozenset({"the", "her", "his", "my", "their", "our", "your"})
"""Words before a stand-down's context that take it for granted ("the dementia")."""


@dataclass(frozen=True)
class Finding:
    """One red flag in a message: which rule found it, what it means, where, its status."""

    rule: str
    presentation: str
    discriminator: str
    start: int
    end: int
    status: str
    crisis_line: bool = False


@dataclass(frozen=True)
class Assessment:
    """What the detector concluded about one message."""

    findings: Tuple[Finding, ...]
    classifier_score: Optional[float] = None

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
        return any(f.crisis_line for f in self.current)

    def explanation(self) -> Dict[str, Any]:
        """Which rules, presentations and discriminators fired: no patient text."""
        current = self.current
        return {
            "rules": sorted({f.rule for f in current}),
            "presentations": sorted({f.presentation for f in current}),
            "discriminators": sorted({f.discriminator for f in current}),
            "classifier_score": (
                None if self.classifier_score is None else round(self.classifier_score, 3)
            ),
            "vetoed": sorted({f.rule for f in self.findings if f.status == VETOED}),
        }


_WORD = re.compile(r"\w+(?:'\w+)?")


def word_count(text: str) -> int:
    """How many words a message has, for its length ("hi!! quick one" has three)."""
    return len(_WORD.findall(text))


class RedFlagDetector:
    """Compiled red-flag rules and an optional classifier; `assess` is thread-safe."""

    def __init__(self, rules: RedFlagRules, learned: Optional[LearnedOpinion] = None) -> None:
        """Compiles the rules; `learned` adds the classifier's second opinion."""
        self._rules = rules
        self._matching = PhraseMatching(rules)
        self._judge = ContextJudge(rules.context)
        self._vital_signs = VitalSigns(rules.readings, self._judge)
        self._stand_downs = StandDownJudge(rules.stand_downs)
        self._learned = learned

    def assess(self, text: str) -> Assessment:
        """Every red flag in the text with its status, and the classifier's opinion."""
        text = text or ""
        findings = self._rule_findings(text)
        score = None
        if self._learned is not None and text.strip():
            score = self._learned.score(text)
            if score >= self._rules.classifier.alarm_threshold(word_count(text)):
                findings.append(Finding(CLASSIFIER_RULE, LEARNED, LEARNED, 0, len(text), CURRENT))
            elif score < self._rules.classifier.veto_below:
                findings = [self._vetoed(f) for f in findings]
        return Assessment(tuple(findings), score)

    def _vetoed(self, finding: Finding) -> Finding:
        """The finding marked VETOED, unless it is one the classifier may not overrule."""
        protected = (
            finding.status != CURRENT
            or finding.crisis_line
            or finding.rule.startswith(READING_RULE_PREFIX)
            or finding.discriminator in self._rules.classifier.never_vetoed
        )
        return finding if protected else replace(finding, status=VETOED)

    def assess_rules(self, text: str) -> Assessment:
        """The rules' opinion alone (for evaluation)."""
        return Assessment(tuple(self._rule_findings(text or "")))

    def _rule_findings(self, text: str) -> List[Finding]:
        matches = self._matching.find(text)
        words, cues = matches.words, matches.cues

        def present(span: Span) -> bool:
            """Said of now: not negated ("no chemo") and not hypothetical ("if vomiting")."""
            return not self._judge.negated(
                span.start, span.end, words, cues, inside_counts=False
            ) and not self._judge.hypothetical(span.start, words, cues)

        taxonomy = self._rules.taxonomy
        findings = []
        for match in matches.flags:
            needs = match.rule.needs
            if needs and not all(
                any(present(span) for span in cues.get(needs_key(match.rule.name, index), []))
                for index in range(len(needs))
            ):
                continue
            status = self._judge.status(
                match.start,
                match.end,
                words,
                cues,
                self_negating=match.self_negating,
                even_if_hypothetical=match.rule.even_if_hypothetical,
            )
            findings.append(
                Finding(
                    rule=match.rule.name,
                    presentation=match.rule.presentation,
                    discriminator=match.rule.discriminator,
                    start=words[match.start].start,
                    end=words[match.end - 1].end,
                    status=status,
                    crisis_line=match.rule.crisis_line,
                )
            )
        for flag in self._vital_signs.flags(text, words, cues):
            presentation = self._rules.readings.presentations[flag.kind]
            findings.append(
                Finding(
                    rule=READING_RULE_PREFIX + flag.kind,
                    presentation=presentation,
                    discriminator=taxonomy.discriminator_of(presentation),
                    start=words[flag.start].start if words else 0,
                    end=words[flag.end - 1].end if words else 0,
                    status=flag.status,
                )
            )
        if not any(f.status == CURRENT for f in findings):
            return findings  # nothing a stand-down could explain away

        def presupposed(span: Span) -> bool:
            """Present, or taken for granted by a definite or possessive word.

            Even in a question: "is it the dementia that's making her confused?" says
            she has it.
            """
            return present(span) or (
                span.start > 0
                and words[span.start - 1].norm in PRESUPPOSING
                and not self._judge.negated(span.start, span.end, words, cues, inside_counts=False)
            )

        stood_down = self._stand_downs.stood_down(
            cues,
            lambda: self._vital_signs.all_temperatures_normal(text),
            presupposed,
        )
        return [
            replace(f, status=STOOD_DOWN) if f.status == CURRENT and f.rule in stood_down else f
            for f in findings
        ]
