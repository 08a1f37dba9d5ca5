"""A live Prometheus server on 127.0.0.1 over one cluster's generated rules, scraping a local
stand-in for each component a monitor of that cluster scrapes.

What is reproduced, and how:
  - Components. A monitor's component is what its selector reaches through the output's own
    objects: a ServiceMonitor endpoint's Service (by labels, in its namespaceSelector), that
    Service's port of the endpoint's name, the container behind its targetPort, and that
    container's image; a PodMonitor on `cnpg.io/cluster` the CloudNativePG Cluster of that name
    (whose instance pods serve `metrics`). What a component exports is what that is known to
    export (FAMILIES): a spec service the metrics it declares, the Redis, Varnish and
    CloudNativePG exporters their own metrics (only those listed below), Loki and Tempo nothing a
    rule reads. A monitor that reaches nothing is a finding (`resolve`).
  - Scrape jobs. Each monitor endpoint is a job with one target, its stand-in on 127.0.0.1 and a
    port the kernel picked. The target carries, as static labels, what the Prometheus Operator
    gives it (`namespace`, `service`, `pod`, `container`, `endpoint`, `job`, and the
    `__meta_kubernetes_*` labels a relabeling may read); the endpoint's own `relabelings` and
    `metricRelabelings` are the job's relabel_configs and metric_relabel_configs, as written
    (camelCase keys in snake_case), with its `path`, `params` and `honorLabels`. The scrape
    interval is 1s (the monitors say 15s) so that a run takes seconds; each job also passes
    `scenario=<name>` (see below).
  - Where the regions' series meet. The primary region's cluster receives the other clusters'
    series (their OpenTelemetry Collector federates their Prometheus with `match[]` and
    remote-writes to the primary): there the other clusters' stand-ins are scraped directly,
    with their own monitors' labels (honour_labels, as the federation has), keeping only the
    series the federation's `match[]` selects. Only the other clusters' components whose series
    a rule of the primary reads are scraped.
  - What the output leaves to the cluster's own monitoring stack: kube-state-metrics and
    Chaos Mesh's controller manager (no monitor of the output scrapes them; the Prometheus stack
    and the Chaos Mesh chart bring their own) have stand-ins named as such (`PROVIDED`).

The stand-ins serve the platform in a `State`: the SLIs the spec's `sla` section sets targets
for. Each scenario (one Prometheus server each) has its own series, picked by the `scenario`
query parameter of the scrape; counters advance at the state's rates and keep their values when
the state changes, so a rate over the rules' windows moves to the new state within seconds.
"""
from __future__ import annotations

import json
import re
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from .durations import seconds
from .processes import LOOPBACK, Processes, free_port

SCRAPE_INTERVAL = "1s"

# -- PromQL, as far as the checks need it -------------------------------------------------------

KEYWORDS = {"and", "or", "unless", "bool", "offset", "inf", "nan", "atan2"}
MODIFIERS = {"by", "without", "on", "ignoring", "group_left", "group_right"}
NUMBER = r"[-+]?(?:[0-9]*\.)?[0-9]+(?:[eE][-+]?[0-9]+)?"
MATCHER = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"')


@dataclass(frozen=True)
class Selector:
    metric: str
    matchers: tuple[tuple[str, str, str], ...]

    def __str__(self) -> str:
        inner = ",".join(f'{label}{op}"{value}"' for label, op, value in self.matchers)
        return f"{self.metric}{{{inner}}}" if inner or not self.metric else self.metric

    def matcher(self, label: str):
        return next(((op, value) for name, op, value in self.matchers if name == label), None)


def _skip_string(text: str, i: int) -> int:
    quote = text[i]
    i += 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _closing(text: str, i: int, open_: str, close: str) -> int:
    """The index after the `close` that matches the `open_` at i (strings skipped)."""
    depth = 0
    while i < len(text):
        if text[i] in "\"'`":
            i = _skip_string(text, i)
            continue
        if text[i] == open_:
            depth += 1
        elif text[i] == close:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced {open_} in {text!r}")


def selectors(expr: str) -> list[Selector]:
    """The vector selectors of a PromQL expression (functions, aggregations, their `by`/`on`
    label lists, ranges and numbers left out)."""
    found, i = [], 0
    while i < len(expr):
        char = expr[i]
        if char in "\"'`":
            i = _skip_string(expr, i)
        elif char == "[":
            i = _closing(expr, i, "[", "]")
        elif char.isdigit() or (char == "." and expr[i + 1:i + 2].isdigit()):
            i = re.match(r"[0-9a-zA-Z_.]+", expr[i:]).end() + i
        elif char == "{":
            end = _closing(expr, i, "{", "}")
            matchers = tuple(MATCHER.findall(expr[i:end]))
            name = next((v for label, op, v in matchers if label == "__name__" and op == "="), "")
            found.append(Selector(name, tuple(m for m in matchers if m[0] != "__name__")))
            i = end
        elif char.isalpha() or char in "_:":
            word = re.match(r"[a-zA-Z_:][a-zA-Z0-9_:]*", expr[i:]).group(0)
            rest = expr[i + len(word):]
            after = len(rest) - len(rest.lstrip())
            i += len(word)
            if word in MODIFIERS and rest.lstrip().startswith("("):
                i = _closing(expr, i + after, "(", ")")
            elif rest.lstrip().startswith("(") or word.lower() in KEYWORDS \
                    or re.match(r"\s*(by|without)\s*\(", rest):   # a function, or `sum by (le) (...)`
                continue
            elif rest.lstrip().startswith("{"):
                end = _closing(expr, i + after, "{", "}")
                found.append(Selector(word, tuple(MATCHER.findall(expr[i + after:end]))))
                i = end
            else:
                found.append(Selector(word, ()))
        else:
            i += 1
    return found


def _top_level_split(expr: str) -> list[str]:
    """The operands of the top-level `and`/`or`/`unless` of `expr` (with their `on(...)` etc.
    modifiers dropped)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(expr):
        char = expr[i]
        if char in "\"'`":
            i = _skip_string(expr, i)
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth == 0:
            match = re.match(r"\s(and|or|unless)\s", expr[i:])
            if match and (i == 0 or expr[i - 1] != "_"):
                parts.append(expr[start:i])
                j = i + match.end()
                modifier = re.match(r"\s*(on|ignoring|group_left|group_right)\s*\(", expr[j:])
                while modifier:
                    j = _closing(expr, j + modifier.end() - 1, "(", ")")
                    modifier = re.match(r"\s*(on|ignoring|group_left|group_right)\s*\(", expr[j:])
                start = i = j
                continue
        i += 1
    parts.append(expr[start:])
    return [p.strip() for p in parts if p.strip()]


@dataclass(frozen=True)
class Comparison:
    query: str       # the compared value (an instant-vector expression)
    op: str
    threshold: float


def comparisons(expr: str) -> list[Comparison]:
    """`query op number` for each top-level operand of `expr` that has that shape."""
    found = []
    for part in _top_level_split(expr):
        match = re.fullmatch(rf"(.*\S)\s*(>=|<=|==|!=|>|<)\s*(?:bool\s+)?({NUMBER})", part, re.S)
        if match:
            found.append(Comparison(match.group(1).strip(), match.group(2), float(match.group(3))))
    return found


# -- the rules ----------------------------------------------------------------------------------

@dataclass
class Rule:
    file: str
    group: str
    rule: dict

    @property
    def name(self) -> str:
        return self.rule.get("alert") or self.rule.get("record")

    @property
    def expr(self) -> str:
        return str(self.rule["expr"])

    @property
    def is_alert(self) -> bool:
        return "alert" in self.rule

    def __str__(self) -> str:
        return f"{self.file}: group {self.group}: {'alert' if self.is_alert else 'record'} {self.name}"


def prometheus_rules(cluster) -> list[tuple[Path, dict]]:
    return [(file, document) for file, document in cluster.objects() if document.get("kind") == "PrometheusRule"]


def rules(cluster) -> list[Rule]:
    return [Rule(f"{file.name}:PrometheusRule/{document['metadata']['name']}", group["name"], rule)
            for file, document in prometheus_rules(cluster)
            for group in document["spec"]["groups"] for rule in group.get("rules") or []]


# Alerts bizra-gen derives from an SLA target without marking them with an `sla` label (its
# `<platform>-sla` group carries `sla: <path>`; these do not): the path each one's threshold is.
DERIVED = {
    "CacheLatencyHigh": "sla.cache.latency",
    "CacheHitRateLow": "sla.cache.hitRate",
    "DatabaseReplicationLagAboveSLA": "sla.replicationLag.database",
    "RegionalIhsanDivergence": "sla.ihsanScore.maxRegionalVariance",
    "IhsanDegradedDuringChaos": "sla.ihsanScore.duringChaos",
}


def sla_path(rule: Rule) -> str | None:
    """The SLA target an alert is derived from: its `sla` label, else DERIVED."""
    if not rule.is_alert:
        return None
    return (rule.rule.get("labels") or {}).get("sla") or DERIVED.get(rule.name)


# -- the spec's SLA -----------------------------------------------------------------------------

def spec_value(spec: dict, path: str):
    node = spec
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def quantity(value) -> float:
    """An SLA target in the unit of the queries: durations in seconds, percentages as fractions."""
    text = str(value).strip()
    if text.endswith("%"):
        return float(text[:-1]) / 100
    if re.fullmatch(r"[0-9.]+(ms|s|m|h|d|w)", text):
        return seconds(text)
    return float(re.sub(r"[a-z]+$", "", text))


def region_weights(spec: dict) -> dict[str, float]:
    """Requests per second each region's stand-ins serve: its DNS weight (0 for a standby, as
    bizra-gen routes), at least a trickle of 1 (health checks); one cluster: 100."""
    listed = (spec.get("regions") or {}).get("list") or []
    if not listed:
        return {"default": 100.0}
    return {r["name"]: max(1.0, 0.0 if r.get("standby") else float(r.get("weight", 0))) for r in listed}


@dataclass
class State:
    """The platform as the stand-ins show it."""
    latency: float            # seconds each request takes
    error_ratio: float        # share of requests answered 5xx
    scores: dict[str, float]  # ihsan score per region
    cache_latency: float      # mean Redis command latency, seconds
    hit_ratio: float          # Varnish hits / (hits + misses)
    replication_lag: float    # seconds, on a replica's CloudNativePG instance
    chaos_running: int        # Chaos Mesh experiments running


class Model:
    """The SLA's meaning for the stand-ins: a healthy state, a breach of each target, and whether a
    state crosses a target, from the spec's `sla` section alone (not from the rules)."""

    LATENCY = ("p50", "p95", "p99")

    def __init__(self, spec: dict, regions: list[str]):
        self.spec = spec
        self.regions = regions
        latency = (spec.get("sla") or {}).get("latency") or {}
        self.latency_targets = sorted(quantity(latency[p]) for p in self.LATENCY if p in latency)

    def target(self, path: str) -> float:
        value = spec_value(self.spec, path)
        if value is None:
            raise AssertionError(f"the spec has no {path}, yet an alert is derived from it")
        return quantity(value)

    def known(self, path: str) -> bool:
        return path.startswith("sla.latency.") or path in (
            "sla.errorRate", "sla.ihsanScore.min", "sla.ihsanScore.duringChaos", "sla.ihsanScore.maxRegionalVariance",
            "sla.cache.latency", "sla.cache.hitRate", "sla.replicationLag.database")

    def _score_margin(self, floor: float) -> float:
        return max((100 - floor) / 2, 1.0)

    def healthy(self) -> State:
        sla = self.spec.get("sla") or {}
        floor = max(quantity(v) for v in [(sla.get("ihsanScore") or {}).get(k) for k in ("min", "duringChaos")] + [0]
                    if v is not None) if sla.get("ihsanScore") else 0
        cache = sla.get("cache") or {}
        return State(
            latency=(self.latency_targets[0] / 2) if self.latency_targets else 0.01,
            error_ratio=quantity(sla["errorRate"]) / 10 if "errorRate" in sla else 0.0,
            scores={r: floor + self._score_margin(floor) for r in self.regions},
            cache_latency=quantity(cache["latency"]) / 10 if "latency" in cache else 0.0001,
            hit_ratio=(1 + quantity(cache["hitRate"])) / 2 if "hitRate" in cache else 0.99,
            replication_lag=0.0, chaos_running=0)

    def breach(self, path: str) -> State:
        """The healthy state with the one SLI of `path` across its target: as far across as makes
        the window of the rules' rates see it within seconds, and short of the next target on the
        same SLI (p95 breached, p99 not; the SLA's replication lag, not the replication's lagAlert)."""
        state, target = self.healthy(), self.target(path)
        if path.startswith("sla.latency."):
            above = [t for t in self.latency_targets if t > target]
            return replace(state, latency=(target + above[0]) / 2 if above else target * 1.5)
        if path == "sla.errorRate":
            return replace(state, error_ratio=min(0.5, target * 10))
        if path == "sla.ihsanScore.min":
            return replace(state, scores={r: target - self._score_margin(target) for r in self.regions})
        if path == "sla.ihsanScore.duringChaos":
            return replace(state, chaos_running=1, scores={r: target - self._score_margin(target) for r in self.regions})
        if path == "sla.ihsanScore.maxRegionalVariance":
            low = self.regions[-1]
            return replace(state, scores={**state.scores, low: state.scores[low] - 1.5 * target})
        if path == "sla.cache.latency":
            return replace(state, cache_latency=target * 10)
        if path == "sla.cache.hitRate":
            return replace(state, hit_ratio=target / 2)
        if path == "sla.replicationLag.database":
            postgres = ((self.spec.get("regions") or {}).get("replication") or {}).get("postgres") or []
            # One mapping, or a list of them: the lag stays under every database's lagAlert.
            ceilings = [quantity(r["lagAlert"]) for r in (postgres if isinstance(postgres, list) else [postgres]) if r.get("lagAlert")]
            ceiling = min(ceilings) if ceilings else None
            lag = target * 1.5 if ceiling is None or target * 1.5 < ceiling else (target + ceiling) / 2
            return replace(state, replication_lag=lag)
        raise AssertionError(f"the stand-ins have no model of {path}")

    def crossed(self, path: str, state: State, replica: bool) -> bool:
        """Whether `state` misses the target of `path`, as the SLA means it."""
        target = self.target(path)
        mean = sum(state.scores.values()) / len(state.scores)
        if path.startswith("sla.latency."):
            return state.latency > target
        return {
            "sla.errorRate": lambda: state.error_ratio > target,
            "sla.ihsanScore.min": lambda: mean < target,
            "sla.ihsanScore.duringChaos": lambda: state.chaos_running > 0 and mean < target,
            "sla.ihsanScore.maxRegionalVariance": lambda: max(state.scores.values()) - min(state.scores.values()) > target,
            "sla.cache.latency": lambda: state.cache_latency > target,
            "sla.cache.hitRate": lambda: state.hit_ratio < target,
            "sla.replicationLag.database": lambda: replica and state.replication_lag > target,
        }[path]()


# -- components and what they export ------------------------------------------------------------

REDIS = {"redis_commands_total": "counter", "redis_commands_duration_seconds_total": "counter", "redis_up": "gauge"}
VARNISH = {"varnish_main_cache_hit": "counter", "varnish_main_cache_miss": "counter", "varnish_up": "gauge"}
CNPG = {"cnpg_pg_replication_lag": "gauge", "cnpg_collector_up": "gauge"}
KSM = {"kube_pod_status_phase": "gauge"}
CHAOS = {"chaos_controller_manager_chaos_experiments": "gauge"}
POD_PHASES = ("Pending", "Running", "Succeeded", "Failed", "Unknown")
CHAOS_PHASES = ("injecting", "running", "finished", "paused", "deleting")

# Exporters by image (a substring of it): the component kind.
IMAGES = {"redis_exporter": "redis", "varnish-exporter": "varnish", "varnish_exporter": "varnish",
          "grafana/loki": "loki", "grafana/tempo": "tempo"}
# Components the output relies on the cluster's own monitoring to scrape, by metric prefix.
PROVIDED = {"kube_": "kube-state-metrics", "chaos_controller_manager_": "chaos-mesh"}
PROMETHEUS_OWN = ("up", "ALERTS", "ALERTS_FOR_STATE")


def _labels_match(labels: dict, selector: dict) -> bool:
    if not selector:
        return False
    if any(labels.get(k) != v for k, v in (selector.get("matchLabels") or {}).items()):
        return False
    for expression in selector.get("matchExpressions") or []:
        key, operator, values = expression["key"], expression["operator"], expression.get("values") or []
        if (operator == "In" and labels.get(key) not in values) or (operator == "NotIn" and labels.get(key) in values) \
                or (operator == "Exists" and key not in labels) or (operator == "DoesNotExist" and key in labels):
            return False
    return bool(selector.get("matchLabels") or selector.get("matchExpressions"))


def _meta(prefix: str, labels: dict) -> dict[str, str]:
    return {f"__meta_kubernetes_{prefix}_label_{re.sub(r'[^a-zA-Z0-9_]', '_', k)}": str(v) for k, v in labels.items()}


@dataclass
class Component:
    """One monitor endpoint's target, as a stand-in serves it."""
    cluster: str               # the cluster whose monitor (or stack) scrapes it; its region
    name: str                  # monitor kind/namespace/name/endpoint, or the provided component
    kind: str                  # service | redis | varnish | cnpg | loki | tempo | kube-state-metrics | chaos-mesh
    path: str = "/metrics"
    labels: dict = field(default_factory=dict)       # target labels (before relabeling)
    endpoint: dict = field(default_factory=dict)     # the monitor endpoint, for its relabelings
    honor_labels: bool = False
    service: dict | None = None                      # the spec service, for kind service
    replica: bool = False                            # a CloudNativePG replica cluster
    forwarded_by: list[str] | None = None            # match[] of the federation that brings it to the primary
    experiments: list[tuple[str, str, bool]] = field(default_factory=list)   # chaos: (namespace, kind, paused)
    namespaces: list[str] = field(default_factory=list)                      # kube-state-metrics: pods' namespaces

    @property
    def job(self) -> str:
        return f"{'forwarded/' + self.cluster + '/' if self.forwarded_by else ''}{self.name}"

    def exports(self) -> set[str]:
        if self.kind == "service":
            names = set()
            for metric in self.service.get("metrics") or []:
                suffixes = ("_bucket", "_sum", "_count") if metric["type"] == "histogram" else \
                    ("", "_sum", "_count") if metric["type"] == "summary" else ("",)
                names |= {metric["name"] + s for s in suffixes}
            return names
        return set({"redis": REDIS, "varnish": VARNISH, "cnpg": CNPG, "kube-state-metrics": KSM,
                    "chaos-mesh": CHAOS}.get(self.kind, {}))


def _workload_containers(objects: list[dict], namespace: str, selector: dict):
    for document in objects:
        if document.get("kind") in ("Deployment", "StatefulSet", "DaemonSet") \
                and document["metadata"].get("namespace") == namespace:
            template = document["spec"]["template"]
            if _labels_match(template["metadata"].get("labels") or {}, {"matchLabels": selector}):
                for container in template["spec"].get("containers") or []:
                    yield document, template, container


def _kind_of(workload: dict, container: dict, spec: dict) -> tuple[str, dict | None]:
    for service in spec.get("services") or []:
        if container.get("image") == service.get("image") or (
                workload["metadata"]["name"] == service["name"] and container["name"] == service["name"]):
            return "service", service
    image = str(container.get("image", ""))
    return next((kind for part, kind in IMAGES.items() if part in image), "unknown"), None


def resolve(cluster, spec: dict) -> tuple[list[Component], list[str]]:
    """The components the cluster's monitors scrape, and what does not resolve (a finding)."""
    objects = [document for _, document in cluster.objects()]
    components, problems = [], []
    for monitor in objects:
        kind = monitor.get("kind")
        if kind not in ("ServiceMonitor", "PodMonitor"):
            continue
        metadata, body = monitor["metadata"], monitor.get("spec") or {}
        namespace = metadata.get("namespace")
        selector = body.get("namespaceSelector") or {}
        namespaces = None if selector.get("any") else (selector.get("matchNames") or [namespace])
        key = "endpoints" if kind == "ServiceMonitor" else "podMetricsEndpoints"
        for index, endpoint in enumerate(body.get(key) or []):
            label = f"{kind}/{metadata['name']} endpoint {endpoint.get('port') or endpoint.get('targetPort')!r}"
            name = f"{kind[0].lower()}{kind[1:]}/{namespace}/{metadata['name']}/{index}"
            base = dict(cluster=cluster.name, name=name, path=endpoint.get("path") or "/metrics", endpoint=endpoint,
                        honor_labels=bool(endpoint.get("honorLabels")))
            if endpoint.get("scheme", "http") != "http":
                problems.append(f"{label}: scheme {endpoint['scheme']} (the stand-ins serve http)")
            if kind == "ServiceMonitor":
                found = []
                for service in objects:
                    if service.get("kind") != "Service" or (namespaces and service["metadata"].get("namespace") not in namespaces) \
                            or not _labels_match(service["metadata"].get("labels") or {}, body.get("selector") or {}):
                        continue
                    ports = [p for p in service["spec"].get("ports") or [] if p.get("name") == endpoint.get("port")]
                    if not ports:
                        continue
                    target = ports[0].get("targetPort", ports[0]["port"])
                    ns = service["metadata"]["namespace"]
                    for workload, template, container in _workload_containers(objects, ns, service["spec"].get("selector") or {}):
                        for port in container.get("ports") or []:
                            if port.get("name") == target or port.get("containerPort") == target:
                                found.append((service, workload, template, container, port))
                services = {s["metadata"]["name"] for s, *_ in found}
                if not found:
                    problems.append(f"{label}: no Service of {namespaces or 'any namespace'} with the selector's labels "
                                    f"has that port with a container behind it: it scrapes nothing")
                    continue
                if len(services) > 1:
                    problems.append(f"{label}: reaches the same pods through Services {sorted(services)}: every series twice")
                service, workload, template, container, port = found[0]
                kind_, spec_service = _kind_of(workload, container, spec)
                ns = service["metadata"]["namespace"]
                pod = f"{workload['metadata']['name']}-0"
                job = (service["metadata"].get("labels") or {}).get(body.get("jobLabel"), service["metadata"]["name"]) \
                    if body.get("jobLabel") else service["metadata"]["name"]
                labels = {"namespace": ns, "service": service["metadata"]["name"], "pod": pod, "container": container["name"],
                          "endpoint": endpoint.get("port"), "job": job,
                          "__meta_kubernetes_namespace": ns, "__meta_kubernetes_service_name": service["metadata"]["name"],
                          "__meta_kubernetes_pod_name": pod, "__meta_kubernetes_pod_container_name": container["name"],
                          "__meta_kubernetes_endpoint_port_name": str(endpoint.get("port")),
                          **_meta("service", service["metadata"].get("labels") or {}),
                          **_meta("pod", template["metadata"].get("labels") or {})}
                components.append(Component(kind=kind_, labels=labels, service=spec_service, **base))
            else:
                match = (body.get("selector") or {}).get("matchLabels") or {}
                pod_ns = namespaces[0] if namespaces else namespace
                cnpg = [d for d in objects if d.get("kind") == "Cluster" and str(d.get("apiVersion", "")).startswith("postgresql.cnpg.io/")
                        and d["metadata"]["name"] == match.get("cnpg.io/cluster") and d["metadata"].get("namespace") == pod_ns]
                if cnpg:
                    if endpoint.get("port") != "metrics":
                        problems.append(f"{label}: CloudNativePG's instance pods serve their metrics on the port `metrics`")
                        continue
                    pod = f"{cnpg[0]['metadata']['name']}-1"
                    labels = {"namespace": pod_ns, "pod": pod, "container": "postgres", "endpoint": "metrics",
                              "job": f"{namespace}/{metadata['name']}", "__meta_kubernetes_namespace": pod_ns,
                              "__meta_kubernetes_pod_name": pod, "__meta_kubernetes_pod_container_name": "postgres",
                              "__meta_kubernetes_pod_container_port_name": "metrics",
                              **_meta("pod", {"cnpg.io/cluster": cnpg[0]["metadata"]["name"], "cnpg.io/instanceName": pod})}
                    replica = bool((cnpg[0]["spec"].get("replica") or {}).get("enabled"))
                    components.append(Component(kind="cnpg", labels=labels, replica=replica, **base))
                    continue
                found = [(w, t, c) for w, t, c in _workload_containers(objects, pod_ns, match)
                         if any(p.get("name") == endpoint.get("port") for p in c.get("ports") or [])]
                if not found:
                    problems.append(f"{label}: no pod template in {pod_ns} with the selector's labels has that port: it scrapes nothing")
                    continue
                workload, template, container = found[0]
                kind_, spec_service = _kind_of(workload, container, spec)
                pod = f"{workload['metadata']['name']}-0"
                labels = {"namespace": pod_ns, "pod": pod, "container": container["name"], "endpoint": endpoint.get("port"),
                          "job": f"{namespace}/{metadata['name']}", "__meta_kubernetes_namespace": pod_ns,
                          "__meta_kubernetes_pod_name": pod, "__meta_kubernetes_pod_container_name": container["name"],
                          **_meta("pod", template["metadata"].get("labels") or {})}
                components.append(Component(kind=kind_, labels=labels, service=spec_service, **base))
    return components, problems


def provided(cluster, metrics: set[str]) -> list[Component]:
    """Stand-ins for what the cluster's own monitoring scrapes, when a rule reads its metrics."""
    objects = [document for _, document in cluster.objects()]
    found = []
    for prefix, kind in PROVIDED.items():
        if not any(m.startswith(prefix) for m in metrics):
            continue
        component = Component(cluster=cluster.name, name=f"provided/{kind}", kind=kind, honor_labels=True,
                              labels={"job": kind, "namespace": "monitoring"})
        if kind == "chaos-mesh":
            component.experiments = [
                (d["metadata"].get("namespace"), d["kind"],
                 ((d["metadata"].get("annotations") or {}).get("experiment.chaos-mesh.org/pause") == "true"))
                for d in objects if str(d.get("apiVersion", "")).startswith("chaos-mesh.org/")
                and d["kind"] not in ("Schedule", "Workflow", "WorkflowNode", "StatusCheck")]
        if kind == "kube-state-metrics":
            component.namespaces = sorted({d["metadata"]["name"] for d in objects if d.get("kind") == "Namespace"})
        found.append(component)
    return found


def forwarders(tree, primary: str) -> dict[str, list[str]]:
    """Cluster -> the federation `match[]` of its OpenTelemetry Collector that remote-writes its
    Prometheus's series (to the primary's monitoring)."""
    found = {}
    for cluster in tree.clusters():
        if cluster.name == primary:
            continue
        for _, document in cluster.objects():
            if document.get("kind") != "OpenTelemetryCollector":
                continue
            config = (document.get("spec") or {}).get("config") or {}
            config = yaml.safe_load(config) if isinstance(config, str) else config
            if not any(str(name).startswith("prometheusremotewrite") for name in (config.get("exporters") or {})):
                continue
            receiver = ((config.get("receivers") or {}).get("prometheus") or {}).get("config") or {}
            for scrape in receiver.get("scrape_configs") or []:
                if scrape.get("metrics_path") == "/federate":
                    found[cluster.name] = list((scrape.get("params") or {}).get("match[]") or [])
    return found


# -- what a stand-in serves ---------------------------------------------------------------------

@dataclass
class Sample:
    name: str
    labels: tuple[tuple[str, str], ...]
    rate: float | None = None     # a counter's increase per second
    value: float | None = None    # a gauge's value


@dataclass
class Family:
    name: str
    type: str
    samples: list[Sample]


@dataclass
class Roles:
    """Which declared metric the SLA alerts read for what (from the rules' selectors)."""
    latency: set[str] = field(default_factory=set)     # request-duration histograms
    requests: set[str] = field(default_factory=set)    # request counters
    status: dict[str, str] = field(default_factory=dict)  # request counter -> its status label
    score: set[str] = field(default_factory=set)       # ihsan score gauges
    read: set[str] = field(default_factory=set)        # every metric a rule reads
    buckets: list[float] = field(default_factory=list)


def roles(all_rules: list[Rule], model: Model, extra_edges: list[float]) -> Roles:
    found = Roles(read={s.metric for rule in all_rules for s in selectors(rule.expr)})
    for rule in all_rules:
        path = sla_path(rule)
        if not path:
            continue
        for selector in selectors(rule.expr):
            if path.startswith("sla.latency.") and selector.metric.endswith("_bucket"):
                found.latency.add(selector.metric[:-len("_bucket")])
            elif path == "sla.errorRate":
                found.requests.add(selector.metric)
                for label, op, value in selector.matchers:
                    if op == "=~" and value.startswith("5"):
                        found.status[selector.metric] = label
            elif path.startswith("sla.ihsanScore."):
                found.score.add(selector.metric)
    healthy = model.healthy()
    edges = {healthy.latency, *model.latency_targets, *extra_edges}
    for path in [f"sla.latency.{p}" for p in Model.LATENCY if p in ((model.spec.get("sla") or {}).get("latency") or {})]:
        edges.add(model.breach(path).latency)
    found.buckets = sorted(e for e in edges if e > 0)
    return found


def _value_of(label: str, status: str | None, status_label: str | None) -> str:
    if label == status_label:
        return status
    return {"method": "GET", "route": "/", "handler": "/", "path": "/", "le": "+Inf"}.get(label, "stand-in")


def families(component: Component, state: State, roles_: Roles, weights: dict[str, float]) -> list[Family]:
    """The series of `component` with the platform in `state`."""
    region = component.cluster
    rate = weights.get(region, 100.0)
    out: list[Family] = []
    if component.kind == "service":
        for metric in component.service.get("metrics") or []:
            name, kind, declared = metric["name"], metric["type"], list(metric.get("labels") or [])
            status_label = next((roles_.status[m] for m in roles_.status if m == name), None) \
                or next((l for l in declared if l in ("status", "code", "status_code")), None)
            classes = [("200", 1 - state.error_ratio), ("500", state.error_ratio)] if status_label in declared else [(None, 1.0)]
            # Requests flow through what a rule reads; any other counter or histogram stays idle.
            active = bool({name, f"{name}_bucket", f"{name}_count", f"{name}_sum"} & roles_.read)
            if kind == "histogram":
                samples = []
                for status, share in classes:
                    base = tuple((l, _value_of(l, status, status_label)) for l in declared)
                    r = rate * share if active else 0.0
                    for edge in roles_.buckets + [float("inf")]:
                        le = "+Inf" if edge == float("inf") else repr(edge)
                        samples.append(Sample(f"{name}_bucket", base + (("le", le),), rate=r if state.latency <= edge else 0.0))
                    samples.append(Sample(f"{name}_sum", base, rate=r * state.latency))
                    samples.append(Sample(f"{name}_count", base, rate=r))
                out.append(Family(name, "histogram", samples))
            elif kind == "counter":
                out.append(Family(name, "counter", [
                    Sample(name, tuple((l, _value_of(l, s, status_label)) for l in declared), rate=rate * share if active else 0.0)
                    for s, share in classes]))
            elif kind == "gauge":
                value = state.scores.get(region, 0.0) if name in roles_.score else 0.0
                out.append(Family(name, "gauge", [Sample(name, tuple((l, _value_of(l, None, None)) for l in declared), value=value)]))
            else:
                out.append(Family(name, "summary", [Sample(f"{name}_sum", (), rate=0.0), Sample(f"{name}_count", (), rate=0.0)]))
    elif component.kind == "redis":
        labels = (("cmd", "get"),)
        out += [Family("redis_commands_total", "counter", [Sample("redis_commands_total", labels, rate=100.0)]),
                Family("redis_commands_duration_seconds_total", "counter",
                       [Sample("redis_commands_duration_seconds_total", labels, rate=100.0 * state.cache_latency)]),
                Family("redis_up", "gauge", [Sample("redis_up", (), value=1.0)])]
    elif component.kind == "varnish":
        out += [Family("varnish_main_cache_hit", "counter", [Sample("varnish_main_cache_hit", (), rate=100.0 * state.hit_ratio)]),
                Family("varnish_main_cache_miss", "counter", [Sample("varnish_main_cache_miss", (), rate=100.0 * (1 - state.hit_ratio))]),
                Family("varnish_up", "gauge", [Sample("varnish_up", (), value=1.0)])]
    elif component.kind == "cnpg":
        lag = state.replication_lag if component.replica else 0.0
        out += [Family("cnpg_pg_replication_lag", "gauge", [Sample("cnpg_pg_replication_lag", (), value=lag)]),
                Family("cnpg_collector_up", "gauge", [Sample("cnpg_collector_up", (), value=1.0)])]
    elif component.kind == "kube-state-metrics":
        out.append(Family("kube_pod_status_phase", "gauge", [
            Sample("kube_pod_status_phase", (("namespace", ns), ("pod", f"stand-in-{ns}"), ("phase", phase)),
                   value=1.0 if phase == "Running" else 0.0)
            for ns in component.namespaces for phase in POD_PHASES]))
    elif component.kind == "chaos-mesh":
        counts: dict[tuple[str, str], dict[str, int]] = {}
        running = state.chaos_running
        for namespace, kind, paused in component.experiments:
            phases = counts.setdefault((namespace, kind), {p: 0 for p in CHAOS_PHASES})
            if paused and running:
                phases["running"] += 1
                running -= 1
            else:
                phases["paused" if paused else "running"] += 1
        out.append(Family("chaos_controller_manager_chaos_experiments", "gauge", [
            Sample("chaos_controller_manager_chaos_experiments", (("namespace", ns), ("type", kind), ("phase", phase)), value=float(n))
            for (ns, kind), phases in sorted(counts.items()) for phase, n in phases.items()]))
    return out


class Feed:
    """The series of one component in one scenario; counters advance at their rates from 0 and
    keep their values when the state changes."""

    def __init__(self, build, state: State):
        self.build = build
        self.lock = threading.Lock()
        self.counters: dict[tuple, tuple[float, float, float]] = {}
        self.families: list[Family] = []
        self.set(state)

    def _at(self, key, now) -> float:
        if key not in self.counters:
            return 0.0
        value, rate, since = self.counters[key]
        return value + rate * (now - since)

    def set(self, state: State) -> None:
        with self.lock:
            now = time.monotonic()
            self.families = self.build(state)
            self.counters = {(s.name, s.labels): (self._at((s.name, s.labels), now), s.rate, now)
                             for f in self.families for s in f.samples if s.rate is not None}

    def exposition(self) -> str:
        with self.lock:
            now = time.monotonic()
            lines = []
            for family in self.families:
                lines.append(f"# TYPE {family.name} {family.type}")
                for s in family.samples:
                    value = self._at((s.name, s.labels), now) if s.rate is not None else s.value
                    rendered = ",".join(f'{k}="{v}"' for k, v in s.labels)
                    lines.append(f"{s.name}{{{rendered}}} {value!r}")
            return "\n".join(lines) + "\n"


class StandIn:
    """One component's HTTP server on 127.0.0.1 (a port the kernel picks): GET <path>?scenario=S
    answers the series of scenario S in the Prometheus text format; anything else is 404."""

    def __init__(self, component: Component):
        self.component = component
        self.feeds: dict[str, Feed] = {}
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                url = urllib.parse.urlsplit(self.path)
                scenario = urllib.parse.parse_qs(url.query).get("scenario", [""])[0]
                feed = stand_in.feeds.get(scenario)
                if url.path != stand_in.component.path or feed is None:
                    self.send_error(404)
                    return
                body = feed.exposition().encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; version=0.0.4")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((LOOPBACK, 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# -- the scrape configuration -------------------------------------------------------------------

def _snake(name: str) -> str:
    return re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), name)


def relabel_configs(relabelings: list[dict]) -> list[dict]:
    """A monitor's relabelings (the operator's camelCase) as Prometheus relabel_configs."""
    return [{_snake(k): v for k, v in r.items()} for r in relabelings or []]


def match_filter(selectors_: list[str]) -> list[dict]:
    """metric_relabel_configs that keep only the series a federation's `match[]` selects (one
    selector: a union of several cannot be written as relabelings)."""
    assert len(selectors_) == 1, f"federation match[] {selectors_}: only one selector is supported here"
    (selector,) = selectors(selectors_[0]) or [Selector("", ())]
    configs = [{"source_labels": ["__name__"], "regex": re.escape(selector.metric), "action": "keep"}] if selector.metric else []
    for label, op, value in selector.matchers:
        regex = value if op in ("=~", "!~") else re.escape(value)
        configs.append({"source_labels": [label], "regex": regex, "action": "keep" if op in ("=", "=~") else "drop"})
    return configs


def scrape_config(stand_in: StandIn, scenario: str) -> dict:
    component = stand_in.component
    endpoint = component.endpoint
    params = {k: list(v) if isinstance(v, list) else [v] for k, v in (endpoint.get("params") or {}).items()}
    config = {
        "job_name": component.job,
        "scrape_interval": SCRAPE_INTERVAL, "scrape_timeout": SCRAPE_INTERVAL,
        "metrics_path": component.path,
        "honor_labels": component.honor_labels or bool(component.forwarded_by),
        "params": {**params, "scenario": [scenario]},
        "static_configs": [{"targets": [f"{LOOPBACK}:{stand_in.port}"], "labels": component.labels}],
        "relabel_configs": relabel_configs(endpoint.get("relabelings")),
        "metric_relabel_configs": relabel_configs(endpoint.get("metricRelabelings"))
        + (match_filter(component.forwarded_by) if component.forwarded_by else []),
    }
    return config


# -- the server ---------------------------------------------------------------------------------

class Prometheus:
    """`prometheus` on 127.0.0.1:<free port>, its TSDB in `folder`, evaluating every second."""

    def __init__(self, processes: Processes, binary: str, folder: Path, rule_files: list[Path], scrape_configs: list[dict]):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        config = {"global": {"scrape_interval": SCRAPE_INTERVAL, "evaluation_interval": "1s"},
                  "rule_files": [str(p) for p in rule_files], "scrape_configs": scrape_configs}
        self.config = folder / "prometheus.yml"
        self.config.write_text(yaml.safe_dump(config, sort_keys=False))
        self.log_path = folder / "prometheus.log"
        for _ in range(3):   # another process may take the free port before prometheus binds it
            self.port = free_port()
            self.log = open(self.log_path, "w")
            self.process = processes.start("prometheus", [
                binary, f"--config.file={self.config}", f"--storage.tsdb.path={folder / 'data'}",
                f"--web.listen-address={LOOPBACK}:{self.port}", "--log.level=warn"],
                stdout=self.log, stderr=subprocess.STDOUT)
            if self._ready():
                return
            Processes.stop(self.process)
        raise RuntimeError(f"prometheus did not start on 127.0.0.1:\n{self.output()}")

    def _ready(self, timeout: float = 20) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(f"http://{LOOPBACK}:{self.port}/-/ready", timeout=2) as response:
                    if response.status == 200:
                        return True
            except OSError:
                pass
            time.sleep(0.1)
        return False

    def api(self, path: str, **query) -> dict:
        url = f"http://{LOOPBACK}:{self.port}/api/v1/{path}" + (f"?{urllib.parse.urlencode(query)}" if query else "")
        with urllib.request.urlopen(url, timeout=5) as response:
            answer = json.load(response)
        assert answer.get("status") == "success", f"{url}: {answer}"
        return answer["data"]

    def query(self, expr: str) -> list[dict]:
        return self.api("query", query=expr)["result"]

    def active(self) -> dict[str, str]:
        """Active alerts by name: `pending` or `firing` (firing wins among rules of one name)."""
        found: dict[str, str] = {}
        for alert in self.api("alerts")["alerts"]:
            name = alert["labels"]["alertname"]
            found[name] = "firing" if "firing" in (found.get(name), alert["state"]) else alert["state"]
        return found

    def output(self) -> str:
        return self.log_path.read_text()[-3000:] if self.log_path.exists() else ""
