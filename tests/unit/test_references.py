"""The conversation decides what a message means: the current cause, the overview
for other causes, or nothing (the classifier's reading stands)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase, load_knowledge
from knowledge.names import FOLLOW_UP_INTENT, NLU_FALLBACK_INTENT, OUT_OF_SCOPE_INTENT
from knowledge.references import last_cause, topic_from_context

KB: KnowledgeBase = load_knowledge()
OVERVIEW = KB.topic("overview").intent
LAB = KB.topic("lab_error").intent
EMERGENCY = KB.topic("emergency_info").intent
EMERGENCY_ID = "emergency_info"


@pytest.mark.parametrize(
    ("intent", "text", "confidence"),
    [
        (OVERVIEW, "so is that what is making my count low?", 0.9),
        (OVERVIEW, "why would they lower white cells", 0.9),
        (NLU_FALLBACK_INTENT, "how long for?", 0.2),
        (NLU_FALLBACK_INTENT, "his count is very low, why", 0.2),
        (OUT_OF_SCOPE_INTENT, "will they stop it for a while because of this?", 0.6),
        (LAB, "could they be doing it to my count", 0.45),
        ("affirm", "so is that why its low", 0.35),
        ("deny", "does it go back up after or not", 0.41),
        (OUT_OF_SCOPE_INTENT, "how come?", 0.5),
        (EMERGENCY, "her wbc fell to 2.1 last week, would you expect that", 0.8),
        (EMERGENCY, "white count has come down again. is this from that?", 0.7),
        (LAB, "the blood results say his white count is low", 0.9),
        (NLU_FALLBACK_INTENT, "and since then my husbands white cells are lower than before", 0.3),
        (OVERVIEW, "might this be another reason too?", 0.8),
        (FOLLOW_UP_INTENT, "could it also be another cause?", 0.8),
        (OUT_OF_SCOPE_INTENT, "What's the mechanism?", 0.36),
        ("thank", "kab tak low rahega?", 0.41),
        (EMERGENCY, "till when will they stay low?", 0.55),
        (EMERGENCY, "how many weeks does it stay down", 0.5),
        (EMERGENCY, "his leukocytes are very low now.", 0.4),
        ("affirm", "stays low?", 0.45),
        ("affirm", "normal?", 0.4),
        ("deny", "normal?", 0.8),
        (OVERVIEW, "so it will be low all the time?", 0.6),
        ("deny", "is that normal with it?", 0.68),
        ("thank", "they must take again?", 0.41),
        ("affirm", "is this y its dropping", 0.3),
        ("thank", "Is this really possible?", 0.5),
        (KB.topic("viral_infection").intent, "and her white cells dropped, is it expected?", 0.5),
        ("affirm", "is that actually a thing?", 0.4),
        (OUT_OF_SCOPE_INTENT, "What searches he there?", 0.52),
        (NLU_FALLBACK_INTENT, "what are the doctors looking for in the marrow", 0.4),
    ],
)
def test_a_reference_or_a_short_question_goes_on_about_the_cause(
    intent: str, text: str, confidence: float
) -> None:
    assert topic_from_context(KB, intent, [], text, "medications", None, confidence) == (
        "medications"
    )


@pytest.mark.parametrize(
    ("intent", "text", "current"),
    [
        (FOLLOW_UP_INTENT, "what else can make it low?", "medications"),
        (OVERVIEW, "what els can cause a low count", "cancer_treatment"),
        (OVERVIEW, "are there any other reasons for that?", "autoimmune"),
        (FOLLOW_UP_INTENT, "and what usually causes it?", "lab_error"),
        (FOLLOW_UP_INTENT, "so why did it go low then", "emergency_info"),
        (OUT_OF_SCOPE_INTENT, "what could have caused it?", "emergency_info"),
        ("greet", "aur koi reason bhi ho sakta hai?", "cancer_treatment"),
        ("thank", "thanks! any other reasons?", "autoimmune"),
        (FOLLOW_UP_INTENT, "and if the repeat is low too, what could it be then", "lab_error"),
        (OVERVIEW, "what more things can make it low", "cancer_treatment"),
        ("affirm", "else?", "lab_error"),
    ],
)
def test_other_causes_get_the_overview(intent: str, text: str, current: str) -> None:
    assert topic_from_context(KB, intent, [], text, current) == "overview"


@pytest.mark.parametrize(
    ("intent", "text", "terms", "current", "confidence"),
    [
        (OVERVIEW, "is that why it is low?", [], None, 0.9),
        (OVERVIEW, "is that why it is low?", [], "overview", 0.9),
        (OVERVIEW, "could that be the lupus then?", ["lupus"], "medications", 0.9),
        (FOLLOW_UP_INTENT, "so will he need another test then?", [], "lab_error", 0.9),
        (EMERGENCY, "is it an emergency then?", [], "medications", 0.9),
        (EMERGENCY, "count dropped to 0.6, should we ring 999?", [], "medications", 0.9),
        (EMERGENCY, "her white count is low and she has a fever", [], "medications", 0.9),
        (EMERGENCY, "white cells down, is that dangerous?", [], "medications", 0.9),
        (EMERGENCY, "my white count is low, is it urgent?", [], "overview", 0.9),
        (LAB, "the count was low, could the sample have clotted?", [], "medications", 0.9),
        ("thank", "ok thanks, that helps", [], "medications", 0.95),
        ("deny", "no, it got better on its own", [], "medications", 0.9),
        (OUT_OF_SCOPE_INTENT, "is my dad going to be ok", [], "medications", 0.6),
        (OUT_OF_SCOPE_INTENT, "how do vaccines work?", [], "medications", 0.9),
        (LAB, "could it be the sample that was wrong?", [], "medications", 0.9),
        (FOLLOW_UP_INTENT, "how long does it usually stay low?", [], "cancer_treatment", 0.9),
        (FOLLOW_UP_INTENT, "does it affect the other blood cells too?", [], "autoimmune", 0.9),
        ("thank", "thanks, nothing else", [], "medications", 0.6),
        (FOLLOW_UP_INTENT, "are there other tablets that do it too?", [], "lab_error", 0.9),
        (EMERGENCY, "how long can it stay this low before it's dangerous?", [], "medications", 0.6),
        (EMERGENCY, "till when is it safe to wait at home?", [], "medications", 0.9),
        (EMERGENCY, "how long till it comes back up?", [], "overview", 0.5),
    ],
)
def test_other_messages_keep_their_own_reading(
    intent: str, text: str, terms: list[str], current: str | None, confidence: float
) -> None:
    assert topic_from_context(KB, intent, terms, text, current, None, confidence) is None


@pytest.mark.parametrize(
    "text",
    [
        "Is it likely to stay low throughout all six cycles?",
        "will it come back up after the course?",
    ],
)
def test_whether_the_count_stays_low_read_as_the_emergency_question_goes_on(text: str) -> None:
    assert topic_from_context(KB, EMERGENCY, [], text, "cancer_treatment", None, 0.9) == (
        "cancer_treatment"
    )


def test_a_request_the_scope_patterns_caught_stays_out_of_scope() -> None:
    assert (
        topic_from_context(
            KB, OUT_OF_SCOPE_INTENT, [], "how much of it should he take", "medications", "dose"
        )
        is None
    )


def test_a_follow_up_asking_why_the_count_is_low_asks_about_the_cause() -> None:
    text = "why then the white cells are low?"
    terms = ["white cells are low"]
    assert topic_from_context(KB, FOLLOW_UP_INTENT, terms, text, "bone_marrow_failure") == (
        "bone_marrow_failure"
    )


def test_a_follow_up_naming_the_count_asks_about_the_cause() -> None:
    text = "Could that explain his low white count?"
    assert topic_from_context(KB, FOLLOW_UP_INTENT, ["low white count"], text, "liver_spleen") == (
        "liver_spleen"
    )
    text = "tell me about a low white count"
    topic = topic_from_context(KB, FOLLOW_UP_INTENT, ["low white count"], text, "liver_spleen")
    assert topic is None


def test_a_general_term_does_not_stop_the_cause_going_on() -> None:
    assert topic_from_context(KB, NLU_FALLBACK_INTENT, ["low wbc"], "that low wbc?", "medications")


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("via the marrow?", ["marrow"], "viral_infection"),
        (
            "so it works on the bone marrow rather than the blood?",
            ["bone marrow"],
            "viral_infection",
        ),
        ("is his marrow failing then?", ["marrow"], None),
        ("or could there be something wrong in her marrow?", ["marrow"], None),
        ("the doctor said my marrow may not be making enough, could that be it?", ["marrow"], None),
        ("could it be aplastic anaemia in the marrow?", ["marrow", "aplastic anaemia"], None),
    ],
)
def test_the_marrow_named_as_the_current_cause_s_way_goes_on(
    text: str, terms: list[str], expected: str | None
) -> None:
    intent = KB.topic("bone_marrow_failure").intent
    assert topic_from_context(KB, intent, terms, text, "viral_infection", None, 0.6) == expected


def test_the_marrow_after_a_cause_that_does_not_touch_it_is_the_marrow_topic() -> None:
    intent = KB.topic("bone_marrow_failure").intent
    assert topic_from_context(KB, intent, ["marrow"], "and the marrow?", "lab_error") is None


@pytest.mark.parametrize(
    "text", ["and the bone marrow?", "What about his marrow?", "plus the marrow"]
)
def test_the_marrow_named_next_in_a_walk_down_the_causes_is_the_marrow_topic(text: str) -> None:
    intent = KB.topic("bone_marrow_failure").intent
    terms = ["bone marrow" if "bone" in text else "marrow"]
    assert topic_from_context(KB, intent, terms, text, "viral_infection", None, 0.9) is None


@pytest.mark.parametrize(
    "text",
    [
        "and if the repeat is low again, what are the usual reasons?",
        "if the new test is also low, which illnesses could it be?",
    ],
)
def test_causes_asked_for_if_the_count_stays_low_are_the_overview(text: str) -> None:
    lab = KB.topic("lab_error").intent
    assert topic_from_context(KB, lab, [], text, "lab_error", confidence=0.9) == "overview"


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("and if the new test is also low, which illnesses are possible?", ["new test"]),
        ("if it's real, what could cause it?", []),
        ("if the result is right, what are the reasons then", []),
    ],
)
def test_causes_asked_for_if_the_result_holds_are_the_overview(text: str, terms: list[str]) -> None:
    lab = KB.topic("lab_error").intent
    assert topic_from_context(KB, lab, terms, text, "lab_error", confidence=0.9) == "overview"


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("if it's real, could it be the lupus?", ["lupus"]),
        ("if the repeat is low too, what are the reasons, is it the chemo?", ["chemo"]),
    ],
)
def test_a_cause_named_after_the_condition_is_not_the_overview(text: str, terms: list[str]) -> None:
    lab = KB.topic("lab_error").intent
    assert topic_from_context(KB, lab, terms, text, "lab_error", confidence=0.9) is None


@pytest.mark.parametrize(
    ("intent", "text", "confidence", "current"),
    [
        (OUT_OF_SCOPE_INTENT, "what do you mean by 'straight away'?", 0.8, EMERGENCY_ID),
        (OUT_OF_SCOPE_INTENT, "you said 'may', so could it or not?", 0.7, "autoimmune"),
        (NLU_FALLBACK_INTENT, "so that result could be a fluke after all?", 0.3, "lab_error"),
        (NLU_FALLBACK_INTENT, "the figure might be wrong then?", 0.3, "lab_error"),
    ],
)
def test_a_question_about_the_last_answer_goes_on_about_it(
    intent: str, text: str, confidence: float, current: str
) -> None:
    assert topic_from_context(KB, intent, [], text, current, None, confidence) == current


@pytest.mark.parametrize("text", ["if it isn't the lab, what else", "what other then"])
def test_what_else_read_as_feedback_or_small_talk_asks_for_the_other_causes(text: str) -> None:
    topic = topic_from_context(KB, "feedback_not_helpful", [], text, "lab_error", None, 0.45)
    assert topic == "overview"


@pytest.mark.parametrize(
    "text", ["leukopenia definition", "what is leukopenia?", "what does leukopenia mean"]
)
def test_asking_what_the_overview_s_word_means_is_not_the_current_cause(text: str) -> None:
    assert topic_from_context(KB, OVERVIEW, ["leukopenia"], text, "autoimmune", None, 0.8) is None


def test_asking_what_a_low_count_actually_is_is_not_the_current_cause() -> None:
    text = "and what exactly is a low white count, simply put?"
    terms = ["low white count"]
    assert topic_from_context(KB, OVERVIEW, terms, text, "medications", None, 0.99) is None


def test_why_the_overview_s_word_got_worse_still_goes_on_about_the_cause() -> None:
    text = "why is her leukopenia worse now?"
    topic = topic_from_context(KB, OVERVIEW, ["leukopenia"], text, "autoimmune", None, 0.97)
    assert topic == "autoimmune"


def test_when_to_go_to_casualty_with_a_low_count_is_the_emergency_question() -> None:
    text = "and when must we take her to casualty with a low count?"
    assert topic_from_context(KB, EMERGENCY, [], text, "cancer_treatment", None, 0.99) is None


@pytest.mark.parametrize(
    ("intent", "text", "current"),
    [
        ("greet", "meaning?", "autoimmune"),
        ("greet", "Meaning??", "overview"),
        ("affirm", "so?", "cancer_treatment"),
        ("affirm", "and?", "lab_error"),
        ("affirm", "related?", "liver_spleen"),
        ("thank", "linked?", "medications"),
        (NLU_FALLBACK_INTENT, "in what way?", EMERGENCY_ID),
        ("affirm", "Hangs that together?", "autoimmune"),
    ],
)
def test_a_word_or_two_that_only_asks_on_is_about_the_last_answer(
    intent: str, text: str, current: str
) -> None:
    assert topic_from_context(KB, intent, [], text, current, None, 0.5) == current


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        (OUT_OF_SCOPE_INTENT, "which ones?"),
        (NLU_FALLBACK_INTENT, "too general. like what"),
        (FOLLOW_UP_INTENT, "ok but for example?"),
    ],
)
def test_asking_for_examples_of_the_last_answer_goes_on_about_it(intent: str, text: str) -> None:
    assert topic_from_context(KB, intent, [], text, "medications", None, 0.4) == "medications"


def test_an_unsure_cause_guess_with_nothing_told_or_referred_to_stands() -> None:
    intent = KB.topic("viral_infection").intent
    text = "and a virus like flu can do it?"
    assert topic_from_context(KB, intent, ["flu"], text, "cancer_treatment", None, 0.5) is None


@pytest.mark.parametrize(("intent", "text"), [("affirm", "so"), ("affirm", "ok?"), ("deny", "no?")])
def test_a_courtesy_or_an_answer_is_no_such_question(intent: str, text: str) -> None:
    assert topic_from_context(KB, intent, [], text, "autoimmune", None, 0.9) is None


@pytest.mark.parametrize(
    "intent, text",
    [
        (OUT_OF_SCOPE_INTENT, "And will it stay low the whole time he's on treatment?"),
        (EMERGENCY, "will it come back up once she's finished?"),
        ("thank", "ok it goes back up after?"),
    ],
)
def test_whether_it_stays_low_after_the_emergency_answer_asks_about_the_last_cause(
    intent: str, text: str
) -> None:
    topic = topic_from_context(KB, intent, [], text, EMERGENCY_ID, None, 0.8, "cancer_treatment")
    assert topic == "cancer_treatment"


@pytest.mark.parametrize(
    "intent, text, last",
    [
        (OUT_OF_SCOPE_INTENT, "will it stay low the whole time?", None),
        (EMERGENCY, "will it come back up or is it an emergency?", "cancer_treatment"),
        ("thank", "thanks, hope he gets better", "cancer_treatment"),
    ],
)
def test_no_last_cause_a_word_of_urgency_or_a_wish_keeps_the_reading(
    intent: str, text: str, last: str | None
) -> None:
    assert topic_from_context(KB, intent, [], text, EMERGENCY_ID, None, 0.8, last) is None


def test_the_last_cause_is_the_latest_topic_that_is_a_cause() -> None:
    history = [None, "autoimmune", "cancer_treatment", "emergency_info", "overview"]
    assert last_cause(history) == "cancer_treatment"
    assert last_cause(["overview", "emergency_info"]) is None


def test_generally_with_a_word_of_urgency_asks_no_other_causes() -> None:
    text = "And if it did drop, would that be an A&E sort of situation, generally speaking?"
    assert topic_from_context(KB, FOLLOW_UP_INTENT, [], text, "medications", None, 0.6) is None
    assert topic_from_context(KB, EMERGENCY, [], text, "medications", None, 0.6) is None


def test_the_overview_s_word_then_what_it_means_is_not_the_current_cause() -> None:
    text = "sorry, the word you used, leuco... what does it mean again?"
    assert topic_from_context(KB, OVERVIEW, ["leuco"], text, "cancer_treatment", None, 0.8) is None
