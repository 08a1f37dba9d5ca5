"""One cluster per region: `clusters/<region>/k8s` for every region of the spec's `regions.list`
(`default` without regions) and no other; an object deployed to several clusters is the same in
each, but for what is meant to differ per region; and in each cluster, every Secret and ConfigMap
a pod template refers to is provided in that cluster (see support/references.py)."""
import difflib
import json

import yaml

from support import spec as specs
from support.references import unprovided
from support.trees import failures_per_cluster, object_key

# What may differ between the copies of an object in two clusters, besides the region's own name
# (and kubectl context), which is replaced by a placeholder before comparing:
#   * a CloudNativePG Cluster: the primary in the primary region, a replica (bootstrap from and
#     streaming from the primary) elsewhere;
#   * the Ingress's weighted DNS record: its `aws-weight` annotation is the region's weight.
DIFFERS_BY_ROLE = {("postgresql.cnpg.io", "Cluster")}
REGION_ANNOTATIONS = {"external-dns.alpha.kubernetes.io/aws-weight"}


def region_names(spec: dict, cluster: str) -> list[str]:
    """The names that stand for a cluster in its objects: the region's name, its kubectl context."""
    region = next((r for r in (spec.get("regions") or {}).get("list") or [] if r.get("name") == cluster), {})
    return [name for name in (region.get("context"), cluster) if name]


def normalised(document: dict, names: list[str]) -> str:
    """The object as text with the region's names replaced and the per-region annotations dropped."""
    document = json.loads(json.dumps(document))
    annotations = (document.get("metadata") or {}).get("annotations") or {}
    for key in REGION_ANNOTATIONS:
        annotations.pop(key, None)
    text = yaml.safe_dump(document, sort_keys=True)
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "<region>")
    return text


def test_every_region_has_its_cluster_and_no_other(tree):
    folder = tree.root / "clusters"
    assert folder.is_dir(), f"{tree}: clusters/ missing"
    expected = specs.clusters(tree.spec)
    present = sorted(p.name for p in folder.iterdir() if p.is_dir())
    missing = [c for c in expected if c not in present]
    other = [c for c in present if c not in expected]
    stray = sorted(p.name for p in folder.iterdir() if not p.is_dir())
    without_k8s = [c for c in present if c in expected and not (folder / c / "k8s").is_dir()]
    assert not (missing or other or stray or without_k8s), (
        f"{tree}: clusters/ holds {present} for the regions {expected}: missing {missing}, not a region {other}, "
        f"files {stray}, without a k8s/ folder {without_k8s}")


def test_an_object_in_several_clusters_is_the_same_in_each(tree):
    copies = {}
    for cluster in tree.clusters():
        names = region_names(tree.spec, cluster.name)
        for file, document in cluster.objects():
            group = str(document.get("apiVersion", "")).split("/")[0]
            if (group, document.get("kind")) in DIFFERS_BY_ROLE:
                continue
            copies.setdefault(object_key(document), []).append((cluster.name, normalised(document, names)))
    differing = []
    for key, found in sorted(copies.items()):
        first_cluster, first = found[0]
        for cluster, text in found[1:]:
            if text != first:
                diff = [line for line in difflib.unified_diff(first.splitlines(), text.splitlines(), first_cluster,
                                                              cluster, lineterm="", n=0)][2:]
                differing.append(f"{'/'.join(key)}: {first_cluster} and {cluster} differ:\n    "
                                 + "\n    ".join(line for line in diff if not line.startswith("@@")))
                break
    assert not differing, f"{tree}: objects that differ between clusters beyond their region:\n  " + "\n  ".join(differing)


def test_every_secret_and_configmap_a_pod_uses_is_provided_in_its_cluster(tree):
    failures = {}
    for cluster in tree.clusters():
        failures[str(cluster)] = [f"{ref.where}: {ref.kind} {ref.namespace}/{ref.name} is neither produced in this "
                                  f"cluster nor optional" for ref in unprovided(cluster.objects())]
    assert not any(failures.values()), failures_per_cluster(failures)
