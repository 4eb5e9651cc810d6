"""The red-flag detector, as the bot runs it, against every labelled set in data/safety/labelled.

Every emergency must be caught (a miss can kill); false alarms may reach at most
2 % of the calm messages of any discriminator (a false alarm teaches patients to
ignore the message). These are tuned figures: the honest, first-contact ones are
in each set's `first_contact` and in `make eval`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Dict, List

import pytest

from bot.safety.context import CURRENT, HYPOTHETICAL, NEGATED, RESOLVED
from bot.safety.detector import RedFlagDetector
from bot.safety.labelled import (
    Example,
    accepted_alarms,
    load_sets,
    topic_questions,
    training_examples,
)
from bot.safety.learned import LearnedOpinion
from bot.safety.rules import load_rules
from bot.safety.stand_downs import STOOD_DOWN
from bot.safety.taxonomy import load_taxonomy
from tests.conftest import read_yaml

MAX_FALSE_ALARM_RATE = 0.02
ACCEPTED_ALARMS = accepted_alarms()
TAXONOMY = load_taxonomy()
SETS = [s for s in load_sets(TAXONOMY) if s.train]
"""The sets the rules were tuned on and the classifier learned from; a set measured at
first contact but not yet tuned on (`train: false`) is reported by `make eval` only."""
EMERGENCIES = [e for s in SETS for e in s.emergencies]
CALM = [e for s in SETS for e in s.calm]
CRISIS = [e for e in EMERGENCIES if e.presentation == "suicidal_intent"]


def _discriminator(example: Example) -> str:
    if example.presentation in TAXONOMY.presentations:
        return TAXONOMY.discriminator_of(example.presentation)
    return "none"


CALM_BY_DISCRIMINATOR: Dict[str, List[Example]] = defaultdict(list)
for _example in CALM:
    CALM_BY_DISCRIMINATOR[_discriminator(_example)].append(_example)


@pytest.fixture(scope="module")
def rules_only() -> RedFlagDetector:
    return RedFlagDetector(load_rules(taxonomy=TAXONOMY))


@pytest.fixture(scope="module")
def detector() -> RedFlagDetector:
    """Rules and the classifier learned from the training sets, as `rasa train` makes it."""
    classifier = LearnedOpinion.train(training_examples(SETS) + topic_questions())
    return RedFlagDetector(load_rules(taxonomy=TAXONOMY), classifier)


@pytest.mark.parametrize("item", EMERGENCIES, ids=[e.text[:50] for e in EMERGENCIES])
def test_every_emergency_is_caught(detector: RedFlagDetector, item: Example) -> None:
    assessment = detector.assess(item.text)
    assert assessment.emergency, [(f.rule, f.status) for f in assessment.findings]


@pytest.mark.parametrize("item", CRISIS, ids=[e.text[:50] for e in CRISIS])
def test_suicidal_intent_also_gets_the_crisis_line(
    rules_only: RedFlagDetector, item: Example
) -> None:
    assert rules_only.assess(item.text).crisis_line


def test_every_accepted_alarm_is_a_labelled_calm_message() -> None:
    assert ACCEPTED_ALARMS <= {e.text for e in CALM}


def test_most_sets_are_tuned_on() -> None:
    """A set left untuned is the exception: its misses wait for the next session."""
    everything = load_sets(TAXONOMY)
    assert len(SETS) >= len(everything) - 2


@pytest.mark.parametrize("discriminator", sorted(CALM_BY_DISCRIMINATOR))
def test_false_alarms_per_discriminator_stay_within_2_percent(
    detector: RedFlagDetector, discriminator: str
) -> None:
    messages = [e.text for e in CALM_BY_DISCRIMINATOR[discriminator]]
    alarms = [t for t in messages if detector.assess(t).emergency and t not in ACCEPTED_ALARMS]
    assert len(alarms) <= MAX_FALSE_ALARM_RATE * len(messages), alarms


def test_no_topic_question_raises_an_alarm(detector: RedFlagDetector) -> None:
    """Patients' ordinary questions (held-out topic set) never get the emergency reply."""
    questions = [q["text"] for q in read_yaml("heldout_questions.yml")["questions"]]
    assert [q for q in questions if detector.assess(q).emergency] == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("no fever, just curious", NEGATED),
        ("no fever, cough or rash", NEGATED),
        ("I had a fever last week but it's gone", RESOLVED),
        ("my dad had a heart attack at 55", RESOLVED),
        ("what temperature counts as a fever?", HYPOTHETICAL),
        ("the leaflet says to call if you get a fever", HYPOTHETICAL),
        (
            "Chemo booklet: 'Ring us for chest pain or breathlessness.' Is hair loss normal?",
            HYPOTHETICAL,
        ),
        (
            "Discharge letter says \u201cwatch for slurred speech\u201d. All good so far",
            HYPOTHETICAL,
        ),
        ("I have a fever", CURRENT),
        ("he's not breathing", CURRENT),
        ("she hasn't peed all day", CURRENT),
        ("my 2 year old has a temp of 38.1 but is playing and drinking", STOOD_DOWN),
        ("bit of a fever, 38.1, with a cold; he's healthy and not on any treatment", STOOD_DOWN),
        ("my 2 year old has a temp of 38.5 and is not playing or drinking", CURRENT),
        ("rash not fading under glass", CURRENT),
        ("a blotchy rash on her tummy that fades when I press a glass on it", STOOD_DOWN),
        ("night sweats and hot flushes, I think it's the menopause", STOOD_DOWN),
    ],
)
def test_context_decides_the_status(rules_only: RedFlagDetector, text: str, status: str) -> None:
    assert {f.status for f in rules_only.assess(text).findings} == {status}


def test_a_current_red_flag_wins_over_a_negated_one(rules_only: RedFlagDetector) -> None:
    assessment = rules_only.assess("no fever but I can't breathe")
    statuses: Dict[str, List[str]] = defaultdict(list)
    for finding in assessment.findings:
        statuses[finding.rule].append(finding.status)
    assert set(statuses["fever_words"]) == {NEGATED}
    assert CURRENT in statuses["breathing_distress"]
    assert assessment.emergency


def test_not_coping_is_not_a_negated_list(rules_only: RedFlagDetector) -> None:
    assert rules_only.assess("not coping, thinking of ending it").crisis_line


def test_a_deliberate_overdose_gets_the_crisis_line_and_a_child_who_swallowed_tablets_not(
    rules_only: RedFlagDetector,
) -> None:
    deliberate = rules_only.assess("I took an overdose an hour ago")
    child = rules_only.assess("my toddler swallowed some of my blood pressure tablets")
    assert deliberate.emergency and deliberate.crisis_line
    assert child.emergency and not child.crisis_line


def test_a_fever_off_treatment_still_counts_with_a_low_count_or_a_baby(
    rules_only: RedFlagDetector,
) -> None:
    for text in (
        "not on any treatment but my white count is low and I have a fever of 38.5",
        "she's healthy, not on treatment, 6 weeks old and her temperature is 38.2",
        "no chemo now, but the rash doesn't fade when I press a glass on it and she has a fever",
    ):
        assert rules_only.assess(text).emergency, text


def test_severity_told_by_numbers_and_lost_function(rules_only: RedFlagDetector) -> None:
    for text in (
        "shaking and feel terribly ill, heart is 130",
        "I've saved up my tablets and I'm going to take them tonight",
        "since lunchtime I've lost feeling in both legs, I have lung cancer and sciatica",
        "it felt like something tore inside his chest",
        "I can't see anything out of my left eye since an hour ago",
        "found the blister pack of his dad's heart tablets with four missing",
        "on tablets for bowel cancer and 7 loose poos since breakfast",
        "mum fell in the kitchen, her foot is turned outwards and she can't put any weight on it",
        "my mother says she is going to walk into the sea tonight",
        # a medicine for seizures, then a seizure now; "fit" as a seizure beside Pidgin words
        "she takes keppra for seizure and now she is fitting and won't stop",
        "abeg my pikin dey fit, e no dey wake",
        # severe asthma as a diagnosis, then an attack now
        "my son has severe asthma and he can't breathe, his inhaler isn't working",
        "she has severe asthma and is having an attack",
        # a document quoted, then what is happening now
        "The sheet says 'call if you feel unwell' and now he can't breathe",
        # speech is not a document
        "my son said 'I can't breathe' and went grey",
        # dropped endings typed as spoken
        "she got knockd out at netball and keeps bein sick",
        "his lips are puffin up after the prawns and he is weezin",
    ):
        assert rules_only.assess(text).emergency, text


def test_look_alikes_are_not_red_flags(rules_only: RedFlagDetector) -> None:
    for text in (
        "I'm dying for a cup of tea",
        "I keep fit and well",
        "My sister neutrophils low. Which food she fit chop to increase am?",
        "the malaria wey she get last month, e fit still dey lower am?",
        "wetin else fit cause low white blood?",
        "which tea fit flush the blood?",
        "my pikin dey take valproate for seizure, na the drug make am low?",
        "my daughter has severe asthma and takes prednisolone, could that lower her white count?",
        "a student with bad asthma is on steroids, is that why his count dropped?",
        "I take ten tablets for my heart, sugar and thyroid - could one of them lower my count?",
        "he takes twelve pills a day for his kidneys and joints, which one lowers white cells?",
        "my hay fever is awful this year",
        "I nearly had a heart attack when I saw the bill",
        "out of breath after running for the bus, fine a minute later",
        "I've been squinting at the TV and get headaches",
        "I had heart surgery in 2019 and I'm fine now",
        "his ankle swelled up like a golf ball but he can walk on it, less sore each day",
        "started iron tablets and my poo has gone dark",
        "my toddler bumped his lip, it bled for a couple of minutes",
        "feel like death warmed up with this cold",
        "whats an aortic dissection? saw it on tv and now I'm worried about my husband",
        "the health visitor says she'll grow out of it",
        "during induction she had loads of petechiae; in maintenance now, no spots",
        "sorry if this sounds muddled, what can make a white count low?",
        "so many people and machines handle the blood sample, could the count be wrong",
        "she takes lots of tablets for her heart and sugar, could one lower her wbc",
    ):
        assert not rules_only.assess(text).emergency, text


def test_regular_medicines_stand_down_only_without_an_overdose(
    rules_only: RedFlagDetector,
) -> None:
    for text in (
        "she takes lots of tablets for her heart and swallowed the whole packet",
        "I take a lot of pills for my back and took them all at once",
        "I took a lot of tablets tonight",
        "I take ten tablets for my heart and I took them all at once",
    ):
        assert rules_only.assess(text).emergency, text


def test_puzzled_by_the_results_is_not_confusion_but_a_confused_person_is(
    rules_only: RedFlagDetector,
) -> None:
    for text in (
        "lowkey confused, what makes the white count drop",
        "really confused, what does leukopenia mean",
    ):
        assert not rules_only.assess(text).emergency, text
    for text in (
        "mum is kinda confused, what makes her count drop",
        "he's confused, what does a low count mean",
        "feeling confused, what causes a low wbc",
        "confused and dizzy, why is my count low",
        "on chemo and confused, why is my wbc low",
    ):
        assert rules_only.assess(text).emergency, text


def test_a_confused_body_or_chat_is_not_a_confused_person_but_one_beside_it_is(
    rules_only: RedFlagDetector,
) -> None:
    for text in (
        "the doctor says her immune system got confused and attacks the white cells",
        "the whole family chat is confused, mum has a big spleen and low whites, connected?",
    ):
        assert not rules_only.assess(text).emergency, text
    for text in (
        "my immune system is confused and mum is confused and drowsy today",
        "everyone in the group chat is confused and dad is confused since this morning",
    ):
        assert rules_only.assess(text).emergency, text


def test_an_alarm_names_its_rule_presentation_and_discriminator(
    rules_only: RedFlagDetector,
) -> None:
    explanation = rules_only.assess("my dad's face has dropped on one side").explanation()
    assert explanation["rules"] == ["stroke_fast"]
    assert explanation["presentations"] == ["stroke"]
    assert explanation["discriminators"] == ["conscious_level"]


def test_the_classifier_adds_its_score(detector: RedFlagDetector) -> None:
    score = detector.assess("what is leukopenia?").classifier_score
    assert score is not None and 0.0 <= score < 0.5


def test_empty_text_is_calm(detector: RedFlagDetector) -> None:
    assert not detector.assess("").emergency


def test_a_context_taken_for_granted_in_a_question_stands_down(
    rules_only: RedFlagDetector,
) -> None:
    for text in (
        "is it his dementia that makes him so muddled and confused at teatime",
        "could the alzheimers be why she gets confused in the late afternoon",
    ):
        assert not rules_only.assess(text).emergency, text
    for text in (
        "is it dementia that's making her so confused",  # a new diagnosis: may be delirium
        "is it the dementia making him so confused today",
        "is it the dementia or an infection, she's suddenly confused",
    ):
        assert rules_only.assess(text).emergency, text
