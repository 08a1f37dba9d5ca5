"""Reading a spec folder the way bizra-gen does (top-level sections from every .yaml file,
environments/NAME.yaml overlaid: maps merge deeply, named lists merge by name, other lists
replace), to know what the output must contain."""
from __future__ import annotations

from pathlib import Path

import yaml


def merge(base, overlay):
    if isinstance(base, dict) and isinstance(overlay, dict):
        merged = dict(base)
        for key, value in overlay.items():
            merged[key] = merge(base[key], value) if key in base else value
        return merged
    if (isinstance(base, list) and isinstance(overlay, list)
            and all(isinstance(i, dict) and "name" in i for i in base + overlay)):
        merged = list(base)
        for item in overlay:
            index = next((i for i, b in enumerate(merged) if b["name"] == item["name"]), None)
            if index is None:
                merged.append(item)
            else:
                merged[index] = merge(merged[index], item)
        return merged
    return overlay


def load(folder: Path, environment: str | None = None) -> dict:
    spec: dict = {}
    for file in sorted(Path(folder).glob("*.y*ml")):
        spec.update(yaml.safe_load(file.read_text()) or {})
    if environment:
        for ext in ("yaml", "yml"):
            overlay = Path(folder) / "environments" / f"{environment}.{ext}"
            if overlay.is_file():
                spec = merge(spec, yaml.safe_load(overlay.read_text()) or {})
    return spec


SLA_METRICS = {("http_request_duration_seconds", "histogram"), ("http_requests_total", "counter"),
               ("ahsan_compliance_score", "gauge")}


def declares_sla_metric(spec: dict) -> bool:
    return any((m.get("name"), m.get("type")) in SLA_METRICS
               for service in spec.get("services") or [] for m in service.get("metrics") or [])


SINGLE_CLUSTER = "default"


def clusters(spec: dict) -> list[str]:
    """The clusters the output must have: one per region of `regions.list`, in spec order; a spec
    without regions has one cluster, `default`."""
    names = [region["name"] for region in (spec.get("regions") or {}).get("list") or []]
    return names or [SINGLE_CLUSTER]


def primary_cluster(spec: dict) -> str:
    return (spec.get("regions") or {}).get("primary") or clusters(spec)[0]


def chaos_clusters(spec: dict) -> list[str]:
    """The clusters that run the chaos experiments: `chaos.regions`, else the canary regions (not
    standby), else the primary region; the one cluster without regions."""
    if not spec.get("chaos"):
        return []
    regions = (spec.get("regions") or {}).get("list") or []
    if not regions:
        return [SINGLE_CLUSTER]
    if (spec["chaos"] or {}).get("regions"):
        return list(spec["chaos"]["regions"])
    canaries = [r["name"] for r in regions if r.get("canary") and not r.get("standby")]
    return canaries or [primary_cluster(spec)]


def manifest(cluster: str, name: str) -> str:
    """The path of a cluster's file, relative to the environment folder."""
    return f"clusters/{cluster}/k8s/{name}"


def expected_files(spec: dict) -> dict[str, str]:
    """Files the output must hold, each with the part of the spec that asks for it. Every cluster
    runs the services, their observability, caching and its region's part of the multi-region
    setup; chaos runs only in the chaos clusters."""
    files = {}
    for cluster in clusters(spec):
        files[manifest(cluster, "kustomization.yaml")] = "always"
        if spec.get("services"):
            for name in ("01-namespaces", "02-config-secrets", "03-workloads", "04-services-ingress", "05-monitoring"):
                files[manifest(cluster, f"{name}.yaml")] = "services"
        for name, section in (("06-advanced-observability", "observability"), ("07-performance-optimization", "caching"),
                              ("09-multi-region-deployment", "regions")):
            if spec.get(section):
                files[manifest(cluster, f"{name}.yaml")] = section
    for cluster in chaos_clusters(spec):
        files[manifest(cluster, "08-chaos-engineering.yaml")] = "chaos (a cluster that runs the experiments)"
    if (spec.get("caching") or {}).get("varnish"):
        files["varnish/default.vcl"] = "caching.varnish"
    scenarios = (spec.get("benchmarks") or {}).get("scenarios") or []
    for scenario in scenarios:
        files[f"k6/{scenario['name']}.js"] = f"benchmarks.scenarios[{scenario['name']}]"
    if scenarios:
        files["bench/run-benchmarks.sh"] = "benchmarks.scenarios"
    if declares_sla_metric(spec):
        files["monitoring/sla-rules.yaml"] = "sla + a service's SLA metrics"
        files["monitoring/sla-rules.test.yaml"] = "sla + a service's SLA metrics"
    return files


def forbidden_files(spec: dict) -> dict[str, str]:
    """Files the output must not hold, since the spec has nothing they could describe."""
    files = {"k8s": "the old single-cluster layout: each cluster's manifests are under clusters/<region>/k8s"}
    runs_chaos = chaos_clusters(spec)
    for cluster in clusters(spec):
        if cluster not in runs_chaos:
            files[manifest(cluster, "08-chaos-engineering.yaml")] = \
                "no chaos section" if not spec.get("chaos") else f"chaos runs in {', '.join(runs_chaos)} only"
    if not (spec.get("caching") or {}).get("varnish"):
        files["varnish/default.vcl"] = "the spec has no caching.varnish"
    return files
