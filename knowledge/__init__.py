"""The knowledge file shared by the Rasa server and the action server."""

from knowledge.loader import (
    TOPIC_IDS,
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
    "TOPIC_IDS",
    "knowledge_file_path",
    "load_knowledge",
    "normalise_term",
]
