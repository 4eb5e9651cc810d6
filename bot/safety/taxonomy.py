"""Loads the triage taxonomy (data/safety/taxonomy.yml): the one place names are defined.

Discriminators, the named presentations filed under them and the kinds of calm
message are read from the file; the rules file, the labelled sets and the
evaluation are checked against it, so a misspelt name stops training with a clear
message instead of silently counting nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Mapping, Tuple

from bot.safety.yaml_file import read_yaml

DEFAULT_TAXONOMY_FILE = (
    Path(__file__).resolve().parent.parent.parent / "data" / "safety" / "taxonomy.yml"
)
LEARNED = "learned"
"""The pseudo-discriminator of an alarm raised by the classifier alone."""


class TaxonomyError(ValueError):
    """The taxonomy file is missing or malformed, or a name is not in it."""


@dataclass(frozen=True)
class Discriminator:
    """A general triage discriminator (MTS): what it tests and where it comes from."""

    name: str
    title: str
    source: str


@dataclass(frozen=True)
class Presentation:
    """A named emergency, filed under one discriminator."""

    name: str
    discriminator: str
    title: str
    source: str
    crisis_line: bool


@dataclass(frozen=True)
class Taxonomy:
    """Every name the safety layer uses."""

    discriminators: Mapping[str, Discriminator]
    presentations: Mapping[str, Presentation]
    calm_kinds: Mapping[str, str]

    def discriminator_of(self, presentation: str) -> str:
        """The discriminator a presentation is filed under; raises TaxonomyError if unknown."""
        return self.presentation(presentation).discriminator

    def presentation(self, name: str) -> Presentation:
        """The presentation of that name; raises TaxonomyError if unknown."""
        try:
            return self.presentations[name]
        except KeyError:
            raise TaxonomyError(f"unknown presentation '{name}'") from None

    def as_dict(self) -> Dict[str, Any]:
        """A JSON-ready form, for storing in a trained model."""
        return {
            "discriminators": {
                name: {"title": d.title, "source": d.source}
                for name, d in self.discriminators.items()
            },
            "presentations": {
                name: {
                    "discriminator": p.discriminator,
                    "title": p.title,
                    "source": p.source,
                    "crisis_line": p.crisis_line,
                }
                for name, p in self.presentations.items()
            },
            "calm_kinds": dict(self.calm_kinds),
        }


def load_taxonomy(path: Path = DEFAULT_TAXONOMY_FILE) -> Taxonomy:
    """Reads and validates the taxonomy file; raises TaxonomyError on any fault."""
    document = read_yaml(path, TaxonomyError, "the triage taxonomy")
    return parse_taxonomy(document, origin=str(path))


def parse_taxonomy(document: Any, origin: str = "triage taxonomy") -> Taxonomy:
    """Builds a Taxonomy from parsed YAML (or from `as_dict` output)."""
    if not isinstance(document, Mapping):
        raise TaxonomyError(f"{origin}: expected a mapping at the top level")
    discriminators = {
        name: Discriminator(name, *_texts(raw, ("title", "source"), f"{origin}: {name}"))
        for name, raw in _section(document, "discriminators", origin).items()
    }
    presentations = {}
    for name, raw in _section(document, "presentations", origin).items():
        where = f"{origin}: presentation '{name}'"
        discriminator, title, source = _texts(raw, ("discriminator", "title", "source"), where)
        if discriminator not in discriminators:
            raise TaxonomyError(f"{where}: unknown discriminator '{discriminator}'")
        presentations[name] = Presentation(
            name, discriminator, title, source, bool(raw.get("crisis_line", False))
        )
    calm_kinds = {
        str(name): str(text) for name, text in _section(document, "calm_kinds", origin).items()
    }
    return Taxonomy(discriminators, presentations, calm_kinds)


def _section(document: Mapping[str, Any], field: str, origin: str) -> Mapping[str, Any]:
    value = document.get(field)
    if not isinstance(value, Mapping) or not value:
        raise TaxonomyError(f"{origin}: '{field}' must be a non-empty mapping")
    return value


def _texts(raw: Any, fields: Tuple[str, ...], where: str) -> Tuple[str, ...]:
    if not isinstance(raw, Mapping):
        raise TaxonomyError(f"{where}: expected a mapping")
    values = []
    for field in fields:
        value = raw.get(field)
        if not isinstance(value, str) or not value.strip():
            raise TaxonomyError(f"{where}: field '{field}' must be a non-empty text")
        values.append(value.strip())
    return tuple(values)
