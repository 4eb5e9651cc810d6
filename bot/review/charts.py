"""The review report's charts, drawn with matplotlib as PNG bytes."""

from __future__ import annotations

import io
from typing import Any, Dict, List, Mapping

from bot.review.figures import ReviewFigures

CHART_DPI = 100
COLOURS = {"helpful": "#2e7d32", "not_helpful": "#c62828"}


def charts(figures: ReviewFigures) -> Dict[str, bytes]:
    """Each chart's PNG by its title; a chart with nothing to show is left out."""
    drawn: Dict[str, bytes] = {}
    days = figures.days
    if days:
        drawn["Conversations and messages per day"] = _per_day(
            [str(d) for d in days],
            {
                "conversations": [figures.conversations_per_day[d] for d in days],
                "patient messages": [figures.messages_per_day[d] for d in days],
            },
        )
    if figures.emergencies_per_day:
        drawn["Emergency replies per day"] = _per_day(
            [str(d) for d in days],
            {"emergency replies": [figures.emergencies_per_day[d] for d in days]},
        )
    if figures.questions_per_topic:
        drawn["Questions per topic"] = _bars(dict(figures.questions_per_topic.most_common()))
    if figures.emergencies_per_class:
        drawn["Emergency replies per red-flag class"] = _bars(
            dict(figures.emergencies_per_class.most_common())
        )
    if figures.feedback_per_topic:
        drawn["Feedback per topic"] = _feedback(figures)
    return drawn


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")  # no display: the report is drawn on servers
    from matplotlib import pyplot

    return pyplot


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png", dpi=CHART_DPI)
    _pyplot().close(figure)
    return buffer.getvalue()


def _per_day(days: List[str], series: Mapping[str, List[int]]) -> bytes:
    pyplot = _pyplot()
    figure, axes = pyplot.subplots(figsize=(8, 3.2))
    width = 0.8 / len(series)
    for number, (label, values) in enumerate(series.items()):
        positions = [i + number * width for i in range(len(days))]
        axes.bar(positions, values, width=width, label=label)
    axes.set_xticks([i + width * (len(series) - 1) / 2 for i in range(len(days))])
    axes.set_xticklabels(days, rotation=45, ha="right", fontsize=8)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend(fontsize=8)
    return _png(figure)


def _bars(counts: Mapping[str, int]) -> bytes:
    pyplot = _pyplot()
    figure, axes = pyplot.subplots(figsize=(8, 0.4 * len(counts) + 1))
    labels = list(counts)[::-1]
    axes.barh(labels, [counts[label] for label in labels])
    axes.xaxis.get_major_locator().set_params(integer=True)
    return _png(figure)


def _feedback(figures: ReviewFigures) -> bytes:
    pyplot = _pyplot()
    topics = sorted(figures.feedback_per_topic)
    figure, axes = pyplot.subplots(figsize=(8, 0.4 * len(topics) + 1))
    left = [0] * len(topics)
    for value, colour in COLOURS.items():
        counts = [figures.feedback_per_topic[t][value] for t in topics]
        axes.barh(topics, counts, left=left, color=colour, label=value.replace("_", " "))
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.legend(fontsize=8)
    return _png(figure)
