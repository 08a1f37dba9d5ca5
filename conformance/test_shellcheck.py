"""shellcheck finds nothing in bench/run-benchmarks.sh, in deploy/apply.sh, in any other emitted .sh
file, and in every shell script inside a manifest, cluster by cluster: a container's
`sh -c`/`bash -c` script and ConfigMap data ending in .sh."""
from pathlib import PurePosixPath

import pytest

from support.tools import require, run

SHELLS = {"sh": "sh", "bash": "bash", "ash": "sh", "dash": "sh"}


def container_scripts(node, where=""):
    """(where, shell, script) for every `SHELL -c SCRIPT` command of a container below `node`."""
    if isinstance(node, dict):
        if "image" in node and ("command" in node or "args" in node):
            words = [str(w) for w in (node.get("command") or []) + (node.get("args") or [])]
            shell = SHELLS.get(PurePosixPath(words[0]).name) if words else None
            if shell:
                flag = next((i for i, w in enumerate(words[1:], 1) if w.startswith("-") and "c" in w), None)
                if flag is not None and flag + 1 < len(words):
                    yield f"{where}/{node.get('name', 'container')}", shell, words[flag + 1]
        for key, value in node.items():
            yield from container_scripts(value, f"{where}/{key}" if key in ("containers", "initContainers") else where)
    elif isinstance(node, list):
        for item in node:
            yield from container_scripts(item, where)


def embedded_scripts(cluster):
    for file, doc in cluster.objects():
        name = f"{file.name}:{doc.get('kind')}/{doc.get('metadata', {}).get('name')}"
        for where, shell, script in container_scripts(doc):
            yield f"{name}{where}", shell, script
        if doc.get("kind") == "ConfigMap":
            for key, value in (doc.get("data") or {}).items():
                if key.endswith(".sh"):
                    yield f"{name}/data/{key}", "sh", value


def shellcheck(path):
    return run([require("shellcheck"), "-f", "gcc", path])


def test_bench_script_and_emitted_shell_files(tree):
    files = tree.files("**/*.sh")
    if (tree.spec.get("benchmarks") or {}).get("scenarios"):
        assert tree.root / "bench" / "run-benchmarks.sh" in files, f"{tree}: bench/run-benchmarks.sh missing"
    if not files:
        pytest.skip(f"{tree}: no .sh file")
    findings = [shellcheck(f) for f in files]
    bad = [r.describe() for r in findings if r.returncode != 0]
    assert not bad, "\n".join(bad)


def test_deploy_script(tree):
    """deploy/apply.sh (kubectl apply -k per cluster context) is there, a bash script, shellcheck-clean."""
    script = tree.apply_script
    assert script.is_file(), f"{tree}: deploy/apply.sh missing (it applies each clusters/<region>/k8s)"
    first = script.read_text().splitlines()[:1]
    assert first and first[0].startswith("#!") and "bash" in first[0], f"{tree}: deploy/apply.sh is no bash script: {first}"
    result = shellcheck(script)
    assert result.returncode == 0, f"{tree}:\n{result.describe()}"


def shellcheck_embedded(tree, tmp_path):
    """(where, findings) of each shell script inside the manifests of `tree`'s clusters."""
    checked = []
    for cluster in tree.clusters():
        for where, shell, script in embedded_scripts(cluster):
            path = tmp_path / f"script-{len(checked)}.sh"
            path.write_text(script if script.startswith("#!") else f"#!/bin/{shell}\n{script}\n")
            result = shellcheck(path)
            checked.append((f"{cluster.name}: {where}", result.output if result.returncode != 0 else None))
    return checked


def test_shell_scripts_inside_manifests(tree, tmp_path):
    checked = shellcheck_embedded(tree, tmp_path)
    bad = [f"{where}:\n{output}" for where, output in checked if output is not None]
    assert not bad, f"{tree}: shellcheck findings in {len(bad)} of {len(checked)} embedded scripts:\n" + "\n".join(bad)


def test_sla_verification_of_a_platform_without_an_ihsan_score(ledger_tree, tmp_path):
    """Without sla.ihsanScore the chaos verification (workflow Task and Job) checks the SLA: shellcheck-clean too."""
    checked = shellcheck_embedded(ledger_tree, tmp_path)
    verifications = [(where, output) for where, output in checked if where.endswith("/verify-sla")]
    assert len(verifications) == 2, f"{ledger_tree}: expected the Schedule's Task and the Job to run verify-sla: {[w for w, _ in checked]}"
    bad = [f"{where}:\n{output}" for where, output in checked if output is not None]
    assert not bad, f"{ledger_tree}: shellcheck findings:\n" + "\n".join(bad)
