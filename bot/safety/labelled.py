"""Reads the labelled safety sets (data/safety/labelled/*.yml).

Each set says who wrote it and how (`about`), whether it has been used (`train`:
the classifier learns from it, the rules were tuned on it and the tests hold the
detector to it), and what the detector scored on it the first time it was
measured, untouched (`first_contact`). A blind set stays `train: false` until it
has been measured once. Every emergency names a presentation of
the taxonomy; every calm message names the presentation it resembles (or
`none`) and its kind. A wrong name stops loading with a message naming the set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, List, Mapping, Optional, Sequence, Set, Tuple

from bot.safety.taxonomy import Taxonomy
from bot.safety.yaml_file import read_yaml

DEFAULT_SETS_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "safety" / "labelled"
DEFAULT_NLU_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "nlu"
_ANNOTATION = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}")
NO_PRESENTATION = "none"
ACCEPTED_ALARMS_FILE = DEFAULT_SETS_DIR.parent / "accepted_alarms.yml"


class LabelledSetError(ValueError):
    """A labelled set is missing, malformed or uses a name the taxonomy lacks."""


@dataclass(frozen=True)
class Example:
    """One labelled message."""

    text: str
    emergency: bool
    presentation: str
    kind: str
    """The calm kind (taxonomy `calm_kinds`); "emergency" for an emergency."""


@dataclass(frozen=True)
class FirstContact:
    """What the detector scored the first time the set was measured, untouched."""

    emergencies_caught: int
    emergencies: int
    false_alarms: int
    calm: int
    note: str
    round: Optional[int] = None
    """The blind round: sets written for the same round were measured at one commit."""


@dataclass(frozen=True)
class LabelledSet:
    """One set of labelled messages, written by one writer in one register."""

    name: str
    about: str
    train: bool
    first_contact: Optional[FirstContact]
    examples: Tuple[Example, ...]

    @property
    def emergencies(self) -> Tuple[Example, ...]:
        """The messages that must get the emergency reply."""
        return tuple(e for e in self.examples if e.emergency)

    @property
    def calm(self) -> Tuple[Example, ...]:
        """The messages that must not."""
        return tuple(e for e in self.examples if not e.emergency)


def load_sets(taxonomy: Taxonomy, folder: Path = DEFAULT_SETS_DIR) -> List[LabelledSet]:
    """Every set in the folder, in name order."""
    paths = sorted(Path(folder).glob("*.yml"))
    if not paths:
        raise LabelledSetError(f"No labelled safety sets in {folder}")
    return [load_set(path, taxonomy) for path in paths]


def load_set(path: Path, taxonomy: Taxonomy) -> LabelledSet:
    """One set, checked against the taxonomy."""
    document = read_yaml(path, LabelledSetError, "labelled set")
    name = Path(path).stem
    if not isinstance(document, Mapping):
        raise LabelledSetError(f"{name}: expected a mapping at the top level")
    examples = [_example(raw, True, taxonomy, name) for raw in _list(document, "emergency", name)]
    examples += [_example(raw, False, taxonomy, name) for raw in _list(document, "calm", name)]
    return LabelledSet(
        name=name,
        about=str(document.get("about", "")),
        train=bool(document.get("train", False)),
        first_contact=_first_contact(document.get("first_contact"), name),
        examples=tuple(examples),
    )


def training_examples(sets: Sequence[LabelledSet]) -> List[Example]:
    """The examples of every set the classifier may learn from."""
    return [example for labelled in sets if labelled.train for example in labelled.examples]


def accepted_alarms(path: Path = ACCEPTED_ALARMS_FILE) -> Set[str]:
    """Calm messages a clinician reviewed and chose to escalate (kept out of the budget)."""
    document = read_yaml(path, LabelledSetError, "accepted alarms") or {}
    return {str(item["text"]) for item in document.get("accepted", [])}


def topic_questions(folder: Path = DEFAULT_NLU_DIR) -> List[Example]:
    """The NLU training examples, as calm messages: questions about leukopenia and chat.

    They teach the classifier that "my wbc is low, will it stay low?" is a question,
    not an emergency. Entity annotations ("[lupus](cause_term)") become plain words.
    """
    examples = []
    for path in sorted(Path(folder).rglob("*.yml")):
        document = read_yaml(path, LabelledSetError, "NLU file") or {}
        for block in document.get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                text = _ANNOTATION.sub(lambda m: m.group(1) or m.group(2), line.strip()[2:])
                if line.strip().startswith("- ") and text.strip():
                    examples.append(Example(text.strip(), False, NO_PRESENTATION, "question"))
    return examples


def _example(raw: Any, emergency: bool, taxonomy: Taxonomy, name: str) -> Example:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("text"), str):
        raise LabelledSetError(f"{name}: every message needs a 'text'")
    where = f"{name}: {raw['text'][:60]!r}"
    presentation = str(raw.get("class", ""))
    if emergency:
        if presentation not in taxonomy.presentations:
            raise LabelledSetError(f"{where}: class '{presentation}' is not a presentation")
        return Example(raw["text"], True, presentation, "emergency")
    if presentation != NO_PRESENTATION and presentation not in taxonomy.presentations:
        raise LabelledSetError(f"{where}: class '{presentation}' is not a presentation or 'none'")
    kind = str(raw.get("kind", ""))
    if kind not in taxonomy.calm_kinds:
        raise LabelledSetError(f"{where}: kind '{kind}' is not a calm kind of the taxonomy")
    return Example(raw["text"], False, presentation, kind)


def _list(document: Mapping[str, Any], side: str, name: str) -> List[Any]:
    value = document.get(side)
    if not isinstance(value, list) or not value:
        raise LabelledSetError(f"{name}: '{side}' must be a non-empty list")
    return value


def _first_contact(raw: Any, name: str) -> Optional[FirstContact]:
    if raw is None:
        return None
    try:
        caught, emergencies = (int(n) for n in raw["recall"])
        alarms, calm = (int(n) for n in raw["false_alarms"])
        blind_round = None if raw.get("round") is None else int(raw["round"])
    except (KeyError, TypeError, ValueError) as error:
        raise LabelledSetError(
            f"{name}: first_contact needs recall: [caught, total], false_alarms: "
            "[alarms, total] and optionally round: <number>"
        ) from error
    return FirstContact(caught, emergencies, alarms, calm, str(raw.get("note", "")), blind_round)
