"""Fixtures of the conformance suite.

Environment (set by scripts/conformance):
  BIZRA_GEN        the bizra-gen binary under test
  VALIDATORS_VENV  the venv install-validators filled (checkov, k6, kubernetes-validate, ...)
  BIZRA_SHARED     ../shared: validate-manifests and the upstream CRDs (optional; see test_schemas)

Every check runs over three output trees: `reference` (the committed out/<environment> of specs/),
`variant` (a fresh build of tests/fixtures/variant: other names, two regions, no chaos) and
`harbor` (the committed out/ of Examples/harbor: a platform of another shape).
Checks of Kubernetes objects run on each cluster of a tree (`clusters/<region>/k8s`, see
support/trees.py) and name the cluster in their failures.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from support import spec as specs  # noqa: E402
from support.processes import Processes  # noqa: E402
from support.scratch import readable_dir, remove_all  # noqa: E402
from support.tools import REPO, bizra_gen, run  # noqa: E402
from support.trees import Tree  # noqa: E402

from support.report import NOTES, WARNINGS  # noqa: E402


def build(spec_dir: Path, out: Path, environment: str | None = None) -> Path:
    """`bizra-gen build --spec spec_dir --out out [--env]`; the environment's folder it wrote."""
    args = [bizra_gen(), "build", "--spec", spec_dir, "--out", out] + (["--env", environment] if environment else [])
    result = run(args, timeout=300)
    assert result.returncode == 0, f"bizra-gen build failed:\n{result.describe()}"
    folders = [p for p in out.iterdir() if p.is_dir()]
    assert len(folders) == 1, f"expected one environment folder in {out}, found {folders}"
    return folders[0]


@pytest.fixture(scope="session")
def reference_tree(tmp_path_factory) -> Tree:
    spec_dir = REPO / "specs"
    environment = (specs.load(spec_dir).get("platform") or {}).get("environment", "production")
    committed = REPO / "out" / environment
    if (committed / "clusters").is_dir() and any((committed / "clusters").iterdir()):
        return Tree("reference", committed, spec_dir)
    state = "in the old single-cluster layout (k8s/, no clusters/)" if committed.is_dir() else "not committed"
    WARNINGS.append(f"out/{environment} is {state}: the reference checks ran on a fresh build of specs/ "
                    f"(make run writes it; the drift gate requires it)")
    return Tree("reference", build(spec_dir, tmp_path_factory.mktemp("reference")), spec_dir)


@pytest.fixture(scope="session")
def variant_tree(tmp_path_factory) -> Tree:
    spec_dir = REPO / "tests" / "fixtures" / "variant"
    return Tree("variant", build(spec_dir, tmp_path_factory.mktemp("variant")), spec_dir)


@pytest.fixture(scope="session")
def ledger_tree(tmp_path_factory) -> Tree:
    """A fresh build of tests/fixtures/ledger: one region, chaos verified against the SLA (no ihsan score)."""
    spec_dir = REPO / "tests" / "fixtures" / "ledger"
    return Tree("ledger", build(spec_dir, tmp_path_factory.mktemp("ledger")), spec_dir)


@pytest.fixture(scope="session")
def harbor_tree() -> Tree:
    """The committed out/ of Examples/harbor: a platform of another shape (a worker, two databases,
    egress, host routes, ingress-nginx with cert-manager, two regions, no caches, no chaos)."""
    spec_dir = REPO / "Examples" / "harbor" / "specs"
    return Tree("harbor", REPO / "Examples" / "harbor" / "out" / "production", spec_dir)


@pytest.fixture(scope="session", params=["reference", "variant", "harbor"])
def tree(request) -> Tree:
    """Each output tree in turn."""
    return request.getfixturevalue(f"{request.param}_tree")


def variant_with_overlay(tmp_path_factory, label: str, overlay: str) -> Tree:
    """The variant built with `overlay` as its environment `short-ttl`."""
    folder = tmp_path_factory.mktemp(label)
    spec_dir = folder / "spec"
    (spec_dir / "environments").mkdir(parents=True)
    for file in (REPO / "tests" / "fixtures" / "variant").glob("*.yaml"):
        shutil.copy(file, spec_dir / file.name)
    (spec_dir / "environments" / "short-ttl.yaml").write_text(overlay)
    root = build(spec_dir, folder / "out", "short-ttl")
    return Tree(label, root, spec_dir, environment="short-ttl")


SHORT_TTL = REPO / "tests" / "fixtures" / "short-ttl" / "short-ttl.yaml"


@pytest.fixture(scope="session")
def short_ttl_tree(tmp_path_factory) -> Tree:
    """The variant with the short-ttl overlay (tests/fixtures/short-ttl) as environment `short-ttl`."""
    return variant_with_overlay(tmp_path_factory, "short-ttl", SHORT_TTL.read_text())


@pytest.fixture(scope="session")
def purge_tree(tmp_path_factory) -> Tree:
    """The short-ttl tree with the purge ACL holding 127.0.0.1, so that the test may PURGE."""
    overlay = SHORT_TTL.read_text()
    assert "allowFrom: [10.0.0.0/8]" in overlay
    return variant_with_overlay(tmp_path_factory, "purge", overlay.replace("allowFrom: [10.0.0.0/8]", "allowFrom: [127.0.0.1/32]"))


@pytest.fixture(scope="session", autouse=True)
def _remove_scratch_folders():
    yield
    remove_all()


@pytest.fixture
def readable_tmp():
    """A fresh folder varnishd's unprivileged users can read (removed at the end of the run)."""
    return readable_dir()


@pytest.fixture
def processes():
    """Processes a test starts; each is stopped by its PID at teardown, pass or fail."""
    owned = Processes()
    try:
        yield owned
    finally:
        owned.stop_all()


@pytest.fixture(scope="module")
def module_processes():
    owned = Processes()
    try:
        yield owned
    finally:
        owned.stop_all()


def pytest_terminal_summary(terminalreporter):
    for note in NOTES:
        terminalreporter.write_line(note)
    for warning in WARNINGS:
        terminalreporter.write_line(f"WARNING: {warning}", yellow=True, bold=True)
