"""The one launcher: `python -m bot.launch run|shell|stack|stack-down|stack-status`.

`make run`, `make shell`, `make stack` and `make stack-down` call it; the tests and
`make eval` use the same modules (bot.launch.servers, bot.launch.stack).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from typing import NoReturn, Optional, Sequence

from bot.launch import local, stack
from bot.launch.processes import LaunchError


def _interrupt(signal_number: int, frame: object) -> NoReturn:
    raise KeyboardInterrupt


def main(arguments: Optional[Sequence[str]] = None) -> int:
    """Runs one launcher command; prints what went wrong instead of a traceback."""
    parser = argparse.ArgumentParser(prog="python -m bot.launch")
    parser.add_argument("command", choices=["run", "shell", "stack", "stack-down", "stack-status"])
    command = parser.parse_args(arguments).command
    # Stop what we started, as Ctrl+C does, when killed or when the terminal closes
    # (the servers run in sessions of their own and would otherwise outlive us).
    for stop_signal in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop_signal, _interrupt)
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")  # Rasa 3.6 uses SQLAlchemy 1.4
    try:
        if command in ("run", "shell"):
            return local.serve(command)
        plan = stack.StackPlan.from_environment()
        if command == "stack":
            secret_values, drawn = stack.stack_secrets()
            stack.up(plan, {**secret_values})
            print(stack.addresses_text(plan, secret_values, drawn), flush=True)
        elif command == "stack-down":
            stopped = stack.down(plan)
            print(
                f"Stopped: {', '.join(stopped)}."
                if stopped
                else "Nothing of the stack was running."
            )
        else:
            parts = stack.running_parts(plan)
            print(f"Running: {', '.join(parts)}." if parts else "Nothing of the stack is running.")
    except LaunchError as error:
        print(f"Could not {command}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
