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
  low white count?") asks about the current cause, not the overview;
- a question of a word or two that only asks on ("meaning?", "so?", "connected?")
  asks about the last answer's topic, whatever it is;
- after the emergency answer, whether the count stays low or comes back ("will it
  stay low the whole time he's on treatment?") asks about the last cause answered.

Plain Python with no Rasa import: the Rasa server's TopicContextPolicy and the
action server's topic choice decide with this one function.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

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
from knowledge.reference_patterns import (
    ABOUT_CAUSES,
    ABOUT_THE_REPLY,
    COUNT,
    CREDIBLE,
    DEFINES,
    ELLIPTICAL,
    EXPECTED,
    GENERALLY,
    HOW,
    IF_LOW_AGAIN,
    LAB_MISTAKE,
    LASTS,
    LOOKS_FOR,
    MARROW_DISEASE,
    MARROW_ITSELF,
    OTHER_CAUSES,
    OTHER_SOMETHING,
    QUESTION_END,
    RECOVERS,
    REFERENCE,
    REPEAT,
    SAYS_LOW,
    SAYS_URGENT,
    STAYS_LOW,
    THAT_ANOTHER,
    WHAT_ELSE,
    WHICH_ONES,
    WHY,
    WORD,
    WORD_THEN_MEANING,
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


def intent_confidence(intent: Mapping[str, Any] | None) -> float:
    """The confidence of a parsed intent ({"name", "confidence"}); 1.0 when it has none."""
    confidence = (intent or {}).get("confidence")
    return float(confidence) if isinstance(confidence, (int, float)) else 1.0


def last_cause(topic_ids: Iterable[str | None]) -> str | None:
    """The last cause among the topics answered so far, oldest first, if any."""
    causes = [t for t in topic_ids if t is not None and t not in (OVERVIEW_TOPIC, EMERGENCY_TOPIC)]
    return causes[-1] if causes else None


def topic_from_context(
    kb: KnowledgeBase,
    intent: str | None,
    terms: Iterable[str],
    text: str,
    current_topic_id: str | None,
    scope_request: str | None = None,
    confidence: float = 1.0,
    last_cause_id: str | None = None,
) -> str | None:
    """The topic the conversation makes of this message, or None to keep the classifier's.

    Never for a request the scope patterns caught, a message that names a cause,
    the emergency question, or a reply the classifier is sure of. `last_cause_id`
    is the last cause answered (`last_cause`), which may lie before the current topic.
    """
    if current_topic_id not in kb.topic_ids or scope_request is not None:
        return None
    terms = list(terms)
    named = {topic.id for topic in kb.named_topics(terms)}
    if _through_the_marrow(kb, terms, text.lower(), current_topic_id):
        return current_topic_id
    lowered = text.lower()
    emergency_intent = kb.topic(EMERGENCY_TOPIC).intent
    if_again = bool(IF_LOW_AGAIN.search(lowered)) and intent not in (
        OUT_OF_SCOPE_INTENT,
        emergency_intent,
    )
    if if_again and named <= {OVERVIEW_TOPIC, EMERGENCY_TOPIC, LAB_ERROR_TOPIC}:
        return OVERVIEW_TOPIC
    if named - {OVERVIEW_TOPIC, EMERGENCY_TOPIC}:
        return None
    cause_is_current = current_topic_id not in (OVERVIEW_TOPIC, EMERGENCY_TOPIC)
    back_to_cause = current_topic_id == EMERGENCY_TOPIC and last_cause_id in kb.topic_ids
    asks = intent not in SMALL_TALK_INTENTS or bool(QUESTION_END.search(lowered))
    stays = asks and _asks_if_it_stays_low(lowered) and not SAYS_URGENT.search(lowered)
    if back_to_cause and stays:
        return last_cause_id  # "and will it stay low the whole time he's on treatment?"
    if intent == emergency_intent:
        asks_course = _asks_if_it_stays_low(lowered) or (
            confidence < UNSURE_CONFIDENCE and _asks_how_long(lowered)
        )
        asks_count = cause_is_current and (reports_low_count(lowered) or asks_course)
        asks_count = asks_count and not SAYS_URGENT.search(lowered)
        return current_topic_id if asks_count else None
    if cause_is_current and THAT_ANOTHER.search(lowered):
        return current_topic_id
    if named == {OVERVIEW_TOPIC} and _asks_what_the_word_is(lowered):
        return None  # "what is leukopenia?" after the lupus answer
    if not named and ABOUT_THE_REPLY.search(lowered) and intent not in SMALL_TALK_INTENTS:
        return current_topic_id  # "what did you mean by 'immediately'?"
    if _asks_for_other_causes(lowered) and _general_or_unsure(kb, intent, confidence, lowered):
        return OVERVIEW_TOPIC
    asks_on = ELLIPTICAL.search(lowered) or WHICH_ONES.search(lowered)
    if not named and asks_on and kb.topic_for_intent(intent) is None:
        return current_topic_id  # "meaning?", "so?", "which ones": on about the last answer
    if current_topic_id in (OVERVIEW_TOPIC, EMERGENCY_TOPIC):
        asks_causes = intent in (FOLLOW_UP_INTENT, NLU_FALLBACK_INTENT, OUT_OF_SCOPE_INTENT)
        return OVERVIEW_TOPIC if asks_causes and ABOUT_CAUSES.search(lowered) else None
    if intent == FOLLOW_UP_INTENT and named and REFERENCE.search(lowered):
        return current_topic_id  # "could that explain his low white count?"
    if intent == FOLLOW_UP_INTENT and named == {OVERVIEW_TOPIC} and WHY.search(lowered):
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
        and set(named) <= MARROW_ITSELF
        and current_topic_id not in set(named.values()) | {OVERVIEW_TOPIC}
        and "marrow" in (current.answer + current.more).lower()
        and not MARROW_DISEASE.search(text)
    )


def reports_low_count(text: str) -> bool:
    """The message tells of a low white count ("her white cell count is less")."""
    return bool(COUNT.search(text)) and bool(SAYS_LOW.search(text))


def _asks_what_the_word_is(text: str) -> bool:
    """Whether the message asks what the overview's word means, not why or about "it"."""
    refers = bool(REFERENCE.search(text)) and not WORD_THEN_MEANING.search(text)
    return bool(DEFINES.search(text)) and not (ABOUT_CAUSES.search(text) or refers)


def _asks_how_long(text: str) -> bool:
    """The message asks how long the count stays low or when it comes back up."""
    return bool(LASTS.search(text) or RECOVERS.search(text))


def _asks_if_it_stays_low(text: str) -> bool:
    """Whether the message asks if the count stays low or comes back.

    "Likely to stay low through all six cycles?", not only how long something takes
    ("how long can I wait?").
    """
    return bool(STAYS_LOW.search(text) or RECOVERS.search(text))


def _goes_on(kb: KnowledgeBase, intent: str | None, confidence: float, text: str) -> bool:
    overview = kb.topic(OVERVIEW_TOPIC).intent
    refers_back = bool(REFERENCE.search(text) or LOOKS_FOR.search(text))
    words = len(WORD.findall(text))
    short = words <= SHORT_MESSAGE_WORDS
    reports_low = reports_low_count(text)
    if intent == NLU_FALLBACK_INTENT:  # "so the low number might not be real?"
        return refers_back or short or reports_low or bool(QUESTION_END.search(text))
    if intent == overview:
        return refers_back or short or reports_low
    if intent == OUT_OF_SCOPE_INTENT:  # "is she going to be ok?" stays; "what's the mechanism?"
        unsure_how = confidence < UNSURE_CONFIDENCE and bool(HOW.search(text))
        return refers_back or (short and (bool(WHY.search(text)) or unsure_how))
    if intent in SMALL_TALK_INTENTS:  # "is that y its low", "kab tak low rahega?", "normal?"
        asks = bool(
            ABOUT_CAUSES.search(text)
            or _asks_how_long(text)
            or EXPECTED.search(text)
            or CREDIBLE.search(text)
            or REPEAT.search(text)
        )
        short_question = short and bool(QUESTION_END.search(text))
        leans = refers_back or bool(SAYS_LOW.search(text)) or short_question
        brief = words <= BRIEF_QUESTION_WORDS
        # A short question is no yes, no or thanks, however sure: "is that normal with it?"
        return (confidence < UNSURE_SMALL_TALK or brief or short_question) and leans and asks
    if intent == kb.topic(LAB_ERROR_TOPIC).intent and reports_low:
        return not LAB_MISTAKE.search(text)  # "blood test says white cell low"
    is_cause_guess = kb.topic_for_intent(intent) is not None
    # An unsure guess at another cause gives way to a reference or to the count told
    # ("and my leucocytes went down, is normal?" after radiotherapy).
    return is_cause_guess and confidence < UNSURE_CONFIDENCE and (refers_back or reports_low)


def _asks_for_other_causes(text: str) -> bool:
    """True for "what else?", "any other reasons", "what usually causes it".

    Not for "how long does it usually stay low" or "the other blood cells".
    """
    if OTHER_SOMETHING.search(text):
        return False
    if OTHER_CAUSES.search(text):
        return True
    # "generally speaking, would that be an A&E sort of situation?" asks the emergency question
    generally = bool(GENERALLY.search(text)) and not SAYS_URGENT.search(text)
    return generally and bool(ABOUT_CAUSES.search(text))


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
            ABOUT_CAUSES.search(text) or QUESTION_END.search(text) or WHAT_ELSE.search(text)
        )
    return kb.topic_for_intent(intent) is not None and confidence < UNSURE_CONFIDENCE
