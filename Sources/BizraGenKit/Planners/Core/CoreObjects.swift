import BizraSpec

/// Small builders shared by the planners of manifests 01–05.
enum CoreObjects {
    /// The label every platform service's objects carry as `app.kubernetes.io/component`.
    static let serviceComponent = "service"

    /// `matchLabels` of a workload's selector.
    static func matchLabels(_ context: PlanContext, name: String) -> YAMLValue {
        .map(YAMLMap(sortedKeys: context.selector(name: name)))
    }

    /// A label map as a YAML value, keys sorted.
    static func labelMap(_ labels: [String: String]) -> YAMLValue {
        .map(YAMLMap(sortedKeys: labels))
    }

    /// Whole seconds of a duration (at least `minimum`).
    static func seconds(_ duration: TimeSpan, minimum: Int = 0) -> Int {
        max(minimum, Int(duration.milliseconds / 1_000))
    }

    /// The namespaces the platform's objects live in, in a stable order without duplicates:
    /// the services' namespace, then observability and chaos when the spec has them.
    static func namespaces(of spec: Spec) -> [String] {
        var names: [String] = []
        for name in [spec.platform.namespace, spec.observability?.namespace, spec.chaos?.namespace].compactMap({ $0 })
        where !names.contains(name) {
            names.append(name)
        }
        return names
    }
}
