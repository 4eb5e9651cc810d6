"""The clinic's static replies: emergency, crisis lines, contact card, service down.

Plain Python with no Rasa import. The wording is the knowledge file's (its
`messages`), the numbers and names are clinic.yml's; this module puts them
together. bot/clinic_domain.py writes the results into the domain at training
time, so they stay static domain responses that the Rasa server sends with the
action server down; the widget banner and the shell use the same settings.
"""

from __future__ import annotations

import json
import sys
from typing import Dict, List, Mapping, Tuple

from knowledge.clinic import ClinicSettings, ClinicSettingsError, CrisisLine, load_clinic_settings
from knowledge.loader import KnowledgeError, load_knowledge
from knowledge.names import (
    CONTACT_RESPONSE,
    CRISIS_LINE_RESPONSE,
    EMERGENCY_RESPONSE,
    SERVICE_UNAVAILABLE_RESPONSE,
)


def clinic_values(settings: ClinicSettings) -> Dict[str, str]:
    """The settings as template values."""
    return {
        "clinic_name": settings.name,
        "phone": settings.phone,
        "opening_hours": settings.opening_hours,
        "web_address": settings.web_address,
        "emergency_number": settings.emergency_number,
        "chemotherapy_line": settings.chemotherapy_line or "",
    }


def emergency_text(messages: Mapping[str, str], settings: ClinicSettings) -> str:
    """The emergency-care message, with the chemotherapy line when the clinic has one."""
    values = clinic_values(settings)
    text = messages["emergency"].format(**values)
    if settings.chemotherapy_line:
        text += " " + messages["emergency_chemotherapy"].format(**values)
    return text


def crisis_text(messages: Mapping[str, str], settings: ClinicSettings) -> str:
    """The crisis-line message: the clinic's region first, then the other regions."""
    sentences = [messages["crisis_line"]]
    for line, regions in _lines_by_number(settings):
        template = messages["crisis_call_or_text" if line.texts else "crisis_call"]
        sentences.append(
            template.format(line_name=line.name, number=line.number, regions=", ".join(regions))
        )
    sentences.append(messages["crisis_danger"].format(**clinic_values(settings)))
    return " ".join(sentences)


def contact_text(messages: Mapping[str, str], settings: ClinicSettings) -> str:
    """The contact card: phone, hours, web address, and what to do when closed."""
    values = clinic_values(settings)
    closed = "contact_closed_chemotherapy" if settings.chemotherapy_line else "contact_closed"
    return messages["contact_card"].format(**values) + "\n" + messages[closed].format(**values)


def service_unavailable_text(messages: Mapping[str, str], settings: ClinicSettings) -> str:
    """What the patient reads when the action server cannot answer."""
    return messages["service_unavailable"].format(**clinic_values(settings))


def banner_text(messages: Mapping[str, str], settings: ClinicSettings) -> str:
    """One line for the shell and the widget: the clinic, its phone, the emergency number."""
    return messages["banner"].format(**clinic_values(settings))


def clinic_responses(
    messages: Mapping[str, str], settings: ClinicSettings
) -> Dict[str, List[Dict[str, str]]]:
    """The domain responses written from the settings, by response name."""
    return {
        EMERGENCY_RESPONSE: [{"text": emergency_text(messages, settings)}],
        CRISIS_LINE_RESPONSE: [{"text": crisis_text(messages, settings)}],
        CONTACT_RESPONSE: [{"text": contact_text(messages, settings)}],
        SERVICE_UNAVAILABLE_RESPONSE: [{"text": service_unavailable_text(messages, settings)}],
    }


def _lines_by_number(settings: ClinicSettings) -> List[Tuple[CrisisLine, List[str]]]:
    """Each crisis line once, with the regions it serves; the clinic's region first."""
    regions = [settings.region] + [r for r in settings.crisis_lines if r != settings.region]
    merged: Dict[Tuple[str, str, bool], List[str]] = {}
    for region in regions:
        for line in settings.crisis_lines[region]:
            merged.setdefault((line.name, line.number, line.texts), []).append(region)
    return [
        (CrisisLine(name, number, texts), found) for (name, number, texts), found in merged.items()
    ]


def widget_settings(messages: Mapping[str, str], settings: ClinicSettings) -> Dict[str, str]:
    """What the website widget reads from clinic.json: its emergency line's number."""
    return {
        "clinic_name": settings.name,
        "phone": settings.phone,
        "emergency_number": settings.emergency_number,
        "banner": banner_text(messages, settings),
    }


def main(argv: List[str] | None = None) -> int:
    """Prints the banner line (`make shell` and `make run` show it), or the settings' fault.

    With --json, prints the widget's clinic.json instead.
    """
    arguments = sys.argv[1:] if argv is None else argv
    try:
        messages, settings = load_knowledge().messages, load_clinic_settings()
        if "--json" in arguments:
            print(json.dumps(widget_settings(messages, settings), ensure_ascii=False))
        else:
            print(banner_text(messages, settings))
    except (ClinicSettingsError, KnowledgeError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
