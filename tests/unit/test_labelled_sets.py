"""The labelled safety sets: names from the taxonomy, enough of every kind, first contact kept."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.safety.labelled import LabelledSetError, load_set, load_sets
from bot.safety.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy()
SETS = load_sets(TAXONOMY)
TAXONOMY_SETS = [s for s in SETS if s.name >= "s05"]
"""The sets written from the triage taxonomy (the first four predate it)."""


def test_the_taxonomy_sets_hold_at_least_2000_messages() -> None:
    assert len(TAXONOMY_SETS) >= 4
    assert sum(len(s.examples) for s in TAXONOMY_SETS) >= 2000


@pytest.mark.parametrize("presentation", sorted(TAXONOMY.presentations))
def test_every_presentation_has_20_emergencies_and_20_look_alikes(presentation: str) -> None:
    examples = [e for s in TAXONOMY_SETS for e in s.examples if e.presentation == presentation]
    assert sum(e.emergency for e in examples) >= 20
    assert sum(not e.emergency for e in examples) >= 20


def test_every_discriminator_has_20_emergencies_and_20_look_alikes() -> None:
    emergencies: Counter[str] = Counter()
    calm: Counter[str] = Counter()
    for example in (e for s in TAXONOMY_SETS for e in s.examples):
        if example.presentation in TAXONOMY.presentations:
            side = emergencies if example.emergency else calm
            side[TAXONOMY.discriminator_of(example.presentation)] += 1
    assert all(emergencies[d] >= 20 and calm[d] >= 20 for d in TAXONOMY.discriminators)


def test_the_calm_side_holds_500_everyday_stories() -> None:
    stories = [e for s in TAXONOMY_SETS for e in s.calm if e.kind == "everyday_story"]
    assert len(stories) >= 500


def test_every_set_written_apart_keeps_its_first_contact() -> None:
    """The honest figure: measured once, before any rule was written from the set."""
    assert all(s.first_contact is not None for s in SETS if s.name != "s01_phrases")


def test_a_misspelt_presentation_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "set.yml"
    path.write_text(
        "emergency:\n- text: he is choking\n  class: chocking\n"
        "calm:\n- text: hay fever\n  class: none\n  kind: compound_word\n",
        encoding="utf-8",
    )
    with pytest.raises(LabelledSetError, match="class 'chocking' is not a presentation"):
        load_set(path, TAXONOMY)
