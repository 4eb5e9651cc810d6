"""Rasa NLU component: a greeting that only says who is asking gets a greeting back.

Patients open with a sentence before the question: "Good afternoon. I am writing
about my mother, who is 79.", "hi, sorry, I don't really know how this works", "Hi,
I've just seen my results on the portal", "I don't know if this is the right place".
The classifier, which never saw such an opener, guesses a topic or out of scope
from stray words. A message that starts with a greeting, names no term, asks no
question and says nothing about the count is a greeting; the bot greets back and
asks what the patient would like to know. Greetings, thanks, goodbyes and the
other replies the classifier is given keep their own intent.
"""

from __future__ import annotations

import re
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.intent_override import override_intent
from bot.nlu.stateless import StatelessComponent
from bot.nlu.term_questions import asks_a_question
from knowledge.names import GREET_INTENT, SMALL_TALK_INTENTS, TERM_ENTITY

_SOFTENER = r"^\W*(?:(?:please|pls|abeg|ok|okay|so|um+|hm+|excuse me)\W+)?"
"""A word before the greeting that asks nothing ("Please good day", "Abeg una dey there?")."""
_GREETING = re.compile(
    _SOFTENER + r"(?:hi+|hello|hey|hiya|heya|hallo|good (?:morning|afternoon|evening|day)|dear\b"
    r"|greetings|howdy|morning|evening|hola|buen[oa]s(?: d[ií]as| tardes| noches)?|dzie[nń] dobry"
    r"|witam|bonjour|bom dia|ol[aá]|ciao|salut|merhaba|sala+m|namaste|guten (?:tag|morgen)"
    r"|dorood|sorry (?:to|for) (?:bother|trouble|disturb)(?:ing)?(?: you)?"
    r"|(?:are|r) (?:you|u|una|anyone|somebody|someone) (?:there|here|available|online|awake)"
    r"|(?:una|you|u) dey (?:there|here)"
    r"|(?:i )?(?:don'?t|do not|am not|'m not) (?:know|sure) if"
    r" this is the right (?:place|bot|chat)(?: to ask)?|not sure if this is the right"
    r" (?:place|bot|chat)(?: to ask)?)\b",
)
"""A greeting, or a preface that stands for one ("I don't know if this is the right place",
"sorry for disturb")."""
_ROLE = (
    r"(?:nurse|pharmacist|assistant|carer|caregiver|(?:care|support|social|key) ?worker"
    r"|co-?ordinator|teacher|receptionist|health visitor|midwife|volunteer|manager|guardian"
    r"|parent|mum|mom|mother|dad|father|daughter|son|wife|husband|partner|sister|brother"
    r"|grand(?:mother|father|ma|pa|daughter|son)|niece|nephew|aunt|auntie|uncle|friend"
    r"|neighbou?r)"
)
_INTRODUCTION = re.compile(
    r"^\W*(?:i'?m|i am|im|this is|we'?re|we are)\s+(?:\w+\s+){0,4}?" + _ROLE + r"\b"
    r"|^\W*(?:\w+\s+){0,3}?" + _ROLE + r"\s+(?:here|with an? (?:\w+ )?(?:query|question|enquiry"
    r"|inquiry)|asking (?:for|on behalf of))\b"
)
"""Who is asking, with no greeting ("I'm the school nurse", "Pharmacy assistant with a query")."""
_ANNOUNCES_A_QUESTION = re.compile(
    _SOFTENER + r"(?:(?:(?:a|one|quick|small|little|short|brief)\s+){0,2}(?:q|qn|qu|question"
    r"|query|enquiry|inquiry)\s+(?:about|re|regarding|on|concerning)\b"
    r"|(?:i )?(?:wan|want to|wanna|would like to|need to|have to) ask (?:you )?(?:something"
    r"|somtin|sumtin|one thing|a question|a few things)\b"
    r"|(?:weird|odd|strange|random|silly|daft|stupid|dumb) (?:one|q|qn|question|query)\b"
    r"|(?:can|could|may) i ask (?:you )?(?:something|a question|one thing|sth|smth)\b"
    r"|(?:this |it )?(?:might|may|could|will|is going to) (?:be|sound) (?:like )?(?:a )?"
    r"(?:dumb|silly|stupid|daft|weird|odd) (?:question|one|q)\b)"
)
"""A preface that only says a question is coming ("Quick q about my own FBC", "Abeg I wan ask
something private.", "weird one")."""
_ASKS_TO_ASK = re.compile(
    r"\b(?:can|could|may) i ask\b|\b(?:a|one|some|few) (?:quick )?questions?\b|\bquick one\b"
)
_ABOUT_THE_COUNT = re.compile(
    r"\b(?:white|wbc|counts?|cells?|leu[ck]\w*|low|causes?|why|emergency"
    r"|urgent|serious|dangerous)\b"
)


def is_greeting_opener(text: str) -> bool:
    """A greeting with at most a sentence about who is asking, or that sentence alone.

    So is a preface that only says a question is coming ("Quick q about my own FBC").
    """
    lowered = text.lower()
    if _ABOUT_THE_COUNT.search(lowered):
        return False
    if not _GREETING.search(lowered):
        prefaces = _INTRODUCTION.search(lowered) or _ANNOUNCES_A_QUESTION.search(lowered)
        return bool(prefaces) and not asks_a_question(lowered)
    after_greeting = _GREETING.sub("", lowered, count=1).lstrip(" ,-!.?")
    return not asks_a_question(after_greeting) or bool(_ASKS_TO_ASK.search(lowered))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class GreetingOpener(StatelessComponent):
    """Gives a greeting that asks nothing the `greet` intent."""

    def process(self, messages: List[Message]) -> List[Message]:
        """Marks greeting openers that name no term as `greet`."""
        for message in messages:
            predicted = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            named = any(e.get("entity") == TERM_ENTITY for e in message.get(ENTITIES) or [])
            if predicted in SMALL_TALK_INTENTS or named:
                continue
            if is_greeting_opener(message.get(TEXT) or ""):
                override_intent(message, GREET_INTENT)
        return messages
