"""The red-flag rules as dataclasses: what bot.safety.rules reads and the detector uses."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Dict, List, Mapping, Tuple

from bot.safety.taxonomy import Taxonomy

READING_RULE_PREFIX = "reading:"
"""A number's rule name is this prefix and its kind ("reading:high_temperature")."""
READING_KINDS = (
    "high_temperature",
    "low_temperature",
    "fast_pulse",
    "fast_breathing",
    "low_oxygen",
    "severe_pain_score",
    "high_ketones",
)
"""The kinds of out-of-range number; the rules file files each under a presentation."""
SPECIAL_CONDITION = "@"
"""A stand-down condition the detector evaluates itself rather than matches."""
NORMAL_TEMPERATURE = SPECIAL_CONDITION + "normal_temperature"
"""The message gives a temperature, and every one it gives is in the normal range."""
SPECIAL_CONDITIONS = frozenset({NORMAL_TEMPERATURE})
CUE_FIELDS = {
    "negation": "negation_cues",
    "list_negation": "list_negation_cues",
    "pseudo": "pseudo_negations",
    "past": "past_cues",
    "long_ago": "long_ago_cues",
    "resolved": "resolved_cues",
    "current": "current_cues",
    "hypothetical": "hypothetical_cues",
    "question_topic": "question_topic_cues",
    "definition": "definition_cues",
    "screening": "screening_cues",
    "affirmative": "affirmative_cues",
    "conditional": "conditional_cues",
    "pseudo_conditional": "pseudo_conditionals",
    "idiom": "idioms",
    "quote_opener": "quote_openers",
}
"""Kind of context cue -> the `context` field (of ContextRules) whose phrases it matches."""


class RulesError(ValueError):
    """The red-flag rules file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class ReadingRules:
    """Limits for temperature, pulse and oxygen numbers, and the words around them."""

    fever_at_or_above_c: float
    low_below_c: float
    context_words: Tuple[str, ...]
    """Near a bare whole number, before or after it, these make it a temperature."""
    context_words_before: Tuple[str, ...]
    """These make it a temperature only before it ("reads 39", not "40 and it says")."""
    look_alike_words: Tuple[str, ...]
    """Names holding a temperature word that give no context ("glandular fever at 34")."""
    not_after: Tuple[str, ...]
    not_before: Tuple[str, ...]
    threshold_after: Tuple[str, ...]
    """After a number, these make it a limit someone quoted ("100.4 or higher"), not a reading."""
    weather_words: Tuple[str, ...]
    """Near a bare number with no body-temperature word, these make it the weather."""
    body_temperature_words: Tuple[str, ...]
    """Words that tie a number to a body ("temp", "thermometer", "armpit")."""
    pulse_words: Tuple[str, ...]
    fast_pulse_at_or_above_bpm: float
    oxygen_words: Tuple[str, ...]
    low_oxygen_below_percent: float
    breathing_rate_words: Tuple[str, ...]
    fast_breathing_at_or_above: float
    ketone_words: Tuple[str, ...]
    high_ketones_at_or_above: float
    presentations: Mapping[str, str]
    """Reading kind (READING_KINDS) -> the presentation it counts as."""


@dataclass(frozen=True)
class Rule:
    """One clinician-reviewable rule: its phrases, what it detects, and its source."""

    name: str
    discriminator: str
    presentation: str
    source: str
    phrases: Tuple[str, ...]
    even_if_hypothetical: bool
    needs: Tuple[str, ...] = ()
    """Phrases that must each be somewhere in the message, not negated, for the rule to fire."""
    crisis_line: bool = False
    """Also send the crisis-line message (its own setting or its presentation's)."""


@dataclass(frozen=True)
class ContextRules:
    """ConText-style cues: negation, resolution, hypothetical, and their scopes."""

    negation_window: int
    negation_cues: Tuple[str, ...]
    list_negation_cues: Tuple[str, ...]
    pseudo_negations: Tuple[str, ...]
    clause_breaks: Tuple[str, ...]
    list_joiners: Tuple[str, ...]
    list_openers: Tuple[str, ...]
    past_cues: Tuple[str, ...]
    long_ago_cues: Tuple[str, ...]
    present_tense_words: Tuple[str, ...]
    resolved_cues: Tuple[str, ...]
    current_cues: Tuple[str, ...]
    hypothetical_cues: Tuple[str, ...]
    definition_cues: Tuple[str, ...]
    screening_cues: Tuple[str, ...]
    affirmative_cues: Tuple[str, ...]
    question_topic_cues: Tuple[str, ...]
    question_starts: Tuple[str, ...]
    conditional_cues: Tuple[str, ...]
    pseudo_conditionals: Tuple[str, ...]
    anaphors: Tuple[str, ...]
    impersonal_after_possessive: Tuple[str, ...]
    personal_markers: Tuple[str, ...]
    asker_verbs: Tuple[str, ...]
    idioms: Tuple[str, ...]
    quote_openers: Tuple[str, ...]


@dataclass(frozen=True)
class StandDown:
    """A context that explains some rules' red flags away, with its source guideline."""

    name: str
    source: str
    rules: Tuple[str, ...]
    when: Tuple[str, ...]
    unless: Tuple[str, ...]


@dataclass(frozen=True)
class ClassifierRules:
    """The learned second opinion: its alarm threshold, and when it may overrule a rule."""

    threshold: float
    veto_below: float = 0.0
    """A score below this silences a rule's alarm (0: never)."""
    never_vetoed: Tuple[str, ...] = ()
    """Discriminators whose rule alarms the classifier never silences."""
    short_message_words: int = 0
    """A message of at most this many words is short (0: none is)."""
    short_message_threshold: float = 1.0
    """The score a short message needs for the classifier alone to raise the alarm."""

    def alarm_threshold(self, words: int) -> float:
        """The score at which the classifier alone raises the alarm for a message this long."""
        short = words <= self.short_message_words
        return max(self.threshold, self.short_message_threshold) if short else self.threshold


@dataclass(frozen=True)
class RedFlagRules:
    """Everything the detector needs, as read from the rules file."""

    taxonomy: Taxonomy
    readings: ReadingRules
    rules: Tuple[Rule, ...]
    lexicons: Mapping[str, Tuple[str, ...]]
    context: ContextRules
    abbreviations: Mapping[str, str]
    classifier: ClassifierRules
    stand_downs: Tuple[StandDown, ...]

    def as_dict(self) -> Dict[str, Any]:
        """A JSON-ready form, for storing in a trained model."""
        discriminators: Dict[str, List[Dict[str, Any]]] = {}
        for rule in self.rules:
            entry = asdict(rule)
            del entry["discriminator"]
            discriminators.setdefault(rule.discriminator, []).append(entry)
        return {
            "taxonomy": self.taxonomy.as_dict(),
            "readings": asdict(self.readings),
            "discriminators": discriminators,
            "lexicons": {name: list(words) for name, words in self.lexicons.items()},
            "context": asdict(self.context),
            "abbreviations": dict(self.abbreviations),
            "classifier": asdict(self.classifier),
            "stand_downs": [asdict(stand_down) for stand_down in self.stand_downs],
        }
