"""The clinic's replies are written from clinic.yml into the domain at training time."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Dict

import pytest
import yaml

from knowledge import load_knowledge
from knowledge.clinic import (
    CLINIC_FILE_ENV,
    DEFAULT_CLINIC_FILE,
    ClinicSettings,
    ClinicSettingsError,
    parse_clinic_settings,
)
from knowledge.clinic_domain import expected_texts, stale_responses
from knowledge.clinic_domain import main as clinic_domain_main
from knowledge.clinic_messages import clinic_responses, contact_text, crisis_text, emergency_text
from knowledge.names import (
    CONTACT_RESPONSE,
    CRISIS_LINE_RESPONSE,
    EMERGENCY_RESPONSE,
    SERVICE_UNAVAILABLE_RESPONSE,
)
from tests.conftest import PROJECT_DIR

SHIPPED: Dict[str, Any] = yaml.safe_load(DEFAULT_CLINIC_FILE.read_text("utf-8"))
MESSAGES = load_knowledge().messages


def _settings(**changes: Any) -> ClinicSettings:
    document = copy.deepcopy(SHIPPED)
    for field, value in changes.items():
        if value is None:
            document.pop(field, None)
        else:
            document[field] = value
    return parse_clinic_settings(document)


def test_the_emergency_message_names_the_clinics_number_and_chemotherapy_line() -> None:
    text = emergency_text(MESSAGES, _settings(emergency_number="112"))
    assert "call 112" in text
    assert SHIPPED["chemotherapy_line"] in text
    assert "your local emergency number" not in text


def test_without_a_chemotherapy_line_it_is_not_mentioned() -> None:
    settings = _settings(chemotherapy_line=None)
    assert "chemotherapy" not in emergency_text(MESSAGES, settings)
    assert "chemotherapy" not in contact_text(MESSAGES, settings)


def test_crisis_lines_put_the_clinics_region_first_and_say_call_or_text() -> None:
    text = crisis_text(MESSAGES, _settings(region="US"))
    assert text.index("988") < text.index("116 123")
    assert "Call or text 988 Suicide and Crisis Lifeline on 988 (US)" in text
    assert "Call Samaritans on 116 123 (UK, IE)" in text  # one line serving two regions
    assert "text Samaritans" not in text  # 116 123 takes calls only


def test_the_contact_card_has_phone_hours_web_and_what_to_do_when_closed() -> None:
    text = contact_text(MESSAGES, _settings())
    for field in ("name", "phone", "opening_hours", "web_address", "chemotherapy_line"):
        assert SHIPPED[field] in text, field
    assert f"call {SHIPPED['emergency_number']}" in text


def test_every_clinic_response_is_written() -> None:
    responses = clinic_responses(MESSAGES, _settings())
    assert set(responses) == {
        EMERGENCY_RESPONSE,
        CRISIS_LINE_RESPONSE,
        CONTACT_RESPONSE,
        SERVICE_UNAVAILABLE_RESPONSE,
    }
    assert SHIPPED["phone"] in responses[SERVICE_UNAVAILABLE_RESPONSE][0]["text"]


def test_the_shipped_domain_carries_the_shipped_clinic() -> None:
    """domain.yml's four clinic replies are what clinic.yml and the wording give."""
    domain = (PROJECT_DIR / "domain.yml").read_text(encoding="utf-8")
    assert stale_responses(domain, expected_texts()) == []
    parsed = yaml.safe_load(domain)["responses"]
    assert f"call {SHIPPED['emergency_number']}" in parsed[EMERGENCY_RESPONSE][0]["text"]


def _clinic_file(tmp_path: Path, **changes: Any) -> Path:
    document = copy.deepcopy(SHIPPED)
    document.update(changes)
    path = tmp_path / "clinic.yml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    return path


def test_a_changed_clinic_file_rewrites_only_the_four_text_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    domain_file = tmp_path / "domain.yml"
    shipped = (PROJECT_DIR / "domain.yml").read_text(encoding="utf-8")
    domain_file.write_text(shipped, encoding="utf-8")
    monkeypatch.setenv(CLINIC_FILE_ENV, str(_clinic_file(tmp_path, emergency_number="000")))

    assert clinic_domain_main(["--domain", str(domain_file), "--check"]) == 1
    assert clinic_domain_main(["--domain", str(domain_file)]) == 0
    written = domain_file.read_text(encoding="utf-8")

    assert clinic_domain_main(["--domain", str(domain_file), "--check"]) == 0
    responses = yaml.safe_load(written)["responses"]
    assert "call 000" in responses[EMERGENCY_RESPONSE][0]["text"]
    changed = [
        (old, new)
        for old, new in zip(shipped.splitlines(), written.splitlines(), strict=True)
        if old != new
    ]
    assert len(changed) == 4  # the emergency, crisis and contact texts name the number
    assert all(new.startswith('    - text: "') for _, new in changed)


def test_a_bad_clinic_file_stops_the_writer_naming_the_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(CLINIC_FILE_ENV, str(_clinic_file(tmp_path, phone="call us")))
    assert clinic_domain_main(["--domain", str(tmp_path / "domain.yml")]) == 2
    assert "phone" in capsys.readouterr().err
    with pytest.raises(ClinicSettingsError, match="phone"):
        expected_texts()
