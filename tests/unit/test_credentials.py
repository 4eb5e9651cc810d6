"""Messaging channels join the credentials only when their secrets are in the environment."""

from __future__ import annotations

import os
import subprocess

import yaml

from tests.conftest import PROJECT_DIR

SCRIPT = PROJECT_DIR / "scripts" / "credentials.sh"


def _channels(**env: str) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TELEGRAM_"))}
    output = subprocess.run(
        ["bash", str(SCRIPT)], env={**clean, **env}, capture_output=True, text=True, check=True
    ).stdout
    return yaml.safe_load(output)


def test_web_channels_only_by_default() -> None:
    assert set(_channels()) == {
        "bot.channels.rest.CheckedRestInput",
        "bot.channels.socketio.PersistentSocketIOInput",
    }


def test_slack_and_telegram_with_their_secrets() -> None:
    channels = _channels(
        SLACK_TOKEN="x",
        SLACK_SIGNING_SECRET="y",
        TELEGRAM_TOKEN="t",
        TELEGRAM_SECRET_TOKEN="s",
        TELEGRAM_WEBHOOK_URL="https://example.org/webhooks/telegram/webhook",
    )
    assert channels["bot.channels.slack.SlackChannel"]["slack_token"] == "${SLACK_TOKEN}"
    assert "bot.channels.telegram.SecureTelegramInput" in channels


def test_no_secret_is_written_in_a_file() -> None:
    for name in ("credentials.yml", "credentials.slack.yml", "credentials.telegram.yml"):
        for value in (yaml.safe_load((PROJECT_DIR / name).read_text()) or {}).values():
            for setting, text in (value or {}).items():
                if any(word in setting for word in ("token", "secret")):
                    assert str(text).startswith("${"), (name, setting)
