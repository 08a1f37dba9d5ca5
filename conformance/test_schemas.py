"""Every Kubernetes object against its schema, strictly, cluster by cluster: built-in kinds with
kubernetes-validate for the spec's kubernetesVersion, custom resources with the upstream CRDs
(validate-manifests, from BIZRA_SHARED, on each `clusters/<region>/k8s`: duplicates are looked
for within a cluster, where they would collide)."""
import tempfile

import pytest
import yaml

from support.manifests import NOT_VALIDATED, builtin, describe, report, validate
from support.tools import require, run


@pytest.fixture(scope="module")
def validation():
    cache = {}

    def validated(cluster):
        if cluster.label not in cache:
            cache[cluster.label] = validate(cluster.k8s, cluster.tree.kubernetes_version())
        return cache[cluster.label]
    return validated


def builtin_problems(cluster, validation) -> list[str]:
    result = validation(cluster)
    if result is not None:
        if result.returncode not in (0, 1):
            return [result.describe()]
        problems = [p for p in report(result)["problems"] if builtin(str(p.get("apiVersion") or ""))]
        return [describe(problems)] if problems else []
    # No BIZRA_SHARED: kubernetes-validate from the venv, on the built-in objects only.
    documents = [doc for _, doc in cluster.objects() if builtin(doc.get("apiVersion", ""))]
    with tempfile.NamedTemporaryFile("w", suffix=".yaml") as file:
        yaml.safe_dump_all(documents, file)
        file.flush()
        result = run([require("kubernetes-validate"), "--strict", "-k", cluster.tree.kubernetes_version(), file.name])
    return [result.describe()] if result.returncode != 0 else []


def test_builtin_kinds_match_their_schema(tree, validation):
    failures = {str(cluster): builtin_problems(cluster, validation) for cluster in tree.clusters()}
    assert not any(failures.values()), "built-in objects off their schema:\n" + "\n".join(
        f"{cluster}:\n{lines[0]}" for cluster, lines in failures.items() if lines)


def test_custom_resources_match_their_crd(tree, validation):
    failures = []
    for cluster in tree.clusters():
        result = validation(cluster)
        if result is None:
            pytest.skip(NOT_VALIDATED)
        found = report(result)
        if found["problem_count"] != 0 or result.returncode != 0:
            failures.append(f"{cluster}: validate-manifests found problems:\n{describe(found['problems'])}\n"
                            f"{result.stderr[-3000:]}")
        elif found["objects_checked"] < len(cluster.objects()):
            failures.append(f"{cluster}: {found['objects_checked']} objects checked of {len(cluster.objects())}")
    assert not failures, "\n".join(failures)
