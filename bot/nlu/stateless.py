"""The base of our NLU components that learn nothing and keep no state."""

from __future__ import annotations

from typing import Any, Dict, Type, TypeVar

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

T = TypeVar("T", bound="StatelessComponent")


class StatelessComponent(GraphComponent):
    """A component Rasa creates with nothing to read: its rules are code."""

    @classmethod
    def create(
        cls: Type[T],
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> T:
        """Creates the component; it has no state."""
        return cls()
