"""Loads and validates the red-flag rules file (data/safety/red_flags.yml).

Plain Python: the file is read once, checked field by field against the triage
taxonomy (data/safety/taxonomy.yml), and turned into dataclasses. A fault stops
training or start-up with a message naming the field.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Tuple

import yaml

from bot.safety.taxonomy import Taxonomy, TaxonomyError, load_taxonomy, parse_taxonomy

DEFAULT_RULES_FILE = (
    Path(__file__).resolve().parent.parent.parent / "data" / "safety" / "red_flags.yml"
)
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


class RulesError(ValueError):
    """The red-flag rules file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class ReadingRules:
    """Limits for temperature, pulse and oxygen numbers, and the words around them."""

    fever_at_or_above_c: float
    low_below_c: float
    context_words: Tuple[str, ...]
    not_after: Tuple[str, ...]
    not_before: Tuple[str, ...]
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
    screening_cues: Tuple[str, ...]
    affirmative_cues: Tuple[str, ...]
    question_topic_cues: Tuple[str, ...]
    question_starts: Tuple[str, ...]
    conditional_cues: Tuple[str, ...]
    pseudo_conditionals: Tuple[str, ...]
    anaphors: Tuple[str, ...]
    personal_markers: Tuple[str, ...]
    asker_verbs: Tuple[str, ...]
    idioms: Tuple[str, ...]


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
    """The learned second opinion: its alarm threshold."""

    threshold: float


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


def load_rules(path: Path = DEFAULT_RULES_FILE, taxonomy: Taxonomy | None = None) -> RedFlagRules:
    """Reads and validates a rules file against the taxonomy; raises RulesError on any fault."""
    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise RulesError(f"Cannot read red-flag rules {path}: {error}") from error
    except yaml.YAMLError as error:
        raise RulesError(f"Red-flag rules {path} are not valid YAML: {error}") from error
    try:
        taxonomy = taxonomy or load_taxonomy()
    except TaxonomyError as error:
        raise RulesError(str(error)) from error
    return parse_rules(document, taxonomy, origin=str(path))


def parse_rules(
    document: Any, taxonomy: Taxonomy | None = None, origin: str = "red-flag rules"
) -> RedFlagRules:
    """Builds RedFlagRules from parsed YAML (or from `as_dict` output, taxonomy included)."""
    if not isinstance(document, Mapping):
        raise RulesError(f"{origin}: expected a mapping at the top level")
    if taxonomy is None:
        try:
            taxonomy = parse_taxonomy(document.get("taxonomy"), f"{origin}: taxonomy")
        except TaxonomyError as error:
            raise RulesError(str(error)) from error
    readings = _mapping(document, "readings", origin)
    context = _mapping(document, "context", origin)
    classifier = _mapping(document, "classifier", origin)
    where = f"{origin}: readings"
    rules = _rules(document, taxonomy, origin)
    return RedFlagRules(
        taxonomy=taxonomy,
        readings=ReadingRules(
            fever_at_or_above_c=_number(readings, "fever_at_or_above_c", where),
            low_below_c=_number(readings, "low_below_c", where),
            context_words=_words(readings, "context_words", where),
            not_after=_words(readings, "not_after", where),
            not_before=_words(readings, "not_before", where),
            pulse_words=_words(readings, "pulse_words", where),
            fast_pulse_at_or_above_bpm=_number(readings, "fast_pulse_at_or_above_bpm", where),
            oxygen_words=_words(readings, "oxygen_words", where),
            low_oxygen_below_percent=_number(readings, "low_oxygen_below_percent", where),
            breathing_rate_words=_words(readings, "breathing_rate_words", where),
            fast_breathing_at_or_above=_number(readings, "fast_breathing_at_or_above", where),
            ketone_words=_words(readings, "ketone_words", where),
            high_ketones_at_or_above=_number(readings, "high_ketones_at_or_above", where),
            presentations=_reading_presentations(readings, taxonomy, where),
        ),
        rules=rules,
        lexicons=_lexicons(document.get("lexicons"), origin),
        abbreviations=_abbreviations(document.get("abbreviations"), origin),
        context=ContextRules(
            negation_window=int(_number(context, "negation_window", f"{origin}: context")),
            **{
                field: _words(context, field, f"{origin}: context")
                for field in ContextRules.__dataclass_fields__
                if field != "negation_window"
            },
        ),
        classifier=ClassifierRules(
            threshold=_number(classifier, "threshold", f"{origin}: classifier"),
        ),
        stand_downs=_stand_downs(document.get("stand_downs"), rules, origin),
    )


def _stand_downs(raw: Any, rules: Tuple[Rule, ...], origin: str) -> Tuple[StandDown, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise RulesError(f"{origin}: 'stand_downs' must be a list")
    known = {rule.name for rule in rules} | {READING_RULE_PREFIX + kind for kind in READING_KINDS}
    result = []
    for entry in raw:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("name"), str):
            raise RulesError(f"{origin}: every stand-down needs a 'name'")
        where = f"{origin}: stand-down '{entry['name']}'"
        unknown = set(entry) - {"name", "source", "rules", "when", "unless"}
        if unknown:
            raise RulesError(f"{where}: unknown field(s) {sorted(unknown)}")
        source = entry.get("source")
        if not isinstance(source, str) or not source.strip():
            raise RulesError(f"{where}: field 'source' must name the guideline")
        names = _words(entry, "rules", where)
        missing = sorted(set(names) - known)
        if missing:
            raise RulesError(f"{where}: no rule named {missing}")
        result.append(
            StandDown(
                name=entry["name"],
                source=source.strip(),
                rules=names,
                when=_words(entry, "when", where),
                unless=_words(entry, "unless", where) if entry.get("unless") else (),
            )
        )
    return tuple(result)


def _rules(document: Mapping[str, Any], taxonomy: Taxonomy, origin: str) -> Tuple[Rule, ...]:
    groups = _mapping(document, "discriminators", origin)
    rules: List[Rule] = []
    for discriminator, entries in groups.items():
        where = f"{origin}: discriminator '{discriminator}'"
        if discriminator not in taxonomy.discriminators:
            raise RulesError(f"{where}: not in the taxonomy")
        if not isinstance(entries, list) or not entries:
            raise RulesError(f"{where}: expected a non-empty list of rules")
        rules += [_rule(discriminator, raw, taxonomy, where) for raw in entries]
    names = [rule.name for rule in rules]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise RulesError(f"{origin}: rule names used twice: {repeated}")
    return tuple(rules)


def _rule(discriminator: str, raw: Any, taxonomy: Taxonomy, where: str) -> Rule:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("name"), str):
        raise RulesError(f"{where}: every rule needs a 'name'")
    where = f"{where}, rule '{raw['name']}'"
    unknown = set(raw) - {
        "name",
        "presentation",
        "source",
        "phrases",
        "even_if_hypothetical",
        "needs",
    }
    if unknown:
        raise RulesError(f"{where}: unknown field(s) {sorted(unknown)}")
    presentation = raw.get("presentation")
    if presentation not in taxonomy.presentations:
        raise RulesError(f"{where}: presentation '{presentation}' is not in the taxonomy")
    if taxonomy.discriminator_of(presentation) != discriminator:
        raise RulesError(
            f"{where}: presentation '{presentation}' is filed under "
            f"'{taxonomy.discriminator_of(presentation)}' in the taxonomy"
        )
    source = raw.get("source")
    if not isinstance(source, str) or not source.strip():
        raise RulesError(f"{where}: field 'source' must name the guideline")
    return Rule(
        name=raw["name"],
        discriminator=discriminator,
        presentation=presentation,
        source=source.strip(),
        phrases=_words(raw, "phrases", where),
        even_if_hypothetical=bool(raw.get("even_if_hypothetical", False)),
        needs=_words(raw, "needs", where) if raw.get("needs") else (),
    )


def _reading_presentations(
    readings: Mapping[str, Any], taxonomy: Taxonomy, where: str
) -> Dict[str, str]:
    raw = _mapping(readings, "presentations", where)
    result = {}
    for kind in READING_KINDS:
        presentation = raw.get(kind)
        if presentation not in taxonomy.presentations:
            raise RulesError(
                f"{where}: presentations: '{kind}' must name a presentation of the taxonomy"
            )
        result[kind] = str(presentation)
    return result


def _lexicons(raw: Any, origin: str) -> Dict[str, Tuple[str, ...]]:
    if not isinstance(raw, Mapping):
        raise RulesError(f"{origin}: 'lexicons' must be a mapping of names to word lists")
    return {str(name): _words(raw, name, f"{origin}: lexicons") for name in raw}


def _abbreviations(raw: Any, origin: str) -> Dict[str, str]:
    if not isinstance(raw, Mapping):
        raise RulesError(f"{origin}: 'abbreviations' must be a mapping of short to long forms")
    result = {}
    for short, long in raw.items():
        if not isinstance(short, str) or not isinstance(long, str) or not long.strip():
            raise RulesError(f"{origin}: abbreviations: '{short}' needs a text expansion")
        result[short.strip().lower()] = long.strip().lower()
    return result


def _mapping(document: Mapping[str, Any], field: str, origin: str) -> Mapping[str, Any]:
    value = document.get(field)
    if not isinstance(value, Mapping):
        raise RulesError(f"{origin}: '{field}' must be a mapping")
    return value


def _number(raw: Mapping[str, Any], field: str, where: str) -> float:
    value = raw.get(field)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RulesError(f"{where}: field '{field}' must be a number")
    return float(value)


def _words(raw: Mapping[str, Any], field: str, where: str) -> Tuple[str, ...]:
    value = raw.get(field)
    if not isinstance(value, (list, tuple)) or not value:
        raise RulesError(f"{where}: field '{field}' must be a non-empty list")
    items: List[str] = []
    for item in value:
        text = str(item)
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            raise RulesError(f"{where}: field '{field}' holds a non-text item {item!r}")
        if text == "\n":  # a line break is a clause break
            items.append(text)
        elif not text.strip():
            raise RulesError(f"{where}: field '{field}' holds an empty item")
        else:
            items.append(text.strip().lower())
    return tuple(items)
