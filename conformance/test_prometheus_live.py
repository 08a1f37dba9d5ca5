"""Every PrometheusRule and scrape target, live: a Prometheus server on 127.0.0.1 loads the rules
the primary region's cluster deploys, scrapes one local stand-in for each component a monitor of
that cluster scrapes, and each SLA alert goes pending when its stand-in's series cross the SLA
target, while none is active as long as they stay healthy (support/prometheus.py says what the
stand-ins serve). The Prometheus process is stopped by its PID at the end, pass or fail."""
from __future__ import annotations

import time

import pytest
import yaml

from support.processes import Processes
from support.prometheus import Prometheus, StandIn, parse_series
from support.scratch import readable_dir
from support.tools import require


def primary_cluster(tree):
    primary = ((tree.spec.get("regions") or {}).get("primary"))
    clusters = tree.clusters()
    return next((c for c in clusters if c.name == primary), clusters[0])


def unit_test_cases(tree) -> dict[str, dict[str, dict]]:
    """For each SLA alert of monitoring/sla-rules.test.yaml, the series of its case that fires
    (`breach`) and of its case that stays silent (`healthy`), as {(name, labels): values}."""
    tests = yaml.safe_load((tree.root / "monitoring" / "sla-rules.test.yaml").read_text())["tests"]
    cases: dict[str, dict[str, dict]] = {}
    for test in tests:
        series = {}
        for item in test["input_series"]:
            name, labels = parse_series(item["series"])
            series[(name, tuple(sorted(labels.items())))] = item["values"]
        for check in test.get("alert_rule_test") or []:
            kind = "breach" if any(check.get("exp_alerts") or []) else None
            alert = check["alertname"]
            entry = cases.setdefault(alert, {})
            if kind:
                entry["breach"] = series
            elif all(not (c.get("exp_alerts") or []) for c in test["alert_rule_test"] if c["alertname"] == alert):
                entry["healthy"] = series
    return cases


def owner(metric: str, spec: dict) -> str | None:
    """The monitor (by name) whose component exports `metric`; None for what every cluster's
    monitoring stack exports (kube-state-metrics, cAdvisor)."""
    for service in spec.get("services") or []:
        for declared in service.get("metrics") or []:
            if metric == declared["name"] or metric.startswith(declared["name"] + "_"):
                return service["name"]
    caching = spec.get("caching") or {}
    if metric.startswith("redis_") and caching.get("redis"):
        return caching["redis"]["name"]
    if metric.startswith("varnish_") and caching.get("varnish"):
        return caching["varnish"]["name"]
    if metric.startswith(("cnpg_", "pg_")) and spec.get("databases"):
        return spec["databases"][0]["name"]
    return None


def merged(parts: list[dict]) -> dict:
    result: dict = {}
    for part in parts:
        for key, values in part.items():
            assert result.get(key, values) == values, f"two cases give {key} different values"
            result[key] = values
    return result


def wait_for(condition, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    return condition()


@pytest.mark.live
def test_sla_alerts_go_pending_when_their_series_cross_the_target(tree):
    prometheus_binary = require("prometheus")
    cluster = primary_cluster(tree)
    objects = [document for _, document in cluster.objects()]
    folder = readable_dir()
    rule_files = []
    for document in objects:
        if document.get("kind") == "PrometheusRule":
            path = folder / f"rules-{document['metadata']['name']}.yaml"
            path.write_text(yaml.safe_dump(document["spec"]))
            rule_files.append(path)
    assert rule_files, f"{cluster}: no PrometheusRule"
    monitors = [d for d in objects if d.get("kind") in ("ServiceMonitor", "PodMonitor")]
    assert monitors, f"{cluster}: no ServiceMonitor or PodMonitor"
    stand_ins = {}
    for monitor in monitors:
        endpoints = monitor["spec"].get("endpoints") or monitor["spec"].get("podMetricsEndpoints") or [{}]
        stand_ins[monitor["metadata"]["name"]] = StandIn(monitor["metadata"]["name"], endpoints[0].get("path", "/metrics"))
    stand_ins["kube-state-metrics"] = StandIn("kube-state-metrics", "/metrics")

    cases = unit_test_cases(tree)
    assert cases, f"{tree}: monitoring/sla-rules.test.yaml has no SLA alert"
    incomplete = sorted(a for a, c in cases.items() if set(c) != {"breach", "healthy"})
    assert not incomplete, f"{tree}: SLA alerts without both a firing and a silent unit test: {incomplete}"

    def route(series: dict) -> dict[str, dict]:
        per: dict[str, dict] = {name: {} for name in stand_ins}
        for key, values in series.items():
            target = owner(key[0], tree.spec) or "kube-state-metrics"
            assert target in stand_ins, f"{tree}: {key[0]} comes from {target}, which no monitor of {cluster.name} scrapes"
            per[target][key] = values
        return per

    def serve(series: dict) -> None:
        for name, part in route(series).items():
            stand_ins[name].serve(part)

    processes = Processes()
    try:
        healthy = merged([c["healthy"] for c in cases.values()])
        serve(healthy)
        prometheus = Prometheus(processes, prometheus_binary, folder, rule_files, list(stand_ins.values()), cluster.name)
        assert prometheus.ready(), f"prometheus did not start:\n{prometheus.output()}"

        groups = prometheus.api("rules")["groups"]
        loaded = {g["name"] for g in groups}
        written = {g["name"] for f in rule_files for g in yaml.safe_load(f.read_text())["groups"]}
        assert loaded == written, f"{cluster}: groups loaded {sorted(loaded)}, written {sorted(written)}"
        unhealthy = [(r["name"], r.get("lastError")) for g in groups for r in g["rules"] if r.get("health") == "err"]
        assert not unhealthy, f"{cluster}: rules that fail to evaluate: {unhealthy}"

        def all_up():
            targets = prometheus.api("targets")["activeTargets"]
            return len(targets) == len(stand_ins) and all(t["health"] == "up" for t in targets)
        assert wait_for(all_up, 20), f"{cluster}: scrape targets {prometheus.api('targets')['activeTargets']}"

        time.sleep(6)
        active = {a: s for a, s in prometheus.alerts().items() if a in cases}
        assert not active, f"{tree}: SLA alerts active while every series is healthy: {active}"

        for alert in sorted(cases):
            # The other SLAs stay healthy while this one is breached.
            serve({**healthy, **cases[alert]["breach"]})
            state = wait_for(lambda: prometheus.alerts().get(alert), 20)
            assert state in ("pending", "firing"), \
                f"{tree}: {alert} did not go pending once its series crossed the target (alerts: {prometheus.alerts()})"
            # Back to healthy (a rate over the alert's window remembers the breach for a while, so
            # the next alert is judged on its own name).
            serve(healthy)
    finally:
        processes.stop_all()
        for stand_in in stand_ins.values():
            stand_in.close()
