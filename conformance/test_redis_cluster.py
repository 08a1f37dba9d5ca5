"""The Redis Cluster, live on loopback: the generated redis.conf and bootstrap script, with one
`redis-server` per master and replica the spec asks for, form a cluster whose CLUSTER INFO says
`cluster_state:ok` with the spec's masters and replicas; a killed master fails over; and after a
restart of every node at new addresses (as every pod of a restarted StatefulSet gets a new IP, while
its nodes.conf keeps the old ones) the cluster is down until the generated rejoin script (the pods'
postStart) runs on each node, and then up again with its data.

What differs from the pods, and nothing else:
  - each node listens on its own loopback address (127.0.0.1, 127.0.0.2, ...; all of 127.0.0.0/8
    is the loopback interface) at one free port, as the pods share one port at their own
    addresses; the script's pod hostnames are those addresses, its port the free one, and
    `getent hosts ADDRESS` (which only prints addresses that have a name here) is a stand-in that
    prints the address, as the pod's resolver prints the pod's;
  - `dir` and `cluster-config-file` point into a temporary folder per node instead of /data;
  - the StatefulSet's arguments are passed as they are, with `$(POD_IP)` the node's address,
    `$(REDIS_PASSWORD)` a generated password (the bootstrap Job reads it as REDISCLI_AUTH, as its
    pod does from the Secret), and the announced hostname (the pod's DNS name) the node's address,
    which is its name here (see above).
Every redis-server is stopped by its PID at the end, pass or fail.
"""
from __future__ import annotations

import re
import secrets
import socket
import subprocess
import time

import pytest

from support.processes import Processes
from support.report import NOTES
from support.scratch import readable_dir
from support.tools import require
from support.trees import documents


def redis_objects(tree):
    """The redis.conf, the bootstrap script and the StatefulSet of the spec's Redis Cluster, from
    the first cluster of the tree (every cluster runs the same region-local cache)."""
    redis = (tree.spec.get("caching") or {}).get("redis")
    assert redis, f"{tree}: the spec has no caching.redis"
    name = redis["name"]
    cluster = tree.clusters()[0]
    found = {}
    for _, document in cluster.objects():
        metadata = document.get("metadata") or {}
        if document.get("kind") == "ConfigMap" and metadata.get("name") == f"{name}-config":
            found["conf"] = document["data"]["redis.conf"]
            if "rejoin.sh" in document["data"]:
                found["rejoin"] = document["data"]["rejoin.sh"]
        if document.get("kind") == "ConfigMap" and metadata.get("name") == f"{name}-bootstrap":
            found["script"] = document["data"]["bootstrap.sh"]
        if document.get("kind") == "StatefulSet" and metadata.get("name") == name:
            found["statefulset"] = document
    missing = {"conf", "script", "rejoin", "statefulset"} - set(found)
    assert not missing, f"{cluster}: no {sorted(missing)} for Redis Cluster {name}"
    return redis, found


def port_free_on(addresses: list[str]) -> int:
    """A port free on every address, with its cluster-bus port (+10000) free too."""
    for _ in range(200):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port + 10000 > 65535:
            continue
        try:
            for address in addresses:
                for candidate in (port, port + 10000):
                    with socket.socket() as sock:
                        sock.bind((address, candidate))
        except OSError:
            continue
        return port
    raise AssertionError("no port free on every loopback address")


def cli(address: str, port: int, password: str | None, *args: str, timeout: float = 10) -> str:
    auth = ["--no-auth-warning", "-a", password] if password else []
    completed = subprocess.run([require("redis-cli"), "-h", address, "-p", str(port), *auth, *args],
                               capture_output=True, text=True, timeout=timeout)
    return completed.stdout.replace("\r", "")


def info(address: str, port: int, password: str) -> dict[str, str]:
    return dict(line.split(":", 1) for line in cli(address, port, password, "cluster", "info").splitlines() if ":" in line)


def nodes(address: str, port: int, password: str) -> list[dict]:
    """CLUSTER NODES as {id, address, flags, master} per node."""
    result = []
    for line in cli(address, port, password, "cluster", "nodes").splitlines():
        fields = line.split()
        if len(fields) >= 8:
            slots = []
            for part in fields[8:]:
                if part[0].isdigit():
                    low, _, high = part.partition("-")
                    slots.append((int(low), int(high or low)))
            result.append({"id": fields[0], "address": fields[1].split("@")[0], "flags": set(fields[2].split(",")),
                           "master": fields[3], "slots": slots})
    return result


def wait_for(condition, timeout: float, interval: float = 0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    return condition()


def local_conf(conf: str, port: int, folder) -> str:
    """The generated redis.conf with the node's port and its own folder for /data."""
    lines = []
    for line in conf.splitlines():
        key = line.split(" ", 1)[0]
        if key == "port":
            line = f"port {port}"
        elif key == "dir":
            line = f"dir {folder}"
        elif key == "cluster-config-file":
            line = f"cluster-config-file {folder}/nodes.conf"
        lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.mark.live
def test_the_generated_cluster_forms_and_fails_over(tree):
    redis_server, redis_cli = require("redis-server"), require("redis-cli")
    if not (tree.spec.get("caching") or {}).get("redis"):
        statefulsets = [d["metadata"]["name"] for c in tree.clusters() for _, d in c.objects()
                        if d.get("kind") == "StatefulSet" and "redis" in d["metadata"]["name"]]
        assert not statefulsets, f"{tree}: the spec has no caching.redis, yet the output runs {statefulsets}"
        NOTES.append(f"{tree}: the spec has no caching.redis, and the output runs no Redis (checked)")
        return
    redis, found = redis_objects(tree)
    masters, replicas = int(redis["masters"]), int(redis.get("replicasPerMaster", 1))
    total = masters * (1 + replicas)
    statefulset = found["statefulset"]
    assert statefulset["spec"]["replicas"] == total, f"{tree}: the StatefulSet runs {statefulset['spec']['replicas']} pods, the spec {total}"
    container = statefulset["spec"]["template"]["spec"]["containers"][0]
    arguments = [str(a) for a in (container.get("command") or [])[1:] + (container.get("args") or [])]
    timeout_ms = int(re.search(r"^cluster-node-timeout (\d+)", found["conf"], re.M).group(1))

    addresses = [f"127.0.0.{index + 1}" for index in range(total)]
    port = port_free_on(addresses)
    # The pods read the password from the Secret only when the StatefulSet passes one.
    password = secrets.token_hex(16) if any("$(REDIS_PASSWORD)" in a for a in arguments) else None
    folder = readable_dir()
    processes = Processes()
    try:
        def start(address, node):
            args = [a.replace("$(POD_IP)", address).replace("$(REDIS_PASSWORD)", password or "") for a in arguments]
            args = [address if before == "--cluster-announce-hostname" else a for before, a in zip([None, *args], args)]
            args = [str(node / "redis.conf") if a == "/etc/redis/redis.conf" else a for a in args]
            assert not any("$(" in a for a in args), f"{tree}: arguments left unset: {args}"
            return processes.start(f"redis {address}", [redis_server, *args, "--bind", address],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

        servers = {}
        for address in addresses:
            node = folder / address
            node.mkdir()
            (node / "redis.conf").write_text(local_conf(found["conf"], port, node))
            servers[address] = start(address, node)
        for address, server in servers.items():
            assert wait_for(lambda: cli(address, port, password, "ping").strip() == "PONG", 15), \
                f"{tree}: redis-server on {address}:{port} did not answer:\n{server.stdout.read() if server.poll() is not None else ''}"

        script = found["script"]
        script = re.sub(r'^hosts=".*"$', f'hosts="{" ".join(addresses)}"', script, flags=re.M)
        script = re.sub(r"^port=\d+$", f"port={port}", script, flags=re.M)
        assert f"port={port}" in script and addresses[-1] in script, f"{tree}: the bootstrap script names no hosts or port to replace"
        stand_ins = folder / "bin"
        stand_ins.mkdir()
        (stand_ins / "getent").write_text('#!/bin/sh\n[ "$1" = hosts ] && [ -n "$2" ] && echo "$2 $2"\n')
        (stand_ins / "getent").chmod(0o755)
        environment = {"PATH": f"{stand_ins}:{redis_cli.rsplit('/', 1)[0]}:/usr/bin:/bin", **({"REDISCLI_AUTH": password} if password else {})}
        bootstrap = subprocess.run(["/bin/sh", "-c", script], capture_output=True, text=True, timeout=120, env=environment)
        assert bootstrap.returncode == 0, f"{tree}: the bootstrap script failed:\n{bootstrap.stdout}\n{bootstrap.stderr}"

        first = addresses[0]
        assert wait_for(lambda: info(first, port, password).get("cluster_state") == "ok", 30), \
            f"{tree}: CLUSTER INFO {info(first, port, password)}"
        assert info(first, port, password).get("cluster_size") == str(masters)
        # The replicas' roles reach every node by gossip, within a few heartbeats.
        wait_for(lambda: sum("master" in n["flags"] for n in nodes(first, port, password)) == masters, 30)
        members = nodes(first, port, password)
        master_ids = [n["id"] for n in members if "master" in n["flags"]]
        assert len(master_ids) == masters, f"{tree}: {len(master_ids)} masters, the spec {masters}"
        for master in master_ids:
            following = [n for n in members if "slave" in n["flags"] and n["master"] == master]
            assert len(following) == replicas, f"{tree}: master {master} has {len(following)} replicas, the spec {replicas}"

        # Every replica has synchronised with its master before one is killed.
        def synchronised(address: str) -> bool:
            return "master_link_status:up" in cli(address, port, password, "info", "replication")
        for replica in (n["address"].split(":")[0] for n in members if "slave" in n["flags"]):
            assert wait_for(lambda: synchronised(replica), 60), \
                f"{tree}: replica {replica} never synchronised: {cli(replica, port, password, 'info', 'replication')}"

        # A rerun of the bootstrap (the Job retried) leaves the formed cluster alone.
        again = subprocess.run(["/bin/sh", "-c", script], capture_output=True, text=True, timeout=60, env=environment)
        assert again.returncode == 0 and "already formed" in again.stdout, f"{tree}: a second bootstrap run: {again.stdout}{again.stderr}"

        # The master that holds the key is the one killed: its replica must take over with the data.
        assert cli(first, port, password, "-c", "set", "conformance:key", "kept").strip() == "OK"
        slot = int(cli(first, port, password, "cluster", "keyslot", "conformance:key").strip())
        victim = next(n for n in members if "master" in n["flags"] and any(low <= slot <= high for low, high in n["slots"]))
        victim_address = victim["address"].split(":")[0]
        time.sleep(1)  # replication is asynchronous
        servers[victim_address].kill()
        servers[victim_address].wait(timeout=10)
        survivor = next(a for a in addresses if a != victim_address)

        def failed_over():
            view = nodes(survivor, port, password)
            killed = next((n for n in view if n["id"] == victim["id"]), None)
            promoted = [n for n in view if n["id"] != victim["id"] and "master" in n["flags"] and "fail" not in n["flags"]
                        and any(low <= slot <= high for low, high in n["slots"])]
            return (killed is not None and "fail" in killed["flags"] and len(promoted) == 1
                    and info(survivor, port, password).get("cluster_state") == "ok")
        # A replica is promoted once the master is unreachable for cluster-node-timeout, plus an election.
        if not wait_for(failed_over, timeout_ms / 1000 * 4 + 10):
            replica = next(n["address"].split(":")[0] for n in members if n["master"] == victim["id"])
            processes.stop(servers[replica])
            log = [line for line in servers[replica].stdout.read().splitlines() if "sync started" not in line and "Connecting to MASTER" not in line and "SYNC: Conn" not in line]
            raise AssertionError(f"{tree}: no failover after killing {victim_address}: {info(survivor, port, password)}\n"
                                 "the replica's log:\n" + "\n".join(log[-40:]))
        value = wait_for(lambda: cli(survivor, port, password, "-c", "get", "conformance:key").strip() == "kept", 10)
        assert value, (f"{tree}: after the failover the key is gone: {cli(survivor, port, password, '-c', 'get', 'conformance:key')!r}; "
                       f"{cli(survivor, port, password, 'cluster', 'nodes')}")

        # Every node restarts at a new address with its nodes.conf (the killed master too).
        for server in servers.values():
            processes.stop(server)
        moved = {address: f"127.0.1.{index + 1}" for index, address in enumerate(addresses)}
        restarted = {moved[address]: start(moved[address], folder / address) for address in addresses}
        for address, server in restarted.items():
            assert wait_for(lambda: cli(address, port, password, "ping").strip() == "PONG", 15), \
                f"{tree}: redis-server on {address}:{port} did not answer after the restart"
        # Unreachable peers are marked failing after cluster-node-timeout, and a node that reaches no
        # majority of masters declares the cluster down.
        down = wait_for(lambda: info(moved[first], port, password).get("cluster_state") == "fail", timeout_ms / 1000 * 4 + 10)
        assert down, (f"{tree}: the cluster stayed up at new addresses by itself: the exercise proves nothing\n"
                      f"{cli(moved[first], port, password, 'cluster', 'nodes')}")
        rejoin = re.sub(r'^hosts=".*"$', f'hosts="{" ".join(moved.values())}"', found["rejoin"], flags=re.M)
        rejoin = re.sub(r"^port=\d+$", f"port={port}", rejoin, flags=re.M)
        assert moved[addresses[-1]] in rejoin and f"port={port}" in rejoin, f"{tree}: the rejoin script names no hosts or port to replace"
        # As the pods' postStart hooks do, all at once.
        hooks = [subprocess.Popen(["/bin/sh", "-c", rejoin], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  env={**environment, "POD_IP": address, **({"REDIS_PASSWORD": password} if password else {})})
                 for address in restarted]
        for hook in hooks:
            output = hook.communicate(timeout=120)[0]
            assert hook.returncode == 0, f"{tree}: the rejoin script failed: {output}"
        def rejoined(address: str) -> bool:
            view = cli(address, port, password, "cluster", "nodes").splitlines()
            return (info(address, port, password).get("cluster_state") == "ok" and len(view) == total
                    and all(line.split()[7] == "connected" and "fail" not in line.split()[2] for line in view))
        for address in restarted:
            assert wait_for(lambda: rejoined(address), 30), \
                f"{tree}: after the rejoin, {address}: {info(address, port, password)}\n{cli(address, port, password, 'cluster', 'nodes')}"
        assert wait_for(lambda: cli(moved[first], port, password, "-c", "get", "conformance:key").strip() == "kept", 10), \
            f"{tree}: after the restart the key is gone: {cli(moved[first], port, password, 'cluster', 'nodes')}"
    finally:
        processes.stop_all()
