"""`make report`: figures counted from stored events, written as a page and CSV files."""

from __future__ import annotations

import csv
import json
import stat
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Dict, List

import sqlalchemy as sa

from bot.review.__main__ import main as report_main
from bot.review.charts import charts
from bot.review.figures import review_figures
from bot.review.page import PAGE_FILE, REVIEW_CSV, TOPICS_CSV, write_report
from bot.review.store import StoredEvent, read_events

DAY_1 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc).timestamp()
DAY_2 = datetime(2026, 11, 3, 9, 0, tzinfo=timezone.utc).timestamp()
SECRET_SENDER = "sender-7f3a9c"


def _user(sender: str, at: float, text: str, scope: str | None = None) -> StoredEvent:
    entities = [{"entity": "scope_request", "value": scope}] if scope else []
    data = {"event": "user", "text": text, "parse_data": {"entities": entities}}
    return StoredEvent(sender, at, "user", data)


def _action(
    sender: str, at: float, name: str, presentations: List[str] | None = None
) -> StoredEvent:
    metadata = {"safety": {"presentations": presentations}} if presentations else {}
    return StoredEvent(
        sender, at, "action", {"event": "action", "name": name, "metadata": metadata}
    )


def _slot(sender: str, at: float, name: str, value: str) -> StoredEvent:
    return StoredEvent(sender, at, "slot", {"event": "slot", "name": name, "value": value})


def _events() -> List[StoredEvent]:
    a, b = SECRET_SENDER, "sender-b"
    return [
        _user(a, DAY_1, "can steroids lower it"),
        _action(a, DAY_1, "action_answer_topic"),
        _slot(a, DAY_1, "topic", "medications"),
        _user(a, DAY_1, "/feedback_not_helpful"),
        _slot(a, DAY_1, "feedback", "not_helpful"),
        _user(a, DAY_1, "what dose <b>should</b> I take"),
        _action(a, DAY_1, "action_out_of_scope"),
        _user(b, DAY_2, "my temp is 39 on chemo"),
        _action(b, DAY_2, "utter_emergency", ["febrile_neutropenia"]),
        _user(b, DAY_2, "hmm"),
        _action(b, DAY_2, "action_clarify_topic"),
        _user(b, DAY_2, "lupus?"),
        _slot(b, DAY_2, "topic", "autoimmune"),
        _user(b, DAY_2, "helpful"),
        _slot(b, DAY_2, "feedback", "helpful"),
    ]


def test_the_figures_count_what_was_stored() -> None:
    figures = review_figures(_events())
    assert figures.conversations == 2 and figures.messages == 7
    assert figures.median_turns == 3.5
    assert dict(figures.questions_per_topic) == {"medications": 1, "autoimmune": 1}
    assert figures.feedback_per_topic["medications"]["not_helpful"] == 1
    assert figures.feedback_per_topic["autoimmune"]["helpful"] == 1
    assert dict(figures.emergencies_per_class) == {"febrile_neutropenia": 1}
    assert [(r.reply, r.kind, r.text) for r in figures.for_review] == [
        ("out of scope", "", "what dose <b>should</b> I take"),
        ("clarifying question", "", "hmm"),
    ]
    assert [figures.conversations_per_day[d] for d in figures.days] == [1, 1]
    assert [figures.emergencies_per_day[d] for d in figures.days] == [0, 1]


def test_the_page_and_csv_files_hold_the_figures_and_no_conversation_id(tmp_path: Path) -> None:
    figures = review_figures(_events())
    drawn = charts(figures)
    assert set(drawn) >= {"Questions per topic", "Feedback per topic"}
    assert all(png.startswith(b"\x89PNG") for png in drawn.values())
    written = write_report(figures, drawn, tmp_path, None, None)

    page = (tmp_path / PAGE_FILE).read_text(encoding="utf-8")
    assert "data:image/png;base64," in page
    assert "what dose &lt;b&gt;should&lt;/b&gt; I take" in page  # escaped, never markup
    assert all(SECRET_SENDER not in path.read_text(encoding="utf-8") for path in written)
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in written)
    with open(tmp_path / TOPICS_CSV, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["topic"]: (r["questions"], r["helpful"], r["not_helpful"]) for r in rows} == {
        "autoimmune": ("1", "1", "0"),
        "medications": ("1", "0", "1"),
    }
    with open(tmp_path / REVIEW_CSV, encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 2


def _store(tmp_path: Path, events: List[StoredEvent]) -> Dict[str, Any]:
    database = tmp_path / "conversations.db"
    engine = sa.create_engine(f"sqlite:///{database}")
    metadata = sa.MetaData()
    table = sa.Table(
        "events",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.String(255)),
        sa.Column("type_name", sa.String(255)),
        sa.Column("timestamp", sa.Float),
        sa.Column("intent_name", sa.String(255)),
        sa.Column("action_name", sa.String(255)),
        sa.Column("data", sa.Text),
    )
    metadata.create_all(engine)
    with engine.begin() as connection:
        for event in events:
            connection.execute(
                table.insert().values(
                    sender_id=event.conversation,
                    type_name=event.type_name,
                    timestamp=event.timestamp,
                    data=json.dumps(event.data),
                )
            )
    return {"type": "SQL", "dialect": "sqlite", "db": str(database)}


def test_since_and_until_keep_the_days_asked_for(tmp_path: Path) -> None:
    settings = _store(tmp_path, _events())
    assert len(read_events(settings)) == len(_events())
    second_day = read_events(settings, since=date(2026, 11, 3))
    assert {e.conversation for e in second_day} == {"sender-b"}
    first_day = read_events(settings, until=date(2026, 11, 2))
    assert {e.conversation for e in first_day} == {SECRET_SENDER}


def test_the_command_writes_the_report_from_an_endpoints_file(tmp_path: Path) -> None:
    settings = _store(tmp_path, _events())
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {settings['db']}\n", "utf-8"
    )
    out = tmp_path / "out"
    assert (
        report_main(["--endpoints", str(endpoints), "--out", str(out), "--since", "2026-11-03"])
        == 0
    )
    page = (out / PAGE_FILE).read_text(encoding="utf-8")
    assert "2026-11-03 to today" in page and "can steroids" not in page


def test_a_store_with_no_conversations_yet_is_a_clear_error(tmp_path: Path) -> None:
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tmp_path / 'none.db'}\n", "utf-8"
    )
    assert report_main(["--endpoints", str(endpoints), "--out", str(tmp_path)]) == 1
    assert not (tmp_path / PAGE_FILE).exists()
