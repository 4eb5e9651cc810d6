"""The clinic's settings (clinic.yml): who runs the bot and whom a patient can call.

Plain Python with no Rasa import, read by both servers. Every field is checked
when the file is loaded, and a fault names the field ("clinic.yml: phone: ...").
Issue 10 builds on this: the emergency and crisis messages, the contact card, the
widget banner and the shell take their values from here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Mapping, Tuple

import yaml

DEFAULT_CLINIC_FILE = Path(__file__).resolve().parent.parent / "clinic.yml"
CLINIC_FILE_ENV = "LEUKOBOT_CLINIC_FILE"
REGIONS = ("US", "UK", "IE", "EU", "CA", "AU", "NZ")
"""Regions whose crisis lines a clinic can list; the clinic's own is one of them."""

_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]*[0-9]$")
_PHONE_DIGITS = (3, 16)
_WEB = re.compile(r"^https://[^\s/$.?#][^\s]*$")
_FIELDS = (
    "name",
    "phone",
    "opening_hours",
    "web_address",
    "region",
    "emergency_number",
    "chemotherapy_line",
    "crisis_lines",
)
_OPTIONAL = ("chemotherapy_line",)


class ClinicSettingsError(ValueError):
    """clinic.yml is missing, malformed or has a bad value; the message names the field."""


@dataclass(frozen=True)
class CrisisLine:
    """A crisis line: who answers, the number, and whether it takes texts."""

    name: str
    number: str
    texts: bool


@dataclass(frozen=True)
class ClinicSettings:
    """The checked contents of clinic.yml."""

    name: str
    phone: str
    opening_hours: str
    web_address: str
    region: str
    emergency_number: str
    chemotherapy_line: str | None
    crisis_lines: Mapping[str, Tuple[CrisisLine, ...]]

    def own_crisis_lines(self) -> Tuple[CrisisLine, ...]:
        """The crisis lines of the clinic's region (at least one: checked on loading)."""
        return self.crisis_lines[self.region]


def clinic_file_path() -> Path:
    """Where the settings are: $LEUKOBOT_CLINIC_FILE or clinic.yml in the project."""
    configured = os.environ.get(CLINIC_FILE_ENV)
    return Path(configured) if configured else DEFAULT_CLINIC_FILE


def load_clinic_settings(path: Path | None = None) -> ClinicSettings:
    """Reads and checks clinic.yml; raises ClinicSettingsError naming the field at fault."""
    path = Path(path) if path is not None else clinic_file_path()
    where = path.name
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ClinicSettingsError(f"Cannot read {path}: {error}") from error
    except yaml.YAMLError as error:
        raise ClinicSettingsError(f"{path} is not valid YAML: {error}") from error
    return parse_clinic_settings(document, where)


def parse_clinic_settings(document: Any, where: str = "clinic.yml") -> ClinicSettings:
    """Builds the settings from parsed YAML, checking every field."""
    if not isinstance(document, dict):
        raise ClinicSettingsError(f"{where}: expected a mapping of settings")
    unknown = sorted(set(document) - set(_FIELDS))
    if unknown:
        raise ClinicSettingsError(f"{where}: unknown field(s) {unknown}; expected {list(_FIELDS)}")
    for field in _FIELDS:
        if field not in _OPTIONAL and document.get(field) in (None, ""):
            raise ClinicSettingsError(f"{where}: {field}: missing")
    region = _text(document, "region", where).upper()
    if region not in REGIONS:
        raise ClinicSettingsError(
            f"{where}: region: unknown region '{region}'; use one of {list(REGIONS)}"
        )
    web = _text(document, "web_address", where)
    if not _WEB.match(web):
        raise ClinicSettingsError(f"{where}: web_address: '{web}' is not an https:// address")
    crisis = _crisis_lines(document["crisis_lines"], where)
    if region not in crisis:
        raise ClinicSettingsError(
            f"{where}: crisis_lines: no line for the clinic's region {region}"
        )
    chemo = document.get("chemotherapy_line")
    return ClinicSettings(
        name=_text(document, "name", where),
        phone=_phone(document, "phone", where),
        opening_hours=_text(document, "opening_hours", where),
        web_address=web,
        region=region,
        emergency_number=_phone(document, "emergency_number", where),
        chemotherapy_line=None
        if chemo in (None, "")
        else _phone(document, "chemotherapy_line", where),
        crisis_lines=crisis,
    )


def _text(raw: Mapping[str, Any], field: str, where: str) -> str:
    value = raw.get(field)
    if not isinstance(value, (str, int)) or not str(value).strip():
        raise ClinicSettingsError(f"{where}: {field}: must be non-empty text")
    return " ".join(str(value).split())


def _phone(raw: Mapping[str, Any], field: str, where: str) -> str:
    number = _text(raw, field, where)
    digits = sum(char.isdigit() for char in number)
    low, high = _PHONE_DIGITS
    if not _PHONE.match(number) or not low <= digits <= high:
        raise ClinicSettingsError(
            f"{where}: {field}: '{number}' is not a phone number (digits, spaces, +, - or"
            f" brackets; {low} to {high} digits)"
        )
    return number


def _crisis_lines(raw: Any, where: str) -> Dict[str, Tuple[CrisisLine, ...]]:
    if not isinstance(raw, dict) or not raw:
        raise ClinicSettingsError(
            f"{where}: crisis_lines: expected lines per region, e.g. UK: [...]"
        )
    lines: Dict[str, Tuple[CrisisLine, ...]] = {}
    for region, entries in raw.items():
        code = str(region).upper()
        field = f"crisis_lines.{region}"
        if code not in REGIONS:
            raise ClinicSettingsError(
                f"{where}: {field}: unknown region '{region}'; use one of {list(REGIONS)}"
            )
        if not isinstance(entries, list) or not entries:
            raise ClinicSettingsError(f"{where}: {field}: expected a list of lines")
        lines[code] = tuple(
            _crisis_line(entry, f"{field}[{i}]", where) for i, entry in enumerate(entries)
        )
    return lines


def _crisis_line(entry: Any, field: str, where: str) -> CrisisLine:
    if not isinstance(entry, dict):
        raise ClinicSettingsError(f"{where}: {field}: expected name, number and texts")
    texts = entry.get("texts", False)
    if not isinstance(texts, bool):
        raise ClinicSettingsError(f"{where}: {field}.texts: must be true or false")
    return CrisisLine(
        name=_text(entry, "name", f"{where}: {field}"),
        number=_phone(entry, "number", f"{where}: {field}"),
        texts=texts,
    )
