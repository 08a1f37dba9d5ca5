import BizraSpec
import Foundation
import Testing
@testable import BizraGenKit

/// Renders manifests 01–05 of the reference platform (the embedded reference spec); with `BIZRA_CORE_RENDER_DIR` set, writes them
/// there for `validate-manifests`.
@Suite struct CoreManifestsRenderTests {
    static let planners: [any ManifestPlanner] = [
        NamespacesPlanner(), ConfigSecretsPlanner(), WorkloadsPlanner(), ServicesIngressPlanner(), MonitoringPlanner(),
    ]

    @Test func fileNames() {
        #expect(Self.planners.map(\.fileName)
            == ["01-namespaces.yaml", "02-config-secrets.yaml", "03-workloads.yaml", "04-services-ingress.yaml", "05-monitoring.yaml"])
    }

    @Test func theLoadedReferenceSpecPlansLikeTheFixture() throws {
        let loaded = PlanContext(spec: try SpecLoader().loadReference())
        for planner in Self.planners {
            #expect(ManifestFile(path: "", objects: planner.objects(for: loaded)).render()
                == ManifestFile(path: "", objects: planner.objects(for: CoreFixture.context)).render(), "\(planner.fileName)")
        }
    }

    @Test func renderingIsDeterministicAndEveryContainerIsHardened() throws {
        let context = PlanContext(spec: try SpecLoader().loadReference())
        for planner in Self.planners {
            let objects = planner.objects(for: context)
            let text = ManifestFile(path: "k8s/\(planner.fileName)", objects: objects).render()
            #expect(text == ManifestFile(path: "k8s/\(planner.fileName)", objects: planner.objects(for: context)).render())
            for cluster in context.clusters {
                let keys = objects.filter { $0.placement.includes(cluster) }.map { "\($0.kind)/\($0.namespace ?? "")/\($0.name)" }
                #expect(Set(keys).count == keys.count, "duplicate objects in \(cluster)'s \(planner.fileName)")
            }
            if let directory = ProcessInfo.processInfo.environment["BIZRA_CORE_RENDER_DIR"] {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try text.write(toFile: "\(directory)/\(planner.fileName)", atomically: true, encoding: .utf8)
            }
            for deployment in objects where deployment.kind == "Deployment" {
                for container in deployment.coreField("spec", "template", "spec", "containers")?.listValue ?? [] {
                    #expect(container["securityContext"] == ContainerHardening.containerSecurityContext)
                    #expect(container["resources"]?["requests"] != nil && container["resources"]?["limits"] != nil)
                    #expect(container["readinessProbe"] != nil && container["livenessProbe"] != nil)
                }
            }
        }
    }
}
