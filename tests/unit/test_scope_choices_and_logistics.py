"""Requests the fact sheet cannot answer: comparisons, choices, remedies, logistics.

Each kind also has look-alikes the sheet does answer, which must stay topic questions.
"""

from __future__ import annotations

import pytest

from bot.nlu.scope_requests import out_of_scope_request


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("is MDS the same thing as leukaemia?", "compare_conditions"),
        ("are they the same as blood cancer", "compare_conditions"),
        ("what is the difference between lymphoma and myeloma", "compare_conditions"),
        ("lymphopenia, how is it different from neutropenia?", "compare_conditions"),
        ("which one is it then?", "diagnosis"),
        ("so which of the two was it", "diagnosis"),
        ("could the cold weather be making it drop", "unnamed_cause"),
        ("my GP mentioned cyclic neutropenia, what is that", "unnamed_cause"),
        ("can a big spleen burst?", "outlook"),
        ("will a low count mean he gets leukaemia one day", "outlook"),
        ("is there something she can eat to keep it up?", "raise_or_treat"),
        ("should he be taking anything to help it along", "raise_or_treat"),
        ("does selenium help with a low white count", "raise_or_treat"),
        ("what can the doctors do about an overactive spleen", "raise_or_treat"),
        ("how does someone get started on treatment for HIV?", "raise_or_treat"),
        ("how would I go about getting tested?", "raise_or_treat"),
        ("is Zarxio as effective as Neupogen", "raise_or_treat"),
        ("can I take turmeric together with my methotrexate", "medicine_advice"),
        ("do I have to avoid alcohol with my azathioprine", "medicine_advice"),
        ("is azathioprine or mycophenolate less likely to drop it", "medicine_advice"),
        ("what's better for lymphoma, radiotherapy or chemo?", "medicine_advice"),
        ("how long does a marrow aspiration take", "procedures"),
        ("will they have to whip his spleen out", "procedures"),
        ("his count is 3.1, is that a dangerous number?", "numbers"),
        ("is this value still within the normal range", "numbers"),
        ("neutrophils low but the total count normal, what does that mean", "numbers"),
        ("could the low count be passed to other people at home", "daily_life"),
        ("is the low white cell count hereditary", "daily_life"),
        ("when should I book the repeat in for", "clinic_admin"),
        ("how many days in advance do I ring for bloods", "clinic_admin"),
        ("when will the results be back", "clinic_admin"),
        ("could you email them to me", "clinic_admin"),
        (
            "thrombocytopenia, with a low white count. what does that word mean",
            "other_result",
        ),
    ],
)
def test_a_comparison_a_choice_a_remedy_or_logistics_is_recognised(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "what's the difference between aplastic anaemia and MDS for the white count",
        "chemo can't tell the difference between cancer cells and healthy ones, right?",
        "why does chemo take out the white cells along with the cancer cells",
        "he took antibiotics together with his steroids, could that lower it",
        "when the results came back low, could it be the lab?",
        "is leukopenia the same thing as a low white count?",
        "could the lupus be making it low",
        "what does neutropenia mean",
    ],
)
def test_look_alikes_the_sheet_answers_are_left_alone(text: str) -> None:
    assert out_of_scope_request(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("what's the recommended dose of filgrastim after chemo", "medicine_advice"),
        ("She can stop them herself?", "medicine_advice"),
        ("Her count is 2.9, it is serious?", "numbers"),
        ("WCC 3.2 - would you class that as significant?", "numbers"),
        ("is 3.4 better or worse than last time?", "numbers"),
        ("which of them is more serious?", "compare_conditions"),
        ("was ABVD or BEACOPP the better regimen?", "compare_conditions"),
        ("could you check my assignment for me", "unrelated"),
        ("can you give me his diagnosis from these results?", "diagnosis"),
        ("any way to get him an appointment sooner?", "clinic_admin"),
        ("is there a good haematologist near Leeds?", "clinic_admin"),
        ("when can she go back to school with a low count?", "daily_life"),
        ("will mum need treatment for it?", "raise_or_treat"),
        ("bahut garmi hai aaj, so much heat", "unrelated"),
        ("any B12 that would help get my whites back up?", "raise_or_treat"),
    ],
)
def test_doses_values_choices_study_help_and_plans_in_other_words(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "dad's marrow biopsy was done last week and showed aplastic anaemia, is that why?",
        "lymphoma survivor: could my old chemo still keep the count low?",
        "her whites were low all through to the final cycle, is that usual with chemo?",
        "his whites dropped after the flu, is that the virus?",
    ],
)
def test_history_a_survivor_and_the_final_cycle_are_no_requests(text: str) -> None:
    assert out_of_scope_request(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "do you speak spanish?",
        "Can u answer in Arabic pls",
        "is there a Tagalog version?",
        "does anyone there speak Somali",
        "Você fala português?",
        "¿Hablas español?",
        "Parlez-vous français ?",
    ],
)
def test_asking_whether_the_service_speaks_another_language_is_a_request(text: str) -> None:
    assert out_of_scope_request(text.lower()) == "language"


@pytest.mark.parametrize(
    "text",
    [
        "my mum only speaks Urdu, can you explain lupus simply?",
        "he doesn't speak English well, is the chemo why his count is low?",
        "the nurse who spoke Polish said it may be the lab",
    ],
)
def test_a_relative_s_language_told_in_a_question_is_no_request(text: str) -> None:
    assert out_of_scope_request(text.lower()) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("methotrexate stop can or not?", "medicine_advice"),
        ("can reduce tablet or no", "medicine_advice"),
        ("could I take extra steroids when I feel rough?", "medicine_advice"),
        ("radiotherapy dose higher, worse for the count?", "medicine_advice"),
        ("appt cancel how? I can't call", "clinic_admin"),
        ("is it ok for him to do PE this term?", "daily_life"),
        ("can my son still sit his GCSEs with a low count?", "daily_life"),
        ("may she go on the year 6 residential?", "daily_life"),
        ("any tips to get my memory back after chemo?", "side_effects"),
        ("will the chemo fog lift after treatment?", "side_effects"),
        ("is radiotherapy or surgery the better bet for her?", "compare_conditions"),
    ],
)
def test_plans_and_advice_in_short_or_second_language_words(text: str, kind: str) -> None:
    assert out_of_scope_request(text.lower()) == kind


@pytest.mark.parametrize(
    "text",
    [
        "should the school nurse treat a low count as an urgent matter?",
        "sorry, chemo fog today, what makes white cells low?",
        "my memory is poor, could you list the causes again",
        "can chemo lower it or not?",
        "could I have extra information about lupus?",
        "she went on a school trip and caught a virus, could that be why?",
        "on tacrolimus after my liver transplant and the nurse says my white count slipped",
        "my memory is shot these days, could you list the reasons a count goes low?",
        "is it going to stay down until he finishes the course? or until I finish the course",
    ],
)
def test_urgency_memory_told_and_a_trip_told_are_no_requests(text: str) -> None:
    assert out_of_scope_request(text.lower()) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("should she pull out of the study now her count is low?", "medicine_advice"),
        ("is grapefruit ok with his tablets?", "medicine_advice"),
        ("what does grade 3 mean for her?", "numbers"),
        ("it went from 3.8 to 2.1 in a month, is that a big drop?", "numbers"),
        ("neutropenia vs lymphopenia - any difference?", "compare_conditions"),
        ("who won the match last night?", "unrelated"),
        ("could you book me in for a repeat test?", "clinic_admin"),
        ("may I reschedule my appointment here?", "clinic_admin"),
        ("should we get a second opinion?", "clinic_admin"),
        ("can I do the bloods at my GP instead of the hospital?", "clinic_admin"),
        ("can he refuse the bone marrow biopsy?", "clinic_admin"),
    ],
)
def test_trial_grades_changes_in_numbers_and_arrangements(text: str, kind: str) -> None:
    assert out_of_scope_request(text.lower()) == kind


@pytest.mark.parametrize(
    "text",
    [
        "the study paused his dosing because his count was low - can a virus do that?",
        "I'm in a vaccine trial and my count dropped after a cold. Could the cold be why?",
        "Without asking you to diagnose me, is an enlarged spleen linked with a low count?",
        "I know you can't diagnose anyone, but could lupus lower the white cells?",
    ],
)
def test_a_pause_told_a_vaccine_study_and_a_disclaimed_diagnosis_are_no_requests(
    text: str,
) -> None:
    assert out_of_scope_request(text.lower()) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("how many tablets of methotrexate she should take each week?", "medicine_advice"),
        ("should a resident carry on taking his steroid tablets?", "medicine_advice"),
        ("must he stop the antibiotics?", "medicine_advice"),
        ("which one could she drop to take fewer pills?", "medicine_advice"),
        ("need take supplement or not?", "raise_or_treat"),
        ("could my son catch germs from his dad while his count is low?", "daily_life"),
        ("is it wise to visit my friend on the ward with a low count?", "daily_life"),
        ("just tell me which of the causes he actually has", "diagnosis"),
        ("his CD4 is 350, is that okay?", "numbers"),
        ("what level should be normal for a man my age?", "numbers"),
        ("when will my results be ready?", "clinic_admin"),
        ("repeat test need pay?", "clinic_admin"),
        ("could you say a prayer for my mum?", "unrelated"),
    ],
)
def test_second_language_and_pastoral_requests(text: str, kind: str) -> None:
    assert out_of_scope_request(text.lower()) == kind


@pytest.mark.parametrize(
    "text", ["HIV positive for years, CD4 420.", "I need to know what can cause it"]
)
def test_a_value_told_and_a_need_to_know_are_no_requests(text: str) -> None:
    assert out_of_scope_request(text.lower()) is None
