"""`make eval`: held-out accuracy, cross-validated F1, training time and REST latency.

Our bot and Rasa's starter bot (`rasa init --no-prompt`) are trained, started and
measured in the same run, on the same machine, with the same messages.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

from bot.launch.servers import PROJECT_DIR, VENV_BIN, environment, our_bot, rasa_server
from evaluation.heldout import (
    Question,
    accuracy_by_label,
    ask_each,
    labels,
    load_questions,
)
from evaluation.rest_client import send
from evaluation.safety import evaluate_safety, safety_targets
from evaluation.safety_report import render_safety
from evaluation.scale import REPORT as SCALE_REPORT_FILE
from evaluation.scale import evaluate_scale
from evaluation.understanding import evaluate_understanding, render_understanding
from knowledge.names import OUT_OF_SCOPE_INTENT

RESULTS_DIR = PROJECT_DIR / "results"
REPORT_FILE = PROJECT_DIR / "reports" / "evaluation.md"
SAFETY_REPORT_FILE = PROJECT_DIR / "reports" / "safety.md"
UNDERSTANDING_REPORT_FILE = PROJECT_DIR / "reports" / "understanding.md"
MODEL = PROJECT_DIR / "models" / "leukobot.tar.gz"
WARM_UP = ("hello", "what is leukopenia", "thanks")

TOPIC_ACCURACY_TARGET = 0.95
TOPIC_FLOOR = 0.90
OUT_OF_SCOPE_TARGET = 0.90
LATENCY_RATIO_TARGET = 1.2


def run_timed(command: Sequence[str], cwd: Path, log: Path) -> float:
    """Runs a command to completion, logging its output; returns the seconds it took."""
    started = time.perf_counter()
    with open(log, "wb") as out:
        subprocess.run(
            list(command),
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=environment(),
            check=True,
        )
    return time.perf_counter() - started


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = int(position), min(int(position) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def cross_validated_macro_f1(work: Path) -> float:
    """Intent macro-F1 from `rasa test nlu --cross-validation --folds 5`."""
    out = work / "cross_validation"
    run_timed(
        [
            str(VENV_BIN / "rasa"),
            "test",
            "nlu",
            "--nlu",
            "data/nlu",
            "--config",
            "config.yml",
            "--cross-validation",
            "--folds",
            "5",
            "--out",
            str(out),
        ],
        PROJECT_DIR,
        work / "cross_validation.log",
    )
    report = json.loads((out / "intent_report.json").read_text(encoding="utf-8"))
    return float(report["macro avg"]["f1-score"])


def evaluate_ours(
    questions: Sequence[Question], work: Path
) -> Tuple[List[Tuple[Question, str]], List[float]]:
    """Sends each question as a new conversation; returns predictions and latencies."""
    with our_bot(MODEL, work) as server:
        for index, text in enumerate(WARM_UP):
            send(server, f"warm-up-{index}", text)
        return ask_each(server, questions, "heldout")


def evaluate_starter(questions: Sequence[Question], work: Path) -> Tuple[float, List[float]]:
    """Creates and trains Rasa's starter bot, then times the same messages through it."""
    starter = work / "starter"
    starter.mkdir()
    seconds = run_timed(
        [str(VENV_BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(starter)],
        work,
        work / "starter-init.log",
    )
    model = sorted((starter / "models").glob("*.tar.gz"))[-1]
    latencies = []
    with rasa_server(
        model, work, cwd=starter, with_fixes=False, credentials_yaml="rest:\n"
    ) as server:
        for index, text in enumerate(WARM_UP):
            send(server, f"warm-up-{index}", text)
        for index, question in enumerate(questions):
            latencies.append(send(server, f"heldout-{index}", question.text).seconds)
    return seconds, latencies


def main() -> int:
    """`python -m evaluation [safety|understanding|scale]`: every measurement, or one part."""
    if sys.argv[1:] == ["safety"]:
        return safety_only()
    if sys.argv[1:] == ["scale"]:
        return scale_only()
    if sys.argv[1:] == ["understanding"]:
        return understanding_only()
    return full_evaluation()


def understanding_only() -> int:
    """Both held-out sets and the conversations through our bot; writes reports/understanding.md."""
    work = Path(tempfile.mkdtemp(prefix="leukobot-understanding-"))
    report = evaluate_understanding(MODEL, work)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "understanding_report.json").write_text(json.dumps(report, indent=2), "utf-8")
    text = "\n".join(render_understanding(report)) + "\n"
    UNDERSTANDING_REPORT_FILE.write_text(text, "utf-8")
    print(text)
    shutil.rmtree(work, ignore_errors=True)
    return 0 if all(report["targets"].values()) else 1


def scale_only() -> int:
    """One replica against two under locust; writes reports/scale.md and reports/scale.png."""
    work = Path(tempfile.mkdtemp(prefix="leukobot-scale-"))
    results = evaluate_scale(work)
    print(SCALE_REPORT_FILE.read_text(encoding="utf-8"))
    shutil.rmtree(work, ignore_errors=True)
    return 0 if all(result.failures == 0 for result in results) else 1


def safety_only() -> int:
    """Measures the red-flag detector on every labelled set; writes reports/safety.md."""
    safety = evaluate_safety()
    write_safety_report(safety)
    print("\n".join(render_safety(safety)))
    return 0 if all(safety_targets(safety).values()) else 1


def write_safety_report(safety: Dict[str, Any]) -> None:
    """Writes results/safety_report.json and the tracked Markdown safety report."""
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "safety_report.json").write_text(json.dumps(safety, indent=2), "utf-8")
    SAFETY_REPORT_FILE.parent.mkdir(exist_ok=True)
    lines = ["# Safety report (`make eval`, or `make eval-safety` for this part alone)", ""]
    SAFETY_REPORT_FILE.write_text("\n".join(lines + render_safety(safety)) + "\n", "utf-8")


def full_evaluation() -> int:
    """Runs every measurement, prints the report and writes reports/evaluation.md and safety.md."""
    questions = load_questions()
    RESULTS_DIR.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="leukobot-eval-"))
    print(f"Evaluating {len(questions)} held-out questions; logs in {work}", flush=True)

    our_train_s = run_timed(
        [str(VENV_BIN / "rasa"), "train", "--force", "--out", str(work / "models")],
        PROJECT_DIR,
        work / "train.log",
    )
    print(f"trained our bot in {our_train_s:.1f} s", flush=True)
    macro_f1 = cross_validated_macro_f1(work)
    print(f"cross-validated intent macro-F1 {macro_f1:.3f}", flush=True)
    results, our_latencies = evaluate_ours(questions, work)
    print("held-out set sent through our bot", flush=True)
    starter_train_s, starter_latencies = evaluate_starter(questions, work)
    print("held-out set sent through the starter bot", flush=True)

    report = build_report(
        results, macro_f1, our_train_s, starter_train_s, our_latencies, starter_latencies
    )
    safety = evaluate_safety()
    report["targets"].update(safety_targets(safety))
    write_report(report)
    write_safety_report(safety)
    print(render(report))
    shutil.rmtree(work, ignore_errors=True)
    return 0 if all(report["targets"].values()) else 1


def build_report(
    results: Sequence[Tuple[Question, str]],
    macro_f1: float,
    our_train_s: float,
    starter_train_s: float,
    our_latencies: Sequence[float],
    starter_latencies: Sequence[float],
) -> Dict[str, Any]:
    """Collects every figure and checks it against the issue's targets."""
    by_label = accuracy_by_label(results)
    topic_results = [(q, p) for q, p in results if q.label != OUT_OF_SCOPE_INTENT]
    topic_accuracy = sum(p == q.label for q, p in topic_results) / len(topic_results)
    oos_correct, oos_total = by_label.get(OUT_OF_SCOPE_INTENT, (0, 0))
    oos_accuracy = oos_correct / oos_total if oos_total else 0.0
    ours_p50 = statistics.median(our_latencies) * 1000
    starter_p50 = statistics.median(starter_latencies) * 1000
    return {
        "questions": len(results),
        "accuracy_by_label": {
            label: {"correct": by_label[label][0], "total": by_label[label][1]}
            for label in labels()
            if label in by_label
        },
        "topic_accuracy": topic_accuracy,
        "out_of_scope_accuracy": oos_accuracy,
        "intent_macro_f1_cv5": macro_f1,
        "training_seconds": {"ours": our_train_s, "starter": starter_train_s},
        "latency_ms": {
            "ours": {"p50": ours_p50, "p95": percentile(our_latencies, 95) * 1000},
            "starter": {"p50": starter_p50, "p95": percentile(starter_latencies, 95) * 1000},
        },
        "misses": [
            {"text": q.text, "expected": q.label, "got": p} for q, p in results if p != q.label
        ],
        "targets": {
            "topic accuracy >= 95 %": topic_accuracy >= TOPIC_ACCURACY_TARGET,
            "every topic >= 90 %": all(
                c / n >= TOPIC_FLOOR
                for label, (c, n) in by_label.items()
                if label != OUT_OF_SCOPE_INTENT
            ),
            "out of scope >= 90 %": oos_accuracy >= OUT_OF_SCOPE_TARGET,
            "median latency <= 1.2 x starter": ours_p50 <= LATENCY_RATIO_TARGET * starter_p50,
        },
    }


def render(report: Dict[str, Any]) -> str:
    """The report as Markdown."""
    lines = [
        "# Evaluation report (`make eval`)",
        "",
        f"Held-out questions: {report['questions']}",
        "",
    ]
    lines += ["| label | correct | total | accuracy |", "|---|---:|---:|---:|"]
    for label, counts in report["accuracy_by_label"].items():
        share = counts["correct"] / counts["total"]
        lines.append(f"| {label} | {counts['correct']} | {counts['total']} | {share:.1%} |")
    train = report["training_seconds"]
    ours, starter = report["latency_ms"]["ours"], report["latency_ms"]["starter"]
    lines += [
        "",
        f"- Topic accuracy (all topic questions): {report['topic_accuracy']:.1%}",
        f"- Out-of-scope handled (out-of-scope reply): {report['out_of_scope_accuracy']:.1%}",
        "- Intent macro-F1, `rasa test nlu` 5-fold cross-validation: "
        f"{report['intent_macro_f1_cv5']:.3f}",
        "",
        "| | ours | Rasa starter bot |",
        "|---|---:|---:|",
        f"| training time (s) | {train['ours']:.1f} | {train['starter']:.1f} |",
        f"| REST latency p50 (ms) | {ours['p50']:.1f} | {starter['p50']:.1f} |",
        f"| REST latency p95 (ms) | {ours['p95']:.1f} | {starter['p95']:.1f} |",
        "",
        "Targets:",
    ]
    lines += [f"- [{'x' if ok else ' '}] {name}" for name, ok in report["targets"].items()]
    lines += ["", f"Misses ({len(report['misses'])}):"]
    lines += [
        f"- expected `{m['expected']}`, got `{m['got']}`: {m['text']}" for m in report["misses"]
    ]
    lines += ["", "Safety figures: [`reports/safety.md`](safety.md)."]
    return "\n".join(lines) + "\n"


def write_report(report: Dict[str, Any]) -> None:
    """Writes results/eval_report.json and the tracked Markdown report."""
    (RESULTS_DIR / "eval_report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    REPORT_FILE.parent.mkdir(exist_ok=True)
    REPORT_FILE.write_text(render(report), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
