"""Starts Rasa's command line with our fixes for Rasa 3.6 installed.

`python -m bot.server run ...` behaves like `rasa run ...`; `make run`, `make shell`
and the evaluation use it. Plain `rasa` works too, only slower (see bot.rasa_fixes).
"""

from __future__ import annotations

import os
import sys
import tarfile
from pathlib import Path
from typing import List, Optional

from bot import rasa_fixes
from knowledge.clinic import ClinicSettingsError, load_clinic_settings
from knowledge.clinic_domain import expected_texts, stale_responses

MODEL_DOMAIN_MEMBER = "components/domain_provider/domain.yml"
"""Where a Rasa 3.6 model archive keeps the domain it was trained with."""


def main() -> None:
    """Installs the fixes, then hands over to Rasa's own command line.

    Rasa's telemetry and error reports (sent to Rasa's Sentry) stay off unless the
    environment turns them on: no patient-facing server talks to a third party.
    """
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    arguments = sys.argv[1:]
    problem = missing_model(arguments) or bad_clinic_settings(arguments) or stale_model(arguments)
    if problem:
        print(f"The server cannot start: {problem}", file=sys.stderr)
        sys.exit(1)
    rasa_fixes.install()
    from rasa.__main__ import main as rasa_main

    rasa_main()


def _model_path(arguments: List[str]) -> Path:
    model = "models"
    for flag in ("--model", "-m"):
        if flag in arguments[:-1]:
            model = arguments[arguments.index(flag) + 1]
    return Path(model)


def missing_model(arguments: List[str]) -> Optional[str]:
    """Why `run` or `shell` has no model to load, or None.

    Rasa serves its default `models/` folder instead of a `--model` path that does
    not exist, and exits with status 0 when there is no model at all.
    """
    if not arguments or arguments[0] not in ("run", "shell"):
        return None
    path = _model_path(arguments)
    if not path.exists():
        return f"no model at '{path}'. Run `make train` first."
    if path.is_dir() and not any(path.glob("*.tar.gz")):
        return f"no model in '{path}'. Run `make train` first."
    return None


def bad_clinic_settings(arguments: List[str]) -> Optional[str]:
    """What is wrong with clinic.yml (the field named) when serving, or None."""
    if not arguments or arguments[0] not in ("run", "shell"):
        return None
    try:
        load_clinic_settings()
    except ClinicSettingsError as error:
        return str(error)
    return None


def stale_model(arguments: List[str]) -> Optional[str]:
    """Why the model's emergency or contact replies differ from clinic.yml's, or None.

    The model carries its domain: trained before clinic.yml changed, it would send
    the old emergency number. Checked for a model file named with --model.
    """
    if not arguments or arguments[0] not in ("run", "shell"):
        return None
    path = _model_path(arguments)
    if not path.is_file():
        return None
    try:
        with tarfile.open(path, "r:gz") as archive:
            member = archive.extractfile(MODEL_DOMAIN_MEMBER)
            domain = member.read().decode("utf-8") if member else ""
    except (OSError, KeyError, tarfile.TarError) as error:
        return f"cannot read the domain of the model '{path}': {error}"
    stale = stale_responses(domain, expected_texts())
    if stale:
        return (
            f"the model '{path}' was trained with other clinic settings than clinic.yml "
            f"({', '.join(stale)}). Run `make train` first."
        )
    return None


if __name__ == "__main__":
    main()
