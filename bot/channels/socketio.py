"""Rasa's socket.io channel with sessions the server issues, signs and binds.

Two fixes over Rasa 3.6.21's channel:

- Replies: Rasa calls `sio.enter_room(...)` without awaiting it; since
  python-socketio 5.10 that call is a coroutine, so the client never joins its
  session's room and never receives a reply (RasaHQ/rasa#13027).
- Sessions: Rasa takes whatever `session_id` a client sends, in `session_request`
  and in every message, so a second client with another's id reads that
  conversation and writes into it. Here the server issues each session as a
  signed token (`<id>.<HMAC>`); a client that presents a token with a bad
  signature, or one another connected client holds, gets a new session; and a
  message always goes to the session bound to its connection, whatever
  `session_id` it carries. A message that arrives before any session request
  gets a new session rather than being dropped. The conversation id is
  `socketio:<id>` (bot.channels.senders), so no other channel can reach it.

The signing key comes from `SOCKETIO_SESSION_SECRET`; without it, a random key
per process (a widget reload after a restart then starts a new conversation).

A third: a reply sent while the page is away (a reload, a link to another page of
the clinic site) reaches no socket. Replies are numbered and kept for a while, and
a page that comes back to its session gets those it missed
(bot.channels.kept_replies).

A fourth: Rasa turns engine.io's origin check off (`cors_allowed_origins=[]`), so
any web page a patient visits could open a conversation through their browser.
Here a connection whose `Origin` is not one of `WIDGET_ORIGIN` (comma-separated;
`make run` sets it) is refused; clients that send no `Origin` (apps, tests) are
not browsers on another site and are let in. Unset, every origin is let in and
the start logs a warning.
"""

from __future__ import annotations

import hashlib
import hmac
import inspect
import logging
import os
import secrets
from typing import Any, Awaitable, Callable, Dict, FrozenSet, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from bot.channels.kept_replies import KeptReplies, received_number
from bot.channels.outage import ConversationUnavailable, guarded
from bot.channels.rest import MAX_BODY_BYTES
from bot.channels.senders import SOCKETIO, namespaced

logger = logging.getLogger(__name__)

ORIGIN_VARIABLE = "WIDGET_ORIGIN"


def allowed_origins() -> Optional[FrozenSet[str]]:
    """The web origins the widget may be served from (WIDGET_ORIGIN), or None for any."""
    raw = os.environ.get(ORIGIN_VARIABLE, "")
    origins = frozenset(o.strip().rstrip("/") for o in raw.split(",") if o.strip())
    return origins or None


def origin_allowed(origin: Optional[str], origins: Optional[FrozenSet[str]]) -> bool:
    """A connection from this Origin header may open a conversation."""
    return origins is None or origin is None or origin.rstrip("/") in origins


SECRET_VARIABLE = "SOCKETIO_SESSION_SECRET"
SIGNATURE_CHARS = 32


class SessionSigner:
    """Issues session tokens and checks their signatures."""

    def __init__(self, secret: Optional[str]) -> None:
        """`secret`: the signing key; None draws a random one for this process."""
        self._key = (secret or secrets.token_hex(32)).encode()

    def issue(self) -> str:
        """A new session token."""
        session = secrets.token_hex(16)
        return f"{session}.{self._signature(session)}"

    def session_of(self, token: Any) -> Optional[str]:
        """The session id of a genuine token, else None."""
        if not isinstance(token, str) or token.count(".") != 1:
            return None
        session, signature = token.split(".")
        if hmac.compare_digest(signature, self._signature(session)):
            return session
        return None

    def _signature(self, session: str) -> str:
        return hmac.new(self._key, session.encode(), hashlib.sha256).hexdigest()[:SIGNATURE_CHARS]


class KeptSocketIOOutput(SocketIOOutput):
    """Rasa's socket.io output, each reply numbered and kept for a page that misses it."""

    def __init__(self, sio: Any, bot_message_evt: str, kept: KeptReplies) -> None:
        """`kept`: the channel's kept replies."""
        super().__init__(sio, bot_message_evt)
        self._kept = kept

    async def _send_message(self, socket_id: str, response: Any) -> None:
        """Numbers and keeps the reply, then sends it to the conversation's room."""
        await super()._send_message(socket_id, self._kept.record(socket_id, response))


class PersistentSocketIOInput(SocketIOInput):
    """socket.io input with signed, connection-bound sessions; see the module docstring."""

    @classmethod
    def name(cls) -> str:
        """Rasa's name for the channel, so trackers and widgets see `socketio`."""
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's blueprint with our session_request, user_uttered and disconnect handlers."""
        socketio_webhook = super().blueprint(on_new_message)
        handle = guarded(on_new_message)
        sio = self.sio
        assert sio is not None  # set by the parent's blueprint
        sio.eio.max_http_buffer_size = MAX_BODY_BYTES
        origins = allowed_origins()
        if origins is None:
            logger.warning(
                "socket.io accepts connections from any web page: set %s to the widget's origin.",
                ORIGIN_VARIABLE,
            )

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: str, environ: Dict[str, Any], auth: Any = None) -> None:
            if not origin_allowed(environ.get("HTTP_ORIGIN"), origins):
                logger.warning("A socket.io connection from another site's page was refused.")
                raise ConnectionRefusedError("this origin may not use the chat")

        signer = SessionSigner(os.environ.get(SECRET_VARIABLE) or None)
        kept = KeptReplies()
        tokens: Dict[str, str] = {}
        """Connection (sid) -> its session token."""

        async def bind(sid: str, presented: Any) -> str:
            """The connection's session: its own, the presented one if genuine and free, or new."""
            if sid in tokens:
                return tokens[sid]
            session = signer.session_of(presented)
            held = session is not None and presented in tokens.values()
            token = presented if session is not None and not held else signer.issue()
            tokens[sid] = token
            if self.session_persistence:
                joined = sio.enter_room(sid, self._conversation(token), namespace=self.namespace)
                if inspect.isawaitable(joined):
                    await joined
            await sio.emit("session_confirm", token, room=sid, namespace=self.namespace)
            return token

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:
            presented = data.get("session_id") if isinstance(data, dict) else None
            token = await bind(sid, presented)
            received = received_number(data)
            if token != presented or received is None or not self.session_persistence:
                return
            for missed in kept.since(self._conversation(token), received):
                await sio.emit(self.bot_message_evt, missed, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any) -> None:
            if not isinstance(data, dict) or not isinstance(data.get("message"), str):
                logger.warning("A socket.io message without a text was ignored.")
                await sio.emit(
                    self.bot_message_evt,
                    {"text": "Sorry, I could not read that message. Please type it again."},
                    room=sid,
                    namespace=self.namespace,
                )
                return
            token = await bind(sid, None)
            sender = self._conversation(token) if self.session_persistence else sid
            metadata = data.get(self.metadata_key)
            try:
                await handle(
                    UserMessage(
                        data["message"],
                        KeptSocketIOOutput(sio, self.bot_message_evt, kept),
                        sender,
                        input_channel=self.name(),
                        metadata=metadata if isinstance(metadata, dict) else None,
                    )
                )
            except ConversationUnavailable:
                pass  # the outage reply went to the session; the error is logged

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: str) -> None:
            tokens.pop(sid, None)

        return socketio_webhook

    @staticmethod
    def _conversation(token: str) -> str:
        """The conversation id (and reply room) of a session token."""
        return namespaced(SOCKETIO, token.split(".")[0])
