"""gitops/ deploys each cluster's folder to its cluster: every Argo CD and Flux object is valid
against its upstream CRD (validate-manifests, as test_schemas runs it), and the Argo CD
Applications and the Flux Kustomizations each point at one `clusters/<region>/k8s` folder of the
tree, exactly one per cluster. A tree without gitops/ fails these checks (it is always written)."""
import pytest

from support.gitops import argocd_paths, cluster_of, flux_paths
from support.manifests import NOT_VALIDATED, describe, report, validate


def gitops_objects(tree):
    """The objects under gitops/, which must hold both argocd/ and flux/ YAML."""
    missing = [f"gitops/{tool}/*.yaml" for tool in ("argocd", "flux")
               if not any((tree.gitops / tool).glob("*.y*ml"))]
    assert not missing, f"{tree}: missing {', '.join(missing)} (Argo CD and Flux objects for each cluster)"
    return tree.gitops_objects()


def test_gitops_objects_match_their_crd(tree):
    objects = gitops_objects(tree)
    result = validate(tree.gitops, tree.kubernetes_version())
    if result is None:
        pytest.skip(NOT_VALIDATED)
    found = report(result)
    assert found["problem_count"] == 0 and result.returncode == 0, \
        f"{tree}: validate-manifests found problems in gitops/:\n{describe(found['problems'])}\n{result.stderr[-3000:]}"
    assert found["objects_checked"] >= len(objects), "every object under gitops/ is checked"


def deploys_each_cluster_once(tree, tool: str, paths: list[tuple[str, str]]):
    clusters = [cluster.name for cluster in tree.clusters()]
    problems = []
    targets = {}
    for where, path in paths:
        region = cluster_of(path)
        if region is None:
            problems.append(f"{where}: path {path!r} is not a clusters/<region>/k8s folder")
        elif not (tree.root / "clusters" / region / "k8s").is_dir():
            problems.append(f"{where}: path {path!r}: the tree has no clusters/{region}/k8s")
        else:
            targets.setdefault(region, []).append(where)
    problems += [f"cluster {c}: deployed by no {tool} object" for c in clusters if c not in targets]
    problems += [f"cluster {c}: deployed {len(w)} times ({', '.join(w)})" for c, w in sorted(targets.items()) if len(w) > 1]
    assert paths, f"{tree}: no {tool} object deploys a cluster folder"
    assert not problems, f"{tree}: {tool}:\n  " + "\n  ".join(problems)


def test_argocd_deploys_each_cluster_folder_once(tree):
    deploys_each_cluster_once(tree, "Argo CD Application", argocd_paths(gitops_objects(tree)))


def test_flux_deploys_each_cluster_folder_once(tree):
    deploys_each_cluster_once(tree, "Flux Kustomization", flux_paths(gitops_objects(tree)))
