"""Starts Rasa's command line with our fixes for Rasa 3.6 installed.

`python -m bot.server run ...` behaves like `rasa run ...`; `make run`, `make shell`
and the evaluation use it. Plain `rasa` works too, only slower (see bot.rasa_fixes).
"""

from __future__ import annotations

from bot import rasa_fixes


def main() -> None:
    """Installs the fixes, then hands over to Rasa's own command line."""
    rasa_fixes.install()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
