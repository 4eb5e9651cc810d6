"""A Telegram channel that works on Rasa 3.6 and checks where updates come from.

Rasa 3.6.21's own connector fails on every update ("Event loop is closed": its
aiohttp session is made during start-up and reused in the server's loop) and
accepts updates from anyone. This one talks to the Bot API with a fresh aiohttp
session per call, registers its webhook with a `secret_token` once the server is up,
answers 403 to any update without the matching `X-Telegram-Bot-Api-Secret-Token`
header, and shows buttons as a reply keyboard (a pressed button comes back as its
title, which is turned back into the button's payload).
"""

from __future__ import annotations

import hmac
import logging
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Dict, List, Optional

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.deliveries import DELIVERY_KEY, DeliveryLedger, tracker_store_of
from bot.channels.outage import ConversationUnavailable, guarded
from bot.channels.senders import TELEGRAM, namespaced, platform_id

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
DEFAULT_API_BASE_URL = "https://api.telegram.org"
_REMEMBERED_CHATS = 10_000


class TelegramBotApi:
    """The few Bot API methods the channel needs."""

    def __init__(self, base_url: str, token: str) -> None:
        """base_url: Telegram's, or a stand-in server's for tests."""
        self._url = f"{base_url.rstrip('/')}/bot{token}"

    async def call(self, method: str, payload: Dict[str, Any]) -> Dict[str, Any]:
        """POSTs one Bot API method; raises on an HTTP error."""
        async with aiohttp.ClientSession() as session:
            async with session.post(f"{self._url}/{method}", json=payload) as reply:
                reply.raise_for_status()
                return await reply.json(content_type=None)


class ButtonMemory:
    """The last buttons shown in each chat, to map a pressed title to its payload."""

    def __init__(self, size: int = _REMEMBERED_CHATS) -> None:
        """Remembers the buttons of at most `size` chats (oldest forgotten first)."""
        self._size = size
        self._buttons: OrderedDict[str, Dict[str, str]] = OrderedDict()

    def remember(self, chat_id: str, buttons: List[Dict[str, Any]]) -> None:
        """Stores a chat's newest buttons, title to payload."""
        self._buttons[chat_id] = {str(b["title"]): str(b["payload"]) for b in buttons}
        self._buttons.move_to_end(chat_id)
        while len(self._buttons) > self._size:
            self._buttons.popitem(last=False)

    def payload_for(self, chat_id: str, text: str) -> str:
        """The payload of a pressed button, or the text itself."""
        return self._buttons.get(chat_id, {}).get(text, text)


class TelegramOutput(OutputChannel):
    """Sends replies with sendMessage; buttons as a one-time reply keyboard."""

    @classmethod
    def name(cls) -> str:
        """The channel name trackers record."""
        return "telegram"

    def __init__(self, api: TelegramBotApi, memory: ButtonMemory) -> None:
        """api: the Bot API client; memory: where shown buttons are remembered."""
        self._api = api
        self._memory = memory

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Sends a plain message."""
        chat_id = platform_id(TELEGRAM, recipient_id)
        await self._api.call("sendMessage", {"chat_id": chat_id, "text": text})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        """Sends a message with one keyboard row per button."""
        recipient_id = platform_id(TELEGRAM, recipient_id)
        self._memory.remember(recipient_id, buttons)
        keyboard = [[{"text": str(button["title"])}] for button in buttons]
        await self._api.call(
            "sendMessage",
            {
                "chat_id": recipient_id,
                "text": text,
                "reply_markup": {
                    "keyboard": keyboard,
                    "one_time_keyboard": True,
                    "resize_keyboard": True,
                },
            },
        )


class SecureTelegramInput(InputChannel):
    """Telegram webhook input that only accepts updates carrying the secret token."""

    @classmethod
    def name(cls) -> str:
        """URL prefix: /webhooks/telegram/webhook."""
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        """Reads access_token, secret_token, webhook_url and api_base_url."""
        if not credentials:
            cls.raise_missing_credentials_exception()
        credentials = dict(credentials or {})
        missing = [k for k in ("access_token", "secret_token") if not credentials.get(k)]
        if missing:
            raise ValueError(
                f"Telegram channel: set {', '.join(missing)} in credentials.yml "
                "(from environment variables)"
            )
        return cls(
            access_token=credentials["access_token"],
            secret_token=credentials["secret_token"],
            webhook_url=credentials.get("webhook_url"),
            api_base_url=credentials.get("api_base_url") or DEFAULT_API_BASE_URL,
        )

    def __init__(
        self,
        access_token: str,
        secret_token: str,
        webhook_url: Optional[str] = None,
        api_base_url: str = DEFAULT_API_BASE_URL,
    ) -> None:
        """webhook_url: the public address Telegram should call (None: don't register)."""
        self._secret = secret_token
        self._webhook_url = webhook_url
        self._api = TelegramBotApi(api_base_url, access_token)
        self._memory = ButtonMemory()
        self._deliveries = DeliveryLedger()

    def get_output_channel(self) -> Optional[OutputChannel]:
        """The channel proactive messages go through."""
        return TelegramOutput(self._api, self._memory)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Health check, webhook registration at start-up, and the webhook."""
        telegram_webhook = Blueprint("secure_telegram_webhook", __name__)
        handle = guarded(on_new_message)

        @telegram_webhook.listener("after_server_start")
        async def register_webhook(app: Any, loop: Any) -> None:
            if not self._webhook_url:
                return
            try:
                await self._api.call(
                    "setWebhook", {"url": self._webhook_url, "secret_token": self._secret}
                )
                logger.info("Telegram webhook registered.")
            except aiohttp.ClientError as error:
                logger.error("Could not register the Telegram webhook: %s", error)

        @telegram_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @telegram_webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            given = request.headers.get(SECRET_HEADER, "")
            if not hmac.compare_digest(given.encode(), self._secret.encode()):
                logger.warning("Rejected a Telegram update without the right secret token.")
                return response.text("forbidden", status=403)
            update = request.json if isinstance(request.json, dict) else {}
            incoming = _incoming(update)
            if incoming is None:
                return response.text("ignored")
            chat_id, text = incoming
            sender = namespaced(TELEGRAM, chat_id)
            metadata = None
            if "update_id" in update:
                delivery = str(update["update_id"])
                store = tracker_store_of(request.app)
                if not await self._deliveries.first_time(store, sender, delivery):
                    return response.text("already answered")
                metadata = {DELIVERY_KEY: delivery}
            try:
                await handle(
                    UserMessage(
                        self._memory.payload_for(chat_id, text),
                        TelegramOutput(self._api, self._memory),
                        sender,
                        input_channel=self.name(),
                        metadata=metadata,
                    )
                )
            except ConversationUnavailable:
                pass  # the outage reply was sent; a retried update would get it twice
            return response.text("success")

        return telegram_webhook


def _incoming(update: Dict[str, Any]) -> Optional[tuple[str, str]]:
    """(chat id, text) of a text message update, or None for anything else."""
    message = update.get("message") or update.get("edited_message") or {}
    chat = message.get("chat") or {}
    if "id" not in chat or "text" not in message:
        return None
    return str(chat["id"]), str(message["text"])
