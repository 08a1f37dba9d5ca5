"""The generated VCL pointed at the local backend: only the backends' `.host` and `.port` change."""
from __future__ import annotations

import re
from pathlib import Path

_BACKEND = re.compile(r"(backend\s+[A-Za-z0-9_]+\s*\{)(.*?)(\n\})", re.S)


def point_at(vcl: str, host: str, port: int) -> str:
    backends = 0

    def rewrite(match: re.Match) -> str:
        nonlocal backends
        backends += 1
        body = re.sub(r'\.host\s*=\s*"[^"]*"\s*;', f'.host = "{host}";', match.group(2), count=1)
        body = re.sub(r'\.port\s*=\s*"?[^";]*"?\s*;', f'.port = "{port}";', body, count=1)
        return match.group(1) + body + match.group(3)

    rewritten = _BACKEND.sub(rewrite, vcl)
    if backends == 0:
        raise AssertionError("the VCL declares no backend")
    return rewritten


def local_copy(vcl: Path, folder: Path, port: int) -> Path:
    """A copy of `vcl` in `folder` (readable by varnishd's unprivileged users) aimed at 127.0.0.1:port."""
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)
    copy = folder / "default.vcl"
    copy.write_text(point_at(vcl.read_text(), "127.0.0.1", port))
    copy.chmod(0o644)
    return copy
