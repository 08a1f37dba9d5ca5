"""Every PrometheusRule and scrape target, live: a Prometheus server on 127.0.0.1 loads the rules a
cluster deploys, scrapes a local stand-in for each component a monitor of that cluster scrapes
(support/prometheus.py says how the monitors become scrape jobs and what the stand-ins serve),
and each SLA alert goes pending when its stand-in crosses the SLA target.

Checked without a server, on every cluster: each monitor reaches a component through the output's
own objects, and each series a rule reads is exported by a component that a monitor of that
cluster scrapes (or that reaches the primary through the regions' forwarding, or that the cluster's
own monitoring stack scrapes: reported as a note).

Checked live, on the primary region's cluster and on the clusters that hold rule groups the primary
does not: one Prometheus per scenario, all at once, each with its own TSDB and port. While every
stand-in is healthy (inside every target the spec's `sla` sets): each generated group is loaded,
each rule evaluates without error, each target is up (with the `region` its monitor's relabeling
gives), each selector of each rule matches series and each compared value has one, and no alert
of any kind is active over several evaluations. Then each scenario's stand-ins cross one SLA
target (p95 latency, error rate, ihsan score, cache latency, ...) and that server's active SLA
alerts must become exactly those whose target the new state misses (the SLA's meaning, computed
from the spec, not from the rules): the alert of that target pending or firing, the others silent.
The healthy server stays silent to the end. The SLA alerts are those with an `sla` label and those
bizra-gen derives from an SLA target without one (support/prometheus.DERIVED); each one's threshold
must be its target's value.

Every Prometheus is stopped by its PID when the test ends, pass or fail (the `processes` fixture);
the stand-ins are threads of this process, closed at the end.
"""
from __future__ import annotations

import json
import math
import time

import pytest
import yaml

from support.prometheus import (PROMETHEUS_OWN, Processes, Feed, Model, Prometheus, StandIn, comparisons, families,
                                forwarders, provided, prometheus_rules, region_weights, resolve, roles, rules,
                                scrape_config, selectors, sla_path)
from support.report import NOTES
from support.tools import require
from support.trees import failures_per_cluster

HEALTHY = "healthy"
DATA_TIMEOUT = 20      # seconds for every rule to have data and every target to be up
SILENT_SAMPLES = 3     # evaluations (1s apart) at which no alert may be active while healthy
BREACH_TIMEOUT = 20    # seconds for each scenario's alerts to become what the SLA says


def primary(tree):
    clusters = tree.clusters()
    name = (tree.spec.get("regions") or {}).get("primary")
    return next((c for c in clusters if c.name == name), clusters[0])


def group_keys(cluster) -> set[str]:
    return {json.dumps(group, sort_keys=True) for _, rule in prometheus_rules(cluster) for group in rule["spec"]["groups"]}


def exercised(tree):
    """The primary's cluster, then, while some cluster holds a rule group none chosen holds, the
    one holding most of them (a region with traffic before a standby)."""
    standby = {r["name"] for r in (tree.spec.get("regions") or {}).get("list") or [] if r.get("standby")}
    chosen = [primary(tree)]
    covered = group_keys(chosen[0])
    while True:
        rest = [c for c in tree.clusters() if c not in chosen and group_keys(c) - covered]
        if not rest:
            return chosen
        best = max(rest, key=lambda c: (len(group_keys(c) - covered), c.name not in standby))
        chosen.append(best)
        covered |= group_keys(best)


class Plan:
    """What one cluster's Prometheus gets: its rules, the components it scrapes and the SLA model."""

    def __init__(self, tree, cluster):
        self.tree, self.cluster = tree, cluster
        self.rules = rules(cluster)
        self.read = {s.metric for r in self.rules for s in selectors(r.expr)}
        self.components, self.problems = resolve(cluster, tree.spec)
        self.regions = [cluster.name]
        if cluster.name == primary(tree).name:
            for name, match in forwarders(tree, cluster.name).items():
                others, _ = resolve(tree.cluster(name), tree.spec)
                forwarded = [c for c in others if c.exports() & self.read]
                for component in forwarded:
                    component.forwarded_by = match
                self.components += forwarded
                self.regions.append(name)
        self.provided = provided(cluster, self.read)
        self.components += self.provided
        self.model = Model(tree.spec, self.regions)
        self.weights = region_weights(tree.spec)
        if len(tree.clusters()) == 1:
            self.weights = {cluster.name: 100.0}

    def source(self, metric: str) -> str | None:
        if metric in PROMETHEUS_OWN or metric.startswith("scrape_"):
            return "Prometheus"
        return next((c.job for c in self.components if metric in c.exports()), None)

    def unsourced(self) -> list[str]:
        """Each rule metric that no scraped component exports."""
        found = []
        for rule in self.rules:
            for metric in sorted({s.metric for s in selectors(rule.expr)}):
                if not metric:
                    found.append(f"{rule}: a selector without a metric name in {rule.expr!r}")
                elif self.source(metric) is None:
                    kinds = sorted({f"{c.job} ({c.kind})" for c in self.components if not c.forwarded_by})
                    found.append(f"{rule}: reads {metric}, which no component a monitor of {self.cluster.name} scrapes "
                                 f"exports (expr: {' '.join(rule.expr.split())}; scraped: {', '.join(kinds)})")
        return found

    def sla_alerts(self) -> dict[str, str]:
        """SLA alert name -> the SLA path of its target, for the alerts the stand-ins can serve."""
        return {r.name: sla_path(r) for r in self.rules if sla_path(r)
                and all(self.source(s.metric) for s in selectors(r.expr))}

    def replica(self) -> bool:
        return any(c.replica for c in self.components if not c.forwarded_by)

    def derivation_problems(self) -> list[str]:
        """Each SLA alert's threshold is its target's value; the model knows its path; and the
        model's breach of that target makes it fire (else it would never fire on these series)."""
        found = []
        for rule in self.rules:
            path = sla_path(rule)
            if not path:
                continue
            if not self.model.known(path):
                found.append(f"{rule}: derived from {path}, which the stand-ins have no model of")
                continue
            target = self.model.target(path)
            thresholds = [c.threshold for c in comparisons(rule.expr)]
            if not any(math.isclose(t, target, rel_tol=1e-9) for t in thresholds):
                found.append(f"{rule}: derived from {path} = {target:g} but compares with {thresholds} "
                             f"(expr: {' '.join(rule.expr.split())})")
            if not self.model.crossed(path, self.model.breach(path), self.replica()):
                found.append(f"{rule}: derived from {path}, yet no state of the series {self.cluster.name}'s Prometheus "
                             f"has ({', '.join(self.regions)}) can cross it (regions present: {len(self.regions)})")
        return found


def test_every_series_a_rule_reads_is_scraped(tree):
    failures, provided_notes = {}, set()
    for cluster in tree.clusters():
        plan = Plan(tree, cluster)
        failures[str(cluster)] = plan.problems + plan.unsourced() + plan.derivation_problems()
        for component in plan.provided:
            readers = sorted({r.name for r in plan.rules if {s.metric for s in selectors(r.expr)} & component.exports()})
            provided_notes.add(f"prometheus: {tree.label}: {', '.join(readers)} read {component.kind}'s series, which no "
                               f"monitor of the output scrapes (the cluster's own monitoring must)")
    NOTES.extend(sorted(provided_notes))
    assert not any(failures.values()), failures_per_cluster(failures)


# -- live ---------------------------------------------------------------------------------------

def wait_until(condition, timeout: float, interval: float = 0.5):
    """condition() -> (done, detail); polls until done or timeout; the last detail."""
    deadline = time.monotonic() + timeout
    while True:
        done, detail = condition()
        if done or time.monotonic() >= deadline:
            return done, detail
        time.sleep(interval)


class Live:
    """One Prometheus per scenario over the plan's rules, with the stand-ins they scrape."""

    def __init__(self, plan: Plan, processes, folder):
        self.plan = plan
        self.sla = plan.sla_alerts()
        self.scenarios = [HEALTHY] + sorted(set(self.sla.values()))
        rule_dir = folder / "rules"
        rule_dir.mkdir()
        self.rule_files, self.groups = [], set()
        for index, (_, document) in enumerate(prometheus_rules(plan.cluster)):
            path = rule_dir / f"{index:02d}-{document['metadata']['namespace']}-{document['metadata']['name']}.yaml"
            path.write_text(yaml.safe_dump(document["spec"], sort_keys=False))
            self.rule_files.append(path)
            self.groups |= {(str(path), g["name"]) for g in document["spec"]["groups"]}
        edges = [c.threshold for r in plan.rules for c in comparisons(r.expr) if "histogram_quantile" in c.query]
        self.roles = roles(plan.rules, plan.model, edges)
        self.stand_ins: list[StandIn] = []
        try:
            for component in plan.components:
                stand_in = StandIn(component)
                self.stand_ins.append(stand_in)
                for scenario in self.scenarios:
                    stand_in.feeds[scenario] = Feed(self.builder(component), plan.model.healthy())
            binary = require("prometheus")
            self.servers = {}
            for scenario in self.scenarios:
                configs = [scrape_config(s, scenario) for s in self.stand_ins]
                self.servers[scenario] = Prometheus(processes, binary, folder / scenario, self.rule_files, configs)
        except BaseException:
            self.close()
            raise

    def builder(self, component):
        return lambda state: families(component, state, self.roles, self.plan.weights)

    def close(self):
        for stand_in in self.stand_ins:
            stand_in.close()

    # The healthy phase, on every server.

    def loaded(self, server) -> list[str]:
        groups = server.api("rules")["groups"]
        found = []
        loaded = {(g["file"], g["name"]) for g in groups}
        if loaded != self.groups:
            found.append(f"groups loaded {sorted(loaded)}, written {sorted(self.groups)}")
        for group in groups:
            for rule in group["rules"]:
                if rule.get("health") == "err" or rule.get("lastError"):
                    found.append(f"group {group['name']}: {rule['name']} fails to evaluate: {rule.get('lastError')}")
        return found

    def evaluated(self, server) -> bool:
        return all(r.get("health") != "unknown" for g in server.api("rules")["groups"] for r in g["rules"])

    def targets(self, server) -> tuple[bool, list[str]]:
        active = server.api("targets", state="active")["activeTargets"]
        by_job = {t["scrapePool"]: t for t in active}
        missing = []
        for stand_in in self.stand_ins:
            component = stand_in.component
            target = by_job.get(component.job)
            if target is None or target["health"] != "up":
                missing.append(f"{component.job}: {target and (target['health'], target.get('lastError'))}")
            elif component.kind not in ("kube-state-metrics", "chaos-mesh") and len(self.plan.tree.clusters()) > 1 \
                    and target["labels"].get("region") != component.cluster:
                missing.append(f"{component.job}: its target's region is {target['labels'].get('region')!r}, "
                               f"not its cluster {component.cluster} (labels {target['labels']})")
        return not missing, missing

    def empty(self, server) -> list[str]:
        """The selectors that match no series and the compared values that have none."""
        found = []
        for rule in self.plan.rules:
            if not all(self.plan.source(s.metric) for s in selectors(rule.expr)):
                continue   # reported by test_every_series_a_rule_reads_is_scraped
            for selector in sorted(set(selectors(rule.expr)), key=str):
                if not server.query(f"count({selector})"):
                    found.append(f"{rule.name}: {selector} matches no series")
            for comparison in comparisons(rule.expr):
                if not server.query(comparison.query):
                    found.append(f"{rule.name}: {' '.join(comparison.query.split())} has no value")
        return found

    def values(self, server, names) -> str:
        """The compared values of the named alerts, for a failure message."""
        lines = []
        for rule in self.plan.rules:
            if rule.name in names:
                for comparison in comparisons(rule.expr):
                    result = [r["value"][1] for r in server.query(comparison.query)]
                    lines.append(f"    {rule.name}: {' '.join(comparison.query.split())} = {result} "
                                 f"({comparison.op} {comparison.threshold:g})")
        return "\n".join(lines)


def exercise(tree, cluster, processes, folder) -> list[str]:
    """Runs the scenarios on `cluster`; the failures."""
    started = time.monotonic()
    plan = Plan(tree, cluster)
    live = Live(plan, processes, folder)
    try:
        failures = []
        servers = live.servers
        for scenario, server in servers.items():
            if not wait_until(lambda: (live.evaluated(server), None), DATA_TIMEOUT)[0]:
                failures.append(f"[{scenario}] rules not evaluated within {DATA_TIMEOUT}s:\n{server.output()}")
        if failures:
            return failures
        for scenario, server in servers.items():
            failures += [f"[{scenario}] {f}" for f in live.loaded(server)]
            up, detail = wait_until(lambda: live.targets(server), DATA_TIMEOUT)
            if not up:
                failures.append(f"[{scenario}] scrape targets not up: {detail}")
        if failures:
            return failures
        for scenario, server in servers.items():
            ok, detail = wait_until(lambda: (not (e := live.empty(server)), e), DATA_TIMEOUT, interval=1)
            if not ok:
                failures.append(f"[{scenario}] while healthy, after {DATA_TIMEOUT}s:\n  " + "\n  ".join(detail))
        if failures:
            return failures
        # A rate over a window holding a few scrapes swings with their timing, so a ratio rule (the
        # regions' traffic shares) may flicker while the windows fill: the servers first settle to
        # silence, then must stay silent over several evaluations (an alert wrong while healthy
        # never settles, and fails below).
        wait_until(lambda: (not any(s.active() for s in servers.values()), None), DATA_TIMEOUT)
        for sample in range(SILENT_SAMPLES):
            if sample:
                time.sleep(1)
            for scenario, server in servers.items():
                active = server.active()
                if active:
                    failures.append(f"[{scenario}] alerts active while every stand-in is healthy: {active}\n"
                                    + live.values(server, set(active)))
        if failures:
            return failures

        expected = {}
        for scenario in live.scenarios[1:]:
            state = plan.model.breach(scenario)
            expected[scenario] = {name for name, path in live.sla.items() if plan.model.crossed(path, state, plan.replica())}
            for stand_in in live.stand_ins:
                stand_in.feeds[scenario].set(state)
        switched = time.monotonic()
        pending = dict(expected)
        took = {}
        while pending and time.monotonic() < switched + BREACH_TIMEOUT:
            for scenario in list(pending):
                active = {n: s for n, s in servers[scenario].active().items() if n in live.sla}
                if set(active) == pending[scenario] and all(s in ("pending", "firing") for s in active.values()):
                    took[scenario] = time.monotonic() - switched
                    del pending[scenario]
            time.sleep(0.5)
        for scenario, names in pending.items():
            server = servers[scenario]
            active = {n: s for n, s in server.active().items() if n in live.sla}
            failures.append(f"[{scenario}] stand-ins across {scenario} = {plan.model.target(scenario):g}: expected "
                            f"{sorted(names)} active, after {BREACH_TIMEOUT}s {active}\n"
                            + live.values(server, names | set(active)))
        still = servers[HEALTHY].active()
        if still:
            failures.append(f"[{HEALTHY}] alerts active at the end, though its stand-ins stayed healthy: {still}")
        NOTES.append(f"prometheus live: {tree.label}/{cluster.name}: {len(live.scenarios)} servers, "
                     f"{len(live.stand_ins)} stand-ins, {len(plan.rules)} rules; SLA alerts pending after "
                     + ", ".join(f"{s} {t:.1f}s" for s, t in sorted(took.items()))
                     + f"; {time.monotonic() - started:.1f}s in all")
        return failures
    finally:
        for server in getattr(live, "servers", {}).values():
            Processes.stop(server.process)
            server.log.close()
        live.close()


@pytest.mark.live
def test_primary_cluster_alerts_live(tree, processes, tmp_path):
    cluster = primary(tree)
    failures = exercise(tree, cluster, processes, tmp_path)
    assert not failures, f"{cluster}:\n" + "\n".join(failures)


@pytest.mark.live
def test_other_rule_groups_live(tree, processes, tmp_path):
    """The clusters holding rule groups the primary's does not (replication, chaos)."""
    others = exercised(tree)[1:]
    if not others:
        pytest.skip(f"{tree}: every cluster's rule groups are the primary's")
    failures = {}
    for cluster in others:
        folder = tmp_path / cluster.name
        folder.mkdir()
        failures[str(cluster)] = exercise(tree, cluster, processes, folder)
    assert not any(failures.values()), failures_per_cluster(failures)
