"""Whether a message asks if the low count is grave, read from its text alone.

Read by the named-term certainty (bot.nlu.named_terms): a message read as the
overview or small talk that calls the count grave ("is it dangerous or what, low
WBC?", "worry?", "ER-worthy?") asks the emergency question; one that asks whether a
named cause is why, with only a worry besides, asks about the cause. Plain Python
with no Rasa import; `entities` are Rasa's entity dicts.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Sequence

from bot.nlu.term_questions import SENTENCE, answered_by_the_term
from knowledge.count_words import CARE_PLACES, GRAVITY, URGENCY

_GRAVE = re.compile(rf"\b(?:{GRAVITY})\b")
_URGENT = re.compile(rf"\b(?:{URGENCY}|scared|afraid|frightened|panic\w*)\b")
_CALLED_GRAVE = re.compile(
    r"(?<!nothing )(?<!not )\b(?:urgent|emergency|serious|dangerous|danger|life threatening"
    r"|acute (?:problem|issue|situation|worry))\b"
    r"|\b(?:reason|need|time|cause) to (?:go to|attend|visit|call|ring|head to|rush to) (?:the )?"
    r"(?:ed|er|a ?& ?e|casualty|emergency|hospital|ambulance|999|911)\b"
    r"|\b(?:is|isn'?t) (?:it|this|that) grave\b|\bc'?est grave\b"
    r"|\b(?:must|should|shall|need) (?:we|i|he|she|they) (?:\w+ )?be (?:worried|concerned)\s*[,?]"
    r"|\b(?:must|should|shall|need) (?:we|i|he|she|they) (?:\w+ )?be (?:worried|concerned) about"
    r" (?:this|the|a|my|his|her|these|that) (?:low )?(?:count|result|number|wbc|white|level"
    r"|reading)"
    r"|\b(?:a ?& ?e|er|emergency|hospital|ambulance|999|911) (?:sort|kind|type) of (?:situation"
    r"|thing|case|problem)\b"
)
"""Calling the count itself grave ("is it dangerous or what?", the French speaker's "is it
grave?"; not "seriously confused"), or asking if one must worry ("Must we be worried, ...?")."""
_ASKED_GRAVE_BRIEFLY = re.compile(
    r"\b(?:a ?& ?e|ambulance|999|911|worr(?:y|ied|ying|yed|ed)|scared|afraid|frightened"
    r"|casualty)\b"
    r"|\b(?:go to (?:the )?|go |an? |the )er\b|\ber[- ]worthy\b|^\W*er\s*\?\s*$"
)
"""In a few words, the same ("worry?", "ER-worthy?"); in a story, "seen in A&E" or "I'm
worried" tell, they do not ask."""
_ASKS_WHEN_TO_GO = re.compile(
    r"\b(?:when|in (?:which|what) (?:cases?|situations?)|at what (?:point|stage)"
    r"|(?:what|which) (?:sort of |kind of |kinds of |type of )?(?:signs|symptoms))\b"
    r"[^.?!]{0,40}\b(?:go|goes|going|take|taking|bring|bringing|rush|send|call|ring|phone"
    rf"|head)\b[^.?!]{{0,25}}\b(?:{CARE_PLACES}|emergency)\b"
    r"|\b(?:when|at what (?:point|stage))\b[^.?!]{0,60}\b(?:shouldn'?t|should not|can'?t|cannot"
    r"|no longer) (?:\w+ )?(?:manage|handle|treat|deal with|look after)"
    r" (?:\w+ )?(?:at home|myself|ourselves|yourself)\b"
    r"|\b(?:what|which|any|general|main|key|usual)(?: are| were)?(?: the)? red[- ]flags?\b"
    r"|^\W*red[- ]flags?\W*$"
)
"""Asking when to seek emergency care ("in which cases I must bring her to hospital?", "what
are the red flags for going in?")."""
BRIEF_WORDS = 8


def only_worried_why(text: str | None, entities: Sequence[Dict[str, Any]]) -> bool:
    """Whether the message asks if the named cause is why, and only worries besides.

    "I have RA. Is that why my white cells are low or should I be worried about
    something worse?" asks about the RA; "is a low count on chemo dangerous?" and
    "should I go to A&E with a low count from chemo?" ask the emergency question.
    """
    return answered_by_the_term(text, entities) and not calls_grave(text or "")


def asks_if_grave(text: str) -> bool:
    """Whether the text calls the count grave, or asks so in a few words ("worry?")."""
    lowered = text.lower()
    brief = len(lowered.split()) <= BRIEF_WORDS
    return bool(_CALLED_GRAVE.search(lowered) or (brief and _ASKED_GRAVE_BRIEFLY.search(lowered)))


_DEFERRED_WORRY = re.compile(
    r"\bbefore (?:i |we |you |anyone |he |she )?(?:start |begin |get )?(?:to )?(?:worry|worrying"
    r"|panic\w*)\b"
)


def defers_worry(text: str) -> bool:
    """Whether the only worry is put off ("repeat the test before I start worrying?")."""
    lowered = text.lower()
    return bool(_DEFERRED_WORRY.search(lowered)) and not calls_grave(lowered)


_WHERE_TOLD = re.compile(
    r"\b(?:hear|heard|hearing|told|tells?|said|says?|saying|wrote|writes?|written|mention\w*)"
    r"\b[^.?!,]{0,40}\b(?:at|from|for) (?:the )?(?:hospital|a ?& ?e|casualty)\b"
)
"""Where the patient heard it ("I dey hear 'low WBC' for hospital"): a story, not gravity."""


def calls_grave(text: str) -> bool:
    """Whether the text has a word of gravity or a place of urgent care ("serious", "A&E").

    Not a place where the patient was told ("they said at the hospital it was low").
    """
    return bool(_GRAVE.search(_WHERE_TOLD.sub(" ", text.lower())))


def asks_when_to_go(text: str, causes: Sequence[Dict[str, Any]] = ()) -> bool:
    """Whether the text asks when to go to emergency care ("at what point do we go to A&E?").

    In a sentence that names none of `causes` (entity dicts): "he is on carbamazepine
    and his count is low. What signs would mean we take him to A&E?" asks it; "when
    should we take her to hospital for the chemo?" asks about the chemo.
    """
    for sentence in SENTENCE.finditer(text.lower()):
        start, end = sentence.span()
        named = any(start <= int(e.get("start", 0)) < end for e in causes)
        if not named and _ASKS_WHEN_TO_GO.search(sentence.group()):
            return True
    return False


def sounds_urgent(text: str) -> bool:
    """Whether the text has a word of gravity or of worry ("serious", "A&E", "worried")."""
    return bool(_URGENT.search(text.lower()))
