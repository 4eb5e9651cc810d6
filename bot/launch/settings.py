"""Where the launched servers listen and where they write: one place for make run and make stack.

Each value comes from an environment variable, with the default a clinic gets.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.launch.processes import PROJECT_DIR

DEFAULT_ENDPOINTS = PROJECT_DIR / "endpoints.yml"
STACK_ENDPOINTS = PROJECT_DIR / "endpoints.stack.yml"
"""The production profile's endpoints: PostgreSQL, Redis, the action servers' balancer."""
MODEL = PROJECT_DIR / "models" / "leukobot.tar.gz"
WEB_DIR = PROJECT_DIR / "web"
CREDENTIALS_SCRIPT = PROJECT_DIR / "scripts" / "credentials.sh"


def _port(variable: str, default: int) -> int:
    value = os.environ.get(variable) or str(default)
    try:
        port = int(value)
    except ValueError:
        raise ValueError(f"{variable} must be a port number, not {value!r}.") from None
    if not 0 < port < 65536:
        raise ValueError(f"{variable} must be between 1 and 65535, not {port}.")
    return port


@dataclass(frozen=True)
class Addresses:
    """The public ports: Rasa (or the stack's balancer), the action server, the widget page."""

    rasa_port: int
    action_port: int
    widget_port: int
    interface: str
    """Rasa's interface: loopback unless RASA_INTERFACE says otherwise (a proxy does TLS)."""

    @property
    def widget_origin(self) -> str:
        """The web origin of the widget page; the socket.io channel refuses others."""
        return os.environ.get("WIDGET_ORIGIN") or f"http://localhost:{self.widget_port}"


def addresses() -> Addresses:
    """The addresses from RASA_PORT, ACTION_PORT, WIDGET_PORT and RASA_INTERFACE."""
    return Addresses(
        rasa_port=_port("RASA_PORT", 5005),
        action_port=_port("ACTION_PORT", 5055),
        widget_port=_port("WIDGET_PORT", 8080),
        interface=os.environ.get("RASA_INTERFACE") or "127.0.0.1",
    )


def log_dir() -> Path:
    """Where Rasa, the action server and the services write (LOG_DIR, default logs/)."""
    return Path(os.environ.get("LOG_DIR") or PROJECT_DIR / "logs")


def endpoints_file(default: Path = DEFAULT_ENDPOINTS) -> Path:
    """The endpoints file (ENDPOINTS, else the given default)."""
    return Path(os.environ.get("ENDPOINTS") or default)


def endpoints_for_actions_at(endpoints: Path, action_port: int, folder: Path) -> Path:
    """The endpoints file with its action endpoint at the action server we start.

    `make run` starts the action server on ACTION_PORT; endpoints.yml names 5055 (so
    that `rasa run` from the project root works as is). A copy in `folder` names the
    port in use; everything else in the file stays as written (a token too).
    """
    settings = yaml.safe_load(endpoints.read_text(encoding="utf-8")) or {}
    action = dict(settings.get("action_endpoint") or {})
    action["url"] = f"http://127.0.0.1:{action_port}/webhook"
    settings["action_endpoint"] = action
    copy = folder / "endpoints.yml"
    copy.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return copy
