"""`kubectl kustomize` renders exactly the objects of the numbered manifest files."""
import yaml

from support.tools import require, run
from support.trees import object_key


def test_kustomization_lists_the_numbered_files_in_order(tree):
    kustomization = yaml.safe_load((tree.k8s / "kustomization.yaml").read_text())
    assert kustomization.get("resources") == [p.name for p in tree.manifest_files()]


def test_kustomize_renders_exactly_the_objects(tree):
    result = run([require("kubectl"), "kustomize", tree.k8s])
    assert result.returncode == 0, f"{tree}:\n{result.describe()}"
    rendered = sorted(object_key(doc) for doc in yaml.safe_load_all(result.stdout) if doc)
    written = sorted(object_key(doc) for _, doc in tree.objects())
    assert rendered == written, f"{tree}: kustomize renders other objects than the files hold"
    assert len(set(written)) == len(written), "no object is written twice"
