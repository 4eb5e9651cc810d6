"""Loads and validates the red-flag rules file (data/safety/red_flags.yml).

Plain Python: the file is read once, checked field by field against the triage
taxonomy (data/safety/taxonomy.yml), and turned into dataclasses. A fault stops
training or start-up with a message naming the field.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Dict, Mapping

from bot.safety.rule_fields import (
    check_phrases,
    mapping,
    number,
    parse_abbreviations,
    parse_lexicons,
    parse_reading_presentations,
    parse_rule_groups,
    parse_stand_downs,
    words,
)
from bot.safety.rule_types import (
    CUE_FIELDS,
    NORMAL_TEMPERATURE,
    READING_KINDS,
    READING_RULE_PREFIX,
    SPECIAL_CONDITION,
    ClassifierRules,
    ContextRules,
    ReadingRules,
    RedFlagRules,
    Rule,
    RulesError,
    StandDown,
)
from bot.safety.taxonomy import Taxonomy, TaxonomyError, load_taxonomy, parse_taxonomy
from bot.safety.yaml_file import read_yaml

__all__ = [
    "CUE_FIELDS",
    "DEFAULT_RULES_FILE",
    "NORMAL_TEMPERATURE",
    "SPECIAL_CONDITION",
    "READING_KINDS",
    "READING_RULE_PREFIX",
    "ClassifierRules",
    "ContextRules",
    "ReadingRules",
    "RedFlagRules",
    "Rule",
    "RulesError",
    "StandDown",
    "load_rules",
    "parse_rules",
]

DEFAULT_RULES_FILE = (
    Path(__file__).resolve().parent.parent.parent / "data" / "safety" / "red_flags.yml"
)


def load_rules(path: Path = DEFAULT_RULES_FILE, taxonomy: Taxonomy | None = None) -> RedFlagRules:
    """Reads and validates a rules file against the taxonomy; raises RulesError on any fault."""
    document = read_yaml(path, RulesError, "red-flag rules")
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
    readings = mapping(document, "readings", origin)
    context = mapping(document, "context", origin)
    classifier = mapping(document, "classifier", origin)
    where = f"{origin}: readings"
    rules = parse_rule_groups(document, taxonomy, origin)
    lexicons = parse_lexicons(document.get("lexicons"), origin)
    context_rules = ContextRules(
        negation_window=int(number(context, "negation_window", f"{origin}: context")),
        **{
            field: words(context, field, f"{origin}: context")
            for field in ContextRules.__dataclass_fields__
            if field != "negation_window"
        },
    )
    stand_downs = parse_stand_downs(document.get("stand_downs"), rules, origin)
    for rule in rules:
        check_phrases(rule.phrases + rule.needs, lexicons, f"{origin}: rule '{rule.name}'")
    for stand_down in stand_downs:
        check_phrases(
            stand_down.when + stand_down.unless,
            lexicons,
            f"{origin}: stand-down '{stand_down.name}'",
        )
    for field in CUE_FIELDS.values():
        check_phrases(getattr(context_rules, field), lexicons, f"{origin}: context: {field}")
    return RedFlagRules(
        taxonomy=taxonomy,
        readings=ReadingRules(
            presentations=parse_reading_presentations(readings, taxonomy, where),
            **_reading_fields(readings, where),
        ),
        rules=rules,
        lexicons=lexicons,
        abbreviations=parse_abbreviations(document.get("abbreviations"), origin),
        context=context_rules,
        classifier=_classifier_rules(classifier, taxonomy, f"{origin}: classifier"),
        stand_downs=stand_downs,
    )


def _classifier_rules(
    classifier: Mapping[str, Any], taxonomy: Taxonomy, where: str
) -> ClassifierRules:
    """The classifier section: thresholds, and the veto's limit and exceptions."""
    threshold = number(classifier, "threshold", where)
    veto_below = number(classifier, "veto_below", where) if "veto_below" in classifier else 0.0
    if not 0.0 <= veto_below < threshold:
        raise RulesError(f"{where}: veto_below must be at least 0 and below the threshold")
    never = words(classifier, "never_vetoed", where) if "never_vetoed" in classifier else ()
    unknown = sorted(set(never) - set(taxonomy.discriminators))
    if unknown:
        raise RulesError(f"{where}: never_vetoed names unknown discriminators {unknown}")
    short_words = (
        int(number(classifier, "short_message_words", where))
        if ("short_message_words" in classifier)
        else 0
    )
    short_threshold = (
        number(classifier, "short_message_threshold", where)
        if "short_message_threshold" in classifier
        else 1.0
    )
    if short_words < 0 or not threshold <= short_threshold <= 1.0:
        raise RulesError(
            f"{where}: short_message_words must be at least 0 and short_message_threshold "
            "between the threshold and 1"
        )
    return ClassifierRules(
        threshold=threshold,
        veto_below=veto_below,
        never_vetoed=tuple(never),
        short_message_words=short_words,
        short_message_threshold=short_threshold,
    )


def _reading_fields(readings: Mapping[str, Any], where: str) -> Dict[str, Any]:
    """The limits (numbers) and word lists of the readings section, by ReadingRules' fields."""
    return {
        field.name: (
            number(readings, field.name, where)
            if field.type == "float"
            else words(readings, field.name, where)
        )
        for field in dataclasses.fields(ReadingRules)
        if field.name != "presentations"
    }
