"""checkov (`--framework kubernetes`) finds no failed check. A check that does not apply to an
object is skipped on that object, in the planner that emits it, with a reason:
`checkov.io/skip1: CKV_K8S_xx=reason` (the README lists every skip)."""
import json

import pytest

from support.report import NOTES
from support.tools import require, run

_RESULTS = {}


def checkov(tree):
    if tree.label not in _RESULTS:
        # Without --quiet: with it, the JSON leaves out the passed and the skipped checks.
        result = run([require("checkov"), "-d", tree.k8s, "--framework", "kubernetes", "--skip-download",
                      "--compact", "-o", "json"], timeout=900)
        try:
            report = json.loads(result.stdout) if result.stdout.strip() else {}
        except json.JSONDecodeError:
            pytest.fail(f"checkov printed no JSON:\n{result.describe()}")
        reports = report if isinstance(report, list) else [report]
        _RESULTS[tree.label] = (result, reports)
    return _RESULTS[tree.label]


def test_checkov_finds_no_failed_check(tree):
    result, reports = checkov(tree)
    assert result.returncode in (0, 1), f"checkov did not run:\n{result.describe()}"
    failed = [check for report in reports for check in (report.get("results") or {}).get("failed_checks", [])]
    lines = sorted({f"{c['check_id']} {c['resource']} ({c['file_path'].lstrip('/')}): {c['check_name']}" for c in failed})
    assert not failed, f"{tree}: {len(lines)} failed checkov checks:\n  " + "\n  ".join(lines)
    passed = sum(len((r.get("results") or {}).get("passed_checks", [])) for r in reports)
    assert passed > 0 or result.returncode == 0, "checkov checked nothing"


def test_every_checkov_skip_says_why(tree):
    _, reports = checkov(tree)
    skipped = [c for r in reports for c in (r.get("results") or {}).get("skipped_checks", [])]
    unexplained = [f"{c['check_id']} {c['resource']}" for c in skipped
                   if not ((c.get("check_result") or {}).get("suppress_comment") or "").strip()
                   or (c.get("check_result") or {}).get("suppress_comment") == "No comment provided"]
    for check in sorted({f"{c['check_id']} on {c['resource']}: {(c.get('check_result') or {}).get('suppress_comment')}"
                         for c in skipped}):
        NOTES.append(f"checkov skip ({tree.label}): {check}")
    assert not unexplained, f"skips without a reason: {unexplained}"
