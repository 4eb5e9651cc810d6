"""A broken knowledge file stops the action server at start-up, naming the fault."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from bot.launch.servers import environment, free_port
from tests.conftest import PROJECT_DIR


def test_a_broken_knowledge_file_stops_the_action_server(tmp_path: Path) -> None:
    document = yaml.safe_load(
        (PROJECT_DIR / "data" / "knowledge" / "leukopenia.yml").read_text(encoding="utf-8")
    )
    del document["topics"][4]["source_section"]
    broken = tmp_path / "knowledge.yml"
    broken.write_text(yaml.safe_dump(document), encoding="utf-8")

    env = {**environment(), "LEUKOBOT_KNOWLEDGE_FILE": str(broken)}
    rasa = Path(sys.executable).parent / "rasa"
    command = [str(rasa), "run", "actions", "--actions", "actions", "--port", str(free_port())]
    result = subprocess.run(
        command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    topic_id = document["topics"][4]["id"]
    assert f"topic '{topic_id}': missing field 'source_section'" in output
    assert os.fspath(broken) in output
