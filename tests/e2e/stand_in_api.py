"""A stand-in HTTP API on loopback that records what the bot sends (Telegram, Slack)."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from aiohttp import web

from bot.launch.servers import free_port


@dataclass
class Call:
    """One request the bot made: path and JSON (or form) body."""

    path: str
    body: Dict[str, Any]


@dataclass
class StandInApi:
    """Answers every POST with {"ok": true} and records it; runs in its own thread."""

    port: int = field(default_factory=free_port)
    calls: List[Call] = field(default_factory=list)
    _loop: Optional[asyncio.AbstractEventLoop] = None
    _runner: Optional[web.AppRunner] = None

    @property
    def url(self) -> str:
        """Base URL of the stand-in."""
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> StandInApi:
        ready = threading.Event()
        threading.Thread(target=self._serve, args=(ready,), daemon=True).start()
        ready.wait(10)
        return self

    def __exit__(self, *_: Any) -> None:
        if self._loop is not None and self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)

    def _serve(self, ready: threading.Event) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_route("POST", "/{tail:.*}", self._record)
        self._runner = web.AppRunner(app)
        self._loop.run_until_complete(self._runner.setup())
        self._loop.run_until_complete(web.TCPSite(self._runner, "127.0.0.1", self.port).start())
        ready.set()
        self._loop.run_forever()

    async def _record(self, request: web.Request) -> web.Response:
        raw = await request.text()
        try:
            body = json.loads(raw) if raw else {}
        except json.JSONDecodeError:
            body = dict(await request.post())
        self.calls.append(Call(path=request.path, body=body))
        return web.json_response({"ok": True, "result": {"message_id": len(self.calls)}})

    def wait_for(self, path_end: str, count: int = 1, timeout_s: float = 30.0) -> List[Call]:
        """The calls to a path ending so, once there are `count` of them (or on timeout)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            found = [c for c in self.calls if c.path.endswith(path_end)]
            if len(found) >= count:
                return found
            time.sleep(0.2)
        return [c for c in self.calls if c.path.endswith(path_end)]
