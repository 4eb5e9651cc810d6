"""Reads one YAML file of the safety layer, turning every fault into the caller's error."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Type

import yaml


def read_yaml(path: Path, error: Type[ValueError], what: str) -> Any:
    """The parsed file; a missing file or bad YAML raises `error` naming `what` and the path."""
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as fault:
        raise error(f"Cannot read {what} {path}: {fault}") from fault
    except yaml.YAMLError as fault:
        raise error(f"{what} {path}: not valid YAML: {fault}") from fault
