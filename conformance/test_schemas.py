"""Every Kubernetes object against its schema, strictly: built-in kinds with kubernetes-validate for
the spec's kubernetesVersion, custom resources with the upstream CRDs (validate-manifests, from
BIZRA_SHARED)."""
import json
import tempfile

import pytest
import yaml

from support.tools import find, require, run, shared


def builtin(api_version: str) -> bool:
    group = api_version.split("/")[0] if "/" in api_version else ""
    return group == "" or "." not in group or group.endswith(".k8s.io") and group not in {
        "autoscaling.k8s.io", "kustomize.config.k8s.io"}


@pytest.fixture(scope="module")
def validation():
    cache = {}

    def validate(tree):
        if tree.label not in cache:
            tool = find("validate-manifests")
            if shared() is None or tool is None:
                cache[tree.label] = None
            else:
                cache[tree.label] = run([tool, "--json", "--k8s-version", tree.kubernetes_version(), tree.k8s])
        return cache[tree.label]
    return validate


def describe(problems) -> str:
    return "\n".join(f"{p['file']}:{p['doc']}: {p['kind']}/{p['name']}: {p['path']}: {p['message']}" for p in problems)


def test_builtin_kinds_match_their_schema(tree, validation):
    result = validation(tree)
    if result is not None:
        assert result.returncode in (0, 1), f"{tree}:\n{result.describe()}"
        report = json.loads(result.stdout)
        problems = [p for p in report["problems"] if builtin(str(p.get("apiVersion") or ""))]
        assert not problems, f"{tree}: built-in objects off their schema:\n{describe(problems)}"
        return
    # No BIZRA_SHARED: kubernetes-validate from the venv, on the built-in objects only.
    documents = [doc for _, doc in tree.objects() if builtin(doc.get("apiVersion", ""))]
    with tempfile.NamedTemporaryFile("w", suffix=".yaml") as file:
        yaml.safe_dump_all(documents, file)
        file.flush()
        result = run([require("kubernetes-validate"), "--strict", "-k", tree.kubernetes_version(), file.name])
    assert result.returncode == 0, f"{tree}:\n{result.describe()}"


def test_custom_resources_match_their_crd(tree, validation):
    result = validation(tree)
    if result is None:
        pytest.skip("!!! CUSTOM RESOURCES NOT VALIDATED: BIZRA_SHARED (../shared) with tools/validate-manifests "
                    "and schemas/crds is missing here, so the upstream CRD schemas are not available !!!")
    report = json.loads(result.stdout)
    assert report["problem_count"] == 0 and result.returncode == 0, \
        f"{tree}: validate-manifests found problems:\n{describe(report['problems'])}\n{result.stderr[-3000:]}"
    assert report["objects_checked"] >= len(tree.objects()), "every object is checked"
