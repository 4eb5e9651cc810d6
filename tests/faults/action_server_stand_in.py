"""A stand-in on the action server's port: forwards to the real one, or misbehaves.

Modes: "up" forwards every request to the real action server; "error" answers
500; "garbage" answers 200 with invalid JSON; "slow" waits longer than Rasa's
action timeout before forwarding; "down" closes the port (connection refused).
"""

from __future__ import annotations

import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Optional

MODES = ("up", "error", "garbage", "slow", "down")


class ActionServerStandIn:
    """Listens on `port` in front of the real action server on `real_port`."""

    def __init__(self, port: int, real_port: int, slow_s: float) -> None:
        """Starts in mode "up"."""
        self.port = port
        self.real_port = real_port
        self.slow_s = slow_s
        self.mode = "up"
        self._server: Optional[ThreadingHTTPServer] = None
        self._open()

    def set_mode(self, mode: str) -> None:
        """Switches behaviour; "down" closes the port, any other mode opens it."""
        assert mode in MODES, mode
        self.mode = mode
        if mode == "down":
            self._close()
        elif self._server is None:
            self._open()

    def close(self) -> None:
        """Stops listening for good."""
        self._close()

    def _open(self) -> None:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if stand_in.mode == "error":
                    self._reply(500, b'{"error": "boom"}')
                elif stand_in.mode == "garbage":
                    self._reply(200, b"{not json")
                else:
                    if stand_in.mode == "slow":
                        time.sleep(stand_in.slow_s)
                    request = urllib.request.Request(
                        f"http://127.0.0.1:{stand_in.real_port}{self.path}",
                        data=body,
                        headers={"Content-Type": "application/json"},
                    )
                    try:
                        with urllib.request.urlopen(request, timeout=30) as response:
                            self._reply(response.status, response.read())
                    except OSError:
                        pass  # Rasa gave up waiting and closed the connection

            def _reply(self, status: int, payload: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                """Quiet."""

        ThreadingHTTPServer.allow_reuse_address = True
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def _close(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
