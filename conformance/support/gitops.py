"""The cluster folders the GitOps objects under gitops/ deploy: the `path` of every Argo CD
Application (and of every Application an ApplicationSet's list generator makes) and the
`spec.path` of every Flux Kustomization.

A path is the repository path of the environment (`platform.gitops.path`, default
`out/<environment>`) followed by `clusters/<region>/k8s`; only that suffix is compared with the
tree, so the repository layout above the environment folder is not assumed."""
from __future__ import annotations

import re

CLUSTER_FOLDER = re.compile(r"(?:^|/)clusters/([^/]+)/k8s$")
TEMPLATE_FIELD = re.compile(r"\{\{\s*\.?([A-Za-z0-9_.\-]+)\s*\}\}")


def _group(document: dict) -> str:
    return str(document.get("apiVersion", "")).split("/")[0]


def _name(file, document) -> str:
    return f"{file.parent.name}/{file.name}:{document.get('kind')}/{(document.get('metadata') or {}).get('name')}"


def _source_paths(spec: dict) -> list[str]:
    sources = ([spec["source"]] if spec.get("source") else []) + list(spec.get("sources") or [])
    return [str(source["path"]) for source in sources if source.get("path") is not None]


def _fill(text: str, element: dict) -> str:
    """An ApplicationSet template string with a list element's fields filled in (`{{name}}`,
    `{{.name}}`, `{{values.x}}`); a field the element lacks stays as it is."""
    def field(match):
        value = element
        for part in match.group(1).split("."):
            if not isinstance(value, dict) or part not in value:
                return match.group(0)
            value = value[part]
        return str(value)
    return TEMPLATE_FIELD.sub(field, text)


def argocd_paths(objects) -> list[tuple[str, str]]:
    """(where, path) for every Application source, and every one an ApplicationSet generates; a
    generator this check cannot expand gives the path `<cannot expand ...>` (so it fails)."""
    found = []
    for file, document in objects:
        if _group(document) != "argoproj.io":
            continue
        spec = document.get("spec") or {}
        if document.get("kind") == "Application":
            found += [(_name(file, document), path) for path in _source_paths(spec)]
        elif document.get("kind") == "ApplicationSet":
            template = (spec.get("template") or {}).get("spec") or {}
            for generator in spec.get("generators") or []:
                if "list" not in generator:
                    found.append((_name(file, document), f"<cannot expand the generator {sorted(generator)}>"))
                    continue
                for element in (generator["list"] or {}).get("elements") or []:
                    found += [(f"{_name(file, document)}[{element}]", _fill(path, element))
                              for path in _source_paths(template)]
    return found


def flux_paths(objects) -> list[tuple[str, str]]:
    """(where, spec.path) for every Flux Kustomization."""
    return [(_name(file, document), str((document.get("spec") or {}).get("path", "")))
            for file, document in objects
            if _group(document) == "kustomize.toolkit.fluxcd.io" and document.get("kind") == "Kustomization"]


def cluster_of(path: str) -> str | None:
    """The region of a path ending in `clusters/<region>/k8s` (`./` and a final `/` ignored)."""
    normal = path.strip()
    while normal.startswith("./"):
        normal = normal[2:]
    match = CLUSTER_FOLDER.search(normal.rstrip("/"))
    return match.group(1) if match else None
