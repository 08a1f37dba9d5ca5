"""The DR backup of an output tree, run on this machine: the CronJob the tree schedules
(`app.kubernetes.io/component: dr-backup`), each of its containers' commands run as they are, in
the pod's order (init containers, then the upload), against a local PostgreSQL and a moto S3
server, both on 127.0.0.1.

What differs from the pod, and nothing else:
  - each volume the containers mount (`/backup`, `/tmp`) is a local folder, one per volume, shared
    by the steps as the pod's emptyDirs are: its mount path is replaced by the folder in the
    commands and in the env values;
  - PGHOST/PGPORT point at the local PostgreSQL; PGUSER/PGPASSWORD, read from a Secret in the
    pod, are the local database's user and password; the AWS credentials (from a Secret, or the
    pod's identity) are dummies, and AWS_ENDPOINT_URL (which the AWS CLI honours) is the moto
    server; anything else the pod reads from a Secret is refused;
  - `kubectl` is a stand-in (no cluster is reachable from here): it records its arguments and
    prints a small `kind: List`, so the job's own command writes its kubernetes-resources file;
    it is on PATH, and at `bin/kubectl` in the folder of an image volume of registry.k8s.io/kubectl
    (the image's own layout), which is how the pod runs it;
  - the AWS CLI is v1 from the validators' venv (the image has v2; the commands used, `s3 cp`
    and `s3 sync --source-region`, are the same in both), PostgreSQL's tools are PG_BIN's;
  - HTTP(S)_PROXY point at a closed port on 127.0.0.1 and NO_PROXY is 127.0.0.1, so a request to
    anything but the local servers fails instead of leaving the machine.
"""
from __future__ import annotations

import http.client
import os
import pwd
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .processes import LOOPBACK, Processes, free_port, request
from .tools import Result, run

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
COMPONENT = "dr-backup"
DUMMY_KEY = "conformance-dummy"
STEP_TIMEOUT = 120


# -- what the tree schedules ------------------------------------------------------------------

def backup_jobs(tree) -> list[tuple[object, dict]]:
    """(cluster, CronJob) for every DR backup CronJob of the tree."""
    return [(cluster, document) for cluster in tree.clusters() for _, document in cluster.objects()
            if document.get("kind") == "CronJob"
            and ((document.get("metadata") or {}).get("labels") or {}).get("app.kubernetes.io/component") == COMPONENT]


def declared_buckets(tree) -> dict[str, str]:
    """The S3 buckets the tree declares for the backup (ACK `Bucket`s): name -> region (the
    `services.k8s.aws/region` annotation, else the location constraint, else its cluster)."""
    found = {}
    for cluster in tree.clusters():
        for _, document in cluster.objects():
            if document.get("kind") != "Bucket" or not str(document.get("apiVersion", "")).startswith("s3.services.k8s.aws/"):
                continue
            metadata = document.get("metadata") or {}
            spec = document.get("spec") or {}
            region = ((metadata.get("annotations") or {}).get("services.k8s.aws/region")
                      or (spec.get("createBucketConfiguration") or {}).get("locationConstraint") or cluster.name)
            found[spec.get("name") or metadata.get("name")] = region
    return found


def versioned_buckets(tree) -> set[str]:
    return {(d.get("spec") or {}).get("name") for c in tree.clusters() for _, d in c.objects()
            if d.get("kind") == "Bucket" and ((d.get("spec") or {}).get("versioning") or {}).get("status") == "Enabled"}


def spec_buckets(spec: dict) -> dict[str, str]:
    """The buckets `regions.backup` asks for: `bucket` in the primary region and `<bucket>-<region>`
    for each `replicateTo` region (the naming bizra-gen documents for the replicas)."""
    regions = spec.get("regions") or {}
    backup = regions.get("backup") or {}
    if not backup:
        return {}
    name = str(backup["bucket"]).removeprefix("s3://").rstrip("/")
    primary = regions.get("primary") or ((regions.get("list") or [{}])[0]).get("name", "us-east-1")
    return {name: primary, **{f"{name}-{region}": region for region in backup.get("replicateTo") or []}}


def platform_database(cluster, pghost: str | None) -> tuple[str, str]:
    """(database, owner) of the CloudNativePG Cluster whose read-write Service (`<name>-rw`, as
    `PGHOST` names it) is in `cluster`: `bootstrap.initdb`'s database and owner, CloudNativePG's
    default `app` for both."""
    service = str(pghost or "").split(".")[0]
    for _, document in cluster.objects():
        if document.get("kind") == "Cluster" and str(document.get("apiVersion", "")).startswith("postgresql.cnpg.io/") \
                and f"{(document.get('metadata') or {}).get('name')}-rw" == service:
            initdb = ((document.get("spec") or {}).get("bootstrap") or {}).get("initdb") or {}
            database = initdb.get("database", "app")
            return database, initdb.get("owner", database)
    raise AssertionError(f"{cluster}: PGHOST={pghost!r} is no CloudNativePG Cluster's read-write Service (<name>-rw) there")


def pod_spec(cronjob: dict) -> dict:
    return cronjob["spec"]["jobTemplate"]["spec"]["template"]["spec"]


# -- local servers ----------------------------------------------------------------------------

def _wait(ready, process: subprocess.Popen, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        if ready():
            return True
        time.sleep(0.1)
    return False


class PostgreSQL:
    """A throwaway server: initdb and postgres run as the `postgres` account (postgres refuses
    root) in `folder`, listening on 127.0.0.1:<free port> only, its socket in the folder. Local
    (socket) connections are trusted, TCP ones need a password (scram-sha-256)."""

    def __init__(self, processes: Processes, folder: Path):
        for tool in ("initdb", "postgres", "psql", "pg_dump", "pg_restore"):
            if not (PG_BIN / tool).is_file():
                raise AssertionError(f"PostgreSQL's {tool} is not at {PG_BIN} (make tools installs it; PG_BIN overrides)")
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            raise AssertionError("no `postgres` account to run PostgreSQL as (make tools installs it)") from None
        self.bin = PG_BIN
        self.socket = folder / "socket"
        data = folder / "data"
        for path in (data, self.socket):
            path.mkdir(parents=True, mode=0o700)
            os.chown(path, account.pw_uid, account.pw_gid)
        as_postgres = dict(user=account.pw_uid, group=account.pw_gid, extra_groups=[], cwd=data,
                           env={"PATH": f"{PG_BIN}:/usr/bin:/bin", "LANG": "C"})
        initdb = subprocess.run([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-E", "UTF8", "--locale=C",
                                 "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "--no-instructions"],
                                capture_output=True, text=True, timeout=120, **as_postgres)
        if initdb.returncode != 0:
            raise RuntimeError(f"initdb failed:\n{initdb.stdout}\n{initdb.stderr}")
        self.log = tempfile.TemporaryFile(mode="w+")
        for _ in range(3):   # another process may take the free port before postgres binds it
            self.port = free_port()
            self.process = processes.start(
                "postgres", [PG_BIN / "postgres", "-D", data, "-p", self.port, "-k", self.socket,
                             "-c", f"listen_addresses={LOOPBACK}", "-c", "fsync=off", "-c", "full_page_writes=off",
                             "-c", "synchronous_commit=off"],
                stdout=self.log, stderr=subprocess.STDOUT, **as_postgres)
            if _wait(lambda: self.psql("SELECT 1", check=False).returncode == 0, self.process):
                return
            Processes.stop(self.process)
        raise RuntimeError(f"postgres did not start on 127.0.0.1:\n{self.output()}")

    def psql(self, sql: str, database: str = "postgres", user: str = "postgres", check: bool = True) -> Result:
        """`psql -c SQL` over the local socket (unaligned, tuples only, stops at the first error)."""
        result = run([self.bin / "psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", self.socket, "-p", self.port,
                      "-U", user, "-d", database, "-c", sql], timeout=60, env={"PGTZ": "UTC", "PGPASSWORD": ""})
        if check and result.returncode != 0:
            raise AssertionError(f"psql failed:\n{result.describe()}")
        return result

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()[-4000:]


class MotoS3:
    """`moto_server -H 127.0.0.1 -p <free port>`: an S3 emulator, and a boto3 client per region."""

    def __init__(self, processes: Processes, moto_server: str):
        self.log = tempfile.TemporaryFile(mode="w+")
        for _ in range(3):
            self.port = free_port()
            self.process = processes.start("moto_server", [moto_server, "-H", LOOPBACK, "-p", self.port],
                                           stdout=self.log, stderr=subprocess.STDOUT)
            if _wait(self._answers, self.process):
                self.endpoint = f"http://{LOOPBACK}:{self.port}"
                return
            Processes.stop(self.process)
        raise RuntimeError(f"moto_server did not answer on 127.0.0.1:\n{self.output()}")

    def _answers(self) -> bool:
        try:
            request(self.port, "GET", "/moto-api/", timeout=2)
            return True
        except (OSError, http.client.HTTPException):
            return False

    def client(self, region: str = "us-east-1"):
        import boto3
        from botocore.config import Config
        return boto3.client("s3", endpoint_url=self.endpoint, region_name=region, aws_access_key_id=DUMMY_KEY,
                            aws_secret_access_key=DUMMY_KEY, config=Config(proxies={}, s3={"addressing_style": "path"}))

    def create_bucket(self, name: str, region: str, versioned: bool) -> None:
        client = self.client(region)
        if region == "us-east-1":
            client.create_bucket(Bucket=name)
        else:
            client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": region})
        if versioned:
            client.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})

    def buckets(self) -> set[str]:
        return {b["Name"] for b in self.client().list_buckets()["Buckets"]}

    def objects(self, bucket: str) -> dict[str, bytes]:
        client = self.client()
        keys = [o["Key"] for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
                for o in page.get("Contents", [])]
        return {key: client.get_object(Bucket=bucket, Key=key)["Body"].read() for key in keys}

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()[-4000:]


# -- the pod's steps, run here ----------------------------------------------------------------

KUBECTL_STAND_IN = """#!/bin/sh
# Stand-in for kubectl (no cluster is reachable from the conformance run): records its arguments.
printf '%s\\n' "$@" > '{log}'
cat <<'EOF'
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: conformance-stand-in
  data:
    note: written by the conformance suite's kubectl stand-in
EOF
"""


def localise(text: str, mounts: dict[str, Path]) -> str:
    """`text` with each mount path (as a whole path, `/backup` or `/backup/...`) replaced by its folder."""
    if not mounts:
        return text
    folders = {mount_path.rstrip("/"): str(folder) for mount_path, folder in mounts.items()}
    paths = "|".join(re.escape(p) for p in sorted(folders, key=len, reverse=True))
    # One pass, so a folder put in for one mount is never rewritten for another (/tmp).
    return re.sub(rf"(?<![\w./-])({paths})(?![\w.-])", lambda match: folders[match.group(1)], text)


@dataclass
class Step:
    container: str
    result: Result
    wrote: list[str]   # files that appeared in the scratch volumes


@dataclass
class Local:
    """What stands in for the cluster: the database, the S3 endpoint, the tools' folders."""
    folder: Path
    postgres: PostgreSQL | None
    s3: MotoS3
    user: str
    password: str
    tool_dirs: list[Path]
    volumes: dict[str, Path] = field(default_factory=dict)

    def __post_init__(self):
        stand_ins = self.folder / "stand-in-bin"
        stand_ins.mkdir()
        self.kubectl_log = self.folder / "kubectl-arguments"
        kubectl = stand_ins / "kubectl"
        kubectl.write_text(KUBECTL_STAND_IN.format(log=self.kubectl_log))
        kubectl.chmod(0o755)
        self.path = ":".join(str(p) for p in [stand_ins, *self.tool_dirs]) + ":/usr/bin:/bin"
        self.home = self.folder / "home"
        self.home.mkdir()
        self.closed_port = free_port()

    def volume(self, name: str) -> Path:
        if name not in self.volumes:
            self.volumes[name] = self.folder / "volumes" / name
            self.volumes[name].mkdir(parents=True)
        return self.volumes[name]

    def provide_image_volumes(self, pod: dict) -> None:
        """The pod's image volumes: kubectl's image holds its binary at bin/kubectl."""
        for volume in pod.get("volumes") or []:
            reference = (volume.get("image") or {}).get("reference", "")
            if not reference:
                continue
            assert reference.startswith("registry.k8s.io/kubectl:"), f"image volume {reference}: no local stand-in for it"
            binary = self.volume(volume["name"]) / "bin" / "kubectl"
            binary.parent.mkdir(parents=True, exist_ok=True)
            binary.write_text(KUBECTL_STAND_IN.format(log=self.kubectl_log))
            binary.chmod(0o755)

    def secret(self, variable: str, reference: dict) -> str:
        stand_ins = {"PGUSER": self.user, "PGPASSWORD": self.password,
                     "AWS_ACCESS_KEY_ID": DUMMY_KEY, "AWS_SECRET_ACCESS_KEY": DUMMY_KEY}
        if variable not in stand_ins:
            raise AssertionError(f"{variable} comes from {reference}: no local stand-in for it")
        return stand_ins[variable]

    def environment(self, container: dict, mounts: dict[str, Path]) -> dict[str, str]:
        if container.get("envFrom"):
            raise AssertionError(f"container {container['name']}: envFrom {container['envFrom']} has no local stand-in")
        env = {"PATH": self.path, "HOME": str(self.home), "LANG": "C.UTF-8",
               "AWS_ACCESS_KEY_ID": DUMMY_KEY, "AWS_SECRET_ACCESS_KEY": DUMMY_KEY,   # the pod's identity
               "AWS_CONFIG_FILE": str(self.home / "no-aws-config"),
               "AWS_SHARED_CREDENTIALS_FILE": str(self.home / "no-aws-credentials")}
        for variable in container.get("env") or []:
            if "value" in variable:
                env[variable["name"]] = localise(str(variable["value"]), mounts)
            else:
                env[variable["name"]] = self.secret(variable["name"], variable.get("valueFrom"))
        proxy = f"http://{LOOPBACK}:{self.closed_port}"
        env.update({"AWS_ENDPOINT_URL": self.s3.endpoint,
                    "HTTP_PROXY": proxy, "HTTPS_PROXY": proxy, "http_proxy": proxy, "https_proxy": proxy,
                    "NO_PROXY": LOOPBACK, "no_proxy": LOOPBACK})
        if self.postgres:
            env.update({"PGHOST": LOOPBACK, "PGPORT": str(self.postgres.port)})
        return env

    def run(self, container: dict) -> Step:
        """One container's command + args, as they are but for the mount paths, with the
        container's env (stand-ins for the Secrets and the cluster's addresses)."""
        mounts = {m["mountPath"]: self.volume(m["name"]) for m in container.get("volumeMounts") or []}
        argv = [localise(str(a), mounts) for a in (container.get("command") or []) + (container.get("args") or [])]
        if not argv:
            raise AssertionError(f"container {container['name']} has no command: the image's entrypoint cannot run here")
        before = self.files()
        # Only the env built here: nothing of this machine's (AWS_*, PG*, proxies) leaks in.
        completed = subprocess.run(argv, capture_output=True, text=True, timeout=STEP_TIMEOUT, cwd=self.home,
                                   env=self.environment(container, mounts))
        result = Result(argv, completed.returncode, completed.stdout, completed.stderr)
        return Step(container["name"], result, sorted(set(self.files()) - set(before)))

    def files(self) -> list[str]:
        return [str(p.relative_to(self.folder / "volumes")) for v in self.volumes.values() for p in v.rglob("*")
                if p.is_file() and p.name != "kubectl"]

    def kubectl_arguments(self) -> list[str] | None:
        return self.kubectl_log.read_text().splitlines() if self.kubectl_log.is_file() else None
