"""The socket.io channel lets in the widget's own site only (WIDGET_ORIGIN)."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.channels.socketio import ORIGIN_VARIABLE, allowed_origins, origin_allowed


@pytest.mark.parametrize(
    ("setting", "origin", "allowed"),
    [
        ("https://clinic.example", "https://clinic.example", True),
        ("https://clinic.example", "https://clinic.example/", True),
        ("https://clinic.example, http://localhost:8080", "http://localhost:8080", True),
        ("https://clinic.example", "https://evil.example", False),
        ("https://clinic.example", "null", False),
        ("https://clinic.example", None, True),  # not a browser on another site
        ("", "https://evil.example", True),  # unset: every origin (with a warning)
    ],
)
def test_only_the_widgets_origin_may_connect(
    monkeypatch: pytest.MonkeyPatch, setting: str, origin: Optional[str], allowed: bool
) -> None:
    monkeypatch.setenv(ORIGIN_VARIABLE, setting)
    assert origin_allowed(origin, allowed_origins()) is allowed
