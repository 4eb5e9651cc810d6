"""Which topic a message means in the light of the conversation so far.

Patients lean on the conversation: after an answer about water pills, "can they
make my count low?", "how long?" and "would that explain it?" are about water
pills, and "what else can do it?" asks for the other causes, though the
classifier, which sees one message, hears a general question, a guess at another
cause, or nothing it knows. After the emergency answer, "why did it go low?"
asks for the causes. Two readings decide:

- other causes: the message asks for another cause ("what else", "any other
  reasons") and names none: the overview;
- going on: the current topic is a cause, the message names no cause, refers
  back ("that", "it", "they") or is a short question, and the classifier's
  reading is a general or an unsure one: the current cause;
- the count reported: after a cause was named, "now her white count is less" or
  "WBC dropped to 2.5, is that expected?" asks whether that cause is why. It is
  read as the current cause when the classifier hears a general question, the
  lab-error topic with no sign of a lab mistake, or the emergency question with
  no word of urgency ("should we go to A&E?" stays the emergency question), or an
  unsure emergency reading of how long it stays low ("until when they stay low?");
- "is that another reason?" asks about the cause just named, not for others;
- a follow-up that refers back and names only the count ("could that explain his
  low white count?") asks about the current cause, not the overview.

Plain Python with no Rasa import: the Rasa server's TopicContextPolicy and the
action server's topic choice decide with this one function.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Sequence

from knowledge.count_words import LOW, URGENCY
from knowledge.loader import KnowledgeBase
from knowledge.names import (
    EMERGENCY_TOPIC,
    FOLLOW_UP_INTENT,
    LAB_ERROR_TOPIC,
    NLU_FALLBACK_INTENT,
    OUT_OF_SCOPE_INTENT,
    OVERVIEW_TOPIC,
    SMALL_TALK_INTENTS,
)

SHORT_MESSAGE_WORDS = 6
"""A message this short ("how long?", "her count is low, why?") leans on context."""
UNSURE_CONFIDENCE = 0.7
"""Below this the classifier's guess at another cause gives way to a reference."""
BRIEF_QUESTION_WORDS = 3
"""A question this short ("normal?", "stays low?", "worry?") is one, however sure the
small-talk reading (here and in bot.nlu.named_terms)."""
UNSURE_SMALL_TALK = 0.5
"""Below this a "yes" or "no" with a reference ("is that y its low") is a question."""

_REFERENCE = re.compile(
    r"\b(?:that|this|it|its|it's|they|them|those|these|the (?:tablets?|pills?|treatment"
    r"|medicines?|drugs?|condition|disease|illness|virus|infection|sample|test))\b"
)
_OTHER_CAUSES = re.compile(
    r"\b(?:else|els|elses|other|others|another|apart from|apart of|besides|except|list"
    r"|all the(?! time| way| same| while)"
    r"|more (?:things|reasons|causes)|aur koi|koi aur|aur kya|dusr[aei])\b"
    r"|\bwhat (?:\w+ )?(?:could|might|can|would) (?:it|this|that) be\b"
)
_GENERALLY = re.compile(r"\b(?:in general|generally|usually|normally|commonly|most often)\b")
_OTHER_SOMETHING = re.compile(
    r"\b(?:an)?other (?:\w+ )?(?:cells?|counts?|results?|tests?|samples?|checks?|appointments?"
    r"|opinions?|doctors?|people|one|time|day|week|analys[ie]s|analyses|exams?)\b"
    r"|\b(?:an)?other (?:\w+ ){0,2}(?:tablets?|pills?|medicines?|medications?|meds|drugs?)\b"
)
_WHAT_ELSE = re.compile(r"\bwh?at else\b|\bwhat other\b")
"""Asking for more in so many words, however it reads ("if not error what else")."""
_ABOUT_THE_REPLY = re.compile(
    r"\bwhat (?:did|do) you mean\b|\byou (?:said|wrote|mentioned)\b|\byour (?:answer|reply)\b"
    r"|\bwhat (?:does|do) ['\"\u2018\u201c][^'\"\u2019\u201d]+['\"\u2019\u201d] mean\b"
)
"""A question about the last answer's own words ("what did you mean by 'immediately'?")."""
_DEFINES = re.compile(
    r"\b(?:definition|define|defined|meaning)\b|\bwhat (?:does|do) \S+(?: \S+)? mean\b"
    r"|\bwhat(?:'s| is| are) (?:an? |the )?(?:leu[ck]o\w*|neutro\w*|white (?:blood )?(?:cells?"
    r"|count)|wbc)\b"
)
"""Asking what the overview's own word is ("leukopenia definition", "what is leukopenia?")."""
_IF_LOW_AGAIN = re.compile(
    r"\bif\b[^.?!]{0,40}\b(?:low|down|real|right|correct|true|accurate|genuine|confirmed)\b"
    r"(?: (?:again|too|also|still|as well))?"
    r"[^.?!]{0,15}[,.]?\s*(?:what|which|wat)\b[^.?!]{0,30}"
    r"\b(?:reasons?|causes?|illness\w*|diseases?|conditions?|things|could it be|might it be)\b"
)
""""And if it's low again, what are the usual reasons?", "if new test also low, which illnesses
are possible?", "if it's real, what could cause it?": the causes in general, whatever the
test topic before (a repeat test named in the condition is not the question)."""
_ABOUT_CAUSES = re.compile(
    r"\b(?:caus\w*|why|reasons?|what makes|what made|lower\w*|become low|go(?:es)? low"
    r"|went low|drop\w*)\b"
)
_RECOVERS = re.compile(
    r"\b(?:come|comes|coming|go|goes|going|get|gets|bounce|bounces) (?:back|up)\b"
    r"|\brecover\w*|\bback to normal\b|\bget(?:s|ting)? better\b|\bkab tak\b|\bkitne din\b"
)
"""Whether the count recovers ("so it comes back once I finish or not")."""
_STAYS = r"\bstay(?:s|ing)? (?:\w+ )?"
_LASTS = re.compile(
    r"\b(?:how long|until when|till when|til when|for how long|how many (?:days|weeks|months))\b"
    r"|" + _STAYS + r"(?:low|down|like (?:that|this))\b"
)
"""How long the count stays low ("until when they stay low?")."""
_STAYS_LOW = re.compile(_STAYS + r"(?:low|down)\b")
_EXPECTED = re.compile(r"\b(?:normal|expected|usual|typical|common)\b")
"""Whether the count is what the cause brings ("normal?" after radiotherapy)."""
_REPEAT_WORDS = r"again|repeat\w*|redo|re-?test\w*|retake"
_REPEAT = re.compile(rf"\b(?:{_REPEAT_WORDS})\b")
"""Whether it is done again ("they must take again?" after a lab error)."""
_QUESTION_END = re.compile(r"\?\s*$")
_WHY = re.compile(r"\b(?:how come|why)\b")
_HOW = re.compile(r"\b(?:how|mechanism)\b")
_THAT_ANOTHER = re.compile(
    r"\b(?:is|could|can|might|would|may)\s+(?:that|this|it)\s+(?:also\s+)?(?:be\s+)?"
    r"(?:an)?other\b"
)
_COUNT = re.compile(r"\b(?:white|wbc|wcc|count|counts|neutro\w*|leu[ck]o\w*|lymphocyt\w*|lymphs)\b")
_LOW = re.compile(
    rf"\b(?:{LOW}|less|below)\b"
    r"|\d+(?:\.\d+)?\s*(?:l|low)\b"
)
_LAB_MISTAKE = re.compile(
    r"\b(?:error|mistake|wrong|mix\w*|sample|lab|labs|laboratory|clott?ed|ha?emoly[sz]ed|accurate"
    rf"|faulty|false|{_REPEAT_WORDS})\b"
)
_URGENCY = re.compile(
    rf"\b(?:{URGENCY}|life|die|dying|fatal|scared|panic\w*|right away|straight away|go in"
    r"|help|call|ring|doctor|gp|nurse|go to|unwell|ill|fever|temperature|sick)\b"
)
_WORD = re.compile(r"[a-z0-9']+")
_MARROW_ITSELF = frozenset({"marrow", "bone marrow", "the marrow", "the bone marrow"})
_MARROW_DISEASE = re.compile(
    r"\b(?:fail\w*|aplastic|mds|myelodysplas\w*|biops\w*|hypocellular|diseases?|disorders?"
    r"|syndromes?|cancer|leuka?emia|not working|stopped|transplant|wrong|problems?|issues?"
    r"|(?:not|isn'?t|wasn'?t|stopped) (?:\w+ )?(?:making|producing)"
    r"|(?:making|produc\w*) (?:too )?few|instead)\b"
    r"|^\W*or\b"
)


def intent_confidence(intent: Mapping[str, Any] | None) -> float:
    """The confidence of a parsed intent ({"name", "confidence"}); 1.0 when it has none."""
    confidence = (intent or {}).get("confidence")
    return float(confidence) if isinstance(confidence, (int, float)) else 1.0


def topic_from_context(
    kb: KnowledgeBase,
    intent: str | None,
    terms: Iterable[str],
    text: str,
    current_topic_id: str | None,
    scope_request: str | None = None,
    confidence: float = 1.0,
) -> str | None:
    """The topic the conversation makes of this message, or None to keep the classifier's.

    Never for a request the scope patterns caught, a message that names a cause,
    the emergency question, or a reply the classifier is sure of.
    """
    if current_topic_id not in kb.topic_ids or scope_request is not None:
        return None
    terms = list(terms)
    named = {topic.id for topic in kb.named_topics(terms)}
    if _through_the_marrow(kb, terms, text.lower(), current_topic_id):
        return current_topic_id
    lowered = text.lower()
    emergency_intent = kb.topic(EMERGENCY_TOPIC).intent
    if_again = bool(_IF_LOW_AGAIN.search(lowered)) and intent not in (
        OUT_OF_SCOPE_INTENT,
        emergency_intent,
    )
    if if_again and named <= {OVERVIEW_TOPIC, EMERGENCY_TOPIC, LAB_ERROR_TOPIC}:
        return OVERVIEW_TOPIC
    if named - {OVERVIEW_TOPIC, EMERGENCY_TOPIC}:
        return None
    cause_is_current = current_topic_id not in (OVERVIEW_TOPIC, EMERGENCY_TOPIC)
    if intent == emergency_intent:
        asks_course = _asks_if_it_stays_low(lowered) or (
            confidence < UNSURE_CONFIDENCE and _asks_how_long(lowered)
        )
        asks_count = cause_is_current and (reports_low_count(lowered) or asks_course)
        asks_count = asks_count and not _URGENCY.search(lowered)
        return current_topic_id if asks_count else None
    if cause_is_current and _THAT_ANOTHER.search(lowered):
        return current_topic_id
    if named == {OVERVIEW_TOPIC} and _asks_what_the_word_is(lowered):
        return None  # "what is leukopenia?" after the lupus answer
    if not named and _ABOUT_THE_REPLY.search(lowered) and intent not in SMALL_TALK_INTENTS:
        return current_topic_id  # "what did you mean by 'immediately'?"
    if _asks_for_other_causes(lowered) and _general_or_unsure(kb, intent, confidence, lowered):
        return OVERVIEW_TOPIC
    if current_topic_id in (OVERVIEW_TOPIC, EMERGENCY_TOPIC):
        asks_causes = intent in (FOLLOW_UP_INTENT, NLU_FALLBACK_INTENT, OUT_OF_SCOPE_INTENT)
        return OVERVIEW_TOPIC if asks_causes and _ABOUT_CAUSES.search(lowered) else None
    if intent == FOLLOW_UP_INTENT and named and _REFERENCE.search(lowered):
        return current_topic_id  # "could that explain his low white count?"
    if intent == FOLLOW_UP_INTENT and named == {OVERVIEW_TOPIC} and _WHY.search(lowered):
        return current_topic_id  # "why then the white cells are low?"
    if _goes_on(kb, intent, confidence, lowered):
        return current_topic_id
    return None


def _through_the_marrow(
    kb: KnowledgeBase, terms: Sequence[str], text: str, current_topic_id: str
) -> bool:
    """The current cause, whose answer says it works on the marrow, named by its way.

    After the viruses' answer, "via the marrow?" or "so it's the marrow rather than
    the spleen?" asks how the virus does it, not about marrow failure; "is it
    aplastic anaemia?" or "could his marrow be failing?" names the disease.
    """
    current = kb.topic(current_topic_id)
    topics = {term.lower(): kb.topic_for_term(term) for term in terms}
    named = {term: topic.id for term, topic in topics.items() if topic is not None}
    return (
        bool(named)
        and set(named) <= _MARROW_ITSELF
        and current_topic_id not in set(named.values()) | {OVERVIEW_TOPIC}
        and "marrow" in (current.answer + current.more).lower()
        and not _MARROW_DISEASE.search(text)
    )


def reports_low_count(text: str) -> bool:
    """The message tells of a low white count ("her white cell count is less")."""
    return bool(_COUNT.search(text)) and bool(_LOW.search(text))


def _asks_what_the_word_is(text: str) -> bool:
    """Whether the message asks what the overview's word means, not why or about "it"."""
    return bool(_DEFINES.search(text)) and not (
        _ABOUT_CAUSES.search(text) or _REFERENCE.search(text)
    )


def _asks_how_long(text: str) -> bool:
    """The message asks how long the count stays low or when it comes back up."""
    return bool(_LASTS.search(text) or _RECOVERS.search(text))


def _asks_if_it_stays_low(text: str) -> bool:
    """Whether the message asks if the count stays low or comes back.

    "Likely to stay low through all six cycles?", not only how long something takes
    ("how long can I wait?").
    """
    return bool(_STAYS_LOW.search(text) or _RECOVERS.search(text))


def _goes_on(kb: KnowledgeBase, intent: str | None, confidence: float, text: str) -> bool:
    overview = kb.topic(OVERVIEW_TOPIC).intent
    refers_back = bool(_REFERENCE.search(text))
    words = len(_WORD.findall(text))
    short = words <= SHORT_MESSAGE_WORDS
    reports_low = reports_low_count(text)
    if intent == NLU_FALLBACK_INTENT:  # "so the low number might not be real?"
        return refers_back or short or reports_low or bool(_QUESTION_END.search(text))
    if intent == overview:
        return refers_back or short or reports_low
    if intent == OUT_OF_SCOPE_INTENT:  # "is she going to be ok?" stays; "what's the mechanism?"
        unsure_how = confidence < UNSURE_CONFIDENCE and bool(_HOW.search(text))
        return refers_back or (short and (bool(_WHY.search(text)) or unsure_how))
    if intent in SMALL_TALK_INTENTS:  # "is that y its low", "kab tak low rahega?", "normal?"
        asks = bool(
            _ABOUT_CAUSES.search(text)
            or _asks_how_long(text)
            or _EXPECTED.search(text)
            or _REPEAT.search(text)
        )
        short_question = short and bool(_QUESTION_END.search(text))
        leans = refers_back or bool(_LOW.search(text)) or short_question
        brief = words <= BRIEF_QUESTION_WORDS
        # A short question is no yes, no or thanks, however sure: "is that normal with it?"
        return (confidence < UNSURE_SMALL_TALK or brief or short_question) and leans and asks
    if intent == kb.topic(LAB_ERROR_TOPIC).intent and reports_low:
        return not _LAB_MISTAKE.search(text)  # "blood test says white cell low"
    is_cause_guess = kb.topic_for_intent(intent) is not None
    return is_cause_guess and confidence < UNSURE_CONFIDENCE and refers_back


def _asks_for_other_causes(text: str) -> bool:
    """True for "what else?", "any other reasons", "what usually causes it".

    Not for "how long does it usually stay low" or "the other blood cells".
    """
    if _OTHER_SOMETHING.search(text):
        return False
    if _OTHER_CAUSES.search(text):
        return True
    return bool(_GENERALLY.search(text)) and bool(_ABOUT_CAUSES.search(text))


def _general_or_unsure(kb: KnowledgeBase, intent: str | None, confidence: float, text: str) -> bool:
    """Whether "what else?" may overrule this reading.

    It may overrule a general question, a follow-up, an unsure cause, or a reply that
    asks about causes ("thanks, any other reasons?").
    """
    general = (kb.topic(OVERVIEW_TOPIC).intent, FOLLOW_UP_INTENT, NLU_FALLBACK_INTENT)
    if intent in general or intent == OUT_OF_SCOPE_INTENT:
        return True
    if intent in SMALL_TALK_INTENTS:  # "aur koi reason bhi ho sakta hai?", "else?"
        return bool(
            _ABOUT_CAUSES.search(text) or _QUESTION_END.search(text) or _WHAT_ELSE.search(text)
        )
    return kb.topic_for_intent(intent) is not None and confidence < UNSURE_CONFIDENCE
