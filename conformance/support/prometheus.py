"""A live Prometheus server on 127.0.0.1 over a cluster's generated rules, scraping one local
stand-in per monitor (ServiceMonitor or PodMonitor) of the cluster.

The stand-ins serve the series of bizra-gen's own promtool unit tests
(monitoring/sla-rules.test.yaml): the healthy case of each SLA alert, or the case where its
series cross the SLA target. A series `a+bxN` of the unit tests, one sample per minute there,
advances by b per second here (each scrape is one step), so a rate over any window sees the same
ratios; a constant `vxN` stays v. Each series goes to the stand-in of the component that exports
it: a service's declared metrics to that service's monitor, an exporter's family (`redis_`,
`varnish_`, `cnpg_`/`pg_`) to that exporter's. The stand-ins expose the series' own labels
(`honor_labels`, as the monitors' targets carry `namespace`), and each job adds the `region` label
the monitors' relabelings add.
"""
from __future__ import annotations

import json
import re
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import yaml

from support.processes import LOOPBACK, Processes, free_port

SERIES = re.compile(r"^(?P<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?P<labels>.*)\})?$")
NUMBER = r"[0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?"
VALUES = re.compile(rf"^(?P<start>-?{NUMBER})(?:(?P<sign>[+-])(?P<step>{NUMBER}))?x(?P<count>\d+)$")


def parse_series(series: str) -> tuple[str, dict[str, str]]:
    match = SERIES.match(series.strip())
    assert match, f"cannot read the unit test's series {series!r}"
    labels = dict(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"', match.group("labels") or ""))
    return match.group("name"), labels


def value_at(values: str, step: float) -> float:
    match = VALUES.match(values.strip())
    assert match, f"cannot read the unit test's values {values!r}"
    start = float(match.group("start"))
    if not match.group("step"):
        return start
    delta = float(match.group("step")) * (1 if match.group("sign") == "+" else -1)
    return start + delta * step


class StandIn:
    """One scrape target: an HTTP server on 127.0.0.1 serving the series it is given."""

    def __init__(self, name: str, path: str):
        self.name = name
        self.path = path
        self.series: dict[tuple[str, tuple], str] = {}
        self.since = time.monotonic()
        self.lock = threading.Lock()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                if self.path.split("?")[0] != stand_in.path:
                    self.send_error(404)
                    return
                body = stand_in.exposition().encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; version=0.0.4")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((LOOPBACK, 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def serve(self, series: dict[tuple[str, tuple], str]) -> None:
        with self.lock:
            self.series = dict(series)
            self.since = time.monotonic()

    def exposition(self) -> str:
        with self.lock:
            step = time.monotonic() - self.since
            lines = []
            for (name, labels), values in sorted(self.series.items()):
                rendered = ",".join(f'{k}="{v}"' for k, v in labels)
                lines.append(f"{name}{{{rendered}}} {value_at(values, step)}")
            return "\n".join(lines) + "\n"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Prometheus:
    """`prometheus` on 127.0.0.1 with the given rule files and stand-ins, evaluating every second."""

    def __init__(self, processes: Processes, binary: str, folder, rule_files: list, stand_ins: list[StandIn], region: str):
        self.port = free_port()
        config = {
            "global": {"scrape_interval": "1s", "evaluation_interval": "1s", "scrape_timeout": "1s"},
            "rule_files": [str(p) for p in rule_files],
            "scrape_configs": [{
                "job_name": s.name, "honor_labels": True, "metrics_path": s.path,
                "static_configs": [{"targets": [f"{LOOPBACK}:{s.port}"], "labels": {"region": region}}],
            } for s in stand_ins],
        }
        config_file = folder / "prometheus.yml"
        config_file.write_text(yaml.safe_dump(config, sort_keys=False))
        self.process = processes.start("prometheus", [
            binary, f"--config.file={config_file}", f"--storage.tsdb.path={folder / 'data'}",
            f"--web.listen-address={LOOPBACK}:{self.port}", "--log.level=warn"],
            stdout=open(folder / "prometheus.log", "w"), stderr=subprocess_stdout())
        self.log = folder / "prometheus.log"

    def api(self, path: str) -> dict:
        with urllib.request.urlopen(f"http://{LOOPBACK}:{self.port}/api/v1/{path}", timeout=5) as response:
            return json.load(response)["data"]

    def ready(self, timeout: float = 30) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(f"http://{LOOPBACK}:{self.port}/-/ready", timeout=2) as response:
                    if response.status == 200:
                        return True
            except OSError:
                pass
            time.sleep(0.25)
        return False

    def alerts(self) -> dict[str, str]:
        """Active alerts by name: `pending` or `firing`."""
        return {a["labels"]["alertname"]: a["state"] for a in self.api("alerts")["alerts"]}

    def output(self) -> str:
        return self.log.read_text()[-3000:] if self.log.exists() else ""


def subprocess_stdout():
    import subprocess
    return subprocess.STDOUT
