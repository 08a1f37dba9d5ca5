"""An output tree of bizra-gen (`OUT/<environment>/`) and the objects in it."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import spec as specs


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
    def k8s(self) -> Path:
        return self.root / "k8s"

    def files(self, pattern: str) -> list[Path]:
        return sorted(self.root.glob(pattern))

    def manifest_files(self) -> list[Path]:
        return [p for p in sorted(self.k8s.glob("*.yaml")) if p.name[:2].isdigit()]

    def objects(self) -> list[tuple[Path, dict]]:
        found = []
        for file in self.manifest_files():
            for document in yaml.safe_load_all(file.read_text()):
                if document:
                    found.append((file, document))
        return found

    def kubernetes_version(self) -> str:
        return str((self.spec.get("platform") or {}).get("kubernetesVersion", "1.30"))

    def __str__(self) -> str:
        return f"{self.label} ({self.root})"


def object_key(document: dict) -> tuple[str, str, str]:
    metadata = document.get("metadata") or {}
    return (document.get("kind", ""), metadata.get("namespace") or "", metadata.get("name", ""))
