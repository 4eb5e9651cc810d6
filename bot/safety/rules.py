"""Loads and validates the red-flag rules file (data/safety/red_flags.yml).

Plain Python: the file is read once, checked field by field, and turned into
dataclasses. A fault stops training or start-up with a message naming the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Tuple

import yaml

DEFAULT_RULES_FILE = (
    Path(__file__).resolve().parent.parent.parent / "data" / "safety" / "red_flags.yml"
)


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


@dataclass(frozen=True)
class RedFlagClass:
    """One kind of red flag: its phrases and how context applies to it."""

    name: str
    phrases: Tuple[str, ...]
    even_if_hypothetical: bool
    crisis_line: bool


@dataclass(frozen=True)
class ContextRules:
    """ConText-style cues: negation, resolution, hypothetical, and their scopes."""

    negation_window: int
    negation_cues: Tuple[str, ...]
    list_negation_cues: Tuple[str, ...]
    pseudo_negations: Tuple[str, ...]
    clause_breaks: Tuple[str, ...]
    past_cues: Tuple[str, ...]
    resolved_cues: Tuple[str, ...]
    current_cues: Tuple[str, ...]
    hypothetical_cues: Tuple[str, ...]
    question_starts: Tuple[str, ...]
    conditional_cues: Tuple[str, ...]
    anaphors: Tuple[str, ...]
    personal_markers: Tuple[str, ...]
    asker_verbs: Tuple[str, ...]
    idioms: Tuple[str, ...]


@dataclass(frozen=True)
class RedFlagRules:
    """Everything the detector needs, as read from the rules file."""

    readings: ReadingRules
    classes: Tuple[RedFlagClass, ...]
    context: ContextRules
    abbreviations: Mapping[str, str]

    def as_dict(self) -> Dict[str, Any]:
        """A JSON-ready form, for storing in a trained model."""
        return {
            "readings": self.readings.__dict__,
            "classes": [red_flag.__dict__ for red_flag in self.classes],
            "context": self.context.__dict__,
            "abbreviations": dict(self.abbreviations),
        }


def load_rules(path: Path = DEFAULT_RULES_FILE) -> RedFlagRules:
    """Reads and validates a rules file; raises RulesError on any fault."""
    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise RulesError(f"Cannot read red-flag rules {path}: {error}") from error
    except yaml.YAMLError as error:
        raise RulesError(f"Red-flag rules {path} are not valid YAML: {error}") from error
    return parse_rules(document, origin=str(path))


def parse_rules(document: Any, origin: str = "red-flag rules") -> RedFlagRules:
    """Builds RedFlagRules from parsed YAML (or from `as_dict` output)."""
    if not isinstance(document, Mapping):
        raise RulesError(f"{origin}: expected a mapping at the top level")
    readings = _mapping(document, "readings", origin)
    context = _mapping(document, "context", origin)
    raw_classes = document.get("classes")
    if isinstance(raw_classes, list):
        raw_classes = {entry.get("name"): entry for entry in raw_classes}
    if not isinstance(raw_classes, Mapping) or not raw_classes:
        raise RulesError(f"{origin}: 'classes' must be a non-empty mapping")

    return RedFlagRules(
        readings=ReadingRules(
            fever_at_or_above_c=_number(readings, "fever_at_or_above_c", f"{origin}: readings"),
            low_below_c=_number(readings, "low_below_c", f"{origin}: readings"),
            context_words=_words(readings, "context_words", f"{origin}: readings"),
            not_after=_words(readings, "not_after", f"{origin}: readings"),
            not_before=_words(readings, "not_before", f"{origin}: readings"),
            pulse_words=_words(readings, "pulse_words", f"{origin}: readings"),
            fast_pulse_at_or_above_bpm=_number(
                readings, "fast_pulse_at_or_above_bpm", f"{origin}: readings"
            ),
            oxygen_words=_words(readings, "oxygen_words", f"{origin}: readings"),
            low_oxygen_below_percent=_number(
                readings, "low_oxygen_below_percent", f"{origin}: readings"
            ),
            breathing_rate_words=_words(readings, "breathing_rate_words", f"{origin}: readings"),
            fast_breathing_at_or_above=_number(
                readings, "fast_breathing_at_or_above", f"{origin}: readings"
            ),
        ),
        classes=tuple(_red_flag_class(name, raw, origin) for name, raw in raw_classes.items()),
        abbreviations=_abbreviations(document.get("abbreviations"), origin),
        context=ContextRules(
            negation_window=int(_number(context, "negation_window", f"{origin}: context")),
            negation_cues=_words(context, "negation_cues", f"{origin}: context"),
            list_negation_cues=_words(context, "list_negation_cues", f"{origin}: context"),
            pseudo_negations=_words(context, "pseudo_negations", f"{origin}: context"),
            clause_breaks=_words(context, "clause_breaks", f"{origin}: context"),
            past_cues=_words(context, "past_cues", f"{origin}: context"),
            resolved_cues=_words(context, "resolved_cues", f"{origin}: context"),
            current_cues=_words(context, "current_cues", f"{origin}: context"),
            hypothetical_cues=_words(context, "hypothetical_cues", f"{origin}: context"),
            question_starts=_words(context, "question_starts", f"{origin}: context"),
            conditional_cues=_words(context, "conditional_cues", f"{origin}: context"),
            anaphors=_words(context, "anaphors", f"{origin}: context"),
            personal_markers=_words(context, "personal_markers", f"{origin}: context"),
            asker_verbs=_words(context, "asker_verbs", f"{origin}: context"),
            idioms=_words(context, "idioms", f"{origin}: context"),
        ),
    )


def _abbreviations(raw: Any, origin: str) -> Dict[str, str]:
    if not isinstance(raw, Mapping):
        raise RulesError(f"{origin}: 'abbreviations' must be a mapping of short to long forms")
    result = {}
    for short, long in raw.items():
        if not isinstance(short, str) or not isinstance(long, str) or not long.strip():
            raise RulesError(f"{origin}: abbreviations: '{short}' needs a text expansion")
        result[short.strip().lower()] = long.strip().lower()
    return result


def _red_flag_class(name: Any, raw: Any, origin: str) -> RedFlagClass:
    where = f"{origin}: class '{name}'"
    if not isinstance(name, str) or not isinstance(raw, Mapping):
        raise RulesError(f"{where}: expected a name and a mapping")
    unknown = set(raw) - {"name", "phrases", "even_if_hypothetical", "crisis_line"}
    if unknown:
        raise RulesError(f"{where}: unknown field(s) {sorted(unknown)}")
    return RedFlagClass(
        name=name,
        phrases=_words(raw, "phrases", where),
        even_if_hypothetical=bool(raw.get("even_if_hypothetical", False)),
        crisis_line=bool(raw.get("crisis_line", False)),
    )


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
