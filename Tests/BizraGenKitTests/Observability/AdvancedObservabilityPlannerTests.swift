import BizraSpec
import Testing
@testable import BizraGenKit

@Suite("06-advanced-observability")
struct AdvancedObservabilityPlannerTests {
    let objects = AdvancedObservabilityPlanner().objects(for: ReferenceSpecFixture.context)

    @Test func everyObjectLivesInTheObservabilityNamespace() {
        #expect(!objects.isEmpty)
        for object in objects where !object.kind.hasPrefix("Cluster") {
            #expect(object.namespace == "observability", "\(object.kind)/\(object.name)")
        }
    }

    @Test func jaegerIsV2OnTheOpenTelemetryCollectorWithTheSpecOTLPPorts() throws {
        #expect(objects.object("Jaeger", "jaeger") == nil, "Jaeger v1 and its operator are past their end of life")
        let jaeger = try #require(objects.object("OpenTelemetryCollector", "jaeger"))
        #expect(jaeger.field("spec.image")?.stringValue?.hasPrefix("jaegertracing/jaeger:2.") == true)
        #expect(jaeger.field("spec.replicas") == 1, "the in-memory store is not shared between replicas")
        #expect(jaeger.field("spec.config.receivers.otlp.protocols.grpc.endpoint") == "0.0.0.0:4317")
        #expect(jaeger.field("spec.config.receivers.otlp.protocols.http.endpoint") == "0.0.0.0:4318")
        #expect(jaeger.field("spec.config.service.pipelines.traces.exporters") == ["jaeger_storage_exporter"])
        #expect(jaeger.field("spec.config.extensions.jaeger_query.storage.traces") == "memstore")
        #expect(jaeger.field("spec.config.exporters.jaeger_storage_exporter.trace_storage") == "memstore")
        #expect(jaeger.field("spec.podSecurityContext") == ContainerHardening.podSecurityContext)
    }

    @Test func collectorBatchesAndLimitsMemoryAsTheSpecSays() throws {
        let collector = try #require(objects.object("OpenTelemetryCollector", "otel"))
        #expect(collector.field("spec.replicas") == 2)
        let processors = try #require(collector.field("spec.config.processors"))
        #expect(processors["batch"]?["send_batch_size"] == 1024)
        #expect(processors["memory_limiter"]?["limit_mib"] == 512)
        #expect(processors["probabilistic_sampler"]?["sampling_percentage"] == 10)
        let attributes = try #require(processors["resource"]?["attributes"]?.listValue)
        #expect(attributes.contains { $0["key"] == "bizra.environment" && $0["value"] == "production" })
        #expect(attributes.contains { $0["key"] == "ihsan.min_score" && $0["value"] == 95 })
    }

    @Test func collectorExportsToEachListedExporter() throws {
        let collector = try #require(objects.object("OpenTelemetryCollector", "otel"))
        let exporters = try #require(collector.field("spec.config.exporters")?.mapValue)
        #expect(exporters.keys == ["otlp/jaeger", "prometheus", "debug"])
        #expect(exporters["otlp/jaeger"]?["endpoint"] == "jaeger-collector.observability.svc.cluster.local:4317")
        let traces = try #require(collector.field("spec.config.service.pipelines.traces"))
        #expect(traces["exporters"] == ["otlp/jaeger", "debug"])
        #expect(traces["processors"] == ["memory_limiter", "probabilistic_sampler", "resource", "batch"])
        #expect(collector.field("spec.config.service.pipelines.metrics.exporters") == ["prometheus", "debug"])
    }

    @Test func lokiKeepsLogsForTheRetentionOnItsOwnVolumes() throws {
        let loki = try #require(objects.object("StatefulSet", "loki"))
        #expect(loki.field("spec.replicas") == 1, "a filesystem store is not shared between replicas")
        #expect(loki.field("spec.volumeClaimTemplates.0.spec.resources.requests.storage") == "50Gi")
        let config = try #require(objects.object("ConfigMap", "loki-config")?.data("loki.yaml"))
        #expect(config.contains("retention_period: 168h"))
        #expect(config.contains("retention_enabled: true"))
        #expect(loki.container("loki")?["readinessProbe"]?["httpGet"]?["path"] == "/ready")
    }

    @Test func alloyTailsItsNodesPodsThroughTheAPIAndLabelsTheExtractedFields() throws {
        let config = try #require(objects.object("ConfigMap", "alloy-config")?.data("config.alloy"))
        #expect(config.contains("field = \"spec.nodeName=\" + sys.env(\"NODE_NAME\")"))
        #expect(config.contains("loki.source.kubernetes \"pods\" {"))
        #expect(config.contains("stage.json {"))
        #expect(config.contains("\"ahsan_score\" = \"ahsan_score\","))
        #expect(config.contains("stage.labels {"))
        #expect(config.contains("url = \"http://loki.observability.svc.cluster.local:3100/loki/api/v1/push\""))
        let daemonSet = try #require(objects.object("DaemonSet", "alloy"))
        #expect(daemonSet.field("spec.template.spec.serviceAccountName") == "alloy")
        #expect(daemonSet.container("alloy")?["image"] == "grafana/alloy:v1.18.1")
        #expect(daemonSet.field("spec.template.spec.volumes.1.hostPath") == nil)
        #expect(daemonSet.container("alloy")?["readinessProbe"]?["httpGet"]?["path"] == "/-/ready")
        let role = try #require(objects.object("ClusterRole", "alloy"))
        #expect(role.field("rules.0.resources") == ["namespaces", "pods", "pods/log"])
        #expect(objects.object("ClusterRoleBinding", "alloy") != nil)
    }

    @Test func alloyQuotesStringsAsAlloyLiterals() {
        #expect(AlloyBlock.quoted("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
    }

    @Test func tempoKeepsTracesForTheRetentionAndGeneratesMetrics() throws {
        let tempo = try #require(objects.object("StatefulSet", "tempo"))
        #expect(tempo.field("spec.replicas") == 1, "monolithic Tempo on local storage does not scale out")
        #expect(tempo.field("spec.volumeClaimTemplates.0.spec.resources.requests.storage") == "20Gi")
        let config = try #require(objects.object("ConfigMap", "tempo-config")?.data("tempo.yaml"))
        #expect(config.contains("block_retention: 168h"))
        #expect(config.contains("- service-graphs"))
        #expect(config.contains("- span-metrics"))
    }

    @Test func changesInTheSpecFollowIntoTheOutput() throws {
        var spec = ReferenceSpecFixture.spec
        spec.observability?.collector?.batchSize = 2048
        spec.observability?.logs?.loki.retention = .hours(72)
        spec.observability?.tracing?.jaeger.replicas = 4
        let changed = AdvancedObservabilityPlanner().objects(for: PlanContext(spec: spec))
        #expect(changed.object("OpenTelemetryCollector", "otel")?.field("spec.config.processors.batch.send_batch_size") == 2048)
        #expect(changed.object("ConfigMap", "loki-config")?.data("loki.yaml")?.contains("retention_period: 72h") == true)
        #expect(changed.object("OpenTelemetryCollector", "jaeger")?.field("spec.replicas") == 1, "one in-memory store")
        // The Loki pods roll with their configuration.
        #expect(changed.object("StatefulSet", "loki")?.field("spec.template.metadata.annotations")
            != objects.object("StatefulSet", "loki")?.field("spec.template.metadata.annotations"))
    }

    @Test func everyContainerIsHardenedWithResourcesAndProbes() {
        for object in objects {
            for container in object.field("spec.template.spec.containers")?.listValue ?? [] {
                let name = "\(object.kind)/\(object.name)"
                #expect(container["securityContext"] == ContainerHardening.containerSecurityContext, "\(name)")
                #expect(container["resources"]?["limits"] != nil, "\(name)")
                #expect(container["readinessProbe"] != nil && container["livenessProbe"] != nil, "\(name)")
                #expect(container["image"]?.stringValue?.contains(":latest") == false, "\(name)")
            }
        }
    }

    @Test func theManifestPassesTheSchemas() throws {
        let file = ManifestFile(path: "k8s/06-advanced-observability.yaml", objects: objects)
        guard let result = try ManifestValidation.validate(file, as: "06-advanced-observability.yaml") else {
            print("skipped: validate-manifests is not installed (run /work/shared/tools/install-validators)")
            return
        }
        #expect(result.status == 0, "\(result.output)")
    }
}
