"""Where the third-party tools are, and running them with their output kept for the report."""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def venv() -> Path:
    return Path(os.environ.get("VALIDATORS_VENV", REPO / ".venv-validators")).resolve()


def shared() -> Path | None:
    """BIZRA_SHARED (default ../shared) when it holds the validator tools, else None."""
    value = os.environ.get("BIZRA_SHARED", str(REPO.parent / "shared"))
    if not value:
        return None
    path = Path(value)
    return path.resolve() if (path / "tools" / "validate-manifests").is_file() else None


def bizra_gen() -> Path:
    path = Path(os.environ.get("BIZRA_GEN", REPO / ".build" / "debug" / "bizra-gen"))
    if not path.is_file():
        raise RuntimeError(f"bizra-gen not built at {path} (set BIZRA_GEN)")
    return path.resolve()


def find(name: str) -> str | None:
    """A tool from the validators' venv first, then PATH."""
    candidate = venv() / "bin" / name
    if candidate.is_file() and os.access(candidate, os.X_OK):
        return str(candidate)
    return shutil.which(name)


def require(name: str) -> str:
    path = find(name)
    if path is None:
        raise AssertionError(f"{name} is not installed (scripts/conformance installs it)")
    return path


@dataclass
class Result:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return (self.stdout + ("\n" if self.stdout and self.stderr else "") + self.stderr).strip()

    def describe(self) -> str:
        return f"$ {' '.join(self.args)}\nexit {self.returncode}\n{self.output[-6000:]}"


def run(args: list[str], *, timeout: float = 600, cwd: Path | None = None, env: dict | None = None,
        input: str | None = None) -> Result:
    """Runs a command to completion (subprocess kills it by its PID on timeout)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    completed = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout,
                               cwd=cwd, env=full_env, input=input)
    return Result([str(a) for a in args], completed.returncode, completed.stdout, completed.stderr)
