import BizraSpec

/// Per service: the VerticalPodAutoscaler (`autoscaling.vpa`) and, for `engine: keda`, the KEDA
/// ScaledObject with its triggers and the TriggerAuthentication its Redis trigger uses.
enum ServiceAutoscalingPlan {
    static let component = "autoscaling"

    static func objects(_ context: PlanContext, service: Service) -> [KubernetesObject] {
        guard let autoscaling = service.autoscaling else { return [] }
        var objects: [KubernetesObject] = []
        if let vpa = autoscaling.vpa { objects.append(verticalPodAutoscaler(context, service: service, vpa: vpa)) }
        if autoscaling.engine == .keda { objects += keda(context, service: service, autoscaling: autoscaling) }
        return objects
    }

    static func verticalPodAutoscaler(_ context: PlanContext, service: Service, vpa: VPA) -> KubernetesObject {
        KubernetesObject(
            apiVersion: "autoscaling.k8s.io/v1", kind: "VerticalPodAutoscaler", name: service.name,
            namespace: context.namespace, labels: context.labels(component: component, name: service.name),
            body: ["spec": [
                "targetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": .string(service.name)],
                "updatePolicy": ["updateMode": .string(vpa.mode.rawValue)],
                "resourcePolicy": ["containerPolicies": [[
                    "containerName": .string(service.name),
                    "minAllowed": ContainerHardening.amounts(vpa.min),
                    "maxAllowed": ContainerHardening.amounts(vpa.max),
                ]]],
            ]])
    }

    /// The TriggerAuthentication of a service's Redis triggers.
    static func redisAuthentication(_ service: Service) -> String { "\(service.name)-redis-auth" }

    /// What KEDA is given for a prometheus trigger. KEDA's default target (`AverageValue`) wants
    /// ceil(value / threshold) replicas: more as the value rises. A value that falls under load
    /// (`scaleOutWhen: below`) is turned into the ratio threshold / value with a `Value` target of
    /// 1, for which the HPA wants ceil(current replicas × threshold / value) (kubernetes.io,
    /// "Horizontal Pod Autoscaling", algorithm details; keda-docs reference/scaledobject-spec.md,
    /// `metricType`): more replicas as the value falls under the threshold, none taken away above
    /// it beyond what the other triggers allow. The value is floored at a thousandth of the
    /// threshold so that a value of zero asks for the most replicas rather than a division by zero.
    static func prometheusTarget(query: String, threshold: Double, activation: Double?, _ direction: Trigger.ScaleOutWhen)
        -> (query: String, threshold: Double, activation: Double?, metricType: String?) {
        switch direction {
        case .above:
            return (query, threshold, activation, nil)
        case .below:
            let ratio = "\(NumberText.decimal(threshold)) / clamp_min((\(query)), \(NumberText.decimal(threshold / 1000)))"
            return (ratio, 1, activation.map { threshold / $0 }, "Value")
        }
    }

    static func keda(_ context: PlanContext, service: Service, autoscaling: Autoscaling) -> [KubernetesObject] {
        let redis = context.spec.caching?.redis
        let secret = redis.flatMap { RedisClusterPlan.passwordSecret(context.spec, redis: $0) }
        var usesRedisAuth = false
        let triggers: [YAMLValue] = autoscaling.triggers.map { trigger in
            switch trigger.kind {
            case .cpu(let target), .memory(let target):
                return [
                    "name": .string(trigger.name), "type": .string(trigger.kind.typeName), "metricType": "Utilization",
                    "metadata": ["value": .string(NumberText.decimal(target.value))],
                ]
            case .prometheus(let query, let threshold, let activation, let direction):
                let target = prometheusTarget(query: query, threshold: threshold, activation: activation, direction)
                var metadata: YAMLMap = [
                    "serverAddress": .string(ObservabilityStack.prometheusURL(context.spec)),
                    "query": .string(target.query),
                    "threshold": .string(NumberText.decimal(target.threshold)),
                ]
                // KEDA ignores activation unless the workload can scale to zero (keda-docs
                // concepts/scaling-deployments.md, "Activating and Scaling thresholds").
                if autoscaling.min == 0 {
                    metadata.set("activationThreshold", target.activation.map { .string(NumberText.decimal($0)) })
                }
                var entry: YAMLMap = ["name": .string(trigger.name), "type": "prometheus"]
                entry.set("metricType", target.metricType.map(YAMLValue.string))
                entry["metadata"] = .map(metadata)
                return .map(entry)
            case .redis(let list, let length, let connection):
                let address = redis.map { RedisClusterPlan.address(context, $0) }
                    ?? "\(connection).\(context.namespace).svc.cluster.local:\(RedisClusterPlan.clientPort)"
                var entry: YAMLMap = [
                    "name": .string(trigger.name), "type": "redis-cluster",
                    "metadata": ["addresses": .string(address), "listName": .string(list), "listLength": .string("\(length)")],
                ]
                if secret != nil {
                    usesRedisAuth = true
                    entry["authenticationRef"] = ["name": .string(redisAuthentication(service))]
                }
                return .map(entry)
            }
        }
        var objects = [KubernetesObject(
            apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", name: service.name, namespace: context.namespace,
            labels: context.labels(component: component, name: service.name),
            body: ["spec": [
                "scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": .string(service.name)],
                "minReplicaCount": .int(autoscaling.min),
                "maxReplicaCount": .int(autoscaling.max),
                "pollingInterval": .int(max(1, Int(autoscaling.pollingInterval.milliseconds / 1_000))),
                // `cooldownPeriod` only applies when scaling to zero (keda-docs reference/scaledobject-spec.md);
                // the HPA's scale-down stabilisation window is what waits `cooldown` before scaling in.
                "advanced": ["horizontalPodAutoscalerConfig": ["behavior": ["scaleDown": [
                    "stabilizationWindowSeconds": .int(min(3_600, Int(autoscaling.cooldown.milliseconds / 1_000))),
                ]]]],
                "triggers": .list(triggers),
            ]])]
        if usesRedisAuth, let secret {
            objects.append(KubernetesObject(
                apiVersion: "keda.sh/v1alpha1", kind: "TriggerAuthentication", name: redisAuthentication(service),
                namespace: context.namespace,
                labels: context.labels(component: component, name: redisAuthentication(service)),
                body: ["spec": ["secretTargetRef": [[
                    "parameter": "password", "name": .string(secret.name), "key": .string(secret.key),
                ]]]]))
        }
        return objects
    }
}
