"""The server refuses to start without a usable model or settings: a clear error, non-zero exit."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import List, Optional

import pytest

from bot.launch.servers import environment, free_port
from bot.server import MODEL_DOMAIN_MEMBER, stale_model
from knowledge.clinic import CLINIC_FILE_ENV
from knowledge.clinic_domain import expected_texts
from knowledge.names import EMERGENCY_RESPONSE
from tests.conftest import PROJECT_DIR

START_LIMIT_S = 150


def _start(
    args: List[str], cwd: Path, endpoints: Optional[str] = None, clinic: Optional[str] = None
) -> subprocess.CompletedProcess:
    """`python -m bot.server run ...` as `make run` starts it; returns when it exits."""
    command = [sys.executable, "-m", "bot.server", "run", "--port", str(free_port())] + args
    if endpoints is not None:
        path = cwd / "endpoints.yml"
        path.write_text(endpoints, encoding="utf-8")
        command += ["--endpoints", str(path)]
    env = {
        **environment(),
        "PYTHONPATH": str(PROJECT_DIR) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    if clinic is not None:
        (cwd / "clinic.yml").write_text(clinic, encoding="utf-8")
        env[CLINIC_FILE_ENV] = str(cwd / "clinic.yml")
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=START_LIMIT_S
    )


def _refused(result: subprocess.CompletedProcess) -> None:
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "The server cannot start" in log
    assert "Rasa server is up and running" not in log


def test_a_corrupt_model_stops_the_start(tmp_path: Path) -> None:
    corrupt = tmp_path / "model.tar.gz"
    corrupt.write_bytes(b"not a model")
    _refused(_start(["--model", str(corrupt)], tmp_path))


def test_no_model_at_all_stops_the_start(tmp_path: Path) -> None:
    _refused(_start(["--model", str(tmp_path / "missing.tar.gz")], tmp_path))


@pytest.mark.model
def test_an_unreachable_tracker_store_stops_the_start(tmp_path: Path, model: Path) -> None:
    unreachable = (
        "tracker_store:\n  type: SQL\n  dialect: sqlite\n"
        f"  db: {tmp_path / 'no' / 'such' / 'folder' / 'conversations.db'}\n"
    )
    _refused(_start(["--model", str(model)], tmp_path, endpoints=unreachable))


@pytest.mark.model
def test_a_tracker_store_type_that_cannot_be_loaded_stops_the_start(
    tmp_path: Path, model: Path
) -> None:
    missing = "tracker_store:\n  type: bot.no_such_module.NoSuchStore\n"
    result = _start(["--model", str(model)], tmp_path, endpoints=missing)
    _refused(result)
    assert "could not be loaded" in result.stdout + result.stderr


@pytest.mark.model
@pytest.mark.parametrize("flag", ["--endpoints", "--credentials"])
def test_a_broken_settings_file_stops_the_start(tmp_path: Path, model: Path, flag: str) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("tracker_store: [unclosed\n", encoding="utf-8")
    result = _start(["--model", str(model), flag, str(broken)], tmp_path)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Failed to read YAML" in log and "up and running" not in log


def test_bad_clinic_settings_stop_the_start_naming_the_field(tmp_path: Path) -> None:
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"never read: the settings are checked first")
    shipped = (PROJECT_DIR / "clinic.yml").read_text("utf-8")
    broken = shipped.replace('phone: "+44 20 7946 0000"', 'phone: "ring us"')
    assert broken != shipped
    result = _start(["--model", str(model)], tmp_path, clinic=broken)
    _refused(result)
    assert "phone: 'ring us' is not a phone number" in result.stderr


def _model_with_domain(path: Path, domain: str) -> Path:
    """A model archive holding only the domain Rasa keeps in it."""
    data = domain.encode("utf-8")
    member = tarfile.TarInfo(MODEL_DOMAIN_MEMBER)
    member.size = len(data)
    with tarfile.open(path, "w:gz") as archive:
        archive.addfile(member, io.BytesIO(data))
    return path


def test_a_model_trained_with_other_clinic_settings_stops_the_start(tmp_path: Path) -> None:
    shipped = (PROJECT_DIR / "domain.yml").read_text("utf-8")
    current = _model_with_domain(tmp_path / "current.tar.gz", shipped)
    assert stale_model(["run", "--model", str(current)]) is None

    emergency = expected_texts()[EMERGENCY_RESPONSE]
    older = shipped.replace(emergency, emergency.replace("call 999", "call 112"))
    assert older != shipped
    model = _model_with_domain(tmp_path / "older.tar.gz", older)
    result = _start(["--model", str(model)], tmp_path)
    _refused(result)
    assert "other clinic settings than clinic.yml (utter_emergency)" in result.stderr
