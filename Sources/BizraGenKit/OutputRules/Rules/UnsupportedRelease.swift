import BizraSpec

/// OUT009: an image or component release that upstream has removed or no longer supports.
public struct UnsupportedRelease: OutputRule {
    public static let identifier = "OUT009"
    public static let severity = Severity.error
    public static let summary = "an image or component release that upstream has removed or no longer supports"
    public static let explanation = """
        An image whose repository is gone cannot be pulled, and a release past its end of life gets \
        no security fixes: the pod either never starts or runs known vulnerabilities. Every image \
        bizra-gen writes is checked against what upstream publishes and supports (the README's \
        "Versions" table has the sources); a retired one names its successor.
        """
    public static let triggeringExamples = [
        OutputRuleExample("the log collector's image set back to grafana/promtail:3.1.1") { platform in
            platform.editCluster { $0.edit({ $0.kind == "DaemonSet" }) { daemonSet in
                daemonSet = UnsupportedRelease.replacingImages(of: daemonSet, with: "grafana/promtail:3.1.1")
            } }
        },
        OutputRuleExample("Redis set back to redis:6.2") { platform in
            platform.editCluster { $0.edit({ $0.kind == "StatefulSet" && $0.name == "redis-cluster" }) { statefulSet in
                statefulSet = UnsupportedRelease.replacingImages(of: statefulSet, with: "redis:6.2")
            } }
        },
    ]

    public init() {}

    public func check(_ platform: PlannedPlatform) -> [Finding] {
        platform.distinctObjects.flatMap { planned, cluster in
                Self.images(of: planned.object).compactMap { image in
                    switch ImageReleases.verdict(image) {
                    case .supported: nil
                    case .retired(let reason, let successor):
                        finding("image \(image): \(reason); use \(successor)", about: planned, in: cluster, platform: platform)
                    case .tooOld(let oldest):
                        finding("image \(image) is older than \(oldest), the oldest release upstream supports", about: planned, in: cluster, platform: platform)
                    }
                }
        }
    }

    /// Every image an object names: its pods' containers, and the images of the operators' resources.
    static func images(of object: KubernetesObject) -> [String] {
        if let spec = PlannedPod.podTemplate(of: object)?["spec"] {
            return ((spec["initContainers"]?.listValue ?? []) + (spec["containers"]?.listValue ?? [])).compactMap { $0["image"]?.stringValue }
                + (spec["volumes"]?.listValue ?? []).compactMap { $0["image"]?["reference"]?.stringValue }
        }
        return [object.value("spec.imageName"), object.value("spec.image")].compactMap { $0?.stringValue }
    }

    /// `object` with every container image replaced; for examples.
    static func replacingImages(of object: KubernetesObject, with image: String) -> KubernetesObject {
        var object = object
        func replace(_ value: YAMLValue) -> YAMLValue {
            switch value {
            case .map(var map):
                for key in map.keys {
                    if key == "image", map[key]?.stringValue != nil { map[key] = .string(image) } else { map[key] = map[key].map(replace) }
                }
                return .map(map)
            case .list(let items): return .list(items.map(replace))
            default: return value
            }
        }
        object.body = replace(.map(object.body)).mapValue ?? object.body
        return object
    }
}
