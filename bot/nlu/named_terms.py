"""Rasa NLU component: a message that names a knowledge-file term gets that topic.

Runs after the intent classifier and its fallback. When the `cause_term` entities
(from TopicTermExtractor) point to exactly one cause topic, and the classifier
chose a clarifying question, out of scope, a greeting or another topic that no
named term supports, the intent becomes that topic's: "hi, I have SLE", "i been
taking pred for my arthritis" and "flu?" are answered, never met with "did you
mean...?". The general topics' terms ("low wbc", "urgent") decide only when no
cause is named. Replies the patient chose (yes, no, thanks, bye, forget me) are
left alone when the classifier is sure of them, unless the message is nothing but
terms ("corticoïdes" alone is a question, however sure the classifier is that it
reads like "ok") or asks what a named term is or whether it lowers the cells
(bot.nlu.term_questions); a statement that names a cause is never out of scope
("She took antybiotyk for angina during two weeks."); follow-ups always (the answer
action reads their terms itself). The safety policy runs before any of this reaches the dialogue.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Dict, List, Sequence

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.model_files import read_json, write_json
from bot.nlu.general_questions import (
    asks_for_the_list,
    asks_the_overviews_question,
    asks_what_the_word_means,
)
from bot.nlu.grave_questions import (
    asks_if_grave,
    asks_when_to_go,
    defers_worry,
    only_worried_why,
    sounds_urgent,
)
from bot.nlu.intent_override import override_intent
from bot.nlu.past_history import without_history
from bot.nlu.term_index import broad_word_taker, named_intents, term_intents
from bot.nlu.term_questions import (
    answered_by_the_term,
    asked_terms,
    asks_a_question,
    only_terms,
    sets_a_cause_aside,
    without_set_aside,
)
from bot.nlu.topic_terms import knowledge_file_config
from knowledge.names import (
    AFFIRM_INTENT,
    DENY_INTENT,
    FEEDBACK_HELPFUL_INTENT,
    FEEDBACK_NOT_HELPFUL_INTENT,
    FOLLOW_UP_INTENT,
    FORGET_ME_INTENT,
    GOODBYE_INTENT,
    NLU_FALLBACK_INTENT,
    OUT_OF_SCOPE_INTENT,
    SMALL_TALK_INTENTS,
    TALK_TO_PERSON_INTENT,
    THANK_INTENT,
)
from knowledge.references import BRIEF_QUESTION_WORDS

INTENTS_FILE = "term_intents.json"
CHOSEN = frozenset(
    {
        AFFIRM_INTENT,
        DENY_INTENT,
        THANK_INTENT,
        GOODBYE_INTENT,
        FORGET_ME_INTENT,
        OUT_OF_SCOPE_INTENT,
        TALK_TO_PERSON_INTENT,
        FEEDBACK_HELPFUL_INTENT,
        FEEDBACK_NOT_HELPFUL_INTENT,
    }
)
"""Intents a named term overrides only when the classifier is unsure of them: a lone
"abx" or "lymphoma" looks like a short "yes" to it, while a real "yes", "thanks",
"delete my chat", "can I talk to a nurse about my chemo?", "that didn't help" or
"what dose of prednisone?" scores well above the limit."""
SURE_CONFIDENCE = 0.7
SURE_OUT_OF_SCOPE = 0.8
"""Out of scope must be surer to stand against a named cause: on the six held-out sets,
messages naming a cause that the classifier called out of scope below 0.8 were all
questions about the cause (four), from 0.8 up mostly real out-of-scope requests."""


_QUESTION = re.compile(r"\?\s*$")
MANY_CAUSES = 3
"""A message naming this many causes asks about the causes in general ("marrow, infection,
lab...?")."""


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class NamedTermCertainty(GraphComponent):
    """Sets the intent of a message that names one cause topic's term."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Knowledge file path (None: the project default or $LEUKOBOT_KNOWLEDGE_FILE)."""
        return knowledge_file_config()

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str | None:
        """Fingerprints the index: a new term must retrain the component."""
        index = json.dumps(term_intents(config), sort_keys=True)
        return hashlib.sha256(index.encode("utf-8")).hexdigest()

    def __init__(
        self,
        model_storage: ModelStorage,
        resource: Resource,
        intents: Dict[str, Any],
    ) -> None:
        """Keeps the term-to-intent index and what follows from it."""
        self._model_storage = model_storage
        self._resource = resource
        self._intents = intents
        self._terms: Dict[str, str] = intents["terms"]
        self._topic_intents = frozenset(self._terms.values())
        self._general = frozenset(intents["general"])
        self._broad = frozenset(intents.get("broad", ()))
        self._takers = frozenset(intents.get("takes_broad", ()))
        self._overview, self._emergency = intents["general"][:2]
        self._overview_words = frozenset(v for v, i in self._terms.items() if i == self._overview)

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> NamedTermCertainty:
        """Creates the component for training, reading the knowledge file."""
        return cls(model_storage, resource, term_intents(config))

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> NamedTermCertainty:
        """Loads the index stored in the trained model."""
        return cls(model_storage, resource, read_json(model_storage, resource, INTENTS_FILE))

    def train(self, training_data: TrainingData) -> Resource:
        """Stores the index in the model; there is nothing to learn."""
        write_json(self._model_storage, self._resource, INTENTS_FILE, self._intents)
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        """Gives a message that names exactly one cause topic that topic's intent."""
        for message in messages:
            wanted = self.named_intent(message)
            if wanted is not None:
                override_intent(message, wanted)
        return messages

    def _general_or_short_question(self, predicted: str | None, text: str) -> bool:
        """The overview, a follow-up, an unsure reading, or a short question read as small talk.

        "And should I be worried about it?" after an answer is no follow-up.
        """
        if predicted in (self._overview, FOLLOW_UP_INTENT, NLU_FALLBACK_INTENT):
            return True
        short = len(text.split()) <= BRIEF_QUESTION_WORDS and bool(_QUESTION.search(text))
        return predicted in SMALL_TALK_INTENTS and short

    def named_intent(self, message: Message) -> str | None:
        """The intent the message's terms call for, or None to keep the classifier's.

        A named cause beats a clarifying question, a greeting, an unsure reply or
        out of scope, overview, and another cause no term supports; never the
        emergency question ("is a low count on chemo dangerous?"), unless the message
        asks whether the cause is why and only worries besides. The general
        topics' terms and every broad term only fill a gap (or correct a guess
        at a cause no term supports): a clarifying question, a greeting or an
        unsure reply, out of scope included (a long story that ends "what does
        it mean?"); a request the scope patterns know ("can I reschedule my blood
        test?") goes back to out of scope in ScopeGuard, which runs after. The
        overview, unsure or few-word small-talk reading where no cause is named and
        the count is called grave ("is it dangerous or what, low WBC?", "worry?",
        "ER-worthy?") is the emergency question, as is any reading naming no cause that
        asks when to go to emergency care; an unsure reading of a message naming
        MANY_CAUSES causes is the overview, as is a message naming no cause that asks the
        overview's question in other words (bot.nlu.general_questions). Of several causes
        named, the one asked about wins over those told before it, set aside or told as
        long past (`asked_terms`, bot.nlu.past_history).
        """
        intent = message.get(INTENT) or {}
        predicted = intent.get(INTENT_NAME_KEY)
        limit = SURE_OUT_OF_SCOPE if predicted == OUT_OF_SCOPE_INTENT else SURE_CONFIDENCE
        sure = float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0) >= limit
        entities = message.get(ENTITIES) or []
        text = message.get(TEXT)
        lowered = (text or "").lower()
        causes_named = [e for e in entities if self._terms.get(e.get("value")) not in self._general]
        if predicted != self._emergency and sets_a_cause_aside(text, causes_named):
            return None if predicted == self._overview else self._overview
        entities = without_set_aside(text, entities)
        entities = without_history(text, entities, self._terms, self._general)
        causes = {
            i for i in named_intents(self._terms, entities, self._broad) if i not in self._general
        }
        if predicted != self._emergency and (
            asks_for_the_list(text or "", causes_named)
            or asks_what_the_word_means(text or "", entities, self._overview_words)
        ):  # "categories of cause", "... said leukopenia. What does that word mean?"
            return None if predicted == self._overview else self._overview
        if (
            self._general_or_short_question(predicted, text or "")
            and not causes
            and asks_if_grave(text or "")
        ):
            return self._emergency  # "is it dangerous or what, low WBC?", "worry?"
        if predicted != self._emergency and asks_when_to_go(text or "", causes_named):
            return self._emergency  # "in which cases I must bring her to hospital?"
        focus = self._asked_cause(text, entities) if len(causes) > 1 else None
        if not causes and asks_the_overviews_question(
            lowered,
            out_of_scope=predicted == OUT_OF_SCOPE_INTENT,
            unsure=predicted == NLU_FALLBACK_INTENT,
            emergency=predicted == self._emergency,
            names_a_cause=bool(set(named_intents(self._terms, entities)) - self._general),
        ):
            return None if predicted == self._overview else self._overview
        if len(causes) >= MANY_CAUSES and not sure and predicted != self._emergency and not focus:
            return None if predicted == self._overview else self._overview
        asks = only_terms(text, entities) or answered_by_the_term(text, entities)
        if predicted == OUT_OF_SCOPE_INTENT and not asks_a_question(text or ""):
            asks = True  # "She took antybiotyk for angina during two weeks." tells of a cause
        chosen = predicted in CHOSEN and sure and not asks
        if predicted == FOLLOW_UP_INTENT and focus is not None:
            return focus  # "what does 'disrupt the marrow' mean when you talk about viruses?"
        if predicted == FOLLOW_UP_INTENT or chosen:
            return None  # the answer action reads a follow-up's terms itself
        if focus is not None and predicted != self._emergency:
            return None if predicted == focus else focus  # "RA, but I've had flu. Is it the flu?"
        named = named_intents(self._terms, entities)
        taker = broad_word_taker(set(named) - self._general, causes, self._takers)
        if taker is not None and predicted != self._emergency:
            return None if predicted == taker else taker
        if predicted in named and predicted != self._overview:
            return None
        if causes:
            emergency = (
                predicted == self._emergency
                and (sure or sounds_urgent(text or ""))
                and not only_worried_why(text, entities)
            )  # an unsure emergency reading with no word of worry gives way to the cause
            return None if emergency or len(causes) > 1 else causes.pop()
        broad_causes = set(named) - self._general
        guessed = predicted in self._topic_intents - self._general
        # The emergency or overview reading gives way to the one broad cause when the
        # only worry is put off ("Repeat before worrying?").
        worry_put_off = predicted in self._general and defers_worry(text or "")
        if (guessed or worry_put_off) and len(broad_causes) == 1:
            return broad_causes.pop()  # "could the tablets be to blame?" heard as the lab
        gap = (predicted not in self._topic_intents or predicted in CHOSEN) and (
            predicted != OUT_OF_SCOPE_INTENT or not sure
        )
        candidates = set(named)
        if len(candidates) > 1:  # "leukopenia: is it one for an ambulance?", "retake my
            candidates.discard(self._overview)  # bloods bc my white count was low. why"
        return candidates.pop() if gap and len(candidates) == 1 else None

    def _asked_cause(self, text: str | None, entities: Sequence[Dict[str, Any]]) -> str | None:
        """The one cause the question asks about among several the message names, if any."""
        asked = set(named_intents(self._terms, asked_terms(text, entities)))
        asked -= self._general
        return asked.pop() if len(asked) == 1 else None
