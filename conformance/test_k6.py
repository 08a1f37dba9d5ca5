"""k6 accepts every generated script (`k6 inspect`); a live run of each scenario, scaled down to a
few seconds and VUs (the same executor and thresholds; support/k6_scale.js is appended to a copy),
against the local Varnish with the tree's own VCL in front of a local backend, passes and writes a
summary that `bizra-gen report` reads; against a backend slower than the SLA, k6 exits 99."""
import json
from pathlib import Path

import pytest

from support.durations import seconds
from support.processes import Backend, Processes, Varnish
from support.scratch import readable_dir
from support.tools import bizra_gen, require, run
from support.vcl import local_copy

SCALE = (Path(__file__).parent / "support" / "k6_scale.js").read_text()
THRESHOLD_FAILED = 99


def k6(*args, base_url, timeout=120):
    return run([require("k6"), *args], timeout=timeout,
               env={"K6_NO_USAGE_REPORT": "true", "BASE_URL": base_url, "K6_NO_COLOR": "true"})


def scaled_copy(script: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / script.name
    copy.write_text(script.read_text() + SCALE)
    return copy


def scenarios(tree):
    return tree.files("k6/*.js")


def test_k6_inspect_accepts_every_script(tree):
    scripts = scenarios(tree)
    if not (tree.spec.get("benchmarks") or {}).get("scenarios"):
        pytest.skip(f"{tree}: no benchmark scenarios")
    assert scripts, f"{tree}: no k6 script although the spec has benchmark scenarios"
    bad = [r.describe() for r in (k6("inspect", s, base_url="http://127.0.0.1:9") for s in scripts) if r.returncode]
    assert not bad, "\n".join(bad)


class Stack:
    """The local backend and varnishd (the tree's VCL aimed at it), shared by a tree's scenario runs."""

    def __init__(self, tree, folder: Path, processes: Processes):
        self.processes = processes
        header = (tree.spec.get("benchmarks") or {}).get("expectHeader") or "X-Ihsan-Score"
        self.backend = Backend(self.processes, header)
        vcl = tree.root / "varnish" / "default.vcl"
        if vcl.is_file():
            copy = local_copy(vcl, folder / "vcl", self.backend.port)
            self.varnish = Varnish(self.processes, require("varnishd"), copy, folder, "/__conformance/warmup")
            self.base_url = f"http://127.0.0.1:{self.varnish.port}"
        else:
            self.base_url = f"http://127.0.0.1:{self.backend.port}"


@pytest.fixture(scope="module")
def stacks():
    started = {}
    processes = Processes()   # registered before anything starts, so a failed start is still stopped

    def stack(tree):
        if tree.label not in started:
            started[tree.label] = Stack(tree, readable_dir(f"bizra-conformance-k6-{tree.label}-"), processes)
        return started[tree.label]
    try:
        yield stack
    finally:
        processes.stop_all()


@pytest.mark.live
def test_each_scenario_runs_scaled_down_and_reports(tree, stacks, tmp_path):
    scripts = scenarios(tree)
    if not scripts:
        pytest.skip(f"{tree}: no k6 script")
    stack = stacks(tree)
    failures = []
    summaries = []
    for script in scripts:
        copy = scaled_copy(script, tmp_path / "scripts")
        original = json.loads(k6("inspect", script, base_url=stack.base_url).stdout)
        scaled = json.loads(k6("inspect", copy, base_url=stack.base_url).stdout)
        executors = lambda o: {k: v.get("executor") for k, v in (o.get("scenarios") or {}).items()}  # noqa: E731
        assert executors(scaled) == executors(original), "scaling keeps each scenario's executor"
        assert scaled.get("thresholds") == original.get("thresholds"), "scaling keeps the SLA thresholds"
        summary = tmp_path / f"{script.stem}.json"
        result = k6("run", "--quiet", "--no-usage-report", "--summary-export", summary, copy, base_url=stack.base_url)
        if result.returncode != 0:
            failures.append(f"{script.name}:\n{result.describe()}")
            continue
        data = json.loads(summary.read_text())
        assert data["metrics"]["http_reqs"]["count"] > 0, f"{script.name}: no request made"
        summaries.append(summary)
    assert not failures, f"{tree}: scaled-down runs failed:\n" + "\n".join(failures)
    help_ = run([bizra_gen(), "report", "--help"])
    assert help_.returncode == 0, "bizra-gen has no `report` command to read the k6 summaries"
    report = run([bizra_gen(), "report", "--spec", tree.spec_dir, *summaries])
    assert report.returncode in (0, 1), f"bizra-gen report could not read the summaries:\n{report.describe()}"


@pytest.mark.live
def test_a_backend_slower_than_the_sla_fails_the_thresholds(tree, processes, tmp_path):
    scripts = scenarios(tree)
    if not scripts:
        pytest.skip(f"{tree}: no k6 script")
    p99 = seconds(tree.spec["sla"]["latency"]["p99"])
    header = (tree.spec.get("benchmarks") or {}).get("expectHeader") or "X-Ihsan-Score"
    slow = Backend(processes, header, delay=p99 * 1.5 + 0.05)
    copy = scaled_copy(scripts[0], tmp_path)
    result = k6("run", "--quiet", "--no-usage-report", "--summary-export", tmp_path / "slow.json", copy,
                base_url=f"http://127.0.0.1:{slow.port}")
    assert result.returncode == THRESHOLD_FAILED, f"a {p99 * 1.5 + 0.05:.3f}s backend must miss the SLA:\n{result.describe()}"
