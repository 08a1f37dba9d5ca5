import BizraSpec

/// The DR backup CronJob `<platform>-dr-backup` on `backup.schedule`: one init container per
/// `include` entry dumps it into a shared scratch volume, then the AWS CLI copies the dumps to the
/// bucket and replicates them to each `replicateTo` region's bucket (`<bucket>-<region>`).
/// AWS credentials come from the pod's identity only: the IRSA role of `platform.aws.accountId`,
/// else an EKS Pod Identity association (whose agent the egress policy admits). The buckets are
/// ACK S3 `Bucket`s, each in its region's cluster. Init containers cannot carry probes.
struct DisasterRecoveryBackup {
    static let awsImage = "amazon/aws-cli:2.36.7"
    static let redisImage = "redis:8.10.1"
    static let postgresImage = "postgres"
    static let scratch = "/backup"
    /// Where the kubectl image's files are mounted.
    static let kubectlMount = "/opt/kubectl"

    let objects: [KubernetesObject]

    /// The name of the DR backup.
    static func name(_ context: PlanContext) -> String { "\(context.platform.name)-dr-backup" }

    /// The upload script (bash, shellcheck-clean).
    static func script(backup: Regions.Backup, primary: String, prefix: String) -> String {
        let includes = backup.include.map(ShellWord.quoted).joined(separator: " ")
        let regions = backup.replicateTo.map(ShellWord.quoted).joined(separator: " ")
        return """
        #!/usr/bin/env bash
        # Copies each dump to the DR bucket, then replicates the run to every region's bucket.
        set -euo pipefail
        bucket="${BACKUP_BUCKET:-\(backup.bucket)}"
        source_region=\(ShellWord.quoted(primary))
        run="\(prefix)/$(date -u +%Y%m%dT%H%M%SZ)"
        includes=(\(includes))
        regions=(\(regions))
        status=0
        shopt -s nullglob
        for item in "${includes[@]}"; do
          dumps=("\(scratch)/${item}".*)
          if [ "${#dumps[@]}" -eq 0 ]; then
            echo "backup: no dump for ${item}" >&2
            status=1
            continue
          fi
          for file in "${dumps[@]}"; do
            if ! aws s3 cp --only-show-errors --region "$source_region" "$file" "${bucket}/${run}/${file##*/}"; then
              echo "backup: upload of ${file##*/} failed" >&2
              status=1
            fi
          done
        done
        for region in "${regions[@]}"; do
          if ! aws s3 sync --only-show-errors --source-region "$source_region" --region "$region" \\
            "${bucket}/${run}/" "${bucket}-${region}/${run}/"; then
            echo "backup: replication to ${region} failed" >&2
            status=1
          fi
        done
        exit "$status"

        """
    }

    init(backup: Regions.Backup, regions: Regions, context: PlanContext) {
        let name = Self.name(context)
        let labels = context.labels(component: "dr-backup", name: name)
        let selector = context.selector(name: name)
        let namespace = context.namespace
        let scratchMount: YAMLValue = ["name": "backup", "mountPath": .string(Self.scratch)]
        let tmpMount: YAMLValue = ["name": "tmp", "mountPath": "/tmp"]
        var initContainers: [YAMLValue] = []
        var egress: [YAMLValue] = [EgressPolicy.https, EgressPolicy.kubernetesAPI]
        var needsResourceReader = false
        for (item, content) in backup.items(in: context.spec) {
            switch content {
            case .resources:
                needsResourceReader = true
                // kubectl's binary (BackupJob.kubectlVolume) in the AWS CLI's image, whose shell writes the export.
                initContainers.append(Self.dumper(
                    name: item, image: Self.awsImage,
                    script: "\(Self.kubectlMount)/bin/kubectl get \(Self.resourceKinds.joined(separator: ",")) --namespace \(namespace) --output yaml > \(Self.scratch)/\(item).yaml",
                    env: [BatchContainer.env("HOME", "/tmp")],
                    mounts: [scratchMount, tmpMount, ["name": "kubectl", "mountPath": .string(Self.kubectlMount), "readOnly": true]]))
            case let .database(database):
                egress.append(EgressPolicy.pods(["cnpg.io/cluster": database.name], port: 5432))
                initContainers.append(Self.dumper(
                    name: item, image: "\(Self.postgresImage):\(database.version)",
                    script: "pg_dump --format=custom --file=\(Self.scratch)/\(item).dump",
                    env: [
                        BatchContainer.env("PGHOST", "\(database.name)-rw"),
                        BatchContainer.env("PGDATABASE", DatabaseCredentials.databaseName),
                        BatchContainer.secretEnv("PGUSER", secret: DatabaseCredentials.appSecret(database, in: context.spec), key: "username"),
                        BatchContainer.secretEnv("PGPASSWORD", secret: DatabaseCredentials.appSecret(database, in: context.spec), key: "password"),
                    ],
                    mounts: [scratchMount, tmpMount]))
            case let .redis(redis):
                egress.append(EgressPolicy.pods(context.selector(name: redis.name), port: 6379))
                initContainers.append(Self.dumper(
                    name: item, image: Self.redisImage,
                    script: "redis-cli -h \(redis.name) --rdb \(Self.scratch)/\(item).rdb",
                    env: [BatchContainer.secretEnv("REDISCLI_AUTH", secret: redis.name, key: "password", optional: true)],
                    mounts: [scratchMount, tmpMount]))
            }
        }
        let upload = BatchContainer.script(
            name: "upload", image: Self.awsImage, shell: "/bin/bash",
            script: Self.script(backup: backup, primary: regions.primary,
                                prefix: "\(context.platform.name)/\(context.platform.environment)"),
            env: [
                BatchContainer.env("HOME", "/tmp"),
                BatchContainer.env("AWS_DEFAULT_REGION", regions.primary),
            ],
            volumeMounts: [scratchMount, tmpMount])
        var podSpec: YAMLMap = [
            "serviceAccountName": .string(name),
            "automountServiceAccountToken": .bool(needsResourceReader),
            "restartPolicy": "Never",
            "securityContext": ContainerHardening.podSecurityContext,
        ]
        if !initContainers.isEmpty { podSpec["initContainers"] = .list(initContainers) }
        podSpec["containers"] = [upload]
        var volumes: [YAMLValue] = [["name": "backup", "emptyDir": [:]], ["name": "tmp", "emptyDir": [:]]]
        if needsResourceReader { volumes.append(BackupJob.kubectlVolume(context)) }
        podSpec["volumes"] = .list(volumes)
        let cronJob = BackupJob.cronJob(
            name: name, namespace: namespace, labels: labels,
            annotations: CheckovSkip.annotations([CheckovSkip.pinnedByTag]
                + (needsResourceReader ? [CheckovSkip("CKV_K8S_38", "kubectl exports the namespace's resources")] : [])
                + [CheckovSkip("CKV_K8S_35", "pg_dump reads the database's credentials from the environment")]),
            schedule: backup.schedule.expression, backoffLimit: 1, podSpec: podSpec)
        egress += EgressPolicy.cloudCredentials(context, serviceAccount: name)
        var objects = [
            KubernetesObject(apiVersion: "v1", kind: "ServiceAccount", name: name, namespace: namespace, labels: labels,
                             annotations: context.cloudIdentity(serviceAccount: name),
                             body: ["automountServiceAccountToken": .bool(needsResourceReader)]),
            cronJob,
            EgressPolicy(name: name, selector: selector, labels: labels, namespace: namespace, rules: egress).object,
        ]
        if needsResourceReader {
            objects += BackupJob.role(name: name, namespace: namespace, labels: labels, rules: Self.exportedResources.map { group in
                ["apiGroups": [.string(group.apiGroup)], "resources": .list(group.resources.map(YAMLValue.string)), "verbs": ["get", "list"]]
            })
        }
        self.objects = objects
    }

    /// What `kubernetes-resources` exports, by API group: the namespace's workloads, their
    /// configuration and the custom resources bizra-gen writes there. Never Secrets: their
    /// values live in the external secret store, and the ExternalSecrets that fetch them are exported.
    static let exportedResources: [(apiGroup: String, resources: [String])] = [
        ("", ["configmaps", "persistentvolumeclaims", "serviceaccounts", "services"]),
        ("apps", ["deployments", "statefulsets"]),
        ("autoscaling", ["horizontalpodautoscalers"]),
        ("autoscaling.k8s.io", ["verticalpodautoscalers"]),
        ("batch", ["cronjobs"]),
        ("external-secrets.io", ["externalsecrets", "secretstores"]),
        ("keda.sh", ["scaledobjects", "triggerauthentications"]),
        ("monitoring.coreos.com", ["podmonitors", "prometheusrules", "servicemonitors"]),
        ("networking.k8s.io", ["ingresses", "networkpolicies"]),
        ("policy", ["poddisruptionbudgets"]),
        ("postgresql.cnpg.io", ["clusters"]),
        ("s3.services.k8s.aws", ["buckets"]),
    ]

    /// `kubectl get`'s argument: each resource qualified by its group (`scaledobjects.keda.sh`).
    static var resourceKinds: [String] {
        exportedResources.flatMap { group in group.resources.map { group.apiGroup.isEmpty ? $0 : "\($0).\(group.apiGroup)" } }
    }

    /// A hardened init container writing one dump into the scratch volume.
    static func dumper(name: String, image: String, script: String, env: [YAMLValue], mounts: [YAMLValue]) -> YAMLValue {
        var container: YAMLMap = [
            "name": .string("dump-\(name)"),
            "image": .string(image),
            "imagePullPolicy": "Always",
            "command": ["/bin/sh", "-c", .string("set -eu; " + script)],
        ]
        if !env.isEmpty { container["env"] = .list(env) }
        container["resources"] = ContainerHardening.resources(BatchContainer.resources)
        container["securityContext"] = ContainerHardening.containerSecurityContext
        container["volumeMounts"] = .list(mounts)
        return .map(container)
    }
}
