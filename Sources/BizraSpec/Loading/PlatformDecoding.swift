extension Decode {
    static func amounts(_ what: String) -> (SpecNode, DecodeContext) -> ResourceAmounts? {
        object(what) { r in
            guard let (cpu, memory) = all(r.required("cpu", Decode.unit) as CPU?, r.required("memory", Decode.unit) as ByteSize?)
            else { return nil }
            var value = ResourceAmounts(cpu: cpu, memory: memory)
            value.source = r.source
            return value
        }
    }

    static func resources(_ what: String) -> (SpecNode, DecodeContext) -> Resources? {
        object(what) { r in
            guard let (requests, limits) = all(r.required("requests", amounts("\(what).requests")),
                                               r.required("limits", amounts("\(what).limits"))) else { return nil }
            var value = Resources(requests: requests, limits: limits)
            value.source = r.source
            return value
        }
    }

    static var platform: (SpecNode, DecodeContext) -> Platform? { checked(object("platform") { r -> Platform? in
        let name = r.required("name", Decode.string)
        let environment = r.required("environment", Decode.string)
        let namespace = r.required("namespace", Decode.string)
        let domain = r.required("domain", Decode.string)
        let kubernetesVersion = r.optional("kubernetesVersion", default: "1.36", Decode.string)
        let labels = r.optional("labels", default: [:], Decode.stringMap)
        let quota = r.optional("quota", Decode.object("platform.quota") { q -> Quota? in
            guard let (requests, limits, pods) = all(q.required("requests", amounts("quota.requests")),
                                                     q.required("limits", amounts("quota.limits")),
                                                     q.required("pods", Decode.int)) else { return nil }
            var quota = Quota(requests: requests, limits: limits, pods: pods)
            quota.source = q.source
            return quota
        })
        let priorityClasses = r.optional("priorityClasses", default: [], items("priorityClass") { p -> PriorityClass? in
            let required = all(p.required("name", Decode.string), p.required("value", Decode.int))
            let description = p.optional("description", Decode.string)
            let isDefault = p.optional("default", default: false, Decode.bool)
            guard let (name, value) = required else { return nil }
            var priority = PriorityClass(name: name, value: value, description: description, default: isDefault)
            priority.source = p.source
            return priority
        })
        let gitops = r.optional("gitops", default: GitOps(), Decode.object("platform.gitops") { g -> GitOps? in
            var gitops = GitOps(repository: g.optional("repository", Decode.string),
                                branch: g.optional("branch", default: "main", Decode.string),
                                path: g.optional("path", Decode.string))
            gitops.source = g.source
            return gitops
        })
        let aws = r.optional("aws", Decode.object("platform.aws") { a -> Platform.AWS? in
            guard let accountId = a.required("accountId", Decode.string) else { return nil }
            var aws = Platform.AWS(accountId: accountId)
            aws.source = a.source
            return aws
        })
        let cluster = r.optional("cluster", default: ClusterConventions(), Decode.object("platform.cluster", Decode.clusterConventions))
        guard let (name, environment, namespace, domain) = all(name, environment, namespace, domain) else { return nil }
        var platform = Platform(name: name, environment: environment, namespace: namespace, domain: domain,
                                kubernetesVersion: kubernetesVersion, labels: labels, quota: quota,
                                priorityClasses: priorityClasses, gitops: gitops, aws: aws, cluster: cluster)
        platform.source = r.source
        return platform
    }, SpecValues.platform) }
}
