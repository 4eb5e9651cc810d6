"""When a message cannot be handled at all: the patient still gets the emergency advice.

With the tracker store (PostgreSQL) or the lock store (Redis) down, Rasa fails
before any policy runs, the safety policy included, and every channel would
answer with an error or nothing. Each of our channels wraps Rasa's handler with
`guarded`: on a failure it sends the patient

- the clinic's emergency message (and the crisis lines for self-harm) when the
  red-flag rules find a current red flag in the message, or when they cannot be
  read: the safety policy's rules without its learned classifier, which lives
  in the model;
- otherwise the service-unavailable message, which also says to call the
  emergency number if it is urgent;

then raises ConversationUnavailable, whose text names the failure's type only
(Rasa's and the channels' error logs must not quote the patient).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Awaitable, Callable, List

from rasa.core.channels.channel import UserMessage

from bot.safety.detector import RedFlagDetector
from bot.safety.rules import load_rules
from knowledge.clinic_domain import expected_texts
from knowledge.names import (
    CRISIS_LINE_RESPONSE,
    EMERGENCY_RESPONSE,
    SERVICE_UNAVAILABLE_RESPONSE,
)

logger = logging.getLogger(__name__)

Handler = Callable[[UserMessage], Awaitable[Any]]
STORAGE_FAILURES = (
    "TrackerStoreUnavailable",  # bot.rasa_fixes: the tracker store failed
    "OperationalError",
    "InterfaceError",
    "ConnectionError",
    "LockError",
    "TimeoutError",
)
"""Failures of a store that is down or unreachable (the reply is then a 503, not a 500)."""


class ConversationUnavailable(Exception):
    """A message could not be handled; the outage reply was sent. The text names the type only."""

    def __init__(self, failure: str) -> None:
        """failure: the type name of what went wrong."""
        super().__init__(f"the message could not be handled ({failure}); the outage reply was sent")
        self.failure = failure

    @property
    def store_down(self) -> bool:
        """The failure was a store that is down or unreachable."""
        return self.failure in STORAGE_FAILURES


@lru_cache(maxsize=1)
def _detector() -> RedFlagDetector:
    return RedFlagDetector(load_rules())


@lru_cache(maxsize=1)
def _texts() -> dict:
    return expected_texts()


def outage_replies(text: str) -> List[str]:
    """The texts a patient gets when their message could not be handled."""
    texts = _texts()
    try:
        assessment = _detector().assess(text)
        emergency, crisis = assessment.emergency, assessment.crisis_line
    except Exception as error:  # unreadable rules: err on the side of the emergency advice
        logger.error("The red-flag rules failed during an outage (%s).", type(error).__name__)
        emergency, crisis = True, False
    if not emergency:
        return [texts[SERVICE_UNAVAILABLE_RESPONSE]]
    return [texts[EMERGENCY_RESPONSE]] + ([texts[CRISIS_LINE_RESPONSE]] if crisis else [])


def guarded(handler: Handler, *, raise_after: bool = True) -> Handler:
    """Rasa's message handler, with the outage reply when it fails (see the module docstring).

    raise_after=False returns instead of raising ConversationUnavailable (for a
    channel that handles messages in background tasks, as Rasa's Slack channel).
    """

    async def handle(message: UserMessage) -> Any:
        try:
            return await handler(message)
        except Exception as error:
            failure = type(error).__name__
            logger.error("A message could not be handled (%s); sending the outage reply.", failure)
            logger.debug("Message failure.", exc_info=True)
            for reply in outage_replies(message.text or ""):
                try:
                    await message.output_channel.send_text_message(message.sender_id, reply)
                except Exception as send_error:
                    logger.error("The outage reply was not sent (%s).", type(send_error).__name__)
            if raise_after:
                raise ConversationUnavailable(failure) from None
            return None

    return handle
