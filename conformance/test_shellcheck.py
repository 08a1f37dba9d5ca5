"""shellcheck finds nothing in bench/run-benchmarks.sh, in any other emitted .sh file, and in every
shell script inside a manifest: a container's `sh -c`/`bash -c` script and ConfigMap data ending in .sh."""
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


def embedded_scripts(tree):
    for file, doc in tree.objects():
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


def test_shell_scripts_inside_manifests(tree, tmp_path):
    scripts = list(embedded_scripts(tree))
    bad = []
    for index, (where, shell, script) in enumerate(scripts):
        path = tmp_path / f"script-{index}.sh"
        path.write_text(script if script.startswith("#!") else f"#!/bin/{shell}\n{script}\n")
        result = shellcheck(path)
        if result.returncode != 0:
            bad.append(f"{where}:\n{result.output}")
    assert not bad, f"{tree}: shellcheck findings in {len(bad)} of {len(scripts)} embedded scripts:\n" + "\n".join(bad)
