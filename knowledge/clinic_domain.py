"""Writes the clinic's replies into domain.yml: `python -m knowledge.clinic_domain`.

The emergency, crisis-line, contact and service-unavailable replies are static
domain responses, so the Rasa server sends them with the action server down, and
the emergency reply stays exactly the domain response `utter_emergency` that other
tools compare with. Their text comes from clinic.yml and the knowledge file
(knowledge/clinic_messages.py); `make train` runs this module before training, so
a changed clinic.yml reaches the domain and the model. Only the `- text:` line of
those four responses changes: the rest of domain.yml, comments included, stays as
written. `--check` only reports a domain out of step (exit status 1).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Dict, List, Mapping

import yaml

from knowledge.clinic import ClinicSettingsError, load_clinic_settings
from knowledge.clinic_messages import clinic_responses
from knowledge.loader import KnowledgeError, load_knowledge

DEFAULT_DOMAIN_FILE = Path(__file__).resolve().parent.parent / "domain.yml"


def expected_texts() -> Dict[str, str]:
    """Each clinic response's text, from clinic.yml and the knowledge file."""
    responses = clinic_responses(load_knowledge().messages, load_clinic_settings())
    return {name: variants[0]["text"] for name, variants in responses.items()}


def _text_line(name: str) -> re.Pattern[str]:
    return re.compile(rf'^(  {re.escape(name)}:\n    - text: )"((?:[^"\\\n]|\\.)*)"$', re.M)


def with_texts(domain: str, texts: Mapping[str, str]) -> str:
    """domain.yml's text with these responses' single text replaced."""
    for name, text in texts.items():
        pattern = _text_line(name)
        if len(pattern.findall(domain)) != 1:
            raise ValueError(f"domain.yml: response '{name}' needs exactly one '- text:' line")
        # json.dumps writes a valid YAML double-quoted scalar; escaped for re.sub.
        quoted = json.dumps(text, ensure_ascii=False).replace("\\", "\\\\")
        domain = pattern.sub(r"\g<1>" + quoted, domain)
    return domain


def stale_responses(domain: str, texts: Mapping[str, str]) -> List[str]:
    """The clinic responses whose text in this domain (YAML text) differs from the expected."""
    responses = (yaml.safe_load(domain) or {}).get("responses") or {}
    return [
        name
        for name, text in texts.items()
        if [variant.get("text") for variant in responses.get(name) or []] != [text]
    ]


def main(argv: List[str] | None = None) -> int:
    """Writes (or with --check, checks) the clinic responses of a domain file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--domain", type=Path, default=DEFAULT_DOMAIN_FILE)
    parser.add_argument("--check", action="store_true", help="only report a stale domain")
    arguments = parser.parse_args(argv)
    try:
        texts = expected_texts()
    except (ClinicSettingsError, KnowledgeError) as error:
        print(f"Cannot write the clinic's replies: {error}", file=sys.stderr)
        return 2
    domain = arguments.domain.read_text(encoding="utf-8")
    stale = stale_responses(domain, texts)
    if arguments.check:
        if stale:
            print(f"{arguments.domain}: out of step with clinic.yml: {stale}", file=sys.stderr)
        return 1 if stale else 0
    if stale:
        arguments.domain.write_text(with_texts(domain, texts), encoding="utf-8")
        print(f"Wrote the clinic's replies into {arguments.domain.name}: {', '.join(stale)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
