"""Every artifact kind the spec asks for is there, and none that the spec cannot describe."""
from support.spec import expected_files, forbidden_files


def test_every_expected_artifact_exists(tree):
    missing = [f"{path} (asked for by {reason})" for path, reason in sorted(expected_files(tree.spec).items())
               if not (tree.root / path).is_file()]
    assert not missing, f"{tree}: missing artifacts:\n  " + "\n  ".join(missing)


def test_no_artifact_the_spec_cannot_describe(tree):
    present = [f"{path} ({reason})" for path, reason in sorted(forbidden_files(tree.spec).items())
               if (tree.root / path).exists()]
    assert not present, f"{tree}: unexpected artifacts:\n  " + "\n  ".join(present)


def test_k6_scripts_are_exactly_the_scenarios(tree):
    scenarios = {s["name"] for s in (tree.spec.get("benchmarks") or {}).get("scenarios") or []}
    scripts = {p.stem for p in tree.files("k6/*.js")}
    assert scripts == scenarios, f"{tree}: k6 scripts {sorted(scripts)} != scenarios {sorted(scenarios)}"
