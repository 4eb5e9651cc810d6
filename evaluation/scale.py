"""`make eval-scale`: locust against one replica and against two, in the same run.

Each replica layout is the production profile as `make stack` starts it
(PostgreSQL, Redis, HAProxy, one action server) on free ports in a folder of its
own; the first layout is `make run`'s single process on SQLite, for the cost of
the profile itself. Locust
(headless, from the tools venv) drives USERS concurrent conversations through
the balancer for DURATION_S after a warm-up; the report (reports/scale.md and a
chart, reports/scale.png) gives throughput, p50/p95 and the error count of each.
"""

from __future__ import annotations

import ast
import csv
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Sequence

from bot.launch.processes import PROJECT_DIR
from bot.launch.servers import our_bot
from bot.launch.settings import MODEL
from bot.launch.stack import StackPlan, down, stack_secrets, up

LOCUST = PROJECT_DIR / ".venv-deploy" / "bin" / "locust"
LOCUSTFILE = PROJECT_DIR / "evaluation" / "locustfile.py"
REPORT = PROJECT_DIR / "reports" / "scale.md"
CHART = PROJECT_DIR / "reports" / "scale.png"
USERS = 16
WARM_UP_S = 10
DURATION_S = 45
LAYOUTS = (1, 2)


@dataclass(frozen=True)
class LoadResult:
    """What locust measured against one layout."""

    layout: str
    requests: int
    failures: int
    throughput: float
    p50_ms: float
    p95_ms: float
    p99_ms: float


def run_locust(url: str, token: str, seconds: int, csv_prefix: Path) -> Dict[str, str]:
    """One headless locust run; returns its aggregated row."""
    command = [
        str(LOCUST),
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--users",
        str(USERS),
        "--spawn-rate",
        str(USERS),
        "--run-time",
        f"{seconds}s",
        "--host",
        url,
        "--csv",
        str(csv_prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    env = {**os.environ, "LEUKOBOT_REST_TOKEN": token}
    log = csv_prefix.with_suffix(".log")
    with open(log, "wb") as out:
        subprocess.run(command, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)
    stats = csv_prefix.parent / f"{csv_prefix.name}_stats.csv"
    with open(stats, encoding="utf-8") as rows:
        return next(row for row in csv.DictReader(rows) if row["Name"] == "Aggregated")


def turns_per_conversation() -> int:
    """How many turns a conversation of the locustfile has (it cannot be imported here)."""
    for node in ast.walk(ast.parse(LOCUSTFILE.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "TURNS":
            return len(getattr(node.value, "elts", ()))
    raise ValueError(f"{LOCUSTFILE} has no TURNS")


def result(layout: str, row: Dict[str, str]) -> LoadResult:
    """A layout's figures from locust's aggregated row."""
    return LoadResult(
        layout=layout,
        requests=int(row["Request Count"]),
        failures=int(row["Failure Count"]),
        throughput=float(row["Requests/s"]),
        p50_ms=float(row["50%"]),
        p95_ms=float(row["95%"]),
        p99_ms=float(row["99%"]),
    )


def measure_single(work: Path) -> LoadResult:
    """Make run's layout: one Rasa process on SQLite, its action server, no balancer."""
    with our_bot(MODEL, work) as server:
        run_locust(server.url, "", WARM_UP_S, work / "warm-single")
        row = run_locust(server.url, "", DURATION_S, work / "load-single")
    return result("1 process, SQLite, no balancer (make run)", row)


def measure(replicas: int, work: Path) -> LoadResult:
    """Starts a stack with this many replicas, warms it up, measures it, stops it."""
    folder = Path(tempfile.mkdtemp(prefix=f"leukobot-scale{replicas}-"))
    plan = StackPlan.on_free_ports(folder, replicas, MODEL, work / f"logs-{replicas}")
    values, _ = stack_secrets({})
    url = f"http://127.0.0.1:{plan.balancer_port}"
    try:
        up(plan, values)
        token = values["REST_CHANNEL_TOKEN"]
        run_locust(url, token, WARM_UP_S, work / f"warm-{replicas}")
        row = run_locust(url, token, DURATION_S, work / f"load-{replicas}")
    finally:
        down(plan)
        shutil.rmtree(folder, ignore_errors=True)
    return result(
        f"{replicas} replica{'s' if replicas > 1 else ''}, PostgreSQL, Redis, HAProxy", row
    )


def draw(results: Sequence[LoadResult], path: Path) -> None:
    """Throughput and latency per layout, side by side."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [r.layout.split(",")[0] for r in results]
    figure, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    left.bar(labels, [r.throughput for r in results], color="#2f6f8f")
    left.set_title("Throughput (turns per second)")
    width = 0.35
    places = range(len(results))
    right.bar([p - width / 2 for p in places], [r.p50_ms for r in results], width, label="p50")
    right.bar([p + width / 2 for p in places], [r.p95_ms for r in results], width, label="p95")
    right.set_xticks(list(places), labels)
    right.set_title("Latency (ms)")
    right.legend()
    figure.suptitle(f"{USERS} patients chatting at once, {DURATION_S} s per layout")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def render(results: Sequence[LoadResult], cores: int) -> List[str]:
    """reports/scale.md."""
    lines = [
        "# Scaling: one replica against two (`make eval-scale`)",
        "",
        f"Locust {USERS} users (each a patient after patient: conversations of",
        f"{turns_per_conversation()} turns, the next turn as soon as the answer comes),",
        "through HAProxy against the production profile that",
        "`make stack` starts (PostgreSQL tracker store, Redis lock store, one action",
        f"server), {DURATION_S} s per layout after a {WARM_UP_S} s warm-up, every layout in",
        "the same run on the same machine; first `make run`'s single process on SQLite.",
        "",
        "| layout | turns | errors | turns/s | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r.layout} | {r.requests} | {r.failures} | {r.throughput:.1f} | "
        f"{r.p50_ms:.0f} | {r.p95_ms:.0f} | {r.p99_ms:.0f} |"
        for r in results
    ]
    single, one, two = results
    if one.throughput and single.throughput:
        lines += [
            "",
            f"Two replicas give {two.throughput / one.throughput:.2f}x the throughput of one; "
            f"one replica of the profile gives {one.throughput / single.throughput:.2f}x "
            "the throughput of `make run`'s single process (the shared stores and the "
            "balancer cost this much per turn).",
        ]
    lines += [
        "",
        "![throughput and latency](scale.png)",
        "",
        "## What this machine can and cannot show",
        "",
        f"This machine has {cores} CPU core(s). A Rasa replica handles a turn on one",
        "core (its event loop); locust, HAProxy, PostgreSQL, Redis and the action server",
        "share the same cores. So two replicas here can at best use both cores instead",
        "of one, minus what the other processes take: the ratio above is a floor for",
        "what a second replica on its own machine or pod adds, not a forecast for 4 or",
        "8 replicas. What it does show: the replicas share one conversation store",
        "without errors under load (the error column), and the tests in `tests/stack/`",
        "show that no turn is lost or interleaved and that a killed replica loses no",
        "patient's message (the balancer sends it to the other replica).",
    ]
    return lines


def evaluate_scale(work: Path) -> List[LoadResult]:
    """Both layouts measured; the report and chart written."""
    if not LOCUST.exists():
        raise SystemExit(f"{LOCUST} is missing: run `make install`.")
    results = [measure_single(work)] + [measure(replicas, work) for replicas in LAYOUTS]
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    draw(results, CHART)
    REPORT.write_text("\n".join(render(results, os.cpu_count() or 1)) + "\n", encoding="utf-8")
    return results
