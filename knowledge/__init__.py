"""The knowledge file shared by the Rasa server and the action server."""

from knowledge.loader import (
    KnowledgeBase,
    KnowledgeError,
    Topic,
    knowledge_file_path,
    load_knowledge,
    normalise_term,
)

__all__ = [
    "KnowledgeBase",
    "KnowledgeError",
    "Topic",
    "knowledge_file_path",
    "load_knowledge",
    "normalise_term",
]
