"""varnish/default.vcl compiles (`varnishd -C`), and a live `varnishd -F` on 127.0.0.1, with the
VCL of the short-ttl spec in front of a local backend and the listeners of the generated
Deployment (`http` and `purge`, moved to 127.0.0.1 and free ports), behaves as the spec says:
each rule's TTL (MISS, then HIT inside the TTL, the backend fetched again once it expires, MISS
once TTL and grace are over), grace (a stale object served while the backend is down), PURGE
accepted only on the purge listener (which no Service reaches) from an address of the ACL, and
uncacheable requests passed through without waiting on each other: with a backend that takes a
second per answer, requests at once for one passed URL, or for a covered URL once its answer was
found uncacheable (hit-for-miss), are all in flight at the backend together and take about a
second, not one per request."""
import re
import shutil
import threading
import time
import urllib.parse

import pytest

from support.durations import seconds
from support.processes import Backend, Varnish, request
from support.tools import require, run
from support.vcl import local_copy
from support.report import NOTES, WARNINGS
from support.scratch import readable_dir
from support.trees import failures_per_cluster

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


def varnish_deployment(cluster, name):
    """The cluster's Deployment `name` and its container that runs varnishd."""
    for _, document in cluster.objects():
        if document.get("kind") == "Deployment" and document["metadata"]["name"] == name:
            for container in document["spec"]["template"]["spec"]["containers"]:
                if "varnishd" in [str(a).rsplit("/", 1)[-1] for a in (container.get("command") or [])[:1]]:
                    return document, container
            raise AssertionError(f"{cluster}: Deployment {name} has no container that runs varnishd")
    raise AssertionError(f"{cluster}: no Deployment {name}")


def listener_arguments(container) -> list[str]:
    """The `-a` arguments of a varnishd container (`[name=][address]:port[,proto]`)."""
    arguments = [str(a) for a in (container.get("command") or []) + (container.get("args") or [])]
    return [arguments[i + 1] for i, a in enumerate(arguments[:-1]) if a == "-a"]


def listener_ports(arguments: list[str]) -> dict[str, int]:
    """Listener name -> in-cluster port; an unnamed listener is `a<index>`, as varnishd names it."""
    ports = {}
    for index, argument in enumerate(arguments):
        head = argument.split(",", 1)[0]
        name, _, address = head.rpartition("=") if "=" in head else ("", "", head)
        port = address.rpartition(":")[2]
        assert port.isdigit(), f"listener {argument!r} names no port"
        ports[name or f"a{index}"] = int(port)
    return ports


def listeners(tree) -> list[str]:
    """The `-a` arguments of the tree's Varnish Deployment, the same in every cluster."""
    name = tree.spec["caching"]["varnish"]["name"]
    found = {cluster.name: listener_arguments(varnish_deployment(cluster, name)[1]) for cluster in tree.clusters()}
    first = next(iter(found.values()))
    assert first, f"{tree}: the Varnish Deployment passes no -a listener"
    assert all(arguments == first for arguments in found.values()), f"{tree}: the clusters' Varnish listeners differ: {found}"
    return first


def exposed_listeners(cluster, name) -> set[str]:
    """The listeners of the Varnish pods that a Service sends traffic to (its targetPort, by name or
    number, resolved through the container's ports)."""
    deployment, container = varnish_deployment(cluster, name)
    ports = listener_ports(listener_arguments(container))
    by_port = {port: listener for listener, port in ports.items()}
    named = {p["name"]: p["containerPort"] for p in container.get("ports") or [] if p.get("name")}
    labels = deployment["spec"]["template"]["metadata"].get("labels") or {}
    namespace = deployment["metadata"].get("namespace")
    exposed = set()
    for _, service in cluster.objects():
        if service.get("kind") != "Service" or service["metadata"].get("namespace") != namespace:
            continue
        selector = (service.get("spec") or {}).get("selector") or {}
        if not selector or any(labels.get(k) != v for k, v in selector.items()):
            continue
        for port in service["spec"].get("ports") or []:
            target = port.get("targetPort", port.get("port"))
            number = named.get(target) if isinstance(target, str) and not target.isdigit() else int(target)
            if number in by_port:
                exposed.add(by_port[number])
    return exposed


def purge_socket(vcl: str) -> str:
    """The listener the VCL's PURGE branch requires (`local.socket != "<name>"`)."""
    branch = re.search(r'if\s*\(\s*req\.method\s*==\s*"PURGE"\s*\)\s*\{(.*?)return\s*\(\s*purge\s*\)', vcl, re.S)
    assert branch, "the VCL has no PURGE branch ending in return (purge)"
    socket = re.search(r'local\.socket\s*!=\s*"([^"]+)"', branch.group(1))
    assert socket, f"the VCL's PURGE branch does not require a listener: PURGE would be accepted on every one:\n{branch.group(0)}"
    return socket.group(1)


def test_purge_listener_is_not_exposed(tree):
    """In every cluster the VCL accepts PURGE only on a listener the Deployment really opens, no
    Service sends traffic to that listener, and a Service does reach another (the main) one."""
    varnish_spec = (tree.spec.get("caching") or {}).get("varnish")
    if not varnish_spec:
        pytest.skip(f"{tree}: the spec has no caching.varnish")
    socket = purge_socket((tree.root / "varnish" / "default.vcl").read_text())
    failures = {}
    for cluster in tree.clusters():
        found = []
        names = listener_ports(listener_arguments(varnish_deployment(cluster, varnish_spec["name"])[1]))
        exposed = exposed_listeners(cluster, varnish_spec["name"])
        if socket not in names:
            found.append(f"the VCL accepts PURGE only on listener {socket!r}, which the Deployment does not open ({names})")
        if socket in exposed:
            found.append(f"a Service sends traffic to the purge listener {socket!r} (port {names.get(socket)})")
        if not exposed - {socket}:
            found.append(f"no Service reaches a listener of the Varnish pods other than {socket!r} ({names})")
        if sorted(set(names) - exposed) != [socket]:
            found.append(f"the listeners no Service reaches, {sorted(set(names) - exposed)}, are not just the purge listener {socket!r}")
        failures[str(cluster)] = found
    assert not any(failures.values()), failures_per_cluster(failures)


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
        # The main listener is the one the Service sends clients to; the purge listener is the one
        # no Service reaches (test_purge_listener_is_not_exposed: the one the VCL's PURGE requires).
        names = listener_ports(self.listeners)
        exposed = exposed_listeners(tree.clusters()[0], self.varnish_spec["name"])
        hidden = sorted(set(names) - exposed)
        assert exposed and len(hidden) == 1, f"{tree}: expected one listener no Service reaches in {names}, Services reach {exposed}"
        self.main, self.purge = sorted(exposed)[0], hidden[0]
        self.varnish = Varnish(processes, require("varnishd"), vcl, folder, WARMUP, listeners=self.listeners)
        assert {self.main, self.purge} <= set(self.varnish.ports), \
            f"{tree}: listeners {self.listeners} lack {self.main} or {self.purge}"

    def get(self, path, method="GET", body=None, listener=None, headers=None):
        """A request to the main listener, or to `listener` with the main listener's Host (the
        object's hash includes the host, so a purger names the host it purges)."""
        port = self.varnish.ports[listener or self.main]
        return request(port, method, path, body=body,
                       headers={"Host": f"127.0.0.1:{self.varnish.ports[self.main]}", **(headers or {})})

    def backend_count(self, kind, path, method="GET"):
        """The backend's `hits` or `peak` (most in flight at once) for method and path."""
        query = urllib.parse.urlencode({"method": method, "path": path})
        status, _, body = request(self.backend.port, "GET", f"/__conformance/{kind}?{query}")
        assert status == 200
        return int(body)


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
    """The short-ttl ACL leaves out 127.0.0.1: PURGE from it is refused on every listener, the purge
    listener included, and the object stays cached; Varnish answers PURGE itself (the backend never
    sees one)."""
    allowed = live.varnish_spec.get("purge", {}).get("allowFrom", [])
    assert not any(a.startswith("127.") for a in allowed), "the short-ttl spec's ACL must leave out 127.0.0.1"
    path = path_for(live.rules[-1], live.rules[:-1], 91)
    live.get(path)
    for listener in live.varnish.ports:
        status, _, _ = live.get(path, "PURGE", listener=listener)
        assert status in (403, 405), f"PURGE from 127.0.0.1, outside the ACL {allowed}, on listener {listener} answered {status}"
    _, headers, _ = live.get(path)
    assert headers.get("x-cache") == "HIT" and live.backend.hits(path) == 1, "the object survives a refused PURGE"
    assert live.backend_count("hits", path, "PURGE") == 0, "a refused PURGE reached the backend"


@pytest.fixture
def purging(purge_tree, processes, readable_tmp):
    return Live(purge_tree, processes, readable_tmp)


@pytest.mark.live
def test_purge_is_accepted_only_on_the_purge_listener_from_the_acl(purging):
    """With 127.0.0.1 in the ACL: PURGE on the main listener (the one the Service exposes) is still
    refused and the object stays cached; on the purge listener it is answered 200 and evicts that
    object only (the next GET is a MISS that fetches it again, another cached object stays a HIT)."""
    allowed = purging.varnish_spec["purge"]["allowFrom"]
    assert "127.0.0.1/32" in allowed, "the purge spec's ACL must hold 127.0.0.1"
    path = path_for(purging.rules[-1], purging.rules[:-1], 93)
    other = path_for(purging.rules[-1], purging.rules[:-1], 95)
    for url in (path, other):
        purging.get(url)
        _, headers, _ = purging.get(url)
        assert headers.get("x-cache") == "HIT", f"{url} is not cached: {headers}"
    for listener in sorted(set(purging.varnish.ports) - {purging.purge}):
        status, _, _ = purging.get(path, "PURGE", listener=listener)
        assert status in (403, 405), \
            f"PURGE on listener {listener} (port {purging.varnish.ports[listener]}) answered {status}: only {purging.purge} may purge"
    _, headers, _ = purging.get(path)
    assert headers.get("x-cache") == "HIT" and purging.backend.hits(path) == 1, "a PURGE on the main listener evicted the object"
    status, _, body = purging.get(path, "PURGE", listener=purging.purge)
    assert status == 200, f"PURGE on the purge listener from an address of the ACL answered {status}: {body[:200]!r}"
    _, headers, _ = purging.get(path)
    assert headers.get("x-cache") == "MISS" and purging.backend.hits(path) == 2, "the purged object is fetched again"
    _, headers, _ = purging.get(other)
    assert headers.get("x-cache") == "HIT" and purging.backend.hits(other) == 1, "a PURGE evicted another URL too"
    assert purging.backend_count("hits", path, "PURGE") == 0, "a PURGE reached the backend"


DELAY = 1.0   # seconds the slow backend takes per answer
WAVE = 4      # requests at once for the same URL


@pytest.fixture(scope="module")
def slow(short_ttl_tree, module_processes):
    """One varnishd (the Deployment's listeners) in front of a backend that takes DELAY per answer."""
    return Live(short_ttl_tree, module_processes, readable_dir(), delay=DELAY)


def at_once(live, path, count=WAVE, **options):
    """`count` requests for `path` released together: the wall time and each answer (or error)."""
    barrier = threading.Barrier(count)
    answers = [None] * count

    def one(index):
        barrier.wait()
        try:
            answers[index] = live.get(path, **options)
        except Exception as error:  # noqa: BLE001 - reported by the caller
            answers[index] = error

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - start, answers


def assert_not_serialised(live, path, method, took, answers, status=200, before=0):
    """Every answer arrived (`status`, a MISS), each from its own backend fetch, all of them in
    flight at the backend together, in about one backend delay rather than one per request."""
    what = f"{len(answers)} x {method} {path} at once"
    wrong = [a if isinstance(a, Exception) else (a[0], a[1].get("x-cache")) for a in answers
             if isinstance(a, Exception) or (a[0], a[1].get("x-cache")) != (status, "MISS")]
    assert not wrong, f"{what}: expected {status} MISS each, got {wrong}\n{live.varnish.output()}"
    hits = live.backend_count("hits", path, method) - before
    assert hits == len(answers), f"{what}: {hits} reached the backend, not each of them"
    peak = live.backend_count("peak", path, method)
    assert peak == len(answers), f"{what}: at most {peak} were in flight at the backend at once; Varnish queued the rest"
    assert took < 2 * DELAY, (f"{what} took {took:.2f}s with a backend of {DELAY}s per answer "
                              f"(one at a time would be {len(answers) * DELAY:.0f}s)")


PASSED = {   # requests the VCL passes (`return (pass)`): never looked up, so never coalesced
    "no-rule-covers-the-url": (None, "GET", {}, None),
    "post-to-a-covered-url": (0, "POST", {"Content-Type": "application/json"}, b"{}"),
    "cookie-on-a-covered-url": (0, "GET", {"Cookie": "session=1"}, None),
    "authorization-on-a-covered-url": (0, "GET", {"Authorization": "Bearer conformance"}, None),
}


@pytest.mark.live
@pytest.mark.parametrize("case", PASSED)
def test_passed_requests_do_not_wait_on_each_other(slow, case):
    """WAVE requests at once for one URL the VCL passes reach the slow backend together and take
    about one DELAY, not WAVE of them."""
    rule, method, headers, body = PASSED[case]
    if rule is None:
        path = f"/conformance-uncached/{case}"
        assert not any(re.search(r["match"], path) for r in slow.rules)
    else:
        path = path_for(slow.rules[rule], slow.rules[:rule], case)
    took, answers = at_once(slow, path, method=method, headers=headers, body=body)
    assert_not_serialised(slow, path, method, took, answers)


UNCACHEABLE = {   # answers the VCL's vcl_backend_response makes hit-for-miss (uncacheable, kept 2m)
    "cache-control-private": ("cache-control=private", 200),
    "cache-control-no-store": ("cache-control=no-store", 200),
    "cache-control-no-cache": ("cache-control=no-cache", 200),
    "set-cookie": ("set-cookie=session", 200),
    "server-error": ("status=503", 503),
}


@pytest.mark.live
@pytest.mark.parametrize("case", UNCACHEABLE)
def test_hit_for_miss_requests_do_not_wait_on_each_other(slow, case):
    """A URL a rule covers (looked up, so coalescable) whose answer is uncacheable: after the first
    answer Varnish remembers it as hit-for-miss, so WAVE requests at once go to the backend
    together (about one DELAY), and none of the answers is cached."""
    query, status = UNCACHEABLE[case]
    index = 1 if len(slow.rules) > 1 else 0
    path = f"{path_for(slow.rules[index], slow.rules[:index], case)}?{query}"
    answer = slow.get(path)
    assert (answer[0], answer[1].get("x-cache")) == (status, "MISS"), f"first GET {path}: {answer[0]} {answer[1]}"
    took, answers = at_once(slow, path)
    assert_not_serialised(slow, path, "GET", took, answers, status=status, before=1)
    answer = slow.get(path)
    assert (answer[0], answer[1].get("x-cache")) == (status, "MISS"), f"GET {path} after the wave: {answer[1]}"
    assert slow.backend_count("hits", path) == WAVE + 2, f"an uncacheable answer for {path} was cached"


@pytest.mark.live
def test_a_cold_uncacheable_url_waits_only_for_its_first_answer(slow):
    """Before the first answer Varnish cannot know a covered URL's answer is private, so a cold wave
    waits for that one fetch (request coalescing); once it is marked hit-for-miss, the waiting
    requests go to the backend together: about two DELAYs in all, never one per request."""
    index = 1 if len(slow.rules) > 1 else 0
    path = f"{path_for(slow.rules[index], slow.rules[:index], 'cold')}?cache-control=private"
    took, answers = at_once(slow, path)
    wrong = [a if isinstance(a, Exception) else (a[0], a[1].get("x-cache")) for a in answers
             if isinstance(a, Exception) or (a[0], a[1].get("x-cache")) != (200, "MISS")]
    assert not wrong, f"{WAVE} x GET {path} at once: {wrong}"
    assert slow.backend_count("hits", path) == WAVE, "each request of the cold wave is fetched on its own"
    peak = slow.backend_count("peak", path)
    NOTES.append(f"varnish: a cold wave of {WAVE} for a private URL took {took:.2f}s (backend {DELAY}s), "
                 f"at most {peak} at the backend at once")
    assert took < 3 * DELAY, f"a cold wave of {WAVE} for a private URL took {took:.2f}s: the waiting requests were serialised"


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
