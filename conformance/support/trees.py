"""An output tree of bizra-gen (`OUT/<environment>/`), its clusters and the objects in them.

Layout: `clusters/<region>/k8s/NN-*.yaml` + `kustomization.yaml` for each region of the spec's
`regions.list` (one cluster `default` without regions), `gitops/argocd`, `gitops/flux`,
`deploy/apply.sh`, and at the environment level varnish/, k6/, bench/, monitoring/."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import spec as specs


def documents(file: Path) -> list[dict]:
    """The non-empty YAML documents of a file."""
    return [document for document in yaml.safe_load_all(file.read_text()) if document]


@dataclass(frozen=True)
class Cluster:
    """One cluster (a region) of an output tree: `clusters/<name>/k8s`."""
    tree: "Tree" = field(repr=False, compare=False)
    name: str

    @property
    def folder(self) -> Path:
        return self.tree.root / "clusters" / self.name

    @property
    def k8s(self) -> Path:
        return self.folder / "k8s"

    @property
    def label(self) -> str:
        """`<tree label>/<cluster>`: a key for caching a tool's result per cluster."""
        return f"{self.tree.label}/{self.name}"

    @property
    def kustomization(self) -> Path:
        return self.k8s / "kustomization.yaml"

    def manifest_files(self) -> list[Path]:
        """The numbered manifest files (`NN-*.yaml`), in order."""
        return [p for p in sorted(self.k8s.glob("*.yaml")) if p.name[:2].isdigit()]

    def objects(self) -> list[tuple[Path, dict]]:
        return [(file, document) for file in self.manifest_files() for document in documents(file)]

    def __str__(self) -> str:
        return f"{self.tree.label} cluster {self.name} ({self.k8s})"


@dataclass
class Tree:
    """One environment's output folder, with the spec it was built from."""
    label: str
    root: Path
    spec_dir: Path
    environment: str | None = None
    spec: dict = field(default_factory=dict)

    def __post_init__(self):
        self.spec = specs.load(self.spec_dir, self.environment)

    @property
    def gitops(self) -> Path:
        return self.root / "gitops"

    @property
    def apply_script(self) -> Path:
        return self.root / "deploy" / "apply.sh"

    def clusters(self) -> list[Cluster]:
        """The region folders under clusters/, sorted. A check of Kubernetes objects runs on each;
        a tree without any is a failure (the old single `k8s/` folder is not read)."""
        folder = self.root / "clusters"
        found = sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
        assert found, f"{self}: no cluster folder under clusters/ (expected clusters/<region>/k8s)"
        return [Cluster(self, name) for name in found]

    def cluster(self, name: str) -> Cluster:
        return Cluster(self, name)

    def files(self, pattern: str) -> list[Path]:
        return sorted(self.root.glob(pattern))

    def manifest_files(self) -> list[Path]:
        """Every cluster's numbered manifest files."""
        return [file for cluster in self.clusters() for file in cluster.manifest_files()]

    def objects(self) -> list[tuple[Path, dict]]:
        """The objects of every cluster (an object deployed to several clusters counts once per
        cluster); for checks about the whole tree. Checks of objects run per cluster."""
        return [found for cluster in self.clusters() for found in cluster.objects()]

    def gitops_files(self) -> list[Path]:
        return sorted(self.gitops.glob("**/*.yaml")) + sorted(self.gitops.glob("**/*.yml"))

    def gitops_objects(self) -> list[tuple[Path, dict]]:
        return [(file, document) for file in self.gitops_files() for document in documents(file)]

    def kubernetes_version(self) -> str:
        return str((self.spec.get("platform") or {}).get("kubernetesVersion", "1.30"))

    def __str__(self) -> str:
        return f"{self.label} ({self.root})"


def object_key(document: dict) -> tuple[str, str, str]:
    metadata = document.get("metadata") or {}
    return (document.get("kind", ""), metadata.get("namespace") or "", metadata.get("name", ""))


def failures_per_cluster(failures: dict[str, list[str]]) -> str:
    """A failure message with one section per cluster that has findings."""
    return "\n".join(f"{cluster}:\n  " + "\n  ".join(lines) for cluster, lines in failures.items() if lines)
