"""Causes a patient tells of as long past: history, not what they ask about.

A survivor tells their story first: "When I had chemo in 2015 my count dropped
too, but this time ... just a bad bout of COVID. Could that be it?" asks about
COVID; "I finished treatment for Hodgkin's in 2005. Now I've been diagnosed with
aplastic anaemia" tells of the marrow. A term stands in the past when its clause
says so: a year at least two years gone, "years ago", "back then", "survivor",
"in remission". Plain Python with no Rasa import.
"""

from __future__ import annotations

import datetime
import re
from typing import Any, Collection, Dict, Mapping, Sequence

from bot.nlu.general_questions import asks_what_white_cells_do, list_asked_at
from knowledge.names import TERM_ENTITY

_CLAUSE = re.compile(r"(?:[^.?!;,\n]|,(?=\d))+?(?=[.?!;,\n]|\bbut\b|\bnow\b|$)")
_LONG_AGO = re.compile(
    r"\b(?:years?|decades?) (?:ago|back|before|earlier)\b|\bback (?:in|then)\b|\blong ago\b"
    r"|\bas a (?:child|kid|teenager|baby)\b|\bsurvivor\b|\bin remission\b"
    r"|\btreated and (?:done|cured|finished)\b"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
YEARS_GONE = 2
"""A year this far back or more is history ("chemo in 2015"); last year may be recent."""


def told_as_history(text: str, entity: Dict[str, Any], today: datetime.date | None = None) -> bool:
    """Whether the clause that names this term tells of it as long past."""
    lowered = text.lower()
    start = int(entity.get("start", 0))
    this_year = (today or datetime.date.today()).year
    for clause in _CLAUSE.finditer(lowered):
        if clause.start() <= start < clause.end():
            words = clause.group()
            years = [int(year) for year in _YEAR.findall(words)]
            return bool(_LONG_AGO.search(words)) or any(
                year <= this_year - YEARS_GONE for year in years
            )
    return False


def without_history(
    text: str | None,
    entities: Sequence[Dict[str, Any]],
    intent_of: Mapping[str, str],
    general: Collection[str],
) -> list[Dict[str, Any]]:
    """The entities without the terms told as history, when those are not the question.

    They are not when a cause of another topic is told otherwise, or when no cause is
    and the message asks what white cells do or for the causes as a whole ("Hodgkin's
    back in 2004 ... what do white cells actually do?"). `intent_of` maps a term to its
    topic's intent; the `general` intents' terms (the overview's "low white count") do
    not count as causes. A term told both ways ("chemo in 2015 ... could it be the
    chemo again?") stays.
    """
    text = text or ""
    terms = [e for e in entities if e.get("entity") == TERM_ENTITY]
    past = [e for e in terms if told_as_history(text, e)]
    if not past:
        return list(entities)
    past_causes = {intent_of.get(str(e.get("value"))) for e in past}
    causes_now = {
        intent_of[str(e["value"])] for e in terms if e not in past and e.get("value") in intent_of
    } - set(general)
    other_cause = bool(causes_now - past_causes)
    if other_cause or (not causes_now and _asks_in_general(text)):
        return [e for e in entities if e not in past]
    return list(entities)


def _asks_in_general(text: str) -> bool:
    """Whether the message asks what white cells do, or for the causes as a whole."""
    return asks_what_white_cells_do(text) or list_asked_at(text) is not None
