"""The action server's single copy of the knowledge file, loaded on first use."""

from __future__ import annotations

from abc import ABC, abstractmethod
from functools import lru_cache

from rasa_sdk import Action

from knowledge import KnowledgeBase, load_knowledge


@lru_cache(maxsize=1)
def knowledge() -> KnowledgeBase:
    """Loads and validates the knowledge file once; raises KnowledgeError on a fault.

    Actions call this in their constructor, which rasa-sdk runs when the action
    server starts, so a broken knowledge file stops the start-up with its message.
    """
    return load_knowledge()


class KnowledgeAction(Action, ABC):
    """Base of the actions that answer from the knowledge file."""

    def __init__(self) -> None:
        """Loads the knowledge file when the action server starts (and fails there)."""
        self.kb = knowledge()

    @abstractmethod
    def name(self) -> str:
        """The domain name of the action."""
