"""clinic.yml: the shipped file loads; a bad one is refused with the field named."""

from __future__ import annotations

import copy
from typing import Any, Dict

import pytest
import yaml

from knowledge.clinic import (
    DEFAULT_CLINIC_FILE,
    ClinicSettingsError,
    load_clinic_settings,
    parse_clinic_settings,
)

SHIPPED: Dict[str, Any] = yaml.safe_load(DEFAULT_CLINIC_FILE.read_text("utf-8"))


def test_the_shipped_settings_load() -> None:
    settings = load_clinic_settings()
    assert settings.region == "UK"
    assert settings.own_crisis_lines()[0].number == "116 123"
    assert settings.crisis_lines["US"][0].texts


def _with(**changes: Any) -> Dict[str, Any]:
    document = copy.deepcopy(SHIPPED)
    for field, value in changes.items():
        if value is None:
            document.pop(field)
        else:
            document[field] = value
    return document


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"phone": None}, r"phone: missing"),
        ({"name": ""}, r"name: missing"),
        ({"phone": "call us"}, r"phone: 'call us' is not a phone number"),
        ({"phone": "12"}, r"phone: '12' is not a phone number"),
        ({"emergency_number": "9-9-9-9-9-9-9-9-9-9-9-9-9-9-9-9-9"}, r"emergency_number:"),
        ({"region": "Narnia"}, r"region: unknown region 'NARNIA'"),
        ({"crisis_lines": {"XX": [{"name": "a", "number": "123"}]}}, r"crisis_lines.XX: unknown"),
        ({"crisis_lines": {"US": [{"name": "a", "number": "123"}]}}, r"no line for the clinic's"),
        ({"web_address": "http://clinic.example.org"}, r"web_address: .* not an https"),
        ({"opening": "9-5"}, r"unknown field\(s\) \['opening'\]"),
    ],
)
def test_a_bad_setting_is_refused_naming_the_field(changes: Dict[str, Any], message: str) -> None:
    with pytest.raises(ClinicSettingsError, match=message):
        parse_clinic_settings(_with(**changes))


def test_the_chemotherapy_line_is_optional() -> None:
    assert parse_clinic_settings(_with(chemotherapy_line=None)).chemotherapy_line is None


def test_a_missing_file_is_refused_with_its_path(tmp_path: Any) -> None:
    with pytest.raises(ClinicSettingsError, match="Cannot read"):
        load_clinic_settings(tmp_path / "clinic.yml")
