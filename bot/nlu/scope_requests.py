"""Requests the fact sheet cannot answer, even when they name one of its terms.

A message can name a cause and still ask something the bot must not answer: "do I
have leukaemia?" asks for a diagnosis, "what dose of prednisone?" for a dose, "is
there an injection to bring it up?" for a treatment, "my platelets are low too" and
"what about a high count?" about another result. The intent classifier and the
named-term certainty see a topic's words in them; these patterns see the request.

Plain Python with no Rasa import, so the patterns are tested on their own
(tests/unit/test_scope_requests.py) and by the held-out sets through the model.
"""

from __future__ import annotations

import re
from typing import Dict, Pattern

_DISEASE = (
    r"(?:an? |the )?(?:cancer|leuk[a]?emia|leuc[a]?emia|leuk[a]?emia|lymphoma|myeloma|tumou?r"
    r"|lupus|sle|hiv|aids|mds|aplastic|cirrhosis|hepatitis|an? (?:serious )?(?:disease|illness"
    r"|infection|virus)|something (?:serious|bad|wrong))\b"
)
_WHITE_CELLS = r"\b(?:white|wbc|leu[ck]\w*|neutro\w*|lympho\w*)\b"
_UP = (
    r"(?:raise|raising|boost\w*|increase|increasing|improve|improving|build\w* (?:\w+ ){0,2}up"
    r"|(?:bring|get|push|put)\w* (?:\w+ ){0,3}(?:back )?up|make\w* (?:\w+ ){0,4}go (?:back )?up)"
)
"""Someone making the count rise (not the count recovering by itself)."""
_SOMEONE_DOES = (
    r"\b(?:how|what)\s+(?:can|could|do|should|would|might)\s+(?:i|we|you|he|she|they|one)\b"
    r"|\bhow to\b|\b(?:anything|something|ways?|tips?)\b[^.?!]{0,30}\bto\b"
    r"|\b(?:can|could|should|do)\s+(?:i|we|he|she|they)\b"
)
_HELPERS = (
    r"(?:foods?|eat\w*|diet|supplements?|vitamins?|injections?|jabs?|shots?|herbs?|juices?"
    r"|exercise)"
)

REQUESTS: Dict[str, Pattern[str]] = {
    # Whether the patient (or someone they ask for) has a disease: a diagnosis.
    "diagnosis": re.compile(
        r"\b(?:do|does|did|have|has|could|might|may|am|is|are)\s+"
        r"(?:i|he|she|they|we|you think i|my \w+)\s+(?:have|has|got|gotten|be getting)\s+"
        + _DISEASE
        + r"|\b(?:is|could|might)\s+(?:it|this|that)\s+(?:be\s+)?(?:a\s+)?"
        r"(?:cancer|leuk[a]?emia|leuc[a]?emia|lymphoma|a tumou?r)\b"
        r"|\bam i (?:dying|going to die)\b|\bdiagnos(?:e|is) (?:me|him|her|my)\b"
        r"|\b(?:tell me )?yes or no\b"
    ),
    # How much of a medicine to take.
    "dose": re.compile(
        r"\b(?:what|which|right|correct|safe|max\w*|usual|normal)\s+(?:\w+\s+)?(?:dose|dosage)s?\b"
        r"|\bhow (?:much|many)\b[^.?!]{0,30}\b(?:take|taken|taking|have|give|mg)\b"
        r"|\bdos(?:e|age) (?:of|for) \w+ should\b"
    ),
    # How to raise the count or treat it: food, supplements, injections, cures.
    "raise_or_treat": re.compile(
        "(?:" + _SOMEONE_DOES + r")[^.?!]{0,40}\b" + _UP + r"\b"
        r"|\b" + _HELPERS + r"\b[^.?!]{0,40}\b(?:" + _UP + r"|help\b|come (?:back )?up"
        r"|go (?:back )?up)"
        r"|\b" + _UP + r"\b[^.?!]{0,40}\b(?:with|by|through) " + _HELPERS + r"\b"
        r"|\b(?:treat(?:ed|ing)?|cure[ds]?|fix(?:ed)?)\s+(?:it|this|that|leu[ck]o?p[a]?enia"
        r"|neutrop[a]?enia|(?:a |my |the )?low (?:white|wbc|count)\w*)"
        r"|\b(?:treatment|cure|medicine|medication|tablets?|pills?) (?:for|of)"
        r" (?:leu[ck]o?p[a]?enia|neutrop[a]?enia|(?:a |my |the )?low (?:white|wbc|count)\w*)"
        r"|\b(?:how|can|could) (?:is|are|do you|do they|can you|will they|can|could)?\s?"
        r"(?:it|this|that|leu[ck]o?p[a]?enia|(?:a |my )?low (?:white|wbc)[\w ]{0,12}) (?:be )?"
        r"(?:treated|cured|fixed|managed)\b"
    ),
    # Another blood result: platelets, red cells, haemoglobin.
    "other_result": re.compile(
        r"\b(?:platelets?|plt|red (?:blood )?(?:cells?|count)|rbcs?|ha?emoglobin"
        r"|thrombocytop[a]?enia|ferritin|iron levels?)\b"
    ),
    # A high white count instead of a low one.
    "high_count": re.compile(
        r"\b(?:high|higher|raised|elevated|increased|too many)\s+(?:white|wbc|count|leu[ck]\w*)"
        r"|\bleu[ck]ocytosis\b|\b(?:white|wbc|count) (?:is |was |be |came back |seems |looks )?"
        r"(?:too |very |a bit )?high\b"
    ),
}

_LOW = re.compile(r"\b(?:low|lower\w*|drop\w*|down|fall\w*|fell|reduc\w*|decreas\w*)\b")
_ABOUT_WHITE_CELLS = re.compile(_WHITE_CELLS)


def out_of_scope_request(text: str) -> str | None:
    """The kind of unanswerable request the message makes, or None.

    A result other than white cells counts only when white cells are not asked
    about too ("platelets and wbc both low" is a question the sheet can answer),
    and a high count only when nothing is said to be low.
    """
    lowered = text.lower()
    for kind, pattern in REQUESTS.items():
        if not pattern.search(lowered):
            continue
        if kind == "other_result" and _ABOUT_WHITE_CELLS.search(lowered):
            continue
        if kind == "high_count" and _LOW.search(lowered):
            continue
        return kind
    return None
