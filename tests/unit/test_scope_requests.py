"""Requests the fact sheet cannot answer are recognised by kind; topic questions are not."""

from __future__ import annotations

import pytest

from bot.nlu.scope_requests import REQUESTS, out_of_scope_request
from knowledge import load_knowledge
from knowledge.names import SCOPE_REQUESTS


def test_every_kind_of_request_is_a_shared_name() -> None:
    assert tuple(REQUESTS) == SCOPE_REQUESTS


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("does my husband have lymphoma?", "diagnosis"),
        ("have i got cancer", "diagnosis"),
        ("could it be leukaemia", "diagnosis"),
        ("am i dying", "outlook"),
        ("what dose of methotrexate is safe", "medicine_advice"),
        ("how many mg should she take", "medicine_advice"),
        ("how can i boost my white cells", "raise_or_treat"),
        ("are there foods that make the count go up", "raise_or_treat"),
        ("can vitamins help bring it up", "raise_or_treat"),
        ("how do you treat leukopenia", "raise_or_treat"),
        ("is there a medicine for a low white count", "raise_or_treat"),
        ("my haemoglobin was low too, why?", "other_result"),
        ("what does low platelets mean", "other_result"),
        ("why would the white count be high", "high_count"),
        ("leukocytosis on my letter", "high_count"),
        ("will my dad be ok, is he going to be alright", "outlook"),
        ("what is the life expectancy with aplastic anaemia", "outlook"),
        ("should he stop taking the methotrexate", "medicine_advice"),
        ("what is allopurinol used for", "medicine_advice"),
        ("is it ok to drink alcohol with a low count", "raise_or_treat"),
        ("what is a normal white count", "numbers"),
        ("is 3.2 low", "numbers"),
        ("can I reschedule my blood test appointment", "clinic_admin"),
        ("where can I park", "clinic_admin"),
    ],
)
def test_an_unanswerable_request_is_recognised(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "can chemo lower my white count",
        "how long till the count goes back up after chemo",
        "will my white cells recover after the virus",
        "does a high dose of steroids lower white cells",
        "platelets and wbc both low, could it be my marrow",
        "my count fell from high to low, could it be a lab error",
        "could it be lupus",
        "is it the HIV doing that",
        "do I have to repeat the blood test",
        "my mum has leukemia and is on chemo, is that why her count is low",
        "how does a virus lower the count",
        "I feel fine and went to the gym, what does a low count mean",
        "my wbc was 3.1 and low, what can cause that",
        "will the count recover once the antibiotics stop",
        "I have an appointment next week, could it be lupus",
        "can chemo stop the marrow making white cells",
    ],
)
def test_a_question_the_sheet_answers_is_left_alone(text: str) -> None:
    assert out_of_scope_request(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("does that mean he's got lymphoma", "diagnosis"),
        ("my wife have cancer?", "diagnosis"),
        ("is this an iron deficiency?", "diagnosis"),
        ("could it turn into leukaemia", "outlook"),
        ("dosage for amoxicillin?", "medicine_advice"),
        ("should we lower the dose", "medicine_advice"),
        ("is it safe to take paracetamol with it", "medicine_advice"),
        ("does methotrexate make you tired", "side_effects"),
        ("which foods are best for her", "raise_or_treat"),
        ("can I order a repeat prescription", "clinic_admin"),
        ("can I reschedule my blood test?", "clinic_admin"),
        ("a raised white count, not a low one, what causes that", "high_count"),
    ],
)
def test_more_requests_in_other_words(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("wcc 2.1, does this mean the patient has lymphoma?", "diagnosis"),
        ("so has dad got leukaemia or not", "diagnosis"),
        ("is raw fish or salad ok for her with a low wbc", "raise_or_treat"),
        ("how often should his bloods be checked on this drug", "clinic_admin"),
        ("which floor is the blood clinic on", "clinic_admin"),
        ("how is aplastic anaemia treated", "raise_or_treat"),
        ("should he get his covid booster with a low count", "daily_life"),
        ("is lupus genetic, will my girls get it", "daily_life"),
        ("can he go back to school with low neutrophils", "daily_life"),
        ("so his count is high, not low?", "high_count"),
        ("does this mean it's lymphoma", "diagnosis"),
        ("does she have an infection or leukaemia", "diagnosis"),
        ("platlets were flagged too, why", "other_result"),
        ("what does the filgrastim injection do", "medicine_advice"),
        ("do we stop the trimethoprim or finish the course", "medicine_advice"),
        ("how many cycles of chemo will she need", "raise_or_treat"),
        ("wbc 3.2 thousand, normal or not for a man his age?", "numbers"),
        ("wats the normal level for a grown man", "numbers"),
        ("what is the usual size of a liver", "numbers"),
        ("is 2.9 a low white count for a child", "numbers"),
        ("is my 4.1 normal?", "numbers"),
        ("could you book that for me please", "clinic_admin"),
        ("where is the phlebotomy department", "clinic_admin"),
        ("can she go back to her job next week", "daily_life"),
        ("what does MCH mean? it's next to the white cells on the form", "other_result"),
        ("my sister's is high, why would hers be high", "high_count"),
        ("WBC 12.9 H on the printout, what pushes it up?", "high_count"),
        ("what are monocytes", "cell_kinds"),
        ("whats the difference between neutrophils and lymphocytes", "cell_kinds"),
        ("how many types of white blood cells are there", "cell_kinds"),
        ("what are the symptoms of low white cells", "symptoms"),
        ("can a low white count make your hair fall out", "symptoms"),
        ("what does leukopenia feel like", "symptoms"),
        ("what's the usual dose of pegfilgrastim after chemo", "medicine_advice"),
        ("would he need to be on neulasta injections now", "medicine_advice"),
        ("is there a special cream I should be using on the port site", "medicine_advice"),
        ("could I cease taking the azathioprine for a bit", "medicine_advice"),
        ("shud he just stop?", "medicine_advice"),
        ("should my mother take vitamin B12 or folic acid", "raise_or_treat"),
        ("can he have extra zinc", "raise_or_treat"),
        ("is it safe for the kids to visit grandad while his count is low", "daily_life"),
        ("which hospital is most trusted for haematology", "clinic_admin"),
        ("how much would a private blood test cost me", "clinic_admin"),
        ("where would I see the neutrophil value in the report", "numbers"),
        ("1.1 for neutrophils, is that mild or moderate", "numbers"),
        ("please just tell me what my husband has", "diagnosis"),
        ("which antibiotic is best for a water infection", "medicine_advice"),
        ("is chemo too risky for someone her age", "medicine_advice"),
        ("does a low count mean leukaemia", "diagnosis"),
        ("is her count a sign of lymphoma", "diagnosis"),
        ("just tell me whether it is cancer", "diagnosis"),
        ("wbc 2.9 and lymphs 0.8, is that lupus?", "diagnosis"),
        ("can he stop the methotrexate by himself", "medicine_advice"),
        ("does a bone marrow biopsy hurt", "procedures"),
        ("will they have to take his spleen out", "procedures"),
        ("what is the normal range for white cells", "numbers"),
        ("is ok to drink wine with a low count", "raise_or_treat"),
        ("ses plaquettes sont basses, why?", "other_result"),
        ("my dads white count is two point nine, is that bad", "numbers"),
        ("wbc came back 3.4. is this dangerous at his age?", "numbers"),
        ("her count was 1,9 - how serious is that", "numbers"),
        ("nani ka wbc 2.6 hai, kitna serious hai?", "numbers"),
        ("Ought we to discontinue her methotrexate for now?", "medicine_advice"),
        ("should we switch him to a different chemo", "medicine_advice"),
        ("what is the standard treatment for aplastic anaemia", "medicine_advice"),
        ("Is there a special diet that helps the counts recover?", "raise_or_treat"),
        ("is it advisable for mum to get the flu jab now", "daily_life"),
        ("does gran need to stay away from the kids while her count is low", "daily_life"),
        ("should he isolate at home", "daily_life"),
        ("dad's sodium is low too, why would that be", "other_result"),
        ("should mum stop her donepezil till the results come back", "medicine_advice"),
        ("should his methotrexate dose be lowered", "medicine_advice"),
        ("Which is better, the injections or waiting?", "medicine_advice"),
        ("can I get a second doctor to look at it", "clinic_admin"),
        ("can she still go swimming with low white cells", "daily_life"),
        ("could I get my ears pierced with a low count", "daily_life"),
    ],
)
def test_requests_by_staff_carers_and_in_plain_words(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2.6. worrying?", "numbers"),
        ("her neutrophils are 0.9, is very dangerous?", "numbers"),
        ("Is 2.9 too low to be honest", "numbers"),
        ("what does that number mean on her report", "numbers"),
        ("stop the tablets?", "medicine_advice"),
        ("should we hold tomorrow's infusion", "medicine_advice"),
        ("how much should I reduce it by", "medicine_advice"),
        ("is better the tablets or the injection for him?", "medicine_advice"),
        ("is radiotherapy safer than chemo for my kind of cancer", "medicine_advice"),
        ("the clinic sent us an invoice for the blood count, who pays", "clinic_admin"),
        ("is turmeric tea for a low white count any good", "raise_or_treat"),
        ("could a low count harm my unborn baby", "daily_life"),
        ("is it safe to do sports with a low count", "daily_life"),
        ("which of those is it in his case", "diagnosis"),
        ("could you get them to test him for lymphoma?", "diagnosis"),
        ("any idea who will win the world cup", "unrelated"),
        ("tell me a joke", "unrelated"),
    ],
)
def test_requests_from_blind_set_ten_in_other_words(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("should dh quit the methotrexate", "medicine_advice"),
        ("can the gp just stop her tablets", "medicine_advice"),
        ("she should stop taking the lithium then?", "medicine_advice"),
        ("should his chemo be put off for a week", "medicine_advice"),
        ("will her water pills be changed", "medicine_advice"),
        ("which chemo is best", "medicine_advice"),
        ("does medicaid cover the marrow test", "clinic_admin"),
        ("can i have a copy of his results", "clinic_admin"),
        ("how often will they test her count", "clinic_admin"),
        ("does she need the covid booster now her count is low", "daily_life"),
        ("how'd the Cowboys get on yesterday?", "unrelated"),
        ("did the Yankees lose", "unrelated"),
        ("you think it will snow this weekend", "unrelated"),
        ("is it gonna rain", "unrelated"),
        ("can we hold off the tablets till it's back up", "medicine_advice"),
        ("should i pause the methotrexate", "medicine_advice"),
        ("how many mg of pred is normal for him", "medicine_advice"),
        ("he should come off them?", "medicine_advice"),
        ("which one is better for my dad, the pills or the drip", "medicine_advice"),
        ("is it worth asking for filgrastim", "medicine_advice"),
        ("what's the cost of a blood test there", "clinic_admin"),
        ("anc 0.8, it that bad?", "numbers"),
        ("her count is 3.9, is that significant", "numbers"),
        ("which cause is most likely here", "diagnosis"),
    ],
)
def test_requests_in_forum_and_carer_words(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("mum's neutrophils came back 1.2, what does that mean", "numbers"),
        ("wbc 2.4 - what is this meaning", "numbers"),
        ("her count is 3.1, is that a worry", "numbers"),
        ("his anc was 0.7. would you call that dangerous?", "numbers"),
        ("should grandad have his shingles vaccine this month", "daily_life"),
        ("is it a problem that the baby had her immunisations last week", "daily_life"),
        ("fasting in ramadan with a low count, allowed?", "daily_life"),
        ("what does a raised white count mean? it was low last time", "high_count"),
        ("why is his wbc raised now when it was low in spring", "high_count"),
        ("monocytes high on the printout, why", "high_count"),
        ("is there any natural way to raise my neuts", "raise_or_treat"),
    ],
)
def test_values_vaccines_and_a_high_count_asked_about_alone(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("could worry and stress bring the count down", "unnamed_cause"),
        ("does haemodialysis cause it, or is the dialysis itself behind it?", "unnamed_cause"),
        ("can low b12 lower white cells too", "unnamed_cause"),
        ("is benign ethnic neutropenia real", "unnamed_cause"),
        ("is it something you inherit, can it be passed on to my kids", "daily_life"),
        ("could my grandson catch a low count from me", "daily_life"),
        ("how do we protect him from germs while it's low", "daily_life"),
        ("swimming ok with low neuts?", "daily_life"),
        ("does she need to wear a mask on the bus", "daily_life"),
        ("the flu injection, yes or no with a low count?", "daily_life"),
        ("pause metformin?", "medicine_advice"),
        ("can they make the dose smaller so it doesn't drop", "medicine_advice"),
        ("the rheumy wants to go up to 25mg, is that wise", "medicine_advice"),
        ("should he ask to be switched onto something else", "medicine_advice"),
        ("best meds for lupus?", "medicine_advice"),
        ("is pegfilgrastim worth asking for", "raise_or_treat"),
        (
            "does g-csf push the marrow to make more cells, and should we ask for it",
            "raise_or_treat",
        ),
        ("normal range for a man?", "numbers"),
        ("his spleen is 15 cm, is that big", "numbers"),
        ("what's the cut-off for neutropenia", "numbers"),
        ("which of those results is worse, the neutrophils or the lymphocytes", "numbers"),
        ("lymphs low, neuts fine, what does that mean", "numbers"),
        ("do I have to pay for my blood test", "clinic_admin"),
        ("appointment on friday?", "clinic_admin"),
        ("and school, can he still go?", "daily_life"),
        ("wbc fine, platelets 70. what causes thrombocytopenia?", "other_result"),
        ("should she be having regular blood tests on that drug", "clinic_admin"),
        ("should he just get his spleen removed", "procedures"),
        ("which would be more likely for him, the virus or the tablets?", "diagnosis"),
    ],
)
def test_causes_the_sheet_never_names_and_more_care_questions(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "kidney transplant in 2015, on tacrolimus, could that lower my count",
        "my count is below the normal range, why might that be?",
        "I took antibiotics as a precaution, could they lower the count",
        "I'd hate to pay for an ambulance, when is a low count an emergency?",
        "the scan said the spleen is 16cm, so could the spleen be why?",
        "I'm stressed, could my lupus be lowering my count?",
    ],
)
def test_history_and_statements_around_those_are_not_requests(text: str) -> None:
    assert out_of_scope_request(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "it was high before his chemo, why is it so low now?",
        "count came back 2.7 and I feel fine otherwise. what does it mean when it's low",
        "wbc 1.8 after the biopsy, what does that mean for the white count",
        "could her flu vaccine have caused the drop",
        "was the covid jab the reason his count went down",
    ],
)
def test_a_low_count_or_a_vaccine_as_a_cause_is_not_such_a_request(text: str) -> None:
    assert out_of_scope_request(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "should i stop worrying about the count",
        "he had his flu jab last week, could that lower the count",
        "could his steroid tablets be why the count is low",
        "how did the chemo do last time, it dropped his count",
        "did the treatment lose its effect, his count is low again",
        "he got soaked in the rain on saturday and now the count is low, why",
        "is it worth asking for a repeat test",
        "she's on tacrolimus after her transplant, can that lower the count",
        "is it the chemo that makes it that low?",
    ],
)
def test_look_alikes_of_those_requests_are_not_requests(text: str) -> None:
    assert out_of_scope_request(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "my son hurt his leg at football and now his white count is low, why",
        "they put the dose up last month and now his count is low, could it be that",
        "my wbc was 3.1 last week, what can make it go low",
        "was 3.4 and it dropped to 2.2 after chemo, is that expected",
        "the team wants to test her for HIV because of the count, can HIV really do that?",
        "he drinks more than he should and his count is low, could his liver be why",
    ],
)
def test_what_happened_is_not_a_request(text: str) -> None:
    assert out_of_scope_request(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "will it sort itself out or fix itself",
        "the nurse said her marrow is tired and not making enough cells, why",
        "he has been very tired since chemo, is the low count from that?",
        "the wbc and the platelets are both on the low side",
        "if she stop the pills, the white cells come back?",
        "he feels fine and is going to work as normal, so why is the count low",
        "what are neutrophils and why are mine low",
        "which antibiotics can lower the white count",
        "wbc 2.4 L, repeated after 24 h",
        "does a low white count mean chemo is working",
        "if I got serious symptoms with a low leucocyte count, is that urgent?",
        "what signs of a low count mean we should go to A&E",
        "what are the symptoms of low white cells, should I call 999",
        "which cause is the most common one",
        "how much does the chemo lower the count",
        "can she see her friends if her count is low because of lupus, and why is it low",
        "the nurse says his cells are on the severe side, what causes that",
        "he was given filgrastim after chemo, could the chemo be why the count is low",
        "after his bone marrow transplant his count is low, why",
        "does it mean the chemo is working",
        "can lupus cause a low white count",
        "if I stop the tablets will the count come back",
        "my son is 5, is it bad that his count is low?",
        "she is 2.5 years old, is it serious that her count is low",
        "he takes 7.5 mg of methotrexate, is that why it is low",
        "they switched her to a different chemo last month and the count dropped",
        "his count was 2.4 last week. is that normal with radiotherapy?",
        "the doctor called it an isolated neutropenia, what causes that",
        "the liver tests were fine but the white count is low, why",
        "will the count recover after chemo",
        "can you get a low count with lupus",
        "When should we go to hospital with a low count like hers?",
        "when should you get urgent help with a low white count",
        "can the treatment for lymphoma lower the count",
        "my count was 3.2 and the doctor said it might be the lab, is that possible?",
    ],
)
def test_recovery_and_a_tired_organ_are_not_requests(text: str) -> None:
    assert out_of_scope_request(text) is None


def test_a_side_effect_on_the_white_count_is_a_topic_question() -> None:
    assert out_of_scope_request("is a low white count a side effect of chemo") is None


def test_no_knowledge_file_term_alone_is_an_unanswerable_request() -> None:
    """A term named in a statement ("my doctor mentioned X") is a topic, whatever X is."""
    frames = ("{term}", "my doctor mentioned {term}", "hi, my mum's letter mentions {term}")
    caught = [
        text
        for term in load_knowledge().term_index()
        for text in (frame.format(term=term) for frame in frames)
        if out_of_scope_request(text) is not None
    ]
    assert caught == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("can breastfeeding make your white count drop?", "unnamed_cause"),
        ("would too much exercise be the reason my wbc is low", "unnamed_cause"),
        ("could a vegetarian diet be causing it", "unnamed_cause"),
        ("does smoking lower white cells", "unnamed_cause"),
        ("do white cells fall during pregnancy?", "unnamed_cause"),
        ("is it alright to go swimming in the sea with a low count", "daily_life"),
        ("is it ok for my son to play rugby this weekend", "daily_life"),
        ("should we postpone the operation if her count is low", "daily_life"),
        ("could the baby inherit it from me", "daily_life"),
        ("will it affect my marathon times", "daily_life"),
        ("should mum carry on taking the carbimazole", "medicine_advice"),
        ("can he come off the steroids now", "medicine_advice"),
        ("is 20mg too much for her", "medicine_advice"),
        ("what's the price of a bone marrow biopsy", "clinic_admin"),
        ("what is the long-term outlook for aplastic anaemia", "outlook"),
    ],
)
def test_causes_activities_and_medicine_changes_in_other_words(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "is it safe to wait until the morning with a low count?",
        "is it ok to leave it until my gp appointment next week?",
        "is it fine to go to a&e just for a low count?",
        "is it ok to have a low white count and feel well?",
        "my son has had low neutrophils since birth, could it be his marrow?",
        "should I keep taking my temperature twice a day?",
        "can the chemo be causing it?",
    ],
)
def test_the_emergency_question_and_named_causes_stay_topic_questions(text: str) -> None:
    assert out_of_scope_request(text) is None


def test_below_range_is_low_so_a_routine_check_is_not_a_question_about_a_procedure() -> None:
    text = "I had a routine check for work and my leukocytes are below range, what does that mean?"
    assert out_of_scope_request(text) is None


def test_two_kinds_of_white_cell_and_their_meaning_in_notes_style_are_numbers() -> None:
    assert out_of_scope_request("lymphocytes low, neutrophils ok → meaning?") == "numbers"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("my aunt had it too, does it come from the family?", "daily_life"),
        ("will he have to start treatment now?", "medicine_advice"),
        ("which tablets should she take for it", "medicine_advice"),
        ("what's the right dosage for a child", "medicine_advice"),
        ("dawai band kar dein kya?", "medicine_advice"),
        ("could you arrange a home visit for the blood test", "clinic_admin"),
        ("so which cause applies to me?", "diagnosis"),
    ],
)
def test_inheritance_treatment_needs_and_arrangements_in_other_words(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("which radiotherapy would you recommend for her lymphoma?", "medicine_advice"),
        ("what chemo regimen is most effective for bowel cancer", "medicine_advice"),
        ("methotrexate dose for RA", "medicine_advice"),
        ("dosage to prevent it?", "medicine_advice"),
        ("should he give her more steroids or less?", "medicine_advice"),
        ("can I double up on my antibiotics?", "medicine_advice"),
        ("so I have to change tablets now?", "medicine_advice"),
        ("a vitamin that kick-starts the marrow again?", "raise_or_treat"),
        ("low microbial diet, what is allowed", "raise_or_treat"),
        ("should she run with a count this low?", "daily_life"),
        ("does he need to be kept off games at school?", "daily_life"),
        ("what should her level be? it said 3.1", "numbers"),
    ],
)
def test_choices_doses_diets_activities_and_target_values(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "which chemo drugs lower the white count?",
        "could the prednisone dose be why it's low?",
        "is a low count more or less likely after radiotherapy?",
        "the dose of her chemo was doubled and now her count is low, why?",
        "can I run the risk of it being the lab?",
    ],
)
def test_a_cause_asked_about_beside_those_words_stays_a_topic_question(text: str) -> None:
    assert out_of_scope_request(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("is there a good detox for a low count?", "raise_or_treat"),
        ("what does a raised platelet count mean? more worried about that", "other_result"),
        ("which is stronger for her, prednisolone or hydrocortisone?", "medicine_advice"),
        ("could she get a generic version of the pills", "medicine_advice"),
        ("what is the NLR on my report", "numbers"),
        ("lymphocytes 18% - what does this mean", "numbers"),
    ],
)
def test_detox_other_results_choices_and_percentages(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "I've been detoxing since the virus, could a virus leave it low?",
        "marrow cellularity <10%. Does that explain the low white cells?",
        "is the spleen trapping too many of his white cells?",
        "I avoid hospitals, but when should I go in with a low count?",
    ],
)
def test_a_cause_or_the_emergency_question_beside_those_words_stays(text: str) -> None:
    assert out_of_scope_request(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Doctor, I can stop the tablets already?", "medicine_advice"),
        ("he should pause to take them?", "medicine_advice"),
        ("my son can drink milk with this?", "daily_life"),
        ("would some vitamin C help?", "raise_or_treat"),
        ("how many more years she can live?", "outlook"),
        ("Will my dad need a marrow biopsy?", "procedures"),
        ("Report: 'WBC 2.4.' Is 2.4 dangerously low?", "numbers"),
        ("can they test her for lupus?", "diagnosis"),
    ],
)
def test_questions_in_a_statement_s_word_order_and_other_requests(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Why would they test me for hepatitis? The letter said leukopenia work-up.",
        "why did the doctors test him for HIV?",
        "I should stop worrying? the count is low after flu",
        "he had a biopsy showing MDS, could that explain it?",
    ],
)
def test_why_a_test_was_done_and_other_look_alikes_are_not_requests(text: str) -> None:
    assert out_of_scope_request(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Can the customer stop his azathioprine himself?", "medicine_advice"),
        ("should pt hold mycophenolate till the next FBC?", "medicine_advice"),
        ("any interaction between warfarin and amoxicillin?", "medicine_advice"),
        ("Which epilepsy medicine is least likely to lower his count?", "medicine_advice"),
        ("which therapy is best for his myeloma?", "medicine_advice"),
        ("Is hepatitis or cirrhosis the more serious?", "compare_conditions"),
        ("is a private blood test quicker?", "clinic_admin"),
        ("how long will it take to get the blood results back from the lab?", "clinic_admin"),
        ("rheumatologist or haematologist, who should I ask to see?", "clinic_admin"),
        ("do I need a referral for the repeat test?", "clinic_admin"),
        ("what do low thrombocytes mean?", "other_result"),
        ("can my son still play in the football match with a low white count?", "daily_life"),
        ("pegfilgrastim dose if the oncologist wants it?", "raise_or_treat"),
        ("what tea will flush out the liver?", "raise_or_treat"),
        ("why do I keep getting migraines?", "unrelated"),
        ("ok then, just diagnose me", "diagnosis"),
        ("when can he get the new test booked in?", "clinic_admin"),
        ("are you open at the weekend? she needs to hand in a sample", "clinic_admin"),
        ("would turmeric help her white cells?", "raise_or_treat"),
    ],
)
def test_pharmacy_shorthand_choices_and_arrangements_are_requests(text: str, kind: str) -> None:
    assert out_of_scope_request(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "They diagnosed my mum with RA in May. Could the RA make her white count low?",
        "my migraines started on chemo, could the chemo lower my white count too?",
        "which drugs are most likely to lower the white count?",
        "is the chemo more likely than the virus to be the cause?",
    ],
)
def test_a_diagnosis_told_and_other_cause_questions_are_not_requests(text: str) -> None:
    assert out_of_scope_request(text) is None
