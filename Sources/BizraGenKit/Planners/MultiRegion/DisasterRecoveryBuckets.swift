import BizraSpec

/// The DR backup's buckets as ACK S3 `Bucket`s (s3.services.k8s.aws/v1alpha1): the bucket of
/// `backup.bucket` in the primary region's cluster, and `<bucket>-<region>` for each
/// `replicateTo` region in that region's cluster, so each is created in its own region
/// (`services.k8s.aws/region`, `createBucketConfiguration.locationConstraint`) by the ACK S3
/// controller running there. Private, encrypted and versioned.
enum DisasterRecoveryBuckets {
    /// `s3://name/prefix` → `name`.
    static func bucketName(_ url: String) -> String {
        let trimmed = url.hasPrefix("s3://") ? String(url.dropFirst(5)) : url
        return String(trimmed.split(separator: "/", maxSplits: 1).first ?? Substring(trimmed))
    }

    static func objects(backup: Regions.Backup, regions: Regions, context: PlanContext) -> [KubernetesObject] {
        let base = bucketName(backup.bucket)
        let placements = [(base, regions.primary)] + backup.replicateTo.map { ("\(base)-\($0)", $0) }
        return placements.map { name, region in
            bucket(name: name, region: region, context: context).placed(in: region)
        }
    }

    static func bucket(name: String, region: String, context: PlanContext) -> KubernetesObject {
        var spec: YAMLMap = [
            "name": .string(name),
            "publicAccessBlock": [
                "blockPublicACLs": true, "blockPublicPolicy": true, "ignorePublicACLs": true, "restrictPublicBuckets": true,
            ],
            "encryption": ["rules": [["applyServerSideEncryptionByDefault": ["sseAlgorithm": "AES256"]]]],
            "versioning": ["status": "Enabled"],
        ]
        // S3 refuses a location constraint of us-east-1, its default region (CreateBucket API reference).
        if region != "us-east-1" {
            spec["createBucketConfiguration"] = ["locationConstraint": .string(region)]
        }
        return KubernetesObject(
            apiVersion: "s3.services.k8s.aws/v1alpha1", kind: "Bucket", name: name, namespace: context.namespace,
            labels: context.labels(component: "dr-backup", name: name),
            annotations: ["services.k8s.aws/region": region],
            body: ["spec": .map(spec)])
    }
}
