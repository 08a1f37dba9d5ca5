"""The DR backup, live: the CronJob the output schedules for backup (in whichever cluster has it),
its containers' commands, env and upload script read from the tree and run as they are, in the
pod's order, against a local PostgreSQL and a moto S3 server on 127.0.0.1. support/backup.py
lists the only substitutions: the pod's volumes become local folders, the database's address and
credentials are the local server's, the AWS credentials are dummies and AWS_ENDPOINT_URL the moto
server. `kubectl` cannot reach a cluster from here, so a stand-in `kubectl` records its arguments
and prints a small List: the job's own command writes the stand-in kubernetes-resources.yaml.

Before the run, the local server gets the platform's database (that of the CloudNativePG Cluster
whose `-rw` Service is the job's PGHOST: its bootstrap database and owner, `app` by default),
seeded with two tables of known rows; pg_dump connects with the job's own PGDATABASE. The buckets are created in moto as the platform has them: every ACK `Bucket` the tree
declares, in its region, and every bucket `regions.backup` asks for (`bucket` in the primary
region, `<bucket>-<region>` per `replicateTo` region). A bucket the script names and nobody
created fails its upload, and the script exits non-zero.

Checked: every step exits 0; every bucket holds each dump of the run, byte for byte, under one
run prefix, and no other bucket exists; the database dump, downloaded from each bucket,
pg_restore's into a new empty database with the seeded rows; and the tree declares every bucket
the spec asks for in its region."""
from __future__ import annotations

import json
import posixpath
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from support import backup
from support.backup import Step
from support.processes import LOOPBACK, Processes
from support.report import NOTES
from support.scratch import readable_dir
from support.tools import Result, require, run

# table -> (column definitions, rows); rows are what the restored database must hold, as text.
SEED = {
    "claims": (["id integer PRIMARY KEY", "claim text NOT NULL", "score numeric(5,2)", "checked_at timestamptz NOT NULL"],
               [(1, "benchmark", "97.50", "2026-01-01 00:00:00+00"),
                (2, "إحسان — excellence", None, "2026-02-03 04:05:06.789+00"),
                (3, "it's quoted; a \\ and a\ttab", "0.00", "2025-12-31 23:59:59+00")]),
    "verdicts": (["id bigint PRIMARY KEY", "claim_id integer NOT NULL REFERENCES claims (id)", "details jsonb"],
                 [(1, 1, '{"ok": true}'), (2, 3, '{"ok": false, "reasons": ["late"]}')]),
}


def literal(value) -> str:
    return "NULL" if value is None else str(value) if isinstance(value, int) else "'" + str(value).replace("'", "''") + "'"


def seed_sql() -> str:
    statements = []
    for table, (columns, rows) in SEED.items():
        statements.append(f"CREATE TABLE {table} ({', '.join(columns)});")
        values = ", ".join("(" + ", ".join(literal(v) for v in row) + ")" for row in rows)
        statements.append(f"INSERT INTO {table} VALUES {values};")
    return "\n".join(statements)


def expected_rows() -> dict[str, list[list[str | None]]]:
    return {table: [[None if v is None else str(v) for v in row] for row in rows] for table, (_, rows) in SEED.items()}


def rows(postgres: backup.PostgreSQL, database: str, user: str) -> dict[str, list[list[str | None]]]:
    """Every seeded table's rows, each column as PostgreSQL's text (PGTZ=UTC), ordered by id."""
    found = {}
    for table, (columns, _) in SEED.items():
        names = ", ".join(f"{c.split()[0]}::text" for c in columns)
        text = postgres.psql(f"SELECT coalesce(json_agg(ARRAY[{names}] ORDER BY id), '[]'::json) FROM {table}",
                             database, user).stdout
        found[table] = json.loads(text)
    return found


def command_text(container: dict) -> str:
    return " ".join(str(a) for a in (container.get("command") or []) + (container.get("args") or []))


def includes(tree) -> list[str]:
    return list(((tree.spec.get("regions") or {}).get("backup") or {}).get("include") or ["kubernetes-resources"])


@dataclass
class BackupRun:
    tree: object
    cluster: object
    cronjob: dict
    containers: list[dict]
    database: str | None = None                                  # the platform's database, seeded here
    user: str | None = None
    buckets: dict[str, str] = field(default_factory=dict)        # created in moto: name -> region
    steps: list[Step] = field(default_factory=list)
    dumps: dict[str, bytes] = field(default_factory=dict)        # what the init containers wrote: file name -> bytes
    database_dumps: list[str] = field(default_factory=list)      # of them, what pg_dump wrote
    dumpers: int = 0                                             # the containers that run pg_dump
    buckets_after: set[str] = field(default_factory=set)
    objects: dict[str, dict[str, bytes]] = field(default_factory=dict)
    seeded: dict = field(default_factory=dict)
    restores: dict[str, tuple[bool, Result, dict | None]] = field(default_factory=dict)   # bucket/dump -> (empty before, pg_restore, rows)
    kubectl_arguments: list[str] | None = None
    logs: str = ""

    @property
    def completed(self) -> bool:
        return len(self.steps) == len(self.containers) and all(s.result.returncode == 0 for s in self.steps)

    def describe(self) -> str:
        return "\n".join(f"[{s.container}] {s.result.describe()}" for s in self.steps) + "\n" + self.logs


def run_backup(tree, cluster, cronjob, processes: Processes) -> BackupRun:
    pod = backup.pod_spec(cronjob)
    containers = list(pod.get("initContainers") or []) + list(pod.get("containers") or [])
    record = BackupRun(tree, cluster, cronjob, containers)
    dumpers = [c for c in containers if "pg_dump" in command_text(c)]
    folder = readable_dir("bizra-dr-backup-")
    postgres = backup.PostgreSQL(processes, folder / "postgres") if dumpers else None
    s3 = backup.MotoS3(processes, require("moto_server"))
    password = secrets.token_urlsafe(18)
    if dumpers:
        # The local server holds the database as the platform has it (the CloudNativePG Clusters
        # PGHOST names); each pg_dump then connects with its container's own PGDATABASE. One
        # local database stands in for every Cluster, which all bootstrap the same name and owner.
        hosts = {v.get("value") for c in dumpers for v in c.get("env") or [] if v["name"] == "PGHOST"}
        assert len(hosts) == len(dumpers), f"{tree}: {len(dumpers)} pg_dump containers name the hosts {hosts}"
        databases = {backup.platform_database(cluster, host) for host in hosts}
        assert len(databases) == 1, f"{tree}: the dumped Clusters bootstrap different databases {databases}"
        record.database, record.user = databases.pop()
        record.dumpers = len(dumpers)
    local = backup.Local(folder, postgres, s3, record.user or "unused", password,
                         [Path(require("aws")).parent, backup.PG_BIN])
    user = record.user
    try:
        if postgres:
            postgres.psql(f"CREATE ROLE \"{user}\" LOGIN PASSWORD {literal(password)}")
            exists = postgres.psql(f"SELECT 1 FROM pg_database WHERE datname = {literal(record.database)}").stdout.strip()
            postgres.psql(f'ALTER DATABASE "{record.database}" OWNER TO "{user}"' if exists
                          else f'CREATE DATABASE "{record.database}" OWNER "{user}"')
            postgres.psql(seed_sql(), record.database, user)
            record.seeded = rows(postgres, record.database, user)
        record.buckets = {**backup.spec_buckets(tree.spec), **backup.declared_buckets(tree)}
        versioned = backup.versioned_buckets(tree)
        for name, region in record.buckets.items():
            s3.create_bucket(name, region, name in versioned)
        local.provide_image_volumes(pod)
        for container in containers:
            step = local.run(container)
            record.steps.append(step)
            if step.result.returncode != 0:
                break
        init_names = {c["name"] for c in pod.get("initContainers") or []}
        for step in record.steps:
            if step.container in init_names:
                for relative in step.wrote:
                    record.dumps[posixpath.basename(relative)] = (local.folder / "volumes" / relative).read_bytes()
                if any(step.container == c["name"] for c in dumpers):
                    record.database_dumps += [posixpath.basename(r) for r in step.wrote]
        record.kubectl_arguments = local.kubectl_arguments()
        record.buckets_after = s3.buckets()
        record.objects = {name: s3.objects(name) for name in record.buckets}
        if postgres and record.completed:
            restorable = [(bucket, key) for bucket, objects in sorted(record.objects.items()) for key in sorted(objects)
                          if posixpath.basename(key) in record.database_dumps]
            for index, (bucket, key) in enumerate(restorable):
                file = folder / f"downloaded-{index}.dump"
                file.write_bytes(record.objects[bucket][key])
                target = f"restored_{index}"
                postgres.psql(f'CREATE DATABASE {target} OWNER "{user}"')
                empty = postgres.psql("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                      "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')",
                                      target).stdout.strip() == "0"
                restored = run([backup.PG_BIN / "pg_restore", "--exit-on-error", "--single-transaction",
                                "-h", LOOPBACK, "-p", postgres.port, "-U", user, "-d", target, file],
                               timeout=60, env={"PGPASSWORD": password})
                record.restores[f"{bucket}/{posixpath.basename(key)}"] = (
                    empty, restored, rows(postgres, target, user) if restored.returncode == 0 else None)
    finally:
        record.logs = f"moto_server:\n{s3.output()}" + (f"\npostgres:\n{postgres.output()}" if postgres else "")
    return record


@pytest.fixture(scope="module")
def backup_run(tree):
    """The tree's DR backup run once, its servers stopped (by PID) before the checks read the record."""
    jobs = backup.backup_jobs(tree)
    if not (tree.spec.get("regions") or {}).get("backup"):
        assert not jobs, f"{tree}: the spec has no regions.backup, yet the output schedules {[c.name for c, _ in jobs]}"
        return None
    assert jobs, f"{tree}: regions.backup is set, but no cluster has a CronJob labelled app.kubernetes.io/component=dr-backup"
    assert len(jobs) == 1, f"{tree}: the DR backup is scheduled in several clusters: {[c.name for c, _ in jobs]}"
    cluster, cronjob = jobs[0]
    processes = Processes()
    try:
        return run_backup(tree, cluster, cronjob, processes)
    finally:
        processes.stop_all()


def require_backup(backup_run, tree):
    if backup_run is None:
        pytest.skip(f"{tree}: the spec has no regions.backup and the output schedules no DR backup (checked)")
    return backup_run


@pytest.mark.live
def test_backup_job_runs_to_completion(backup_run, tree):
    record = require_backup(backup_run, tree)
    where = f"{tree} cluster {record.cluster.name} CronJob {record.cronjob['metadata']['name']}"
    assert record.completed, f"{where}: a step failed or did not run:\n{record.describe()}"
    init = backup.pod_spec(record.cronjob).get("initContainers") or []
    for step in record.steps[:len(init)]:
        assert step.wrote, f"{where}: init container {step.container} wrote nothing into the pod's volumes"
    if any("kubectl" in command_text(c) for c in init):
        namespace = record.cronjob["metadata"]["namespace"]
        args = record.kubectl_arguments or []
        assert args[:1] == ["get"] and "--namespace" in args and args[args.index("--namespace") + 1] == namespace, \
            f"{where}: kubectl was run as {args}, not `kubectl get ... --namespace {namespace}`"


@pytest.mark.live
def test_backup_writes_every_bucket(backup_run, tree):
    record = require_backup(backup_run, tree)
    assert record.completed, f"{tree}: the backup job did not complete:\n{record.describe()}"
    assert record.dumps, f"{tree}: the init containers wrote no dump"
    assert record.buckets_after == set(record.buckets), \
        f"{tree}: buckets after the run {sorted(record.buckets_after)}, created {sorted(record.buckets)}"
    problems, prefixes = [], set()
    for bucket, objects in sorted(record.objects.items()):
        runs = {posixpath.dirname(key) for key in objects}
        prefixes |= runs
        if len(runs) != 1:
            problems.append(f"s3://{bucket}: objects under {sorted(runs) or 'no prefix'}, expected one run: {sorted(objects)}")
            continue
        got = {posixpath.basename(key): data for key, data in objects.items()}
        if got != record.dumps:
            missing = sorted(set(record.dumps) - set(got))
            differ = sorted(n for n in set(got) & set(record.dumps) if got[n] != record.dumps[n])
            problems.append(f"s3://{bucket}: missing {missing}, other bytes in {differ}, extra {sorted(set(got) - set(record.dumps))}")
    assert not problems, f"{tree}: the run did not reach every bucket:\n  " + "\n  ".join(problems) + "\n" + record.describe()
    assert len(prefixes) == 1, f"{tree}: the buckets hold different runs: {sorted(prefixes)}"


@pytest.mark.live
def test_backup_restores_into_an_empty_database(backup_run, tree):
    record = require_backup(backup_run, tree)
    if not record.database:
        databases = {d["name"] for d in tree.spec.get("databases") or []}
        dumped = [item for item in includes(tree) if item == "ground-truth-database" or item in databases]
        assert not dumped, f"{tree}: regions.backup.include names {dumped}, but no container of the job runs pg_dump"
        # Nothing to restore, and that is what the spec asks for (no test is skipped).
        NOTES.append(f"{tree}: regions.backup.include is {includes(tree)}: the DR backup dumps no database "
                     "(checked: no container runs pg_dump), so there is nothing to restore")
        return
    assert record.seeded == expected_rows(), f"seeding the local database went wrong: {record.seeded}"
    assert record.completed, f"{tree}: the backup job did not complete:\n{record.describe()}"
    assert len(record.database_dumps) == record.dumpers, \
        f"{tree}: pg_dump wrote {record.database_dumps}, expected one dump per pg_dump container ({record.dumpers})"
    wanted = {f"{bucket}/{dump}" for bucket in record.buckets for dump in record.database_dumps}
    assert set(record.restores) == wanted, f"{tree}: dumps missing from the buckets: {sorted(wanted - set(record.restores))}"
    for bucket, (empty, restored, found) in sorted(record.restores.items()):
        assert empty, f"{tree}: the database to restore s3://{bucket} into was not empty"
        assert restored.returncode == 0, f"{tree}: pg_restore of s3://{bucket} failed:\n{restored.describe()}"
        assert found == expected_rows(), f"{tree}: s3://{bucket} restored other rows: {found}"


def test_the_platform_declares_the_buckets_the_backup_writes(tree):
    """The buckets are not the job's to create: the tree must declare each bucket regions.backup
    asks for (ACK `Bucket`), in its region."""
    wanted = backup.spec_buckets(tree.spec)
    if not wanted:
        pytest.skip(f"{tree}: the spec has no regions.backup")
    declared = backup.declared_buckets(tree)
    wrong = {name: (region, declared.get(name)) for name, region in wanted.items() if declared.get(name) != region}
    assert not wrong, (f"{tree}: buckets regions.backup asks for, as (region, declared region): {wrong}; "
                       f"the tree declares {declared or 'no Bucket'}")
