"""NamedTermCertainty: a named term decides the topic unless the patient chose a reply."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, Dict, List

import pytest
from rasa.engine.training.fingerprinting import calculate_fingerprint_key
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.named_terms import NamedTermCertainty
from bot.nlu.term_index import term_intents
from knowledge import load_knowledge
from tests.conftest import write_knowledge

KB = load_knowledge()
TERMS = sorted(KB.term_index().items())


@functools.lru_cache(maxsize=1)
def _component() -> NamedTermCertainty:
    """One component for every test: it keeps no state between messages."""
    return NamedTermCertainty(None, None, term_intents({}))


def _message(
    intent: str, terms: List[str], confidence: float = 0.4, text: str | None = None
) -> Message:
    """A classified message naming `terms`; its text is the terms alone unless given."""
    text = " ".join(terms) if text is None else text
    entities: List[Dict[str, Any]] = [
        {"entity": "cause_term", "value": term, "start": text.lower().find(term), "end": len(term)}
        for term in terms
    ]
    for entity in entities:
        entity["end"] += entity["start"]
    ranking = [{"name": intent, "confidence": confidence}, {"name": "greet", "confidence": 0.05}]
    return Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "intent_ranking": ranking,
            "entities": entities,
        }
    )


@pytest.mark.parametrize(("term", "topic_id"), TERMS, ids=[t for t, _ in TERMS])
def test_every_term_turns_a_clarifying_question_into_its_topic(term: str, topic_id: str) -> None:
    message = _component().process([_message("nlu_fallback", [term])])[0]
    assert message.get("intent")["name"] == KB.topic(topic_id).intent
    assert message.get("intent_ranking")[0]["name"] == KB.topic(topic_id).intent


@pytest.mark.parametrize("intent", ["out_of_scope", "greet", "ask_overview", "ask_cause_lab_error"])
def test_a_named_cause_wins_over_a_guess_no_term_supports(intent: str) -> None:
    message = _component().process([_message(intent, ["low wbc", "prednisone"])])[0]
    assert message.get("intent")["name"] == "ask_cause_medications"


REPLIES = {
    "affirm": "yes, the prednisone",
    "deny": "no, not prednisone",
    "thank": "thanks, that helps with the prednisone",
    "goodbye": "bye, off to get my prednisone",
    "forget_me": "delete what I said about prednisone",
}


@pytest.mark.parametrize(("intent", "text"), sorted(REPLIES.items()))
def test_a_reply_the_patient_chose_is_left_alone(intent: str, text: str) -> None:
    message = _component().process([_message(intent, ["prednisone"], 0.9, text)])[0]
    assert message.get("intent")["name"] == intent


@pytest.mark.parametrize("text", ["corticoïdes", "Corticoïdes?", "  corticoïdes !"])
@pytest.mark.parametrize("intent", ["affirm", "deny", "out_of_scope"])
def test_a_message_that_is_only_a_term_gets_its_topic_however_sure(intent: str, text: str) -> None:
    message = _component().process([_message(intent, ["corticoïdes"], 0.95, text)])[0]
    assert message.get("intent")["name"] == "ask_cause_medications"


@pytest.mark.parametrize("intent", ["affirm", "deny", "thank", "goodbye", "forget_me"])
def test_a_lone_term_the_classifier_took_for_a_reply_gets_its_topic(intent: str) -> None:
    message = _component().process([_message(intent, ["prednisone"], confidence=0.35)])[0]
    assert message.get("intent")["name"] == "ask_cause_medications"


def test_a_follow_up_is_left_to_the_answer_action() -> None:
    message = _component().process([_message("follow_up", ["prednisone"], confidence=0.3)])[0]
    assert message.get("intent")["name"] == "follow_up"


def test_the_classifiers_topic_stays_when_the_patient_named_it() -> None:
    message = _component().process([_message("ask_emergency_info", ["urgent", "chemo"])])[0]
    assert message.get("intent")["name"] == "ask_emergency_info"


def test_two_causes_named_leave_the_choice_to_the_classifier() -> None:
    message = _component().process([_message("nlu_fallback", ["chemo", "lupus"])])[0]
    assert message.get("intent")["name"] == "nlu_fallback"


@pytest.mark.parametrize(
    "terms",
    [["capecitabine", "tablets", "cancer"], ["cancer", "medicine"], ["chemo", "side effects"]],
)
def test_a_medicine_named_with_a_cancer_term_is_a_cancer_treatment(terms: List[str]) -> None:
    """My dad is on capecitabine tablets for bowel cancer. Is it the tablets?"""
    for intent in ("ask_cause_medications", "nlu_fallback", "ask_overview"):
        message = _component().process([_message(intent, terms)])[0]
        assert message.get("intent")["name"] == "ask_cause_cancer_treatment"


def test_a_medicine_for_another_cause_is_left_to_the_classifier() -> None:
    """Could the tablets for her lupus lower her count? The tablets or the lupus."""
    for intent in ("ask_cause_medications", "ask_cause_autoimmune"):
        message = _component().process([_message(intent, ["tablets", "lupus"])])[0]
        assert message.get("intent")["name"] == intent


def test_a_named_medicine_keeps_its_own_topic_beside_a_cancer() -> None:
    """Can prednisone lower the count during chemo? Two causes named by their own terms."""
    message = _component().process([_message("ask_cause_medications", ["prednisone", "chemo"])])
    assert message[0].get("intent")["name"] == "ask_cause_medications"


def test_the_emergency_question_keeps_a_cancer_medicine() -> None:
    message = _component().process([_message("ask_emergency_info", ["chemo", "tablets"], 0.9)])[0]
    assert message.get("intent")["name"] == "ask_emergency_info"


def test_a_broad_term_corrects_a_cause_no_term_supports() -> None:
    """Could the tablets be to blame?"""
    message = _component().process([_message("ask_cause_lab_error", ["tablets"])])[0]
    assert message.get("intent")["name"] == "ask_cause_medications"


def test_a_named_lab_mistake_beats_the_overview() -> None:
    """My FBC showed WBC 2.0 but the bottle was only a third full."""
    message = _component().process([_message("ask_overview", ["low wbc", "third full"])])[0]
    assert message.get("intent")["name"] == "ask_cause_lab_error"


@pytest.mark.parametrize(("intent", "term"), [("ask_overview", "lab"), ("ask_overview", "tablets")])
def test_a_broad_term_only_fills_a_gap(intent: str, term: str) -> None:
    """My lab report says my white count is low, what does it mean?"""
    assert _component().process([_message(intent, [term])])[0].get("intent")["name"] == intent


def test_no_term_changes_nothing() -> None:
    message = _component().process([_message("out_of_scope", [])])[0]
    assert message.get("intent")["name"] == "out_of_scope"


def test_a_change_to_the_terms_changes_rasas_fingerprint(
    tmp_path: Path, knowledge_document: dict
) -> None:
    path = write_knowledge(tmp_path, knowledge_document)
    config = {"knowledge_file": str(path)}
    before = calculate_fingerprint_key(NamedTermCertainty, config, {})
    medications = next(t for t in knowledge_document["topics"] if t["id"] == "medications")
    medications["unnamed_terms"].append("teriflunomide")
    write_knowledge(tmp_path, knowledge_document)
    assert calculate_fingerprint_key(NamedTermCertainty, config, {}) != before


def test_the_emergency_question_about_a_cause_stays_the_emergency_question() -> None:
    message = _component().process([_message("ask_emergency_info", ["chemo"], 0.9)])[0]
    assert message.get("intent")["name"] == "ask_emergency_info"


@pytest.mark.parametrize(
    "text", ["I had glandular fever last month and now my count is low. Related?", "chemo"]
)
def test_an_unsure_emergency_reading_with_no_word_of_worry_gives_way_to_the_cause(
    text: str,
) -> None:
    terms = ["glandular fever"] if "glandular" in text else ["chemo"]
    message = _component().process([_message("ask_emergency_info", terms, 0.4, text)])[0]
    assert message.get("intent")["name"] != "ask_emergency_info"


@pytest.mark.parametrize(
    "text",
    [
        "is a low count on chemo dangerous?",
        "chemo and a low count, should we go to A&E?",
        "my count is low from the chemo, should I be worried?",
        "could the chemo lower his count so much it is serious?",
    ],
)
def test_a_grave_question_about_a_cause_stays_the_emergency_question(text: str) -> None:
    message = _component().process([_message("ask_emergency_info", ["chemo"], text=text)])[0]
    assert message.get("intent")["name"] == "ask_emergency_info"


@pytest.mark.parametrize(
    "text",
    [
        "I'm on chemo, is that why my white cells are low or should I worry about something worse?",
        "I've had chemo and now low white cells. are they connected or two things to worry about",
    ],
)
def test_whether_a_cause_is_why_with_only_a_worry_besides_is_that_cause(text: str) -> None:
    message = _component().process([_message("ask_emergency_info", ["chemo"], text=text)])[0]
    assert message.get("intent")["name"] == "ask_cause_cancer_treatment"


@pytest.mark.parametrize("intent", ["ask_overview", "ask_emergency_info"])
def test_a_general_term_never_overrides_a_topic(intent: str) -> None:
    message = _component().process([_message(intent, ["blood test"])])[0]
    assert message.get("intent")["name"] == intent


def test_a_sure_out_of_scope_stays_out_of_scope() -> None:
    """ "What dose of prednisone should I take?" names a term but asks what we cannot say."""
    text = "What dose of prednisone should I take?"
    message = _component().process([_message("out_of_scope", ["prednisone"], 0.9, text)])[0]
    assert message.get("intent")["name"] == "out_of_scope"


def test_a_general_term_fills_an_unsure_out_of_scope_only() -> None:
    """A long story ending "what does it mean?" names its subject; a sure out-of-scope
    reading stays ("can I reschedule my blood test?" also goes back to out of scope in
    ScopeGuard, tests/unit/test_scope_requests.py)."""
    unsure = _component().process([_message("out_of_scope", ["leukocytes"], confidence=0.5)])[0]
    assert unsure.get("intent")["name"] == "ask_overview"
    sure = _component().process([_message("out_of_scope", ["blood test"], confidence=0.9)])[0]
    assert sure.get("intent")["name"] == "out_of_scope"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what else can lower a white count apart from chemo", "ask_overview"),
        ("Besides chemo, what other things could make her count go down?", "ask_overview"),
        ("what else could be keeping it low if it's not the chemo", "ask_overview"),
        ("other than his chemo, are there more reasons?", "ask_overview"),
        ("could chemo do it, or something else?", "ask_cause_cancer_treatment"),
        ("what else does chemo do besides lowering the count", "ask_cause_cancer_treatment"),
        ("she had chemo and other treatments", "ask_cause_cancer_treatment"),
    ],
)
def test_a_cause_set_aside_asks_for_the_others(text: str, intent: str) -> None:
    """ "What else, apart from chemo?" asks for the overview; chemo not set aside stays."""
    message = _component().process([_message("ask_cause_cancer_treatment", ["chemo"], 0.95, text)])
    assert message[0].get("intent")["name"] == intent


def test_every_cause_denied_beside_the_count_asks_for_the_others() -> None:
    """The count named beside the denied causes is no cause set aside or kept."""
    text = "what else can cause a low white count? she isn't on any tablets and never had chemo"
    terms = ["low white count", "tablets", "chemo"]
    message = _component().process([_message("ask_cause_cancer_treatment", terms, 0.72, text)])
    assert message[0].get("intent")["name"] == "ask_overview"


def test_the_emergency_question_wins_when_both_general_topics_fill_a_gap() -> None:
    """ "Her results say leukopenia: is this one where you ring for an ambulance?" """
    terms = ["leukopenia", "ambulance"]
    message = _component().process([_message("bot_challenge", terms, 0.6)])[0]
    assert message.get("intent")["name"] == "ask_emergency_info"


def test_a_broad_cause_term_beats_the_count_when_filling_a_gap() -> None:
    """ "doc wants to retake my bloods bc my white count was low. why" """
    text = "doc wants to retake my bloods bc my white count was low. why"
    message = _message("nlu_fallback", ["retake", "white count was low"], 0.3, text)
    assert _component().process([message])[0].get("intent")["name"] == "ask_cause_lab_error"


@pytest.mark.parametrize(
    ("text", "term", "intent"),
    [
        ("She took antybiotyk for angina during two weeks.", "antybiotyk", "ask_cause_medications"),
        ("My son finished the chemo three weeks before.", "chemo", "ask_cause_cancer_treatment"),
    ],
)
def test_a_statement_naming_a_cause_is_never_out_of_scope(
    text: str, term: str, intent: str
) -> None:
    message = _component().process([_message("out_of_scope", [term], 0.95, text)])[0]
    assert message.get("intent")["name"] == intent


def test_a_sure_reply_telling_of_a_cause_stays_a_reply() -> None:
    text = "thanks, my mum's lupus clinic was great"
    message = _component().process([_message("thank", ["lupus"], 0.95, text)])[0]
    assert message.get("intent")["name"] == "thank"


@pytest.mark.parametrize(
    "text", ["is it dangerous, a low white count?", "low wbc - serious or not, tell me straight"]
)
def test_the_count_called_grave_is_the_emergency_question(text: str) -> None:
    message = _component().process([_message("ask_overview", [], 0.7, text)])[0]
    assert message.get("intent")["name"] == "ask_emergency_info"


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("nlu_fallback", "when is a low count ER-worthy"),
        ("affirm", "worried?"),
        ("deny", "er?"),
        ("ask_overview", "low white cells, a&e or not?"),
        ("ask_overview", "when does a low count become an acute problem?"),
        ("follow_up", "Sorry, and should I be worried about it?"),
        ("follow_up", "is that dangerous?"),
        ("follow_up", "Is a low count like that a reason to attend ED?"),
        ("nlu_fallback", "Is it somethin I oughta be scared of?"),
        ("ask_overview", "At what point does a low white count become a reason to go to casualty?"),
        ("ask_overview", "His white cells came back low, the nurse said. Is it grave?"),
        (
            "ask_overview",
            "The result says my mother's leucocytes are low. Should we be worried, doctor?",
        ),
        ("nlu_fallback", "am i to be worryed"),
    ],
)
def test_a_brief_grave_question_is_the_emergency_question(intent: str, text: str) -> None:
    message = _component().process([_message(intent, [], 0.5, text)])[0]
    assert message.get("intent")["name"] == "ask_emergency_info"


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        (
            "ask_overview",
            "I'm so worried, my mum was seen in A&E and they said her white count"
            " is low, what usually causes that?",
        ),
        ("ask_overview", "er, what causes a low count"),
        ("ask_overview", "God willing nothing serious, what makes white cells low?"),
        ("thank", "thanks, no worries"),
        (
            "ask_overview",
            "the app shows my white count low with a red flag next to it, what does it mean?",
        ),
    ],
)
def test_a_story_or_a_hesitation_is_not_asked_as_grave(intent: str, text: str) -> None:
    message = _component().process([_message(intent, [], 0.5, text)])[0]
    assert message.get("intent")["name"] == intent


def test_the_overview_stays_when_only_a_word_sounds_grave() -> None:
    text = "seriously, what is a low white count"
    message = _component().process([_message("ask_overview", [], 0.7, text)])[0]
    assert message.get("intent")["name"] == "ask_overview"


def test_many_causes_named_ask_for_the_causes_in_general() -> None:
    text = "which kinds are there: chemo, lupus, hiv?"
    message = _component().process([_message("ask_cause_autoimmune", [], 0.4, text)])[0]
    unchanged = message.get("intent")["name"]
    terms = ["chemo", "lupus", "hiv"]
    unsure = _component().process([_message("ask_cause_autoimmune", terms, 0.4, text)])[0]
    sure = _component().process([_message("ask_cause_autoimmune", terms, 0.95, text)])[0]
    assert unchanged == "ask_cause_autoimmune"
    assert unsure.get("intent")["name"] == "ask_overview"
    assert sure.get("intent")["name"] == "ask_cause_autoimmune"


def _story(intent: str, terms: List[str], text: str, confidence: float = 0.5) -> Message:
    """A classified message with an entity for every mention of each term, as extracted."""
    message = _message(intent, [], confidence, text)
    message.set(
        "entities",
        [
            {"entity": "cause_term", "value": term, "start": m.start(), "end": m.end()}
            for term in terms
            for m in re.finditer(rf"\b{re.escape(term)}\b", text.lower())
        ],
    )
    return message


@pytest.mark.parametrize(
    ("text", "terms", "intent"),
    [
        (
            "RA and diabetes, but I've just had flu. Could the flu be why my count is low?",
            ["ra", "flu"],
            "ask_cause_viral_infection",
        ),
        (
            "My doctor thinks it isn't the RA this time but the methotrexate. Can that lower it?",
            ["ra", "methotrexate"],
            "ask_cause_medications",
        ),
        (
            "lupus for years, on chemo now, also had hiv tested. is the chemo doing this?",
            ["lupus", "chemo", "hiv"],
            "ask_cause_cancer_treatment",
        ),
        (
            "Seropositive RA here. Can the disease itself lower it, quite apart from any drugs?",
            ["ra", "drugs"],
            "ask_cause_autoimmune",
        ),
    ],
)
def test_the_cause_a_story_asks_about_wins_over_the_causes_it_tells_of(
    text: str, terms: List[str], intent: str
) -> None:
    for predicted in ("ask_overview", "ask_cause_medications", "nlu_fallback"):
        message = _component().process([_story(predicted, terms, text)])[0]
        assert message.get("intent")["name"] == intent


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("I'm on methotrexate. Is it the RA or the methotrexate?", ["ra", "methotrexate"]),
        ("Could chemo or lupus do this?", ["chemo", "lupus"]),
        ("I have RA and take methotrexate, could that be why?", ["ra", "methotrexate"]),
        ("Isn't it the RA rather than the methotrexate?", ["ra", "methotrexate"]),
        ("how do viruses lower the count? Is it a marrow effect?", ["viruses", "marrow"]),
        ("does hepatitis lower white cells? i know its a virus", ["hepatitis", "virus"]),
    ],
)
def test_a_question_about_several_causes_leaves_the_choice_to_the_classifier(
    text: str, terms: List[str]
) -> None:
    message = _component().process([_story("ask_cause_autoimmune", terms, text)])[0]
    assert message.get("intent")["name"] == "ask_cause_autoimmune"


def test_the_emergency_question_keeps_a_story_of_several_causes() -> None:
    text = "I have lupus and had flu. Should I go to A&E with the flu and a low count?"
    message = _component().process([_story("ask_emergency_info", ["lupus", "flu"], text)])[0]
    assert message.get("intent")["name"] == "ask_emergency_info"


def test_an_unsure_reading_of_a_low_count_told_is_the_overview() -> None:
    text = "My husband blood test white cell low but he is very healthy, no problem."
    message = _component().process([_message("nlu_fallback", [], 0.3, text)])[0]
    assert message.get("intent")["name"] == "ask_overview"


def test_an_unsure_reading_of_a_low_count_with_a_lab_word_keeps_the_lab() -> None:
    text = "count low, could the lab have messed up?"
    message = _component().process([_message("nlu_fallback", ["lab"], 0.3, text)])[0]
    assert message.get("intent")["name"] == "ask_cause_lab_error"


@pytest.mark.parametrize("intent", ["out_of_scope", "ask_overview", "ask_cause_lab_error"])
def test_asking_when_to_go_to_emergency_care_is_the_emergency_question(intent: str) -> None:
    text = "My son's leukocytes are low. In what situations should we take him to the ER?"
    message = _component().process([_message(intent, ["leukocytes"], 0.94, text)])[0]
    assert message.get("intent")["name"] == "ask_emergency_info"


def test_asking_when_to_go_after_a_cause_told_before_is_the_emergency_question() -> None:
    text = (
        "My daughter is on valproate and her white count is low. She seems well, but which"
        " signs mean we should take her to A&E?"
    )
    message = _component().process([_story("ask_cause_medications", ["valproate"], text)])[0]
    assert message.get("intent")["name"] == "ask_emergency_info"


@pytest.mark.parametrize(
    "text",
    [
        "He takes lamotrigine and the letter says leukopenia. What does that word mean?",
        "on tablets for ADHD, results say leukopenia - what does this term actually mean?",
    ],
)
def test_asking_what_the_overview_s_word_means_beside_a_cause_is_the_overview(text: str) -> None:
    terms = ["lamotrigine" if "lamotrigine" in text else "tablets", "leukopenia"]
    message = _component().process([_story("ask_cause_medications", terms, text)])[0]
    assert message.get("intent")["name"] == "ask_overview"


def test_a_repeat_test_asked_for_before_any_worry_is_the_lab() -> None:
    text = "shouldn't they repeat the test first, before we start worrying about a low count?"
    message = _component().process([_story("ask_emergency_info", ["repeat", "low count"], text)])
    assert message[0].get("intent")["name"] == "ask_cause_lab_error"


def test_a_repeat_asked_for_before_any_worry_beats_the_overview_reading() -> None:
    text = "Cust's WBC low on one FBC, everything else fine. Repeat before worrying?"
    message = _component().process([_story("ask_overview", ["repeat"], text, 0.93)])
    assert message[0].get("intent")["name"] == "ask_cause_lab_error"


def test_a_repeat_test_asked_for_with_a_word_of_urgency_stays_the_emergency_question() -> None:
    text = "should they repeat the test, or is it an emergency before we even worry?"
    message = _component().process([_story("ask_emergency_info", ["repeat"], text)])
    assert message[0].get("intent")["name"] == "ask_emergency_info"


@pytest.mark.parametrize(
    "text",
    [
        "I keep hearing 'low WBC' from the nurses, what kind of illness is that?",
        "they said at the hospital his WBC is low, what kind of illness is that?",
    ],
)
def test_a_low_count_heard_and_what_illness_it_is_read_as_grave_is_the_overview(
    text: str,
) -> None:
    message = _component().process([_story("ask_emergency_info", ["low wbc"], text, 0.9)])
    assert message[0].get("intent")["name"] == "ask_overview"


def test_a_low_count_called_grave_at_the_hospital_stays_the_emergency_question() -> None:
    text = "they said at the hospital his WBC is low, is that dangerous, what illness is it?"
    message = _component().process([_story("ask_emergency_info", ["low wbc"], text, 0.9)])
    assert message[0].get("intent")["name"] == "ask_emergency_info"


def test_asking_when_to_go_to_hospital_about_a_named_cause_keeps_the_cause() -> None:
    text = "when should we take her to hospital for the chemo?"
    message = _component().process([_message("ask_cause_cancer_treatment", ["chemo"], 0.9, text)])
    assert message[0].get("intent")["name"] == "ask_cause_cancer_treatment"


@pytest.mark.parametrize("predicted", ["follow_up", "ask_cause_bone_marrow_failure"])
def test_a_term_in_quotation_marks_steps_aside_for_the_patient_s_own(predicted: str) -> None:
    text = "your answer said 'may harm the bone marrow'. is that how flu does it?"
    message = _component().process([_story(predicted, ["bone marrow", "flu"], text)])[0]
    assert message.get("intent")["name"] == "ask_cause_viral_infection"


def test_a_quoted_term_alone_still_names_its_topic() -> None:
    text = "the letter says 'aplastic anaemia', what is that?"
    message = _component().process([_story("follow_up", ["aplastic anaemia"], text)])[0]
    assert message.get("intent")["name"] in ("follow_up", "ask_cause_bone_marrow_failure")


def test_the_categories_of_cause_with_one_named_as_an_example_are_the_overview() -> None:
    text = "What are the broad categories of cause? Marrow, destruction, a lab artefact?"
    message = _component().process([_message("ask_cause_lab_error", ["artefact"], 0.9, text)])[0]
    assert message.get("intent")["name"] == "ask_overview"


def test_causes_asked_for_as_a_whole_after_quoted_guesses_are_the_overview() -> None:
    text = "Chat says: 'it's the chemo'. 'no, the spleen'. Can you give me all the possible causes?"
    message = _component().process([_story("ask_cause_liver_spleen", ["chemo", "spleen"], text)])
    assert message[0].get("intent")["name"] == "ask_overview"


def test_a_cause_asked_about_before_the_list_words_keeps_its_topic() -> None:
    marrow = "If the marrow itself is failing, what kinds of things cause that?"
    hiv = "Does HIV lower it? I'm reading the list of things they test for"
    for text, term, intent in (
        (marrow, "marrow", "ask_cause_bone_marrow_failure"),
        (hiv, "hiv", "ask_cause_viral_infection"),
    ):
        message = _component().process([_story("ask_overview", [term], text)])[0]
        assert message.get("intent")["name"] == intent, text


@pytest.mark.parametrize(
    "text",
    [
        "what kind of symptoms mean going to A&E with a low count?",
        "at what point is a low count something we can't manage at home?",
        "WBC low on my bloods. Which red flags mean going in?",
        "what are the red flags with a low count?",
    ],
)
def test_more_ways_of_asking_when_to_go_are_the_emergency_question(text: str) -> None:
    message = _component().process([_message("ask_overview", [], 0.8, text)])[0]
    assert message.get("intent")["name"] == "ask_emergency_info"


@pytest.mark.parametrize(
    ("text", "terms", "topic"),
    [
        (
            "Had chemo back in 2011. This time it's lupus they suspect - could that be it?",
            ["chemo", "lupus"],
            "ask_cause_autoimmune",
        ),
        (
            "Radiotherapy survivor, ten years clear. My GP just put me on a water pill.",
            ["radiotherapy", "water pill"],
            "ask_cause_medications",
        ),
    ],
)
def test_a_cause_told_as_long_past_gives_way_to_the_one_told_now(
    text: str, terms: List[str], topic: str
) -> None:
    message = _component().process([_message("nlu_fallback", terms, text=text)])[0]
    assert message.get("intent")["name"] == topic


def test_an_emergency_sort_of_situation_asked_is_the_emergency_question() -> None:
    text = "so would a low count be more of an ambulance kind of thing, or not?"
    message = _component().process([_story("ask_overview", [], text, 0.6)])
    assert message[0].get("intent")["name"] == "ask_emergency_info"
