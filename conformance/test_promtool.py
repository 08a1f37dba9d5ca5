"""PrometheusRules pass `promtool check rules`, in every cluster; the unit tests bizra-gen generates
from the SLA (monitoring/sla-rules.test.yaml) pass `promtool test rules`, on the rules as deployed
(every cluster deploys the SLA groups of monitoring/sla-rules.yaml)."""
import yaml

from support.tools import require, run
from support.trees import failures_per_cluster


def prometheus_rules(cluster):
    return [(file, doc) for file, doc in cluster.objects() if doc.get("kind") == "PrometheusRule"]


def test_there_are_prometheus_rules(tree):
    without = [str(cluster) for cluster in tree.clusters() if not prometheus_rules(cluster)]
    assert not without, "no PrometheusRule (the SLA alerts belong in 05-monitoring.yaml) in:\n  " + "\n  ".join(without)


def test_every_prometheus_rule_passes_promtool_check(tree, tmp_path):
    promtool = require("promtool")
    failures = {}
    for cluster in tree.clusters():
        folder = tmp_path / cluster.name
        folder.mkdir()
        failures[str(cluster)] = []
        for file, rule in prometheus_rules(cluster):
            path = folder / f"{rule['metadata']['name']}.rules.yaml"
            path.write_text(yaml.safe_dump(rule["spec"], sort_keys=False))
            result = run([promtool, "check", "rules", path])
            if result.returncode != 0 or "SUCCESS" not in result.output:
                failures[str(cluster)].append(f"{file.name}: PrometheusRule/{rule['metadata']['name']}:\n{result.describe()}")
    assert not any(failures.values()), failures_per_cluster(failures)


def test_generated_sla_rules_are_the_deployed_ones(tree):
    rules_file = tree.root / "monitoring" / "sla-rules.yaml"
    assert rules_file.is_file(), f"{tree}: {rules_file} missing"
    generated = yaml.safe_load(rules_file.read_text())["groups"]
    failures = {}
    for cluster in tree.clusters():
        deployed = [group for _, rule in prometheus_rules(cluster) for group in rule["spec"]["groups"]]
        failures[str(cluster)] = [f"group {group['name']} of sla-rules.yaml differs from the PrometheusRule's "
                                  f"(or is not deployed)" for group in generated if group not in deployed]
    assert not any(failures.values()), failures_per_cluster(failures)


def test_generated_sla_unit_tests_pass_promtool(tree):
    tests = tree.root / "monitoring" / "sla-rules.test.yaml"
    assert tests.is_file(), f"{tree}: {tests} missing"
    document = yaml.safe_load(tests.read_text())
    alerts = {r["alert"] for g in yaml.safe_load((tree.root / "monitoring" / "sla-rules.yaml").read_text())["groups"]
              for r in g["rules"] if "alert" in r}
    tested = {check["alertname"] for case in document["tests"] for check in case["alert_rule_test"]}
    assert alerts <= tested, f"alerts without a unit test: {sorted(alerts - tested)}"
    fires = {check["alertname"] for case in document["tests"] for check in case["alert_rule_test"] if check["exp_alerts"]}
    assert alerts <= fires, f"alerts never shown firing: {sorted(alerts - fires)}"
    result = run([require("promtool"), "test", "rules", tests])
    assert result.returncode == 0, f"{tree}:\n{result.describe()}"
