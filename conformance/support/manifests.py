"""validate-manifests (from BIZRA_SHARED) on a folder of Kubernetes YAML, as test_schemas and
test_gitops run it, and the reading of its JSON report."""
from __future__ import annotations

import json
from pathlib import Path

from .tools import Result, find, run, shared

NOT_VALIDATED = ("!!! CUSTOM RESOURCES NOT VALIDATED: BIZRA_SHARED (../shared) with tools/validate-manifests "
                 "and schemas/crds is missing here, so the upstream CRD schemas are not available !!!")


def builtin(api_version: str) -> bool:
    group = api_version.split("/")[0] if "/" in api_version else ""
    return group == "" or "." not in group or group.endswith(".k8s.io") and group not in {
        "autoscaling.k8s.io", "kustomize.config.k8s.io"}


def available() -> bool:
    return shared() is not None and find("validate-manifests") is not None


def validate(folder: Path, k8s_version: str) -> Result | None:
    """`validate-manifests --json --k8s-version V FOLDER`; None without BIZRA_SHARED."""
    if not available():
        return None
    return run([find("validate-manifests"), "--json", "--k8s-version", k8s_version, folder])


def report(result: Result) -> dict:
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise AssertionError(f"validate-manifests printed no JSON ({error}):\n{result.describe()}") from None


def describe(problems) -> str:
    return "\n".join(f"{p['file']}:{p['doc']}: {p['kind']}/{p['name']}: {p['path']}: {p['message']}" for p in problems)
