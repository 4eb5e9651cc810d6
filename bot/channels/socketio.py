"""Rasa's socket.io channel with session persistence that works on python-socketio 5.10+.

Rasa 3.6.21 calls `sio.enter_room(...)` without awaiting it; since python-socketio
5.10 that call is a coroutine, so the client never joins its session's room and
never receives a reply (RasaHQ/rasa#13027). This channel re-registers the
`session_request` handler with the call awaited; everything else is Rasa's.
"""

from __future__ import annotations

import inspect
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint


class PersistentSocketIOInput(SocketIOInput):
    """socket.io input whose session persistence puts the client in its room."""

    @classmethod
    def name(cls) -> str:
        """Rasa's name for the channel, so trackers and widgets see `socketio`."""
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's blueprint, with a `session_request` handler that awaits enter_room."""
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None  # set by the parent's blueprint

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Optional[Dict]) -> None:
            data = dict(data or {})
            if not data.get("session_id"):
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                joined = sio.enter_room(sid, data["session_id"], namespace=self.namespace)
                if inspect.isawaitable(joined):
                    await joined
            await sio.emit("session_confirm", data["session_id"], room=sid)

        return socketio_webhook
