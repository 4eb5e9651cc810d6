"""Requests the fact sheet cannot answer, even when they name one of its terms.

A message can name a cause and still ask something the bot must not answer: "do I
have leukaemia?" asks for a diagnosis, "what dose of prednisone?" for advice on a
medicine, "is there an injection to bring it up?" for a treatment, "my platelets
are low too" about another result. The intent classifier and the named-term
certainty see a topic's words in them; these patterns see the request.

Plain Python with no Rasa import, so the patterns are tested on their own
(tests/unit/test_scope_requests.py) and by the held-out sets through the model.
"""

from __future__ import annotations

import re

from bot.nlu.scope_patterns import REQUESTS
from bot.nlu.scope_words import OTHER_RESULT, WHITE_CELLS
from knowledge.count_words import LOW, URGENCY

__all__ = ["REQUESTS", "out_of_scope_request"]

_LOW = re.compile(
    rf"\b(?:{LOW}|leu[ck]o?pa?enia|neutropa?enia|below (?:the )?(?:normal |reference )?range)\b"
)
_NOT_LOW = re.compile(r"\bnot (?:a )?low(?: one| count)?\b")
_ABOUT_WHITE_CELLS = re.compile(WHITE_CELLS + r"|\b(?:a |the |my |his |her )?low counts?\b")
_URGENCY = re.compile(rf"\b(?:{URGENCY})\b")
_CLAUSE = re.compile(r"[^.,;?!]+")
_QUESTION_START = re.compile(
    r"^\s*(?:and |so |but |then )?(?:what|why|how|is|are|does|do|can|could|should)\b"
)
_WAS_LOW_BEFORE = re.compile(
    r"\b(?:when|after|but|though|although|whereas|while) (?:it|he|she|mine|his|hers|they)"
    r" (?:was|were|had been|used to be) (?:\w+ )?low\b[^.,;?!]*"
)
_ASKS_WHY_TESTED = re.compile(
    r"\bwhy (?:would|do|did|are|were|will|is|does) (?:they|you|the \w+|he|she|(?:my|his|her) \w+)"
    r" (?:\w+ ){0,2}?test(?:ing)? (?:me|him|her|us|them) for\b"
)
"""Asking why a test was offered ("why would they test me for HIV?") asks how the two are
linked, not for a diagnosis."""
_DISCLAIMS_DIAGNOSIS = re.compile(
    r"\b(?:without|not|i'?m not|i am not|not that i'?m) (?:asking|wanting|expecting|requesting)"
    r"(?: (?:you|for))?(?: (?:to|a))? diagnos\w*(?: (?:me|him|her|them|anyone|anything))?"
    r"|\bi (?:know|understand|realise|realize) (?:that )?you (?:can'?t|cannot|can not) diagnos\w*"
    r"(?: (?:me|him|her|them|anyone|anything))?"
)
"""A diagnosis disclaimed ("without asking you to diagnose me, is splenomegaly linked?")."""
_ASKS_WHAT_OTHER_IS = re.compile(
    r"\bwhat(?:'s| is| are| does| causes?| makes?)\s+(?:an? |the |my |his |her )?"
    + OTHER_RESULT
    + r"\b"
    + r"|\b"
    + OTHER_RESULT
    + r"\b[^?]{0,80}\bwhat (?:does|do|is) (?:that|this) (?:part|word|bit|term|one)\b"
    + r"|\bwhat (?:does|do) (?:an? |the |my |his |her )?(?:low |high |raised )?"
    + OTHER_RESULT
    + r" (?:\w+ )?mean\b"
)


def out_of_scope_request(text: str) -> str | None:
    """The kind of unanswerable request the message makes, or None.

    A result other than white cells, or another effect of a treatment, counts only
    when white cells are not asked about too ("platelets and wbc both low", "is a
    low count a side effect of chemo?" are questions the sheet can answer) or the
    message asks what the other result is ("what's an MCV? it's on my white cell
    report"),
    and a high count, what the kinds of white cells are, or a test or operation
    ("how long does a bone marrow biopsy take?"), only when nothing is
    said to be low ("high, not low" is not low; "what are neutrophils and why are
    mine low?" asks why) or, for a high count, a question clause asks about it alone
    ("it was low last year, what does a high count mean?"), and symptoms only
    without a word of urgency.
    """
    lowered = text.lower()
    for kind, pattern in REQUESTS.items():
        searched = lowered
        if kind == "diagnosis":
            searched = _DISCLAIMS_DIAGNOSIS.sub(" ", _ASKS_WHY_TESTED.sub(" ", lowered))
        if not pattern.search(searched):
            continue
        about_white_cells = bool(_ABOUT_WHITE_CELLS.search(lowered))
        asks_what_it_is = kind == "other_result" and _ASKS_WHAT_OTHER_IS.search(lowered)
        if kind == "unrelated" and about_white_cells:
            continue  # "hurt at football, and now his white count is low?" asks why
        if kind in ("other_result", "side_effects") and about_white_cells and not asks_what_it_is:
            continue
        if kind == "high_count" and _asks_about_a_high_count(lowered):
            return kind
        if kind in ("high_count", "cell_kinds", "procedures") and _says_low(lowered):
            continue
        if kind == "symptoms" and _URGENCY.search(lowered):
            continue  # "which signs of a low count mean A&E?" is the emergency question
        return kind
    return None


def _says_low(text: str) -> bool:
    return bool(_LOW.search(_NOT_LOW.sub("", text)))


def _asks_about_a_high_count(lowered: str) -> bool:
    """Whether a question clause asks about a high count and says nothing is low in it.

    "It was high last year and now it's low. What does a high count mean?" and "why is
    it HIGH now when it was low last month?" ask about the high count; "it was high
    before chemo, why is it low now?" asks why it is low.
    """
    for clause in _CLAUSE.findall(_WAS_LOW_BEFORE.sub("", lowered)):
        if (
            _QUESTION_START.search(clause)
            and REQUESTS["high_count"].search(clause)
            and not _says_low(clause)
        ):
            return True
    return False
