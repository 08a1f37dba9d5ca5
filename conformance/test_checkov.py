"""checkov (`--framework kubernetes`) finds no failed check, on each cluster's folder. A check
that does not apply to an object is skipped on that object, in the planner that emits it, with a
reason: `checkov.io/skip1: CKV_K8S_xx=reason` (the README lists every skip)."""
import json

import pytest

from support.report import NOTES
from support.tools import require, run

_RESULTS = {}


def checkov(cluster):
    if cluster.label not in _RESULTS:
        # Without --quiet: with it, the JSON leaves out the passed and the skipped checks.
        result = run([require("checkov"), "-d", cluster.k8s, "--framework", "kubernetes", "--skip-download",
                      "--compact", "-o", "json"], timeout=900)
        try:
            report = json.loads(result.stdout) if result.stdout.strip() else {}
        except json.JSONDecodeError:
            pytest.fail(f"{cluster}: checkov printed no JSON:\n{result.describe()}")
        reports = report if isinstance(report, list) else [report]
        _RESULTS[cluster.label] = (result, reports)
    return _RESULTS[cluster.label]


def test_checkov_finds_no_failed_check(tree):
    failures = []
    for cluster in tree.clusters():
        result, reports = checkov(cluster)
        if result.returncode not in (0, 1):
            failures.append(f"{cluster}: checkov did not run:\n{result.describe()}")
            continue
        failed = [check for report in reports for check in (report.get("results") or {}).get("failed_checks", [])]
        lines = sorted({f"{c['check_id']} {c['resource']} ({c['file_path'].lstrip('/')}): {c['check_name']}"
                        for c in failed})
        if failed:
            failures.append(f"{cluster}: {len(lines)} failed checkov checks:\n  " + "\n  ".join(lines))
        passed = sum(len((r.get("results") or {}).get("passed_checks", [])) for r in reports)
        if passed == 0 and result.returncode != 0:
            failures.append(f"{cluster}: checkov checked nothing")
    assert not failures, "\n".join(failures)


def test_every_checkov_skip_says_why(tree):
    unexplained = []
    where = {}   # each skip, with the clusters it is in (noted once per tree)
    for cluster in tree.clusters():
        _, reports = checkov(cluster)
        skipped = [c for r in reports for c in (r.get("results") or {}).get("skipped_checks", [])]
        unexplained += [f"{cluster.name}: {c['check_id']} {c['resource']}" for c in skipped
                        if not ((c.get("check_result") or {}).get("suppress_comment") or "").strip()
                        or (c.get("check_result") or {}).get("suppress_comment") == "No comment provided"]
        for c in skipped:
            check = f"{c['check_id']} on {c['resource']}: {(c.get('check_result') or {}).get('suppress_comment')}"
            where.setdefault(check, []).append(cluster.name)
    for check, clusters in sorted(where.items()):
        NOTES.append(f"checkov skip ({tree.label}: {', '.join(sorted(set(clusters)))}): {check}")
    assert not unexplained, f"{tree}: skips without a reason: {unexplained}"
