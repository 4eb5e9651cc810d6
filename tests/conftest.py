"""Shared fixtures: the real knowledge base, a tiny one in tmp_path, tracker builders.

Also a guard over the whole run: every message the tests send (over REST, and
through the Slack, Telegram and socket.io tests via `record_sent`) is recorded,
and at the end no log file any test server wrote may contain one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest
import yaml
from rasa_sdk import Tracker

from knowledge import KnowledgeBase, load_knowledge

TESTS_DIR = Path(__file__).resolve().parent
DATA_DIR = TESTS_DIR / "data"
PROJECT_DIR = TESTS_DIR.parent
MODEL = PROJECT_DIR / "models" / "leukobot.tar.gz"
DISTINCTIVE_CHARS = 15
"""Sent texts at least this long are looked for in the logs ("yes" could be anything)."""
SENT_TEXTS: List[str] = []


def record_sent(text: str) -> str:
    """Records a message a test sends through a channel; returns it unchanged."""
    SENT_TEXTS.append(text)
    return text


def pytest_configure(config: pytest.Config) -> None:
    """Records every message sent with evaluation.rest_client.send (before tests import it)."""
    import evaluation.rest_client as rest_client

    original = rest_client.send

    def recording_send(server: Any, sender: str, message: str) -> Any:
        SENT_TEXTS.append(message)
        return original(server, sender, message)

    rest_client.send = recording_send


@pytest.fixture(scope="session", autouse=True)
def patient_text_stays_out_of_the_logs(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """After the whole run: no server log holds a message a test sent."""
    yield
    texts = {text.strip() for text in SENT_TEXTS if len(text.strip()) >= DISTINCTIVE_CHARS}
    leaks = []
    for log in tmp_path_factory.getbasetemp().rglob("*.log"):
        content = log.read_text(encoding="utf-8", errors="replace")
        leaks += [f"{log.name}: {text[:40]!r}" for text in texts if text in content]
    assert leaks == [], f"patient text in the logs: {leaks}"


def read_yaml(name: str) -> Any:
    """A labelled data file from tests/data."""
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def model() -> Path:
    """The trained model (end-to-end, fault and security tests)."""
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` (make test does it for you)")
    return MODEL


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The project's real knowledge file."""
    return load_knowledge()


@pytest.fixture
def knowledge_document() -> Dict[str, Any]:
    """A fresh, valid parsed copy of the real knowledge file to break in tests."""
    path = PROJECT_DIR / "data" / "knowledge" / "leukopenia.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write_knowledge(tmp_path: Path, document: Dict[str, Any]) -> Path:
    """Writes a knowledge document to a file in tmp_path."""
    path = tmp_path / "knowledge.yml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def make_tracker(
    text: str = "",
    intent: str | None = None,
    entities: List[Dict[str, Any]] | None = None,
    slots: Dict[str, Any] | None = None,
    ranking: List[Dict[str, Any]] | None = None,
) -> Tracker:
    """A rasa_sdk Tracker whose latest message has this intent, entities and slots."""
    latest_message = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0},
        "entities": entities or [],
        "intent_ranking": ranking or [],
    }
    return Tracker(
        sender_id="test",
        slots=slots or {},
        latest_message=latest_message,
        events=[{"event": "user", "text": text, "parse_data": latest_message}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def term(value: str) -> Dict[str, Any]:
    """A `cause_term` entity as TopicTermExtractor sets it."""
    return {"entity": "cause_term", "value": value, "start": 0, "end": len(value)}
