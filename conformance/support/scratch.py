"""Scratch folders varnishd can read: its compiler and worker run as unprivileged users when it is
started as root, and pytest's own temporary folders are private (0700)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

_CREATED: list[Path] = []


def readable_dir(prefix: str = "bizra-conformance-") -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    _CREATED.append(folder)
    return folder


def remove_all() -> None:
    while _CREATED:
        shutil.rmtree(_CREATED.pop(), ignore_errors=True)
