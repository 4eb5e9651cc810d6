"""`make report`: the conversation review report from the tracker store.

`python -m bot.review [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--endpoints FILE]
[--out FOLDER]` reads the SQL tracker store of the endpoints file and writes
reports/conversations.html with its charts, and the figures as CSV files.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

from bot.data_lifecycle import DEFAULT_ENDPOINTS, LifecycleError, tracker_store_settings
from bot.review.charts import charts
from bot.review.figures import review_figures
from bot.review.page import write_report
from bot.review.store import read_events

DEFAULT_FOLDER = Path("reports")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a day (YYYY-MM-DD)") from None


def main(arguments: Optional[Sequence[str]] = None) -> int:
    """Writes the report; prints where, and counts only."""
    parser = argparse.ArgumentParser(
        prog="python -m bot.review", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--since", type=_day, help="first day included (UTC)")
    parser.add_argument("--until", type=_day, help="last day included (UTC)")
    parser.add_argument("--endpoints", type=Path, default=DEFAULT_ENDPOINTS)
    parser.add_argument("--out", type=Path, default=DEFAULT_FOLDER)
    options = parser.parse_args(arguments)
    if options.since and options.until and options.since > options.until:
        parser.error("--since is after --until")
    try:
        events = read_events(
            tracker_store_settings(options.endpoints), options.since, options.until
        )
    except LifecycleError as error:
        print(f"No report: {error}", file=sys.stderr)
        return 1
    figures = review_figures(events)
    written = write_report(figures, charts(figures), options.out, options.since, options.until)
    print(
        f"{figures.conversations} conversation(s), {figures.messages} patient message(s). "
        f"Wrote {', '.join(str(path) for path in written)}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
