"""JSON files inside a trained Rasa model, for components that store their data there."""

from __future__ import annotations

import json
from typing import Any

from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


def write_json(storage: ModelStorage, resource: Resource, filename: str, data: Any) -> None:
    """Stores data as JSON in the component's part of the model."""
    with storage.write_to(resource) as directory:
        (directory / filename).write_text(json.dumps(data, sort_keys=True), "utf-8")


def read_json(storage: ModelStorage, resource: Resource, filename: str) -> Any:
    """Reads back what write_json stored."""
    with storage.read_from(resource) as directory:
        return json.loads((directory / filename).read_text("utf-8"))
