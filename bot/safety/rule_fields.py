"""Field-by-field checks of the red-flag rules file, each fault named with its place.

Used by bot.safety.rules; plain Python. Phrases are checked for syntax and for
word lists that do not exist, so a clinician's typo stops training, not a chat.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Tuple

from bot.safety.patterns import PhraseError, expand
from bot.safety.rule_types import (
    READING_KINDS,
    READING_RULE_PREFIX,
    SPECIAL_CONDITION,
    SPECIAL_CONDITIONS,
    Rule,
    RulesError,
    StandDown,
)
from bot.safety.taxonomy import Taxonomy


def parse_rule_groups(
    document: Mapping[str, Any], taxonomy: Taxonomy, origin: str
) -> Tuple[Rule, ...]:
    """The rules, grouped by discriminator, each checked against the taxonomy."""
    groups = mapping(document, "discriminators", origin)
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
        "crisis_line",
    }
    if unknown:
        raise RulesError(f"{where}: unknown field(s) {sorted(unknown)}")
    presentation = str(raw.get("presentation"))
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
        phrases=words(raw, "phrases", where),
        even_if_hypothetical=bool(raw.get("even_if_hypothetical", False)),
        needs=words(raw, "needs", where) if raw.get("needs") else (),
        crisis_line=bool(raw.get("crisis_line", taxonomy.presentation(presentation).crisis_line)),
    )


def parse_reading_presentations(
    readings: Mapping[str, Any], taxonomy: Taxonomy, where: str
) -> Dict[str, str]:
    """The presentation each kind of out-of-range number counts as."""
    raw = mapping(readings, "presentations", where)
    result = {}
    for kind in READING_KINDS:
        presentation = raw.get(kind)
        if presentation not in taxonomy.presentations:
            raise RulesError(
                f"{where}: presentations: '{kind}' must name a presentation of the taxonomy"
            )
        result[kind] = str(presentation)
    return result


def parse_lexicons(raw: Any, origin: str) -> Dict[str, Tuple[str, ...]]:
    """The named word lists phrases can use as <name>."""
    if not isinstance(raw, Mapping):
        raise RulesError(f"{origin}: 'lexicons' must be a mapping of names to word lists")
    return {str(name): words(raw, name, f"{origin}: lexicons") for name in raw}


def parse_abbreviations(raw: Any, origin: str) -> Dict[str, str]:
    """Texting shorthand and its long form."""
    if not isinstance(raw, Mapping):
        raise RulesError(f"{origin}: 'abbreviations' must be a mapping of short to long forms")
    result = {}
    for short, long in raw.items():
        if not isinstance(short, str) or not isinstance(long, str) or not long.strip():
            raise RulesError(f"{origin}: abbreviations: '{short}' needs a text expansion")
        result[short.strip().lower()] = long.strip().lower()
    return result


def mapping(document: Mapping[str, Any], field: str, origin: str) -> Mapping[str, Any]:
    """A field that must be a mapping."""
    value = document.get(field)
    if not isinstance(value, Mapping):
        raise RulesError(f"{origin}: '{field}' must be a mapping")
    return value


def number(raw: Mapping[str, Any], field: str, where: str) -> float:
    """A field that must be a number."""
    value = raw.get(field)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RulesError(f"{where}: field '{field}' must be a number")
    return float(value)


def words(raw: Mapping[str, Any], field: str, where: str) -> Tuple[str, ...]:
    """A field that must be a non-empty list of texts; each is stripped and lower-cased."""
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


def check_phrases(
    phrases: Tuple[str, ...], lexicons: Mapping[str, Tuple[str, ...]], where: str
) -> None:
    """Every phrase parses and names only existing word lists ("@..." conditions aside)."""
    for phrase in (p for p in phrases if not p.startswith(SPECIAL_CONDITION)):
        try:
            expand(phrase, str.split, lexicons)
        except PhraseError as error:
            raise RulesError(f"{where}: {error}") from error


def parse_stand_downs(raw: Any, rules: Tuple[Rule, ...], origin: str) -> Tuple[StandDown, ...]:
    """The stand-downs, each naming existing rules and its source guideline."""
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
        names = words(entry, "rules", where)
        missing = sorted(set(names) - known)
        if missing:
            raise RulesError(f"{where}: no rule named {missing}")
        when = words(entry, "when", where)
        special = {p for p in when if p.startswith(SPECIAL_CONDITION)}
        if special - SPECIAL_CONDITIONS:
            raise RulesError(
                f"{where}: unknown condition(s) {sorted(special - SPECIAL_CONDITIONS)}"
            )
        result.append(
            StandDown(
                name=entry["name"],
                source=source.strip(),
                rules=names,
                when=when,
                unless=words(entry, "unless", where) if entry.get("unless") else (),
            )
        )
    return tuple(result)
