"""Widget replies are numbered and kept, so a page that missed one gets it again."""

from __future__ import annotations

from typing import Any, List

import pytest

from bot.channels.kept_replies import (
    REPLAYED_KEY,
    SEQUENCE_KEY,
    KeptReplies,
    received_number,
)


class Clock:
    """A stand-in wall clock the test moves."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def texts(messages: List[dict]) -> List[str]:
    return [message["text"] for message in messages]


def test_replies_after_the_last_one_seen_come_again_marked_as_replayed() -> None:
    kept = KeptReplies(clock=Clock())
    first = kept.record("socketio:a", {"text": "disclaimer"})
    kept.record("socketio:a", {"text": "This may be a medical emergency."})
    missed = kept.since("socketio:a", first[SEQUENCE_KEY])
    assert texts(missed) == ["This may be a medical emergency."]
    assert missed[0][REPLAYED_KEY] is True
    assert texts(kept.since("socketio:a", 0)) == ["disclaimer", "This may be a medical emergency."]


def test_numbers_rise_even_when_the_clock_stands_still_or_goes_back() -> None:
    clock = Clock()
    kept = KeptReplies(clock=clock)
    numbers = [kept.record("c", {"text": "x"})[SEQUENCE_KEY]]
    numbers.append(kept.record("c", {"text": "y"})[SEQUENCE_KEY])
    clock.now -= 60
    numbers.append(kept.record("d", {"text": "z"})[SEQUENCE_KEY])
    assert numbers == sorted(set(numbers))
    assert numbers[-1] < 2**53  # a JavaScript number holds it exactly


def test_a_conversation_never_gets_another_ones_replies() -> None:
    kept = KeptReplies(clock=Clock())
    kept.record("socketio:a", {"text": "for a"})
    assert kept.since("socketio:b", 0) == []


def test_replies_are_kept_for_a_while_only() -> None:
    clock = Clock()
    kept = KeptReplies(seconds=60, clock=clock)
    kept.record("c", {"text": "old"})
    clock.now += 61
    kept.record("c", {"text": "new"})
    assert texts(kept.since("c", 0)) == ["new"]


def test_only_the_last_replies_of_the_most_recent_conversations_are_kept() -> None:
    kept = KeptReplies(per_conversation=2, conversations=2, clock=Clock())
    for text in ("one", "two", "three"):
        kept.record("a", {"text": text})
    kept.record("b", {"text": "b"})
    kept.record("a", {"text": "four"})  # a is now the most recent
    kept.record("c", {"text": "c"})  # pushes out b, the least recent
    assert texts(kept.since("a", 0)) == ["three", "four"]
    assert kept.since("b", 0) == []
    assert texts(kept.since("c", 0)) == ["c"]


def test_the_kept_reply_is_a_copy() -> None:
    kept = KeptReplies(clock=Clock())
    original = {"text": "hello"}
    kept.record("c", original)
    assert SEQUENCE_KEY not in original


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        ({"session_id": "t", "received": 0}, 0),
        ({"session_id": "t", "received": 1_800_000_000_000_000}, 1_800_000_000_000_000),
        ({"session_id": "t"}, None),
        ({"received": -1}, None),
        ({"received": "12"}, None),
        ({"received": 1.5}, None),
        ({"received": True}, None),
        (["received", 3], None),
        (None, None),
    ],
)
def test_the_number_a_page_says_it_saw(request_: Any, expected: Any) -> None:
    assert received_number(request_) == expected
