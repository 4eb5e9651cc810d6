"""Writes the review report: one HTML page with its charts inside, and CSV files.

The page lists the patients' words the bot could not answer, so it holds patient
data: it is written readable by its owner only (0600), and reports/.gitignore
keeps it out of the repository. Conversation ids never appear, only counts.
"""

from __future__ import annotations

import base64
import csv
import html
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from bot.review.figures import ReviewFigures

PAGE_FILE = "conversations.html"
DAILY_CSV = "conversations_daily.csv"
TOPICS_CSV = "conversations_topics.csv"
REVIEW_CSV = "conversations_review.csv"
CLASSES_CSV = "conversations_emergency_classes.csv"
FILE_MODE = 0o600


def write_report(
    figures: ReviewFigures,
    charts: Dict[str, bytes],
    folder: Path,
    since: Optional[date],
    until: Optional[date],
) -> List[Path]:
    """Writes the page and the CSV files into the folder; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        _write(folder / PAGE_FILE, _page(figures, charts, since, until)),
        _csv(
            folder / DAILY_CSV,
            ["day", "conversations", "patient_messages", "emergency_replies"],
            [
                [
                    str(d),
                    figures.conversations_per_day[d],
                    figures.messages_per_day[d],
                    figures.emergencies_per_day[d],
                ]
                for d in figures.days
            ],
        ),
        _csv(
            folder / TOPICS_CSV,
            ["topic", "questions", "helpful", "not_helpful"],
            _topic_rows(figures),
        ),
        _csv(
            folder / CLASSES_CSV,
            ["red_flag_class", "emergency_replies"],
            [[name, count] for name, count in figures.emergencies_per_class.most_common()],
        ),
        _csv(
            folder / REVIEW_CSV,
            ["day", "reply", "request_kind", "patient_words"],
            [[str(r.day), r.reply, r.kind, r.text] for r in figures.for_review],
        ),
    ]


def _topic_rows(figures: ReviewFigures) -> List[List[object]]:
    topics = sorted(set(figures.questions_per_topic) | set(figures.feedback_per_topic))
    rows: List[List[object]] = []
    for topic in topics:
        feedback = figures.feedback_per_topic.get(topic) or Counter()
        rows.append(
            [
                topic,
                figures.questions_per_topic[topic],
                feedback["helpful"],
                feedback["not_helpful"],
            ]
        )
    return rows


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(FILE_MODE)
    return path


def _csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    path.chmod(FILE_MODE)
    return path


def _page(
    figures: ReviewFigures, charts: Dict[str, bytes], since: Optional[date], until: Optional[date]
) -> str:
    period = f"{since or 'the first conversation'} to {until or 'today'}"
    median = "-" if figures.median_turns is None else f"{figures.median_turns:g}"
    summary = [
        ("Conversations", figures.conversations),
        ("Patient messages", figures.messages),
        ("Median patient messages per conversation", median),
        ("Emergency replies", sum(figures.emergencies_per_day.values())),
        ("Answers given", sum(figures.questions_per_topic.values())),
        ("Clarifying questions and out-of-scope replies", len(figures.for_review)),
    ]
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>Conversation review</title>",
        "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3rem .6rem;"
        "text-align:left}img{max-width:100%}</style></head><body>",
        "<h1>Conversation review</h1>",
        f"<p>Period: {html.escape(period)}. Conversations are counted, never named. This page "
        "holds patients' words: keep it within the care team.</p>",
        _table(["Figure", "Value"], [[name, value] for name, value in summary]),
    ]
    for title, png in charts.items():
        data = base64.b64encode(png).decode("ascii")
        parts += [
            f"<h2>{html.escape(title)}</h2>",
            f'<img alt="{html.escape(title)} (chart)" src="data:image/png;base64,{data}">',
        ]
    parts += [
        "<h2>Questions and feedback per topic</h2>",
        _table(["Topic", "Questions", "Helpful", "Not helpful"], _topic_rows(figures)),
        "<h2>Messages the bot could not answer (for review)</h2>",
        _table(
            ["Day", "Reply", "Request kind", "Patient's words"],
            [[r.day, r.reply, r.kind or "-", r.text] for r in figures.for_review],
        ),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    if not rows:
        return "<p>None in this period.</p>"
    head = "".join(f"<th>{html.escape(str(cell))}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
