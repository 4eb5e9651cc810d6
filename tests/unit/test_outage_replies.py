"""The outage reply: what a patient gets when their message cannot be handled at all."""

from __future__ import annotations

from typing import List

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.outage import ConversationUnavailable, guarded, outage_replies
from knowledge.clinic_domain import expected_texts

TEXTS = expected_texts()
EMERGENCY, CRISIS = TEXTS["utter_emergency"], TEXTS["utter_crisis_line"]
UNAVAILABLE = TEXTS["utter_service_unavailable"]


@pytest.mark.parametrize(
    "message, replies",
    [
        ("he's not breathing properly", [EMERGENCY]),
        ("my temp is 39.6 and I'm shaking", [EMERGENCY]),
        ("I want to end my life", [EMERGENCY, CRISIS]),
        ("can steroids lower my white count?", [UNAVAILABLE]),
        ("I have hay fever", [UNAVAILABLE]),
        ("", [UNAVAILABLE]),
    ],
)
def test_the_red_flag_rules_choose_the_reply(message: str, replies: List[str]) -> None:
    assert outage_replies(message) == replies


class OperationalError(Exception):
    """Named as SQLAlchemy's: a database that is down."""


async def test_a_failed_message_gets_the_reply_and_a_typed_error_without_its_text() -> None:
    async def failing(message: UserMessage) -> None:
        raise OperationalError("INSERT ... 'he is not breathing properly'")

    collector = CollectingOutputChannel()
    message = UserMessage("he's not breathing properly", collector, "patient-1")
    with pytest.raises(ConversationUnavailable) as raised:
        await guarded(failing)(message)
    assert raised.value.store_down
    assert "breathing" not in str(raised.value)
    assert [m["text"] for m in collector.messages] == [EMERGENCY]


async def test_a_channel_with_background_tasks_gets_the_reply_and_no_error() -> None:
    async def failing(message: UserMessage) -> None:
        raise RuntimeError("bug")

    collector = CollectingOutputChannel()
    await guarded(failing, raise_after=False)(UserMessage("hello", collector, "patient-2"))
    assert [m["text"] for m in collector.messages] == [UNAVAILABLE]


async def test_a_handled_message_is_left_alone() -> None:
    async def answering(message: UserMessage) -> None:
        await message.output_channel.send_text_message(message.sender_id, "answer")

    collector = CollectingOutputChannel()
    await guarded(answering)(UserMessage("hello", collector, "patient-3"))
    assert [m["text"] for m in collector.messages] == ["answer"]
