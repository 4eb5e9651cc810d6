"""The red-flag rules file: a clinician's mistake stops training with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.safety.rules import DEFAULT_RULES_FILE, RulesError, load_rules, parse_rules
from bot.safety.text import Normaliser


def _document() -> dict:
    return yaml.safe_load(DEFAULT_RULES_FILE.read_text(encoding="utf-8"))


def test_the_project_rules_load() -> None:
    rules = load_rules()
    assert {c.name for c in rules.classes} >= {"breathing", "self_harm", "sepsis_signs"}
    assert rules.readings.fever_at_or_above_c == 38.0
    assert rules.readings.low_below_c == 36.0


def test_an_unquoted_yaml_no_is_refused() -> None:
    """YAML reads a bare `no` as false; a cue list must not silently lose it."""
    document = _document()
    document["context"]["negation_cues"] = [False, "not"]
    with pytest.raises(RulesError, match=r"context: field 'negation_cues' holds a non-text"):
        parse_rules(document)


def test_a_misspelt_class_field_is_refused() -> None:
    document = _document()
    document["classes"]["breathing"]["phrase"] = document["classes"]["breathing"].pop("phrases")
    with pytest.raises(RulesError, match=r"class 'breathing': unknown field\(s\) \['phrase'\]"):
        parse_rules(document)


def test_a_missing_limit_is_refused() -> None:
    document = _document()
    del document["readings"]["fever_at_or_above_c"]
    with pytest.raises(RulesError, match=r"readings: field 'fever_at_or_above_c' must be a number"):
        parse_rules(document)


def test_bad_yaml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "red_flags.yml"
    path.write_text("classes: [\n", encoding="utf-8")
    with pytest.raises(RulesError, match="not valid YAML"):
        load_rules(path)


def test_stored_rules_round_trip() -> None:
    rules = load_rules()
    assert parse_rules(rules.as_dict()) == rules


@pytest.mark.parametrize(
    ("text", "norms"),
    [
        ("he cant breathe", ["he", "can", "not", "breathe"]),
        ("im confussed", ["i", "am", "confused"]),
        ("cnt breathe", ["can", "not", "breathe"]),
        ("I was cooking", ["i", "was", "cooking"]),
    ],
)
def test_normalising_expands_and_corrects_only_rare_words(text: str, norms: list) -> None:
    normaliser = Normaliser({"breathe", "confused", "choking"}, {"cnt": "can not"})
    assert [w.norm for w in normaliser.words(text)] == norms
