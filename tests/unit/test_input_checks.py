"""Empty, over-long and non-English messages are recognised; patients' English is not flagged."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List

import pytest
import yaml

from bot.nlu.input_checks import MAX_MESSAGE_CHARS, TOO_LONG, input_problem
from tests.conftest import PROJECT_DIR, read_yaml

CASES = read_yaml("input_problems.yml")["messages"]


def _english_messages() -> List[str]:
    texts = [q["text"] for q in read_yaml("heldout_questions.yml")["questions"]]
    for path in sorted(Path(PROJECT_DIR / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            texts += [line[2:] for line in block["examples"].splitlines() if line.startswith("- ")]
    return texts


@pytest.mark.parametrize("case", CASES, ids=[repr(c["text"])[:40] for c in CASES])
def test_recognises_the_problem(case: Dict[str, Any]) -> None:
    expected = None if case["problem"] == "none" else case["problem"]
    assert input_problem(case["text"]) == expected


def test_none_is_empty() -> None:
    assert input_problem(None) == "empty"


def test_over_the_limit_is_too_long() -> None:
    sentence = "My white count is low and I would like to know why. "
    text = sentence * (MAX_MESSAGE_CHARS // len(sentence) + 1)
    assert input_problem(text) == TOO_LONG
    assert input_problem(text[:MAX_MESSAGE_CHARS]) is None


def test_no_english_patient_message_is_flagged() -> None:
    flagged = [text for text in _english_messages() if input_problem(text) is not None]
    assert flagged == []
