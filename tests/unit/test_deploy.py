"""deploy/: the Kubernetes manifests pass kubernetes-validate, the Dockerfiles hadolint.

Both tools live in .venv-deploy (`make install` puts them there; see
deploy/tools-constraints.txt). Nothing here starts a cluster or builds an image: no
cluster or Docker daemon runs on these machines (deploy/README.md says what was and
was not run).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest
import yaml

from tests.conftest import PROJECT_DIR

DEPLOY = PROJECT_DIR / "deploy"
TOOLS = PROJECT_DIR / ".venv-deploy" / "bin"
MANIFESTS = sorted((DEPLOY / "k8s").glob("*.yaml"))
DOCKERFILES = sorted((DEPLOY / "docker").glob("*.Dockerfile"))
KUBERNETES_VERSION = "1.30.0"
"""The oldest Kubernetes release the manifests are checked against (newer ones too)."""


def _tool(name: str) -> str:
    path = TOOLS / name
    assert path.exists(), f"{path} is missing: run `make install`"
    return str(path)


def _validate(*files: Path, version: str = KUBERNETES_VERSION) -> subprocess.CompletedProcess:
    command = [_tool("kubernetes-validate"), "--strict", "-k", version, *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _hadolint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_tool("hadolint"), *map(str, files)], capture_output=True, text=True, timeout=120
    )


def _resources() -> Iterator[Dict[str, Any]]:
    for path in MANIFESTS:
        yield from (doc for doc in yaml.safe_load_all(path.read_text("utf-8")) if doc)


def _of_kind(kind: str) -> List[Dict[str, Any]]:
    return [resource for resource in _resources() if resource["kind"] == kind]


@pytest.mark.parametrize("version", [KUBERNETES_VERSION, "1.37.0"])
def test_every_manifest_is_valid_kubernetes(version: str) -> None:
    result = _validate(*MANIFESTS, version=version)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_misspelt_field_is_caught(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        (DEPLOY / "k8s" / "rasa.yaml").read_text("utf-8").replace("replicas: 2", "replica: 2"),
        encoding="utf-8",
    )
    assert _validate(broken).returncode != 0


def test_the_dockerfiles_pass_hadolint() -> None:
    result = _hadolint(*DOCKERFILES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_catches_a_careless_dockerfile(tmp_path: Path) -> None:
    careless = tmp_path / "careless.Dockerfile"
    careless.write_text("FROM python:latest\nRUN cd /app && pip install rasa\n", "utf-8")
    assert _hadolint(careless).returncode != 0


def test_every_container_has_probes_resources_and_no_root() -> None:
    deployments = _of_kind("Deployment")
    assert {d["metadata"]["name"] for d in deployments} == {"leukobot-rasa", "leukobot-actions"}
    for deployment in deployments:
        pod = deployment["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        for container in pod["containers"]:
            assert {"readinessProbe", "livenessProbe"} <= set(container), container["name"]
            assert {"requests", "limits"} <= set(container["resources"]), container["name"]
        assert deployment["spec"]["replicas"] >= 2


def test_every_deployment_has_a_disruption_budget_and_a_service() -> None:
    def labels(resource: Dict[str, Any], *path: str) -> Dict[str, str]:
        for key in path:
            resource = resource[key]
        return resource

    deployments = [labels(d, "spec", "selector", "matchLabels") for d in _of_kind("Deployment")]
    budgets = [
        labels(b, "spec", "selector", "matchLabels") for b in _of_kind("PodDisruptionBudget")
    ]
    services = [labels(s, "spec", "selector") for s in _of_kind("Service")]
    assert sorted(map(str, deployments)) == sorted(map(str, budgets)) == sorted(map(str, services))


def test_socketio_is_sticky_and_the_replicas_share_their_stores() -> None:
    [ingress] = _of_kind("Ingress")
    assert ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    [config] = _of_kind("ConfigMap")
    endpoints = yaml.safe_load(config["data"]["endpoints.yml"])
    assert endpoints["tracker_store"]["dialect"] == "postgresql"
    assert endpoints["lock_store"]["type"] == "bot.lock_store.AtomicRedisLockStore"
    assert endpoints["tracker_store"]["password"] == "${DB_PASSWORD}"  # from the Secret


def test_the_example_secret_holds_no_real_secret() -> None:
    [secret] = _of_kind("Secret")
    for key, value in secret["stringData"].items():
        if "PASSWORD" in key or "SECRET" in key or "TOKEN" in key:
            assert value.startswith("CHANGE-ME"), key


def test_the_images_install_from_the_pinned_constraints() -> None:
    for dockerfile in DOCKERFILES:
        text = dockerfile.read_text("utf-8")
        assert "-c constraints.txt" in text, dockerfile.name
        assert "USER 1001" in text, dockerfile.name


def test_the_stack_and_kubernetes_use_the_same_stores() -> None:
    """make stack's endpoints.stack.yml and the ConfigMap name the same store types."""
    [config] = _of_kind("ConfigMap")
    cluster = yaml.safe_load(config["data"]["endpoints.yml"])
    stack = yaml.safe_load((PROJECT_DIR / "endpoints.stack.yml").read_text(encoding="utf-8"))
    for store in ("tracker_store", "lock_store"):
        assert cluster[store]["type"] == stack[store]["type"], store
