"""PrometheusRules pass `promtool check rules`; the unit tests bizra-gen generates from the SLA
(monitoring/sla-rules.test.yaml) pass `promtool test rules`, on the rules as deployed."""
import yaml

from support.tools import require, run


def prometheus_rules(tree):
    return [(file, doc) for file, doc in tree.objects() if doc.get("kind") == "PrometheusRule"]


def test_there_are_prometheus_rules(tree):
    assert prometheus_rules(tree), f"{tree}: no PrometheusRule (the SLA alerts belong in 05-monitoring.yaml)"


def test_every_prometheus_rule_passes_promtool_check(tree, tmp_path):
    promtool = require("promtool")
    failures = []
    for file, rule in prometheus_rules(tree):
        path = tmp_path / f"{rule['metadata']['name']}.rules.yaml"
        path.write_text(yaml.safe_dump(rule["spec"], sort_keys=False))
        result = run([promtool, "check", "rules", path])
        if result.returncode != 0 or "SUCCESS" not in result.output:
            failures.append(f"{file.name}: PrometheusRule/{rule['metadata']['name']}:\n{result.describe()}")
    assert not failures, "\n".join(failures)


def test_generated_sla_rules_are_the_deployed_ones(tree):
    rules_file = tree.root / "monitoring" / "sla-rules.yaml"
    assert rules_file.is_file(), f"{tree}: {rules_file} missing"
    generated = yaml.safe_load(rules_file.read_text())["groups"]
    deployed = [group for _, rule in prometheus_rules(tree) for group in rule["spec"]["groups"]]
    for group in generated:
        assert group in deployed, f"group {group['name']} of sla-rules.yaml differs from the PrometheusRule's"


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
