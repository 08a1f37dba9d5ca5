"""For each cluster, `kubectl kustomize clusters/<region>/k8s` renders exactly the objects of that
cluster's numbered manifest files, and its kustomization lists exactly those files, in order."""
import yaml

from support.tools import require, run
from support.trees import failures_per_cluster, object_key


def test_kustomization_lists_the_numbered_files_in_order(tree):
    failures = {}
    for cluster in tree.clusters():
        if not cluster.kustomization.is_file():
            failures[str(cluster)] = ["kustomization.yaml missing"]
            continue
        listed = yaml.safe_load(cluster.kustomization.read_text()).get("resources")
        present = [p.name for p in cluster.manifest_files()]
        if listed != present:
            failures[str(cluster)] = [f"resources {listed} != the numbered files {present}"]
    assert not failures, failures_per_cluster(failures)


def test_kustomize_renders_exactly_the_objects(tree):
    kubectl = require("kubectl")
    failures = {}
    for cluster in tree.clusters():
        result = run([kubectl, "kustomize", cluster.k8s])
        if result.returncode != 0:
            failures[str(cluster)] = [result.describe()]
            continue
        rendered = sorted(object_key(doc) for doc in yaml.safe_load_all(result.stdout) if doc)
        written = sorted(object_key(doc) for _, doc in cluster.objects())
        lines = []
        if rendered != written:
            extra = sorted(set(rendered) - set(written))
            missing = sorted(set(written) - set(rendered))
            lines.append(f"kustomize renders other objects than the files hold "
                         f"(only rendered: {extra}, only in the files: {missing}, "
                         f"{len(rendered)} rendered, {len(written)} written)")
        twice = sorted({key for key in written if written.count(key) > 1})
        if twice:
            lines.append(f"objects written twice: {twice}")
        failures[str(cluster)] = lines
    assert not any(failures.values()), failures_per_cluster(failures)
