"""What a message that names a knowledge-file term asks: read from its text alone.

Read by the named-term certainty (bot.nlu.named_terms): whether the patient sets
the named cause aside and asks for the rest ("what else, apart from chemo?"),
whether the message is nothing but terms ("SLE?"), and whether it asks about the
named cause itself however sure the classifier is that it is out of scope ("what is
the anemia aplásica?", "do cancer meds kill the good cells too?"). Plain Python with
no Rasa import; `entities` are Rasa's entity dicts (entity, value, start, end).
"""

from __future__ import annotations

import re
from typing import Any, Dict, Sequence

from knowledge.names import TERM_ENTITY

_SET_ASIDE = re.compile(
    r"(?:apart from|apart of|a part from|besides|beside|other than|except(?: for)?|aside from"
    r"|not counting|leaving aside|rather than|if it'?s not|if it is not|if it isn'?t|if it wasn'?t"
    r"|if not|ruled out|ruling out)\s+(?:the |his |her |my |their |a |an |your )?(?:[\w'-]+\s+)?$"
)
_THE_OTHERS = re.compile(
    r"\bwhat (?:are|r|were|about) (?:the|those|these|all the) other (?:\w+ )?(?:things|causes"
    r"|reasons|ones|possibilities|options)\b"
)
"""Asking for "the other things" after the cause named before it ("X 'but also' other things.
What are the other things?")."""
_ASKS_ELSE = re.compile(
    r"\b(?:else|other|others|another|more)\b"
    r"|\b(?:usual|common|main|likely|typical) (?:suspects|causes|reasons|culprits)\b"
)
""""What else could it be apart from chemo?", "besides the flu, what other causes?", "besides
a lab error, what are the usual suspects?": the patient sets the named cause aside and asks
for the rest, the overview's list."""
_ONLY_CAUSE = re.compile(
    r"\b(?:the|an?|one|its|it's|it is) only (?:cause|reason|explanation)\b"
    r"|\b(?:are there|any|there are|there must be) (?:\w+ )?other (?:causes|reasons|ones)\b"
    r"|\b(?:always|only ever|necessarily) (?:from|due to|because of|caused by|down to)\b"
)
""""A forum says it's always the marrow: is that the only cause, or are there other ones?"
and "is a low white count always from the bone marrow?" ask for the whole list, not about
the cause named."""
_WHAT_IS = re.compile(r"\bwhat(?:'s| is| are| r| was)\s+(?:the |an? |this |that )?$")
"""Right before a term: the patient asks what the named thing is."""
_HARMS_CELLS = re.compile(
    r"\b(?:kill|destroy|lower|reduc|drop|damag|harm|attack|wip|hurt|affect|suppress|cause|mak"
    r"|drain|deplet|zap|sap|wreck|tank|crash|knock)\w*"
    r"\b[^.?!]{0,30}\b(?:cells?|counts?|wbc|wcc|white|leu[ck]\w*|neutro\w*|immun\w*"
    r"|defen[cs]es?)\b"
)
"""Whether something lowers the cells: the question the sheet answers for a named cause."""
_BLAMES = re.compile(r"\b(?:explains?|explain it|the reason|to blame|behind it|responsible)\b.*\?")
""""MDS. explains it?": whether the named cause is why."""
_LINKED = re.compile(
    r"\b(?:is|are|was|could|can|might|may|would)\s+(?:it|they|that|this|these|those|the two|both)\b"
    r"(?:[^.?!]{0,20}\b(?:connected|linked|related)\b|(?: be)? (?:why|the reason)\b)"
)
""""I've got fatty liver and now low white cells too. are they connected", "I have RA. Is that
why my white cells are low": the same question, asked without a question mark."""


_QUESTION = re.compile(
    r"\?|(?:^|[.!;]\s*)(?:what|how|why|when|where|who|which|can|could|should|is|are|do|does"
    r"|will|would|any)\b(?! i ask\b)"
)


def asks_a_question(text: str) -> bool:
    """Whether the text asks something, with or without its question mark ("What should I do.")."""
    return bool(_QUESTION.search(text.lower()))


def _before(lowered: str, entity: Dict[str, Any]) -> str:
    """The text before a named term, where what is said of the term stands."""
    return lowered[: int(entity.get("start", 0))]


def _terms(entities: Sequence[Dict[str, Any]]) -> list[Dict[str, Any]]:
    return [entity for entity in entities if entity.get("entity") == TERM_ENTITY]


def sets_a_cause_aside(text: str | None, entities: Sequence[Dict[str, Any]]) -> bool:
    """Whether the message asks for causes besides one it names ("what else, apart from X?").

    So it does when every cause it names is denied ("what else? she's never had chemo"),
    not when a cause it keeps comes first ("which drug classes, other than chemo, ...?").
    """
    lowered = (text or "").lower()
    if _ONLY_CAUSE.search(lowered):
        return bool(_terms(entities))
    if not _ASKS_ELSE.search(lowered):
        return False
    terms = _terms(entities)
    others = _THE_OTHERS.search(lowered)
    if others and terms and all(int(e.get("end", 0)) <= others.start() for e in terms):
        return True
    if terms and all(_denied(lowered, entity) for entity in terms):
        return True  # "what else? she isn't on any tablets and never had chemo"
    aside = [entity for entity in terms if _SET_ASIDE.search(_before(lowered, entity))]
    if not aside:
        return False
    # "Which drug classes, other than chemotherapy, ...?" asks about the drugs named first.
    first = min(int(entity.get("start", 0)) for entity in aside)
    return not any(
        int(e.get("start", 0)) < first and e not in aside and not _denied(lowered, e) for e in terms
    )


def only_terms(text: str | None, entities: Sequence[Dict[str, Any]]) -> bool:
    """Whether the message's words are all knowledge-file terms ("corticoïdes", "SLE?")."""
    terms = _terms(entities)
    spans = [(int(entity.get("start", 0)), int(entity.get("end", 0))) for entity in terms]
    if not text or not spans:
        return False
    rest = list(text)
    for start, end in spans:
        rest[start:end] = [" "] * len(rest[start:end])
    return not any(char.isalnum() for char in rest)


def answered_by_the_term(text: str | None, entities: Sequence[Dict[str, Any]]) -> bool:
    """Whether the named term's topic answers the message, whatever else it reads like.

    So it is when the message asks what the term is ("What is the anemia aplásica?"),
    or whether it lowers the cells or is why ("do cancer meds kill the good cells
    too?", "MDS. explains it?", "are they connected"). A request the scope patterns
    know ("what is the dose of prednisone?") still goes out of scope after this.
    """
    lowered = (text or "").lower()
    terms = _terms(entities)
    if not terms:
        return False
    if _HARMS_CELLS.search(lowered) or _BLAMES.search(lowered) or _LINKED.search(lowered):
        return True
    return any(_WHAT_IS.search(_before(lowered, entity)) for entity in terms)


SENTENCE = re.compile(r"[^.?!;\n]+[.?!;\n]*")
"""A sentence or clause with its closing marks."""
_QUOTED = re.compile(
    r"(?:^|(?<=[\s(]))['\"\u2018\u201c]"
    r"(?:[^'\"\u2019\u201d\n]|(?<=[a-z])['\u2019](?=[a-z])){2,80}"
    r"['\"\u2019\u201d](?=[\s.,;:?!)]|$)"
)
"""Words in quotation marks: an answer's, a letter's or a leaflet's, not the patient's own."""
_DENIED = re.compile(
    r"\b(?:(?<!\bit )(?<!\bthis )(?<!\bthat )not|isn'?t|wasn'?t|aren'?t|no longer|ruled out"
    r"|rather than|instead of|apart from|aside from|besides|other than|not counting|never"
    r"|(?:more|less|likelier|rather|sooner) (?:[\w'-]+ ){0,10}?than(?: [\w'-]+){0,5}?"
    r"|hasn'?t|haven'?t|hadn'?t|(?:doesn'?t|don'?t|didn'?t) (?:take|have|use)"
    r"|(?:not|n'?t) (?:asking|wondering|worried) about)\s+"
    r"(?:(?:the|his|her|my|their|your|a|an|any|just|only|due to|because of|from|caused by"
    r"|down to|on|been|had|taken|taking|take|takes|used|having|ever|got|gotten)\s+)*$"
)
"""Right before a term the patient sets aside: "it isn't the RA this time but the methotrexate",
"more likely than a virus",
"not his lupus", "quite apart from any drugs", "she isn't on any tablets", "never had chemo",
"I'm not asking about the tablets";
not "is it not the RA?" (a question about the RA)."""


_TREATED_FOR = re.compile(
    r"\b(?:take|takes|taking|took|taken|on|given|prescribed|use|uses|using|gets|get)\b"
    r"[^.?!,;]{0,25}\bfor (?:(?:his|her|my|their|the|your|our) )?$"
)
"""Right before the disease a medicine is taken for: "the sulfasalazine I take for my RA"."""


def _denied(lowered: str, entity: Dict[str, Any]) -> bool:
    return bool(_DENIED.search(_before(lowered, entity)))


def _treated_for(lowered: str, entity: Dict[str, Any], named: Sequence[Dict[str, Any]]) -> bool:
    """Whether the term is the disease a medicine named before it is taken for."""
    start = int(entity.get("start", 0))
    return bool(_TREATED_FOR.search(_before(lowered, entity))) and any(
        int(other.get("end", 0)) <= start for other in named if other is not entity
    )


def without_set_aside(text: str | None, entities: Sequence[Dict[str, Any]]) -> list[Dict[str, Any]]:
    """The entities without the terms the patient sets aside, if any other term is left.

    "My rheumatologist thinks it isn't the RA this time but the methotrexate" and "can
    the disease itself lower it, quite apart from any drugs?" ask about the other one,
    as does "my low count is from the sulfasalazine I take for my RA": the disease a
    medicine is taken for is why the medicine is taken, there.
    """
    lowered = (text or "").lower()
    named = _terms(entities)
    denied = {e.get("value") for e in named if _denied(lowered, e)}
    aside = [e for e in named if e.get("value") in denied or _treated_for(lowered, e, named)]
    kept = [e for e in entities if all(e is not a for a in aside)]
    return kept if any(e in kept for e in named) else list(entities)


def unquoted(text: str, entities: Sequence[Dict[str, Any]]) -> list[Dict[str, Any]]:
    """The terms outside quotation marks: the patient's own words, not a quoted letter's."""
    quoted = [m.span() for m in _QUOTED.finditer(text.lower())]
    return [
        e for e in _terms(entities) if not any(a <= int(e.get("start", 0)) < b for a, b in quoted)
    ]


def asked_terms(text: str | None, entities: Sequence[Dict[str, Any]]) -> list[Dict[str, Any]]:
    """The named terms the message asks about, when it names others it only tells of.

    A story may name several causes, then ask about one: "RA and diabetes, but I've
    just had flu. Could the flu be why?" asks about the flu: the sentences that ask
    name it alone, the others come before them. Terms in quotation marks step aside
    for the patient's own ("what does 'disrupt the marrow' mean for viruses?"). Empty
    when nothing narrows the terms down: "how do viruses do it? Is it a marrow
    effect?" asks about both, "does hepatitis lower it? i know it's a virus" tells
    after it asks.
    """
    lowered = (text or "").lower()
    terms = _terms(entities)
    own = unquoted(lowered, terms)
    if own and len(own) < len(terms):
        return own  # "what does 'disrupt the bone marrow' mean when you talk about viruses?"
    asking = [m.span() for m in SENTENCE.finditer(lowered) if asks_a_question(m.group().strip())]
    inside = [e for e in terms if any(a <= int(e.get("start", 0)) < b for a, b in asking)]
    told = [e for e in terms if e not in inside]
    if inside and told and all(int(e.get("start", 0)) < asking[0][0] for e in told):
        return inside
    return []
