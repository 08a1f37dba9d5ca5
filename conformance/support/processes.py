"""Local processes of the live tests: started on 127.0.0.1 only, on free ports, and each
stopped by its own PID when the test ends, pass or fail."""
from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LOOPBACK = "127.0.0.1"
BACKEND_SCRIPT = Path(__file__).with_name("backend.py")


def free_port() -> int:
    """A port nothing listens on right now (the kernel's choice, never a fixed number)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


class Processes:
    """Owns the processes a test starts; `stop_all` stops each by its PID (SIGTERM, then SIGKILL)."""

    def __init__(self):
        self.started: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, args: list[str], **kwargs) -> subprocess.Popen:
        process = subprocess.Popen([str(a) for a in args], **kwargs)
        self.started.append((name, process))
        return process

    @staticmethod
    def stop(process: subprocess.Popen, timeout: float = 10) -> None:
        if process.poll() is not None:
            return
        try:
            os.kill(process.pid, signal.SIGTERM)
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=timeout)
        except ProcessLookupError:
            pass

    def stop_all(self) -> None:
        for _, process in reversed(self.started):
            self.stop(process)
            for stream in (process.stdout, process.stderr):
                if stream:
                    stream.close()
        self.started.clear()


def request(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
            timeout: float = 10) -> tuple[int, dict, bytes]:
    """One HTTP request to 127.0.0.1:port on a fresh connection: status, headers (lower-case names), body."""
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data
    finally:
        connection.close()


class Backend:
    """The local origin (support/backend.py): counts requests per method and path, sends the spec's
    expected header, can be slowed down and told to die."""

    def __init__(self, processes: Processes, header: str, delay: float = 0):
        self.process = processes.start(
            "backend", [sys.executable, BACKEND_SCRIPT, "--header", header, "--delay", str(delay)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline().strip()
        if not line.isdigit():
            raise RuntimeError(f"backend did not start: {line!r} {self.process.stderr.read() if self.process.poll() is not None else ''}")
        self.port = int(line)

    def hits(self, path: str, method: str = "GET") -> int:
        status, _, body = request(self.port, "GET", f"/__conformance/hits?method={method}&path={path}")
        assert status == 200
        return int(body)

    def die(self) -> None:
        try:
            request(self.port, "POST", "/__conformance/die", timeout=2)
        except (OSError, http.client.HTTPException):
            pass
        self.process.wait(timeout=10)


class Varnish:
    """`varnishd -F` on 127.0.0.1 with a VCL file, in a new working folder: one listener on a free
    port, or the listeners a Deployment passes (`-a [name=]:port[,proto]`), each moved to
    127.0.0.1 and a free port (`ports` by listener name; `port` is the first)."""

    def __init__(self, processes: Processes, varnishd: str, vcl: Path, workdir: Path, ready_path: str,
                 listeners: list[str] | None = None):
        self.log = tempfile.TemporaryFile(mode="w+")
        for _ in range(3):   # another process may take the free port before varnishd binds it
            self.ports: dict[str, int] = {}
            arguments = []
            for index, listener in enumerate(listeners or [":0"]):
                name, _, rest = listener.rpartition("=") if "=" in listener.split(",")[0] else ("", "", listener)
                proto = rest.split(",", 1)[1] if "," in rest else ""
                port = free_port()
                self.ports[name or f"a{index}"] = port
                arguments += ["-a", f"{name + '=' if name else ''}{LOOPBACK}:{port}{',' + proto if proto else ''}"]
            self.port = next(iter(self.ports.values()))
            name = workdir / f"varnish-{self.port}"   # must not exist yet
            self.process = processes.start(
                "varnishd", [varnishd, "-F", *arguments, "-f", vcl.resolve(), "-n", name,
                             "-s", "malloc,32m"], stdout=self.log, stderr=subprocess.STDOUT)
            if self._wait_ready(ready_path):
                return
            Processes.stop(self.process)
        raise RuntimeError(f"varnishd did not answer on 127.0.0.1:\n{self.output()}")

    def _wait_ready(self, path: str, timeout: float = 30) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                status, _, _ = request(self.port, "GET", path, timeout=2)
                if status == 200:
                    return True
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.2)
        return False

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()[-4000:]
