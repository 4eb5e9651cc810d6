"""Rasa NLU component: a message written as a letter is read without its framing.

Some patients, often older ones, write each message as a short letter: "Dear Sir,
I hope this finds you well. Is a low white count an emergency? Regards, Arthur
Pemberton". The classifier never saw the salutation, the pleasantry or the
sign-off, and their words ("message", "regards", a name) pull it towards a wrong
intent: "Dear Sir, Good evening. I hope this message finds you well. Regards,
Arthur" was read as a request to delete the conversation. This component runs
before the tokenizer and hands the other components the message without its
framing: "Good evening." in that example, a greeting. A message made only of
framing ("Dear Sir, I hope you are well.") keeps its text; the classifier has
such pleasantries among its greetings.

Only what NLU reads changes: the tracker keeps the patient's words as written,
and the safety policy reads those.

Plain Python for the text (`without_letter_framing`), tested on its own.
"""

from __future__ import annotations

import re
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.stateless import StatelessComponent

_SALUTATION = re.compile(
    r"^\W*(?:dear\s+(?:(?:dr|mr|mrs|ms|miss|prof)\.?\s+)?(?:[\w'/-]+\s*){1,3}[,:;!.\n]"
    r"|to whom it may concern\b\W*)",
    re.IGNORECASE,
)
"""'Dear Sir/Madam,' 'Dear Dr Patel,' 'To whom it may concern:' at the start."""

_PLEASANTRY = re.compile(
    r"(?:^|(?<=[.!?,;\n]))\s*(?:i\s+)?(?:hope|trust)\s+(?:(?:this|my|the)(?:\s+(?:message|note|email|letter))?"
    r"\s+finds\s+you|(?:you\s+are|you're|youre|all\s+is)(?:\s+keeping)?)\s+(?:well|fine|ok|okay|doing\s+well"
    r"|in\s+good\s+health)(?:\s+today)?\s*(?:[.!,;]+|$)",
    re.IGNORECASE,
)
"""'I hope this message finds you well.' 'I trust you are keeping well.' as a sentence."""

_SIGN_OFF = re.compile(
    r"(?:^|(?<=[.!?,;\n]))\s*(?:(?:kind|kindest|warm|warmest|best|many)\s+regards|regards|yours\s+"
    r"(?:faithfully|sincerely|truly|gratefully)|sincerely(?:\s+yours)?|best\s+wishes|with\s+(?:thanks|gratitude)"
    r"|respectfully(?:\s+yours)?)\b[\s,.!-]*(?:[A-Za-z][\w.'-]*(?:\s+[A-Za-z][\w.'-]*){0,2})?[\s.!]*$",
    re.IGNORECASE,
)
"""'Regards, Arthur Pemberton' 'Yours faithfully, Joan' 'Kind regards' at the end."""


def without_letter_framing(text: str) -> str:
    """The text without a salutation, a letter's pleasantries and a sign-off.

    Returns the text unchanged when nothing but framing would be left.
    """
    inner = _SIGN_OFF.sub("", _SALUTATION.sub("", text, count=1), count=1)
    inner = _PLEASANTRY.sub(" ", inner).strip(" ,;:-\n\t")
    if not re.search(r"\w", inner):
        return text
    return inner


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class LetterFraming(StatelessComponent):
    """Removes a letter's salutation, pleasantries and sign-off before NLU reads a message."""

    def process(self, messages: List[Message]) -> List[Message]:
        """Replaces each message's text by its text without letter framing."""
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str):
                message.set(TEXT, without_letter_framing(text))
        return messages
