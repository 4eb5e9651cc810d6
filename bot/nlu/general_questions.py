"""Whether a message asks the overview's question, read from its text alone.

Read by the named-term certainty (bot.nlu.named_terms). A message that tells of a
low white count and asks what it means ("got a letter saying my white count is a
bit low, can you tell me what that's about", "12 weeks pregnant and my booking
bloods showed a low white cell count, what does that mean?") or asks for the list
of causes ("humour me with the full list of things that knock a white count down")
asks what the overview answers, as does one asking what white cells do ("what is the
work of the white cells in the body?"), however sure the classifier is that a pregnancy or
a long history puts it out of scope. A request the scope patterns know (a value to
interpret, "what does 3.1 mean?") still goes out of scope in ScopeGuard, which
runs after. Plain Python with no Rasa import.
"""

from __future__ import annotations

import re
from typing import AbstractSet, Any, Dict, Sequence

from bot.nlu.grave_questions import calls_grave
from bot.nlu.term_questions import SENTENCE, unquoted
from knowledge.reference_patterns import OVERVIEW_WORD_THEN
from knowledge.references import reports_low_count

_ASKS_MEANING = re.compile(
    r"\bwhat(?:'s|s| is| does| do)? (?:that|this|it|thats|this all|that all)"
    r"(?: even| actually| really)? (?:mean|means|about)\b"
    r"|\bwhat(?:'s| is) (?:that|this|it) (?:all )?about\b"
    r"|\bwhat (?:that|this|it) (?:is|means) about\b|\bwhat (?:that|this|it) means\b"
    r"|\b(?:what|which) (?:kind|sort|type) (?:of )?(?:sickness|illness|disease|condition|problem)"
    r" (?:be|is) (?:that|this|it)\b"
)
_ASKS_THE_LIST = re.compile(
    r"\b(?:full |whole |complete |entire )?list of (?:the )?(?:things|causes|reasons|culprits"
    r"|possibilities)\b"
    r"|\b(?:categories|types|kinds|groups|sorts|kind|type|sort) of (?:causes?|reasons?|things"
    r" (?:that )?(?:can |could |might |may )?(?:cause|make|lower|bring|knock|drop))\b"
    r"|\ball (?:the |of the )?(?:possible |potential |different |main |usual )?(?:causes|reasons)\b"
    r"|\bwhat are (?:the )?(?:usual|common|main|typical|possible) (?:causes|reasons)\b"
    r"|\ba?etiolog(?:y|ies)\b"
    r"|\b(?:whole|full|complete|entire)\W+(?:the )?list\b(?! of (?:side|medicines|drugs|tablets))"
    r"|\bwh?at else (?:can|could|might|may|would|does|do) (?:make|cause|lower|bring|drop|knock)"
)
"""The causes asked for as a whole: "the full list of things", "the main categories of cause",
"what kind of things cause that in general", "the broad aetiologies", "the whole... the list",
"what else can make white cells low"."""
_ASKS_WHAT_A_LOW_COUNT_IS = re.compile(
    r"\bwhat (?:a |the )?low (?:white (?:blood )?(?:cell )?count|wbc|white cells?)"
    r" (?:actually |really |even |exactly )?(?:is|means)\b"
)
"""What a low count is, in the patient's word order ("nobody explained what a low white count
actually is")."""
_IN_GENERAL = re.compile(
    r"\b(?:in general|generally|broadly|as a rule|overall|usual|usually|common|commonly|main)\b"
)
_HIGH = re.compile(r"\b(?:high|higher|raised|elevated|too many)\b")
_CELLS = r"(?:the )?(?:wh?ite (?:blood )?(?:cells?|corpuscles|globules)|leu[ck]ocytes|wbcs?)"
_ASKS_WHAT_CELLS_DO = re.compile(
    r"\bwh?at (?:do|does|exactly do|are) " + _CELLS + r" (?:actually |really |even )?(?:do|for)\b"
    r"|\bwh?at " + _CELLS + r" (?:are|is) (?:actually |really )?for\b"
    r"|\b(?:wh?at|wetin) " + _CELLS + r" (?:actually |really |even |dey )?do\b"
    r"|\b(?:work|job|role|function|purpose|point|use) of " + _CELLS + r"\b"
    r"|\bhow do " + _CELLS + r" (?:actually |really )?(?:work|help|fight|protect|defend|keep)\b"
    r"|\b(?:do|does|can) " + _CELLS + r" (?:actually |really )?(?:fight|protect|defend|kill)"
    r" (?:off )?(?:infections?|germs|bugs|bacteria|viruses|the body|us|you)\b"
)

_ASKS_IF_SOMETHING_IS_WRONG = re.compile(
    r"\b(?:can|could|might) it (?:just |simply )?be nothing\b"
    r"|\bmeans? (?:that )?(?:there'?s |there is )?something (?:is )?wrong\b"
)


_ASKS_THE_WORD = re.compile(
    r"\bwhat (?:does|do) (?:that|this|the) (?:word|term) (?:actually |really |even |exactly )?"
    r"mean\b|\bwhat(?:'s| is) (?:the )?meaning of (?:that|this|the) (?:word|term)\b"
    r"|" + OVERVIEW_WORD_THEN + r"(?P<after>what (?:does|do) (?:it|that|this)"
    r" (?:actually |really |even |exactly )?mean)\b"
)
"""What the word just named means; "what does it mean?" counts right after the overview's own
word ("leuko... what does it mean?"), not after a statement ("'known SLE, leukopenia likely
disease related'. What does that mean?" asks about the statement)."""


def asks_what_the_word_means(
    text: str, terms: Sequence[Dict[str, Any]], general: AbstractSet[str]
) -> bool:
    """Whether the message asks what the word it last named means, and that word is general.

    "He is on lamotrigine and his blood test said leukopenia. What does that word
    mean?" asks what leukopenia is; `terms` are the message's term entities, `general`
    the overview's term values.
    """
    asked = _ASKS_THE_WORD.search(text.lower())
    if asked is None:
        return False
    at = asked.start("after") if asked.group("after") else asked.start()
    before = [e for e in terms if int(e.get("end", 0)) <= at]
    if not before:
        return False
    last = max(before, key=lambda e: int(e.get("end", 0)))
    return last.get("value") in general


def list_asked_at(text: str) -> int | None:
    """Where the message asks for the causes as a whole ("the categories of cause"), or None."""
    found = _ASKS_THE_LIST.search(text.lower())
    return None if found is None else found.start()


def asks_for_the_list(text: str, causes_named: Sequence[Dict[str, Any]]) -> bool:
    """The causes asked for as a whole, any cause the patient names coming only after or quoted.

    "What are the broad categories of cause? ... measurement artefact?" and "Mum:
    'it's the cancer'. Dad: 'it's the liver'. Give me all the possible causes"
    ask for the list; "if the marrow is failing, what kinds of things cause that?"
    asks about the marrow. So does a sentence of its own that asks for them in general after
    a list of the patient's medicines ("I take amlodipine ... In general, what sort of things
    cause a low white count?").
    """
    at = list_asked_at(text)
    if at is None:
        return False
    causes = unquoted(text, causes_named)
    if not any(int(e.get("start", 0)) < at for e in causes):
        return True
    return any(
        sentence.start() <= at < sentence.end()
        and _IN_GENERAL.search(sentence.group().lower())
        and not any(sentence.start() <= int(e.get("start", 0)) < sentence.end() for e in causes)
        for sentence in SENTENCE.finditer(text)
    )


def asks_if_something_is_wrong(text: str) -> bool:
    """Whether the message asks if a low count means something is wrong, or can be nothing."""
    return bool(_ASKS_IF_SOMETHING_IS_WRONG.search(text.lower()))


def asks_what_white_cells_do(text: str) -> bool:
    """Whether the message asks what white cells are for ("how do white cells help the body?")."""
    return bool(_ASKS_WHAT_CELLS_DO.search(text.lower()))


def asks_what_a_low_count_means(text: str) -> bool:
    """Whether the message tells of a low white count and asks what it means, or for the causes."""
    lowered = text.lower()
    if _ASKS_THE_LIST.search(lowered):
        return True
    if _HIGH.search(lowered):
        return False  # "my white count is HIGH not low, what does that mean?"
    return reports_low_count(lowered) and bool(_ASKS_MEANING.search(lowered))


def asks_the_overviews_question(
    text: str, *, out_of_scope: bool, unsure: bool, emergency: bool, names_a_cause: bool
) -> bool:
    """Whether a message naming no cause asks the overview's question, however it was read.

    A low count told with "what does that mean?" read as out of scope, a low count
    told and read unsure (`names_a_cause`: not even by a broad word such as "the
    lab"), "does it mean something is wrong, or can it be nothing?" or a low count
    told with "which kind sickness be that?" read as the emergency question with no
    word of urgency, and what white cells do or the causes
    asked for as a whole ("what kinds of things cause it?") read as anything but the
    emergency question.
    """
    if out_of_scope:
        return asks_what_a_low_count_means(text) or asks_what_white_cells_do(text)
    lowered = text.lower()
    if unsure and not names_a_cause and reports_low_count(lowered):
        return True
    if emergency:
        asks_what = asks_if_something_is_wrong(text) or asks_what_a_low_count_means(text)
        return not calls_grave(lowered) and asks_what
    asks_what_it_is = bool(_ASKS_WHAT_A_LOW_COUNT_IS.search(lowered))
    return asks_what_white_cells_do(text) or asks_what_it_is or bool(_ASKS_THE_LIST.search(lowered))
