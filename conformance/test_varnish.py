"""varnish/default.vcl compiles (`varnishd -C`), and a live `varnishd -F` on 127.0.0.1, with the
VCL of the short-ttl spec in front of a local backend and the listeners of the generated
Deployment (`http` and `purge`, moved to 127.0.0.1 and free ports), behaves as the spec says:
each rule's TTL (MISS, then HIT inside the TTL, the backend fetched again once it expires, MISS
once TTL and grace are over), grace (a stale object served while the backend is down), PURGE
accepted only on the purge listener from an address of the ACL, and uncacheable requests passed
through without waiting on each other."""
import re
import shutil
import threading
import time

import pytest

from support.durations import seconds
from support.processes import Backend, Varnish, request
from support.tools import require, run
from support.vcl import local_copy
from support.report import WARNINGS

WARMUP = "/__conformance/warmup"


def test_vcl_compiles(tree, readable_tmp):
    """`varnishd -C` on the VCL as generated. VCC resolves backend hosts at compile time, and the
    generated backend is the in-cluster Service (`*.svc.cluster.local`), which has no address off
    the cluster: when that is the only error, the VCL is compiled again with just the backends'
    `.host` set to 127.0.0.1, and that must succeed."""
    vcl = tree.root / "varnish" / "default.vcl"
    if not (tree.spec.get("caching") or {}).get("varnish"):
        pytest.skip(f"{tree}: the spec has no caching.varnish")
    assert vcl.is_file(), f"{tree}: varnish/default.vcl missing although the spec has caching.varnish"
    varnishd = require("varnishd")
    # Byte for byte the generated file, in a folder varnishd's unprivileged compiler can read.
    generated = readable_tmp / "generated" / "default.vcl"
    generated.parent.mkdir()
    shutil.copyfile(vcl, generated)
    generated.chmod(0o644)
    result = run([varnishd, "-C", "-f", generated.resolve(), "-n", readable_tmp / "vcc"])
    if result.returncode == 0:
        return
    unresolvable = re.findall(r"Backend host '\"?([^'\"]+)\"?' could not be resolved", result.stderr)
    assert unresolvable and all(h.endswith(".cluster.local") for h in unresolvable) \
        and result.stderr.count("Message from VCC-compiler") == 1, f"{tree}: varnishd -C failed:\n{result.stderr[-4000:]}"
    text = vcl.read_text()
    local = readable_tmp / "local" / "default.vcl"
    local.parent.mkdir()
    local.write_text(re.sub(r'\.host\s*=\s*"[^"]*\.cluster\.local"\s*;', '.host = "127.0.0.1";', text))
    result = run([varnishd, "-C", "-f", local.resolve(), "-n", readable_tmp / "vcc-local"])
    assert result.returncode == 0, f"{tree}: varnishd -C failed (backend host set to 127.0.0.1):\n{result.stderr[-4000:]}"
    WARNINGS.append(f"{tree.label}: varnishd -C cannot resolve {', '.join(sorted(set(unresolvable)))} off the "
                    "cluster; compiled with the backend host set to 127.0.0.1")


def path_for(rule, earlier, index):
    """A URL path the rule's regex matches and no earlier rule's does (first match wins)."""
    literal = re.sub(r"\\(.)", r"\1", re.match(r"\^?((?:\\.|[^.^$*+?()\[\]{}|\\])*)", rule["match"]).group(1))
    candidate = f"{literal}{'' if literal.endswith('/') else '/'}conformance-{index}"
    assert re.search(rule["match"], candidate), f"cannot derive a path for rule {rule['name']} ({rule['match']})"
    assert not any(re.search(r["match"], candidate) for r in earlier), f"{candidate} matches an earlier rule"
    return candidate


def unmatched_path(rules):
    path = "/conformance-uncached/item"
    assert not any(re.search(r["match"], path) for r in rules)
    return path


def listeners(tree) -> list[str]:
    """The `-a` arguments of the tree's Varnish Deployment."""
    name = tree.spec["caching"]["varnish"]["name"]
    for _, document in tree.clusters()[0].objects():
        if document.get("kind") == "Deployment" and document["metadata"]["name"] == name:
            container = document["spec"]["template"]["spec"]["containers"][0]
            arguments = [str(a) for a in (container.get("command") or []) + (container.get("args") or [])]
            found = [arguments[i + 1] for i, a in enumerate(arguments[:-1]) if a == "-a"]
            assert found, f"{tree}: the Varnish Deployment passes no -a listener"
            return found
    raise AssertionError(f"{tree}: no Deployment {name}")


class Live:
    def __init__(self, tree, processes, folder, delay: float = 0):
        self.varnish_spec = tree.spec["caching"]["varnish"]
        self.rules = self.varnish_spec["rules"]
        self.grace = seconds(self.varnish_spec.get("grace", "0s"))
        header = (tree.spec.get("benchmarks") or {}).get("expectHeader", "X-Ihsan-Score")
        self.header = header.lower()
        self.backend = Backend(processes, header, delay=delay)
        vcl = local_copy(tree.root / "varnish" / "default.vcl", folder / "vcl", self.backend.port)
        self.listeners = listeners(tree)
        self.varnish = Varnish(processes, require("varnishd"), vcl, folder, WARMUP, listeners=self.listeners)
        assert "purge" in self.varnish.ports, f"{tree}: no listener named purge in {self.listeners}"

    def get(self, path, method="GET", body=None, listener=None):
        """A request to the main listener, or to `listener` with the main listener's Host (the
        object's hash includes the host, so a purger names the host it purges)."""
        port = self.varnish.ports[listener] if listener else self.varnish.port
        return request(port, method, path, body=body, headers={"Host": f"127.0.0.1:{self.varnish.port}"})


@pytest.fixture
def live(short_ttl_tree, processes, readable_tmp):
    ttls = [seconds(r["ttl"]) for r in short_ttl_tree.spec["caching"]["varnish"]["rules"]]
    assert max(ttls) <= 10, "the short-ttl spec must have TTLs of seconds"
    return Live(short_ttl_tree, processes, readable_tmp)


@pytest.mark.live
def test_each_rule_keeps_its_ttl(live):
    errors = []

    def check(index, rule):
        try:
            ttl = seconds(rule["ttl"])
            path = path_for(rule, live.rules[:index], index)
            start = time.monotonic()
            status, headers, body = live.get(path)
            assert (status, headers.get("x-cache")) == (200, "MISS"), f"first request: {status} {headers}"
            assert live.header in headers, f"{live.header} not passed through"
            status, headers, again = live.get(path)
            assert (status, headers.get("x-cache"), again) == (200, "HIT", body), f"second request: {headers}"
            time.sleep(max(0, start + ttl - 0.7 - time.monotonic()))
            status, headers, _ = live.get(path)
            assert headers.get("x-cache") == "HIT" and live.backend.hits(path) == 1, f"HIT just inside the TTL of {ttl}s"
            time.sleep(max(0, start + ttl + 0.4 - time.monotonic()))
            refetched = time.monotonic()
            status, _, _ = live.get(path)
            assert status == 200
            deadline = time.monotonic() + 2
            while live.backend.hits(path) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert live.backend.hits(path) == 2, f"the backend is fetched again once the TTL of {ttl}s expired"
            time.sleep(max(0, refetched + ttl + live.grace + 0.8 - time.monotonic()))
            status, headers, _ = live.get(path)
            assert (status, headers.get("x-cache")) == (200, "MISS"), f"after TTL and grace: {headers}"
            assert live.backend.hits(path) == 3
        except Exception as error:  # noqa: BLE001 - reported below, per rule
            errors.append(f"rule {rule['name']} (ttl {rule['ttl']}): {error!r}")

    threads = [threading.Thread(target=check, args=(i, r)) for i, r in enumerate(live.rules)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, "\n".join(errors) + "\n" + live.varnish.output()


@pytest.mark.live
def test_uncacheable_requests_pass_through(live):
    cacheable = path_for(live.rules[0], [], 90)
    for path, method in ((cacheable, "POST"), (unmatched_path(live.rules), "GET")):
        for count in (1, 2):
            status, headers, _ = live.get(path, method, body=b"{}" if method == "POST" else None)
            assert (status, headers.get("x-cache")) == (200, "MISS"), f"{method} {path}: {headers}"
            assert live.backend.hits(path, method) == count, f"{method} {path} reaches the backend every time"


@pytest.mark.live
def test_purge_is_refused_outside_the_acl(live):
    allowed = live.varnish_spec.get("purge", {}).get("allowFrom", [])
    assert not any(a.startswith("127.") for a in allowed), "the short-ttl spec's ACL must leave out 127.0.0.1"
    path = path_for(live.rules[-1], live.rules[:-1], 91)
    live.get(path)
    for listener in (None, "purge"):
        status, _, _ = live.get(path, "PURGE", listener=listener)
        assert status in (403, 405), f"PURGE from 127.0.0.1 on the {listener or 'main'} listener answered {status}"
    _, headers, _ = live.get(path)
    assert headers.get("x-cache") == "HIT" and live.backend.hits(path) == 1, "the object survives a refused PURGE"


@pytest.fixture
def purging(purge_tree, processes, readable_tmp):
    return Live(purge_tree, processes, readable_tmp)


@pytest.mark.live
def test_purge_is_accepted_only_on_the_purge_listener_from_the_acl(purging):
    allowed = purging.varnish_spec["purge"]["allowFrom"]
    assert "127.0.0.1/32" in allowed, "the purge spec's ACL must hold 127.0.0.1"
    path = path_for(purging.rules[-1], purging.rules[:-1], 93)
    purging.get(path)
    _, headers, _ = purging.get(path)
    assert headers.get("x-cache") == "HIT"
    status, _, _ = purging.get(path, "PURGE")
    assert status in (403, 405), f"PURGE on the main listener answered {status}: no Service may expose purging"
    _, headers, _ = purging.get(path)
    assert headers.get("x-cache") == "HIT", "a PURGE on the main listener evicted the object"
    status, _, _ = purging.get(path, "PURGE", listener="purge")
    assert status == 200, f"PURGE on the purge listener from an address of the ACL answered {status}"
    _, headers, _ = purging.get(path)
    assert headers.get("x-cache") == "MISS" and purging.backend.hits(path) == 2, "the purged object is fetched again"


@pytest.fixture
def slow(short_ttl_tree, processes, readable_tmp):
    return Live(short_ttl_tree, processes, readable_tmp, delay=1.0)


def concurrently(live, path, count):
    """`count` GETs at once; the wall time they took."""
    start = time.monotonic()
    threads = [threading.Thread(target=live.get, args=(path,)) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - start


@pytest.mark.live
def test_uncacheable_requests_do_not_wait_on_each_other(slow):
    """With a backend that takes a second per answer, four requests at once for a URL no rule
    covers (passed), or for a covered URL whose answer is private (hit-for-miss after the first),
    take about one second, not four: Varnish does not queue them behind one fetch."""
    unmatched = unmatched_path(slow.rules)
    took = concurrently(slow, unmatched, 4)
    assert took < 2.5 and slow.backend.hits(unmatched) == 4, f"4 passed requests took {took:.1f}s"
    private = path_for(slow.rules[0], [], 94) + "?cache-control=private"
    slow.get(private)
    took = concurrently(slow, private, 4)
    assert took < 2.5 and slow.backend.hits(private) == 5, f"4 requests for a private answer took {took:.1f}s"


@pytest.mark.live
def test_grace_serves_stale_while_the_backend_is_down(live):
    rule = min(live.rules, key=lambda r: seconds(r["ttl"]))
    ttl = seconds(rule["ttl"])
    assert live.grace >= 1, "the short-ttl spec needs a grace of at least a second"
    path = path_for(rule, live.rules[:live.rules.index(rule)], 92)
    start = time.monotonic()
    _, headers, body = live.get(path)
    assert headers.get("x-cache") == "MISS"
    live.backend.die()
    time.sleep(max(0, start + ttl + min(0.5, live.grace / 3) - time.monotonic()))
    assert time.monotonic() < start + ttl + live.grace
    status, headers, stale = live.get(path)
    assert (status, stale) == (200, body), f"stale object within grace: {status} {headers}"
    assert int(headers.get("age", "0")) >= int(ttl), "served past its TTL"
