"""Everything a patient reads reads at US grade 8 or below (Flesch-Kincaid, by textstat)."""

from __future__ import annotations

from typing import List, Tuple

import pytest
import textstat
import yaml

from knowledge import load_knowledge
from knowledge.clinic import load_clinic_settings
from knowledge.clinic_messages import clinic_responses
from tests.conftest import PROJECT_DIR

MAX_GRADE = 8.0


def _knowledge_texts() -> List[Tuple[str, str]]:
    kb = load_knowledge()
    texts = []
    for topic in kb.topics:
        texts += [(f"{topic.id}: answer", topic.answer), (f"{topic.id}: more", topic.more)]
        if topic.what_to_do:
            texts.append((f"{topic.id}: what_to_do", topic.what_to_do))
    texts += [
        (f"message {name}", text)
        for name, text in kb.messages.items()
        if "{" not in text and not name.endswith("_button")  # a one-word label has no grade
    ]
    clinic = clinic_responses(kb.messages, load_clinic_settings())
    texts += [(f"clinic {name}", variants[0]["text"]) for name, variants in clinic.items()]
    return texts


def _domain_texts() -> List[Tuple[str, str]]:
    domain = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))
    return [
        (name, variant["text"])
        for name, variants in domain["responses"].items()
        for variant in variants
        if "text" in variant
    ]


TEXTS = _knowledge_texts() + _domain_texts()


@pytest.mark.parametrize(("where", "text"), TEXTS, ids=[where for where, _ in TEXTS])
def test_reads_at_grade_8_or_below(where: str, text: str) -> None:
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE, where


def test_the_measure_tells_hard_text_from_easy() -> None:
    hard = (
        "Myelodysplastic syndromes constitute a heterogeneous collection of haematopoietic "
        "malignancies characterised by ineffective haematopoiesis and peripheral cytopenias."
    )
    assert textstat.flesch_kincaid_grade(hard) > MAX_GRADE
    assert textstat.flesch_kincaid_grade("Your count is low. Ask your care team.") <= MAX_GRADE
