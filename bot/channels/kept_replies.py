"""The last replies of each widget conversation, numbered, for a page that missed them.

A socket.io reply goes to the sockets in the conversation's room at the moment it
is sent. A patient who sends "fever 39 on chemo" and reloads the page, or follows a
link to another page of the clinic site, before the reply arrives has no socket in
the room: the emergency advice would be lost. So each reply is numbered (`seq`)
and kept for a while; a page that comes back to its session says which number it
saw last (`received` in `session_request`) and gets the later ones again, marked
`replayed`, which it ignores when it already holds that number.

Numbers are microseconds of the wall clock, strictly increasing in a process: they
stay in order across a restart, and JavaScript holds them exactly (below 2**53).
Replies hold no patient text, are kept in this process's memory only, for
`KEEP_SECONDS`, at most `KEEP_PER_CONVERSATION` per conversation and
`KEEP_CONVERSATIONS` conversations (the least recently used go first). With
several replicas a page must come back to the same one (sticky sessions, as the
socket.io transport already needs); otherwise it gets nothing replayed.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from typing import Any, Callable, Deque, Dict, List, Optional, Tuple

SEQUENCE_KEY = "seq"
REPLAYED_KEY = "replayed"
RECEIVED_KEY = "received"
"""The `session_request` field with the last number the page saw."""

KEEP_SECONDS = 15 * 60.0
KEEP_PER_CONVERSATION = 20
KEEP_CONVERSATIONS = 10_000

Message = Dict[str, Any]


class KeptReplies:
    """Numbers replies per conversation and gives back those after a number."""

    def __init__(
        self,
        *,
        seconds: float = KEEP_SECONDS,
        per_conversation: int = KEEP_PER_CONVERSATION,
        conversations: int = KEEP_CONVERSATIONS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Limits as in the module docstring; `clock` returns seconds (a test's stand-in)."""
        self._seconds = seconds
        self._per_conversation = per_conversation
        self._conversations = conversations
        self._clock = clock
        self._last = 0
        self._kept: OrderedDict[str, Deque[Tuple[float, Message]]] = OrderedDict()

    def record(self, conversation: str, message: Message) -> Message:
        """The message with its number, kept for `conversation`."""
        now = self._clock()
        self._last = max(self._last + 1, int(now * 1_000_000))
        numbered = {**message, SEQUENCE_KEY: self._last}
        kept = self._kept.pop(conversation, None)
        if kept is None:
            kept = deque(maxlen=self._per_conversation)
        kept.append((now, numbered))
        self._kept[conversation] = kept
        while len(self._kept) > self._conversations:
            self._kept.popitem(last=False)
        return numbered

    def since(self, conversation: str, received: int) -> List[Message]:
        """The conversation's kept replies numbered after `received`, marked as replayed."""
        kept = self._kept.get(conversation)
        if not kept:
            return []
        oldest = self._clock() - self._seconds
        while kept and kept[0][0] < oldest:
            kept.popleft()
        return [
            {**message, REPLAYED_KEY: True}
            for _, message in kept
            if message[SEQUENCE_KEY] > received
        ]


def received_number(request: Any) -> Optional[int]:
    """The last reply number a `session_request` says its page saw, if it says one."""
    if not isinstance(request, dict):
        return None
    value = request.get(RECEIVED_KEY)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value
