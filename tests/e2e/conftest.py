"""End-to-end fixtures: the trained model served with its action server over REST."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from evaluation.servers import BotServer, our_bot
from tests.conftest import PROJECT_DIR

MODEL = PROJECT_DIR / "models" / "leukobot.tar.gz"


def pytest_collection_modifyitems(items: list) -> None:
    """Everything under tests/e2e needs the trained model."""
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.model)


@pytest.fixture(scope="session")
def model() -> Path:
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` (make test does it for you)")
    return MODEL


@pytest.fixture(scope="session")
def bot(model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    with our_bot(model, tmp_path_factory.mktemp("bot-logs")) as server:
        yield server
