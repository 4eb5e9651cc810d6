"""The launcher's plan, secrets, balancer configuration and pid files (no servers)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.launch.balancer import STICKY_COOKIE, Balancer
from bot.launch.processes import LaunchError, record, recorded, start, stop_recorded
from bot.launch.services import require_program
from bot.launch.settings import DEFAULT_ENDPOINTS, endpoints_for_actions_at
from bot.launch.stack import SECRET_VARIABLES, StackPlan, stack_secrets


def test_the_plan_has_its_defaults_and_takes_the_environment() -> None:
    plan = StackPlan.from_environment({})
    assert (plan.balancer_port, plan.action_balancer_port) == (5005, 5055)
    assert plan.replica_ports == (5101, 5102) and plan.action_ports == (5103,)
    plan = StackPlan.from_environment(
        {"STACK_REPLICAS": "3", "STACK_ACTION_SERVERS": "2", "STACK_FIRST_PORT": "6000"}
    )
    assert plan.replica_ports == (6000, 6001, 6002) and plan.action_ports == (6003, 6004)


@pytest.mark.parametrize(
    "env", [{"STACK_REPLICAS": "0"}, {"STACK_REPLICAS": "two"}, {"RASA_PORT": "-1"}]
)
def test_a_bad_setting_is_named(env: dict) -> None:
    with pytest.raises(LaunchError, match=next(iter(env))):
        StackPlan.from_environment(env)


def test_secrets_come_from_the_environment_or_are_drawn() -> None:
    values, drawn = stack_secrets({"DB_PASSWORD": "from-env"})
    assert values["DB_PASSWORD"] == "from-env"
    assert set(drawn) == set(SECRET_VARIABLES) - {"DB_PASSWORD"}
    assert len(set(values.values())) == len(SECRET_VARIABLES)


@pytest.mark.parametrize("bad", ['pass"word', "pass word", "back\\slash", "new\nline"])
def test_a_secret_that_would_break_a_configuration_is_refused(bad: str) -> None:
    with pytest.raises(LaunchError, match="REDIS_PASSWORD"):
        stack_secrets({"REDIS_PASSWORD": bad})


def test_haproxy_accepts_the_configuration(tmp_path: Path) -> None:
    balancer = Balancer(5005, 5055, (5101, 5102, 5103), (5104,))
    config = tmp_path / "haproxy.cfg"
    config.write_text(balancer.configuration(), encoding="utf-8")
    checked = subprocess.run(
        [require_program("haproxy", "haproxy"), "-c", "-f", str(config)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    text = balancer.configuration()
    assert text.count("server rasa") == 6 and f"cookie {STICKY_COOKIE} insert" in text
    assert "127.0.0.1:5005" in text and "0.0.0.0" not in text
    # A message a dying replica refused or dropped unanswered goes to another one.
    assert "retry-on conn-failure empty-response" in text
    assert "option http-buffer-request" in text  # without it HAProxy cannot re-send a request


def test_a_pid_file_stops_its_own_process_and_no_other(tmp_path: Path) -> None:
    process = start([sys.executable, "-c", "import time; time.sleep(60)"], tmp_path / "log")
    pid_file = tmp_path / "sleeper.pid"
    record(process, pid_file)
    assert recorded(pid_file) is not None
    assert stop_recorded(pid_file)
    assert process.wait(timeout=10) != 0 and not pid_file.exists()
    pid_file.write_text(f"{process.pid} 12345\n")  # a pid whose process is gone or another's
    assert recorded(pid_file) is None and not stop_recorded(pid_file)


def test_make_run_points_rasa_at_the_action_port_it_starts(tmp_path: Path) -> None:
    """ACTION_PORT=5155 make run: Rasa must call the action server on 5155, not 5055."""
    copy = endpoints_for_actions_at(DEFAULT_ENDPOINTS, 5155, tmp_path)
    settings = yaml.safe_load(copy.read_text(encoding="utf-8"))
    original = yaml.safe_load(DEFAULT_ENDPOINTS.read_text(encoding="utf-8"))
    assert settings["action_endpoint"]["url"] == "http://127.0.0.1:5155/webhook"
    assert settings["tracker_store"] == original["tracker_store"]


def test_the_action_endpoints_other_settings_stay(tmp_path: Path) -> None:
    custom = tmp_path / "custom.yml"
    custom.write_text('action_endpoint:\n  url: "http://10.0.0.5:5055/webhook"\n  token: "${T}"\n')
    folder = tmp_path / "out"
    folder.mkdir()
    settings = yaml.safe_load(endpoints_for_actions_at(custom, 6055, folder).read_text())
    assert settings["action_endpoint"] == {"url": "http://127.0.0.1:6055/webhook", "token": "${T}"}
