"""Loads and validates the knowledge file that every answer comes from.

Plain Python with no Rasa import, so the Rasa server (NLU component) and the
action server can both use it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Tuple

import yaml

from knowledge.names import CLINIC_MESSAGES, CLINIC_PLACEHOLDERS, CODE_TOPICS, SCOPE_REQUESTS

KNOWLEDGE_FILE_ENV = "LEUKOBOT_KNOWLEDGE_FILE"
DEFAULT_KNOWLEDGE_FILE = (
    Path(__file__).resolve().parent.parent / "data" / "knowledge" / "leukopenia.yml"
)

_REQUIRED_TOPIC_FIELDS = (
    "id",
    "intent",
    "title",
    "source_section",
    "answer",
    "more",
    "related",
    "terms",
)
_OPTIONAL_TOPIC_FIELDS = ("what_to_do", "broad_terms", "takes_broad_terms", "unnamed_terms")
_REQUIRED_MESSAGES = (
    "disclaimer",
    "answer",
    "more_button",
    "pick_topic",
    "clarify",
    "out_of_scope",
    "empty",
    "too_long",
    "not_english",
    "not_named",
    *(f"scope_{kind}" for kind in SCOPE_REQUESTS),
    *CLINIC_MESSAGES,
    "helpful_button",
    "not_helpful_button",
)
_PLACEHOLDERS = ("answer", "document", "section", "term", *CLINIC_PLACEHOLDERS)


class KnowledgeError(ValueError):
    """The knowledge file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class Topic:
    """One entry of the knowledge file: everything the bot says about a topic."""

    id: str
    intent: str
    title: str
    source_section: str
    answer: str
    more: str
    what_to_do: str | None
    related: Tuple[str, ...]
    terms: Tuple[str, ...]
    broad_terms: Tuple[str, ...] = ()
    """Words for a whole class ("tablets", "medicine") that a topic taking broad terms
    claims when named with it ("capecitabine tablets" are a cancer treatment)."""
    takes_broad_terms: bool = False
    """Another topic's broad words named with this topic's terms belong to this topic."""
    unnamed_terms: Tuple[str, ...] = ()
    """Members of the topic's class that the source does not name ("furosemide")."""

    @property
    def all_terms(self) -> Tuple[str, ...]:
        """Every term that points to this topic: its own, the broad ones, the unnamed ones."""
        return self.terms + self.broad_terms + self.unnamed_terms


@dataclass(frozen=True)
class KnowledgeBase:
    """All topics, with look-ups by id, intent and term."""

    source_document: str
    messages: Mapping[str, str]
    topics: Tuple[Topic, ...]

    @property
    def topic_ids(self) -> Tuple[str, ...]:
        """The topic ids, in the file's order: the values of the `topic` slot."""
        return tuple(topic.id for topic in self.topics)

    def topic(self, topic_id: str) -> Topic:
        """Returns the topic with this id; raises KeyError for an unknown id."""
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    def topic_for_intent(self, intent: str | None) -> Topic | None:
        """Returns the topic answered by this intent, if any."""
        for topic in self.topics:
            if topic.intent == intent:
                return topic
        return None

    def topic_for_term(self, term: str) -> Topic | None:
        """Returns the topic a term points to (case-insensitive), if any."""
        wanted = normalise_term(term)
        for topic in self.topics:
            if wanted in topic.all_terms:
                return topic
        return None

    def named_topics(self, terms: Iterable[str]) -> List[Topic]:
        """Topics the terms point to, in the order they were named, each once."""
        topics: List[Topic] = []
        for term in terms:
            topic = self.topic_for_term(term)
            if topic is not None and topic not in topics:
                topics.append(topic)
        return topics

    def term_index(self) -> Dict[str, str]:
        """Maps every normalised term, named by the source or not, to its topic id."""
        return {term: topic.id for topic in self.topics for term in topic.all_terms}

    def broad_terms(self) -> List[str]:
        """Every topic's words for its whole class, sorted."""
        return sorted(term for topic in self.topics for term in topic.broad_terms)

    def unnamed_in(self, topic: Topic, terms: Iterable[str]) -> List[str]:
        """The terms of the message that belong to the topic but that the source does not name.

        Not one that a named term of the message completes ("rheumatoid" and
        "arthritis" are rheumatoid arthritis, which the source names).
        """
        named = [normalise_term(t) for t in terms]
        found = []
        for term in named:
            completed = any(f"{other} {term}" in topic.terms for other in named)
            if term in topic.unnamed_terms and term not in found and not completed:
                found.append(term)
        return found


def normalise_term(term: str) -> str:
    """Lower-cases a term and folds runs of white space, as matching does."""
    return " ".join(term.lower().split())


def knowledge_file_path() -> Path:
    """Where the knowledge file is: $LEUKOBOT_KNOWLEDGE_FILE or the project default."""
    configured = os.environ.get(KNOWLEDGE_FILE_ENV)
    return Path(configured) if configured else DEFAULT_KNOWLEDGE_FILE


def load_knowledge(path: Path | None = None) -> KnowledgeBase:
    """Reads and validates the knowledge file; raises KnowledgeError on any fault."""
    path = Path(path) if path is not None else knowledge_file_path()
    return parse_knowledge(read_knowledge_document(path), origin=str(path))


def read_knowledge_document(path: Path) -> Any:
    """The knowledge file's YAML, parsed but not yet checked (a model can store it)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise KnowledgeError(f"Cannot read knowledge file {path}: {error}") from error
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise KnowledgeError(f"Knowledge file {path} is not valid YAML: {error}") from error
    return document


def parse_knowledge(document: Any, origin: str = "knowledge file") -> KnowledgeBase:
    """Builds a KnowledgeBase from parsed YAML, checking every entry and field."""
    if not isinstance(document, dict):
        raise KnowledgeError(f"{origin}: expected a mapping at the top level")
    source_document = _text_field(document, "source_document", origin)
    messages = _messages(document.get("messages"), origin)
    raw_topics = document.get("topics")
    if not isinstance(raw_topics, list) or not raw_topics:
        raise KnowledgeError(f"{origin}: 'topics' must be a non-empty list")

    topics = [_topic(raw, index, origin) for index, raw in enumerate(raw_topics)]
    _check_topic_set(topics, origin)
    _check_unique(topics, origin)
    return KnowledgeBase(source_document=source_document, messages=messages, topics=tuple(topics))


def _messages(raw: Any, origin: str) -> Dict[str, str]:
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{origin}: 'messages' must be a mapping")
    unknown = set(raw) - set(_REQUIRED_MESSAGES)
    if unknown:
        raise KnowledgeError(f"{origin}: messages: unknown field(s) {sorted(unknown)}")
    where = f"{origin}: messages"
    messages = {name: _text_field(raw, name, where, keep_lines=True) for name in _REQUIRED_MESSAGES}
    for name, text in messages.items():
        try:
            text.format(**dict.fromkeys(_PLACEHOLDERS, ""))
        except (KeyError, IndexError, ValueError) as error:
            raise KnowledgeError(
                f"{where}: field '{name}' has an unknown or broken placeholder: {error}"
            ) from error
    return messages


def _topic(raw: Any, index: int, origin: str) -> Topic:
    where = f"{origin}: topic #{index + 1}"
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{where}: expected a mapping")
    if isinstance(raw.get("id"), str):
        where = f"{origin}: topic '{raw['id']}'"
    unknown = set(raw) - set(_REQUIRED_TOPIC_FIELDS) - set(_OPTIONAL_TOPIC_FIELDS)
    if unknown:
        raise KnowledgeError(f"{where}: unknown field(s) {sorted(unknown)}")
    for field in _REQUIRED_TOPIC_FIELDS:
        if field not in raw:
            raise KnowledgeError(f"{where}: missing field '{field}'")

    topic_id = _text_field(raw, "id", where)
    what_to_do = raw.get("what_to_do")
    return Topic(
        id=topic_id,
        intent=_text_field(raw, "intent", where),
        title=_text_field(raw, "title", where),
        source_section=_text_field(raw, "source_section", where),
        answer=_text_field(raw, "answer", where),
        more=_text_field(raw, "more", where),
        what_to_do=None if what_to_do is None else _text_field(raw, "what_to_do", where),
        related=tuple(_text_list(raw, "related", where, allow_empty=True)),
        terms=tuple(normalise_term(t) for t in _text_list(raw, "terms", where)),
        broad_terms=_optional_terms(raw, "broad_terms", where),
        takes_broad_terms=_optional_flag(raw, "takes_broad_terms", where),
        unnamed_terms=_optional_terms(raw, "unnamed_terms", where),
    )


def _text_field(raw: Mapping[str, Any], field: str, where: str, keep_lines: bool = False) -> str:
    value = raw.get(field)
    if not isinstance(value, str) or not value.strip():
        raise KnowledgeError(f"{where}: field '{field}' must be non-empty text")
    return value.strip() if keep_lines else " ".join(value.split())


def _optional_flag(raw: Mapping[str, Any], field: str, where: str) -> bool:
    value = raw.get(field, False)
    if not isinstance(value, bool):
        raise KnowledgeError(f"{where}: field '{field}' must be true or false")
    return value


def _optional_terms(raw: Mapping[str, Any], field: str, where: str) -> Tuple[str, ...]:
    if field not in raw:
        return ()
    return tuple(normalise_term(t) for t in _text_list(raw, field, where))


def _text_list(
    raw: Mapping[str, Any], field: str, where: str, allow_empty: bool = False
) -> List[str]:
    value = raw.get(field)
    if not isinstance(value, list) or (not value and not allow_empty):
        raise KnowledgeError(f"{where}: field '{field}' must be a non-empty list")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise KnowledgeError(f"{where}: field '{field}' holds an empty or non-text item")
    return list(value)


def _check_topic_set(topics: List[Topic], origin: str) -> None:
    ids = [topic.id for topic in topics]
    for topic_id in ids:
        if ids.count(topic_id) > 1:
            raise KnowledgeError(f"{origin}: topic '{topic_id}' appears more than once")
    missing = [topic_id for topic_id in CODE_TOPICS if topic_id not in ids]
    if missing:
        raise KnowledgeError(f"{origin}: missing topic(s) {missing}")
    for topic in topics:
        unknown = [related for related in topic.related if related not in ids]
        if unknown:
            raise KnowledgeError(
                f"{origin}: topic '{topic.id}': field 'related' names unknown id(s) {unknown}"
            )


def _check_unique(topics: List[Topic], origin: str) -> None:
    owner_of_term: Dict[str, str] = {}
    owner_of_intent: Dict[str, str] = {}
    for topic in topics:
        if topic.intent in owner_of_intent:
            raise KnowledgeError(
                f"{origin}: topic '{topic.id}': field 'intent' '{topic.intent}' is also "
                f"used by topic '{owner_of_intent[topic.intent]}'"
            )
        owner_of_intent[topic.intent] = topic.id
        for term in topic.all_terms:
            owner = owner_of_term.get(term)
            if owner is not None:
                raise KnowledgeError(
                    f"{origin}: topic '{topic.id}': field 'terms': '{term}' already "
                    f"points to topic '{owner}'"
                    if owner != topic.id
                    else f"{origin}: topic '{topic.id}': field 'terms': '{term}' is listed twice"
                )
            owner_of_term[term] = topic.id
