"""The knowledge file: what the real one holds, and how a broken one is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from knowledge.names import CODE_TOPICS
from tests.conftest import PROJECT_DIR, write_knowledge

SOURCE_DOCUMENT = PROJECT_DIR.parent / "shared" / "source" / "leukopenia-causes.txt"
TOPIC_IDS = load_knowledge().topic_ids
"""The real file's topic ids: the file is where they are defined."""


def test_real_file_has_every_topic_once_and_those_the_code_names(kb: KnowledgeBase) -> None:
    ids = kb.topic_ids
    assert len(set(ids)) == len(ids)
    assert set(CODE_TOPICS) <= set(ids)


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_every_topic_is_complete(kb: KnowledgeBase, topic_id: str) -> None:
    topic = kb.topic(topic_id)
    assert topic.answer and topic.more and topic.title and topic.source_section
    assert topic.terms, "a topic needs terms that point to it"
    assert kb.topic_for_intent(topic.intent) == topic


@pytest.mark.skipif(
    not SOURCE_DOCUMENT.exists(), reason="shared source document not beside the clone"
)
@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_source_section_names_a_part_of_the_source(kb: KnowledgeBase, topic_id: str) -> None:
    """Each entry's section is a heading of the source, or a short honest label for a part
    without one: the opening paragraph, or "<what it is about> (untitled paragraph)"."""
    source = SOURCE_DOCUMENT.read_text(encoding="utf-8")
    headings = {line.strip() for line in source.splitlines() if line.strip() and len(line) < 60}
    section = kb.topic(topic_id).source_section
    assert (
        section in headings
        or section == "Opening paragraph"
        or (section.endswith(" (untitled paragraph)") and len(section) < 40)
    ), section


@pytest.mark.parametrize(
    "topic_id", ["cancer_treatment", "liver_spleen", "autoimmune", "viral_infection", "lab_error"]
)
def test_a_hedged_claim_of_the_source_stays_hedged(kb: KnowledgeBase, topic_id: str) -> None:
    """The source says "may" for these causes; the first answer must too."""
    assert re.search(r"\bmay\b", kb.topic(topic_id).answer), topic_id


def test_the_medicines_answer_says_not_to_stop_a_medicine_alone(kb: KnowledgeBase) -> None:
    assert "Do not stop or change a medicine" in kb.topic("medications").answer


def test_the_lab_error_entry_says_a_new_sample_is_needed(kb: KnowledgeBase) -> None:
    what_to_do = kb.topic("lab_error").what_to_do or ""
    assert "new blood sample" in what_to_do


def test_terms_are_looked_up_case_insensitively(kb: KnowledgeBase) -> None:
    assert kb.topic_for_term("Prednisone") == kb.topic("medications")
    assert kb.topic_for_term("WATER PILLS") == kb.topic("medications")
    assert kb.topic_for_term("unknown thing") is None


def test_a_missing_field_names_the_entry_and_field(
    tmp_path: Path, knowledge_document: dict
) -> None:
    del knowledge_document["topics"][3]["more"]
    topic_id = knowledge_document["topics"][3]["id"]
    with pytest.raises(KnowledgeError, match=rf"topic '{topic_id}': missing field 'more'"):
        load_knowledge(write_knowledge(tmp_path, knowledge_document))


def test_an_empty_field_is_refused(tmp_path: Path, knowledge_document: dict) -> None:
    knowledge_document["topics"][0]["answer"] = "   "
    with pytest.raises(KnowledgeError, match=r"topic 'overview': field 'answer' must be non-empty"):
        load_knowledge(write_knowledge(tmp_path, knowledge_document))


def test_a_new_topic_is_a_topic(tmp_path: Path, knowledge_document: dict) -> None:
    new = dict(knowledge_document["topics"][2], id="new_topic", intent="ask_new_topic")
    new.update(terms=["a new term"], related=["overview"])
    new.pop("unnamed_terms", None)
    knowledge_document["topics"].append(new)
    kb = load_knowledge(write_knowledge(tmp_path, knowledge_document))
    assert kb.topic_ids[-1] == "new_topic"
    assert kb.topic_for_term("a new term") == kb.topic("new_topic")


def test_a_missing_topic_is_refused(tmp_path: Path, knowledge_document: dict) -> None:
    knowledge_document["topics"] = knowledge_document["topics"][:-1]
    with pytest.raises(KnowledgeError, match=r"missing topic\(s\) \['lab_error'\]"):
        load_knowledge(write_knowledge(tmp_path, knowledge_document))


def test_a_term_pointing_at_two_topics_is_refused(tmp_path: Path, knowledge_document: dict) -> None:
    medications = next(t for t in knowledge_document["topics"] if t["id"] == "medications")
    medications["terms"].append("Chemo")
    with pytest.raises(
        KnowledgeError,
        match=r"topic 'medications': field 'terms': 'chemo' already points to topic "
        r"'cancer_treatment'",
    ):
        load_knowledge(write_knowledge(tmp_path, knowledge_document))


def test_a_misspelt_field_name_is_refused(tmp_path: Path, knowledge_document: dict) -> None:
    knowledge_document["topics"][1]["answr"] = knowledge_document["topics"][1].pop("answer")
    with pytest.raises(KnowledgeError, match=r"unknown field\(s\) \['answr'\]"):
        load_knowledge(write_knowledge(tmp_path, knowledge_document))


def test_related_must_name_known_topics(tmp_path: Path, knowledge_document: dict) -> None:
    knowledge_document["topics"][0]["related"] = ["lab_errors"]
    with pytest.raises(KnowledgeError, match=r"topic 'overview': field 'related' names unknown"):
        load_knowledge(write_knowledge(tmp_path, knowledge_document))


def test_a_broken_placeholder_is_refused(tmp_path: Path, knowledge_document: dict) -> None:
    knowledge_document["messages"]["answer"] = "{answer} from {sourse}"
    with pytest.raises(KnowledgeError, match=r"messages: field 'answer' has an unknown"):
        load_knowledge(write_knowledge(tmp_path, knowledge_document))


def test_bad_yaml_is_refused_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "broken.yml"
    path.write_text("topics: [\n  - id: overview\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"broken.yml is not valid YAML"):
        load_knowledge(path)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match=r"Cannot read knowledge file"):
        load_knowledge(tmp_path / "nope.yml")
