"""Every YAML file passes `yamllint -d relaxed` (warnings allowed, no error): each cluster's
folder, then the files outside clusters/ (gitops/, monitoring/, ...)."""
from support.tools import require, run


def yaml_files(folder):
    return sorted(folder.glob("**/*.yaml")) + sorted(folder.glob("**/*.yml"))


def test_every_yaml_file_passes_yamllint(tree):
    yamllint = require("yamllint")
    groups = [(str(cluster), yaml_files(cluster.folder)) for cluster in tree.clusters()]
    clusters_folder = tree.root / "clusters"
    outside = [f for f in yaml_files(tree.root) if clusters_folder not in f.parents]
    groups.append((f"{tree} outside clusters/", outside))
    failures = []
    for where, files in groups:
        if not files:
            continue
        result = run([yamllint, "-d", "relaxed", "-f", "parsable", *files])
        errors = [line for line in result.stdout.splitlines() if "[error]" in line]
        if result.returncode != 0 or errors:
            failures.append(f"{where}:\n  " + "\n  ".join(errors or [result.describe()]))
    assert any(files for where, files in groups[:-1]), f"{tree}: no YAML file in any cluster"
    assert not failures, "\n".join(failures)
