"""Every YAML file passes `yamllint -d relaxed` (warnings allowed, no error)."""
from support.tools import require, run


def test_every_yaml_file_passes_yamllint(tree):
    files = tree.files("**/*.yaml") + tree.files("**/*.yml")
    assert files
    result = run([require("yamllint"), "-d", "relaxed", "-f", "parsable", *files])
    errors = [line for line in result.stdout.splitlines() if "[error]" in line]
    assert result.returncode == 0 and not errors, f"{tree}:\n" + "\n".join(errors or [result.describe()])
