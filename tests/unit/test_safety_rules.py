"""The red-flag rules and the taxonomy: a mistake in them stops training with a clear message."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict

import pytest
import yaml

from bot.safety.rules import DEFAULT_RULES_FILE, RulesError, load_rules, parse_rules
from bot.safety.taxonomy import TaxonomyError, load_taxonomy, parse_taxonomy
from bot.safety.text import Normaliser

TAXONOMY = load_taxonomy()


def _document() -> Dict[str, Any]:
    return yaml.safe_load(DEFAULT_RULES_FILE.read_text(encoding="utf-8"))


def _first_rule(document: Dict[str, Any], discriminator: str = "breathing") -> Dict[str, Any]:
    return document["discriminators"][discriminator][0]


def test_the_project_rules_load_and_cover_every_presentation() -> None:
    rules = load_rules(taxonomy=TAXONOMY)
    assert {rule.presentation for rule in rules.rules} == set(TAXONOMY.presentations)
    assert rules.readings.fever_at_or_above_c == 38.0
    assert rules.readings.low_below_c == 36.0


def test_every_rule_and_stand_down_names_its_source() -> None:
    rules = load_rules(taxonomy=TAXONOMY)
    assert all(rule.source for rule in rules.rules)
    assert all(stand_down.source for stand_down in rules.stand_downs)


def test_an_unquoted_yaml_no_is_refused() -> None:
    """YAML reads a bare `no` as false; a cue list must not silently lose it."""
    document = _document()
    document["context"]["negation_cues"] = [False, "not"]
    with pytest.raises(RulesError, match=r"context: field 'negation_cues' holds a non-text"):
        parse_rules(document, TAXONOMY)


def test_a_misspelt_rule_field_is_refused() -> None:
    document = _document()
    rule = _first_rule(document)
    rule["phrase"] = rule.pop("phrases")
    with pytest.raises(RulesError, match=r"unknown field\(s\) \['phrase'\]"):
        parse_rules(document, TAXONOMY)


def test_a_presentation_missing_from_the_taxonomy_is_refused() -> None:
    document = _document()
    _first_rule(document)["presentation"] = "brething_difficulty"
    with pytest.raises(RulesError, match="'brething_difficulty' is not in the taxonomy"):
        parse_rules(document, TAXONOMY)


def test_a_rule_under_the_wrong_discriminator_is_refused() -> None:
    document = _document()
    _first_rule(document)["presentation"] = "stroke"
    with pytest.raises(RulesError, match="'stroke' is filed under 'conscious_level'"):
        parse_rules(document, TAXONOMY)


def test_a_rule_without_a_source_is_refused() -> None:
    document = _document()
    del _first_rule(document)["source"]
    with pytest.raises(RulesError, match="'source' must name the guideline"):
        parse_rules(document, TAXONOMY)


def test_an_unknown_word_list_is_refused() -> None:
    document = _document()
    _first_rule(document)["phrases"].append("<sevre> * pain")
    with pytest.raises(RulesError, match=r"unknown word list <sevre>"):
        parse_rules(document, TAXONOMY)


def test_an_unbalanced_phrase_is_refused() -> None:
    document = _document()
    _first_rule(document)["phrases"].append("(can not|could not breathe")
    with pytest.raises(RulesError, match="unclosed"):
        parse_rules(document, TAXONOMY)


def test_a_stand_down_naming_no_rule_is_refused() -> None:
    document = _document()
    document["stand_downs"][0]["rules"] = ["fever_wrds"]
    with pytest.raises(RulesError, match=r"no rule named \['fever_wrds'\]"):
        parse_rules(document, TAXONOMY)


def test_a_stand_down_phrase_with_an_unknown_word_list_is_refused() -> None:
    document = _document()
    document["stand_downs"][0]["unless"].append("<chemoo>")
    with pytest.raises(RulesError, match=r"stand-down '.*': .*unknown word list <chemoo>"):
        parse_rules(document, TAXONOMY)


def test_an_unknown_stand_down_condition_is_refused() -> None:
    document = _document()
    document["stand_downs"][0]["when"].append("@normal_pulse")
    with pytest.raises(RulesError, match=r"unknown condition\(s\) \['@normal_pulse'\]"):
        parse_rules(document, TAXONOMY)


def test_a_context_cue_with_an_unknown_word_list_is_refused() -> None:
    document = _document()
    document["context"]["idioms"].append("<sevre> weather")
    with pytest.raises(RulesError, match=r"context: idioms: .*unknown word list <sevre>"):
        parse_rules(document, TAXONOMY)


def test_a_missing_limit_is_refused() -> None:
    document = _document()
    del document["readings"]["fever_at_or_above_c"]
    with pytest.raises(RulesError, match=r"readings: field 'fever_at_or_above_c' must be a number"):
        parse_rules(document, TAXONOMY)


def test_bad_yaml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "red_flags.yml"
    path.write_text("discriminators: [\n", encoding="utf-8")
    with pytest.raises(RulesError, match="not valid YAML"):
        load_rules(path, TAXONOMY)


def test_stored_rules_round_trip_with_their_taxonomy() -> None:
    rules = load_rules(taxonomy=TAXONOMY)
    assert parse_rules(rules.as_dict()) == rules


def test_a_presentation_under_an_unknown_discriminator_is_refused() -> None:
    document = TAXONOMY.as_dict()
    document["presentations"]["stroke"]["discriminator"] = "consciousness"
    with pytest.raises(TaxonomyError, match="unknown discriminator 'consciousness'"):
        parse_taxonomy(document)


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
