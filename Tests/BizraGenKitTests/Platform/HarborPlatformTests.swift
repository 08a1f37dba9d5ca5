import BizraRules
import BizraSpec
import Foundation
import Testing
@testable import BizraGenKit

/// The second platform, Examples/harbor: services of every shape (a worker, exec, tcpSocket, gRPC
/// and startup probes, command, args, env, a security-context override), egress to a host and
/// to CIDRs, public routes by host with shares of the peak, a service behind another, two
/// replicated databases both backed up, ingress-nginx with cert-manager, the cluster's own
/// Prometheus and scheduling. It builds green with no workaround, and as the spec says.
@Suite struct HarborPlatformTests {
    static let path = ResilienceFixture.repository.appendingPathComponent("Examples/harbor/specs").path
    static let spec: Spec = {
        do {
            return try SpecLoader().load(path: path)
        } catch {
            fatalError("cannot load \(path): \(error)")
        }
    }()
    static let planned: PlannedPlatform = {
        do {
            return try BuildPipeline().plannedPlatform(spec)
        } catch {
            fatalError("cannot plan harbor: \(error)")
        }
    }()
    static var primary: PlannedCluster { planned.clusters.first { $0.name == "eu-west-2" }! }
    static var replica: PlannedCluster { planned.clusters.first { $0.name == "eu-central-1" }! }

    static func object(_ kind: String, _ name: String, in cluster: PlannedCluster = primary) throws -> KubernetesObject {
        try #require(cluster.objects.first { $0.object.kind == kind && $0.object.name == name }?.object, "no \(kind) \(name)")
    }

    static func container(of deployment: KubernetesObject) throws -> YAMLValue {
        try #require(deployment.value("spec.template.spec.containers")?[0])
    }

    @Test func itChecksWithNoFindingAndLeavesNoTraceOfTheReferencePlatform() throws {
        let findings = SpecChecker().check(Self.spec) + OutputChecker().check(Self.planned)
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
        let tree = try BuildPipeline().plan(Self.spec)
        for path in tree.sortedPaths {
            let found = NonReferencePlatformTests.leaks(in: path + "\n" + String(decoding: tree.files[path]!, as: UTF8.self))
            #expect(found.isEmpty, "\(path) mentions \(found)")
        }
    }

    @Test func aWorkerHasNoServiceNoPortsAndCommandProbes() throws {
        #expect(Self.primary.objects.first { $0.object.kind == "Service" && $0.object.name == "notifier" } == nil)
        let notifier = try Self.container(of: Self.object("Deployment", "notifier"))
        #expect(notifier["ports"] == nil)
        #expect(notifier["command"] == ["/usr/local/bin/notifier"])
        #expect(notifier["args"] == ["--queue", "shipment-events", "--concurrency", "8"])
        #expect(notifier["readinessProbe"]?["exec"]?["command"] == ["/usr/local/bin/notifier", "check", "--ready"])
        #expect(notifier["livenessProbe"]?["periodSeconds"] == 30)
        let env = (notifier["env"]?.listValue ?? []).compactMap { $0["name"]?.stringValue }
        #expect(env.starts(with: ["SMTP_HOST", "SMTP_PORT", "DATABASE_HOST"]), "the spec's env first, then the database's")
    }

    @Test func securityOverridesChangeOnlyWhatTheImageNeeds() throws {
        let deployment = try Self.object("Deployment", "notifier")
        let security = try #require(Self.container(of: deployment)["securityContext"])
        #expect(security["runAsUser"] == 10001 && security["readOnlyRootFilesystem"] == false)
        #expect(security["allowPrivilegeEscalation"] == false && security["runAsNonRoot"] == true)
        #expect(security["capabilities"]?["drop"] == ["ALL"])
        #expect(deployment.value("spec.template.spec.securityContext.runAsUser") == 10001)
        #expect(deployment.annotations.values.contains { $0.hasPrefix("CKV_K8S_22=") }, "checkov is told why the root filesystem is writable")
        let portal = try Self.container(of: Self.object("Deployment", "portal"))
        #expect(portal["securityContext"]?["readOnlyRootFilesystem"] == true && portal["securityContext"]?["runAsUser"] == 65532)
    }

    @Test func probesOfEveryKindAreWrittenAsKubernetesReadsThem() throws {
        let portal = try Self.container(of: Self.object("Deployment", "portal"))
        #expect(portal["startupProbe"]?["httpGet"] == ["path": "/healthz", "port": "http"])
        #expect(portal["livenessProbe"]?["tcpSocket"] == ["port": "http"])
        let rates = try Self.container(of: Self.object("Deployment", "rates"))
        #expect(rates["readinessProbe"]?["grpc"] == ["port": 50051], "GRPCAction takes a port number")
        #expect(rates["livenessProbe"]?["grpc"] == ["port": 50051, "service": "liveness"])
        let account = try Self.object("ServiceAccount", "tracking-api")
        #expect(account.annotations["example.org/owner"] == "tracking-team")
    }

    @Test func egressToAHostAdmitsPublicAddressesOnItsPortAndSaysSo() throws {
        let payments = try Self.object("NetworkPolicy", "allow-tracking-api-to-payments")
        let rule = try #require(payments.value("spec.egress")?[0])
        #expect(rule["to"]?[0]?["ipBlock"]?["cidr"] == "0.0.0.0/0")
        #expect(rule["to"]?[0]?["ipBlock"]?["except"]?.listValue?.contains("10.0.0.0/8") == true)
        #expect(rule["ports"] == [["protocol": "TCP", "port": 443]])
        #expect(payments.annotations[NetworkPolicyPlan.egressNoteAnnotation]?.hasPrefix("api.payments.example.com:443/TCP") == true)
        let smtp = try Self.object("NetworkPolicy", "allow-notifier-to-smtp")
        #expect(smtp.value("spec.egress")?[0]?["to"] == [["ipBlock": ["cidr": "198.51.100.0/28"]]])
        #expect(smtp.value("spec.egress")?[0]?["ports"] == [["protocol": "TCP", "port": 587]])
    }

    @Test func theRoutesAreTheIngressAndTheCertificateUnderIngressNginx() throws {
        let ingress = try Self.object("Ingress", "harbor")
        #expect(ingress.value("spec.ingressClassName") == "nginx")
        #expect(ingress.value("spec.rules")?.listValue?.map { $0["host"] } == ["harbor.example.org", "api.harbor.example.org"])
        #expect(ingress.value("spec.tls")?[0]?["secretName"] == "harbor-tls")
        #expect(!ingress.annotations.keys.contains { $0.hasPrefix("alb.") }, "no ALB annotations for ingress-nginx")
        let certificate = try Self.object("Certificate", "harbor-tls", in: Self.replica)
        #expect(certificate.value("spec.dnsNames") == ["harbor.example.org", "api.harbor.example.org"])
        #expect(certificate.value("spec.issuerRef.name") == "letsencrypt-dns")
        let admitted = try Self.object("NetworkPolicy", "allow-load-balancer-to-tracking-api")
        #expect(admitted.value("spec.ingress")?[0]?["from"]?[0]?["namespaceSelector"]?["matchLabels"] == ["kubernetes.io/metadata.name": "ingress-nginx"])
    }

    @Test func eachServiceCarriesItsShareOfThePeak() {
        let carriers = RegionCapacity.carriers(Self.spec).map { "\($0.service.name) \(NumberText.decimal($0.percent))%" }
        #expect(carriers == ["portal 30%", "tracking-api 70%", "rates 20%"], "the worker and what no route reaches carry nothing")
    }

    @Test func bothDatabasesReplicateAndAreBackedUp() throws {
        for name in ["shipments", "events"] {
            let replica = try Self.object("Cluster", name, in: Self.replica)
            #expect(replica.value("spec.replica.enabled") == true)
            let primary = try Self.object("Cluster", name)
            #expect(primary.value("spec.backup.barmanObjectStore.destinationPath") == "s3://harbor-dr-backups/harbor/production/archive")
            _ = try Self.object("CronJob", "\(name)-base-backup")
        }
        let backup = try Self.object("CronJob", "harbor-dr-backup")
        let dumps = backup.value("spec.jobTemplate.spec.template.spec.initContainers")?.listValue?.compactMap { $0["name"]?.stringValue }
        #expect(dumps == ["dump-kubernetes-resources", "dump-shipments", "dump-events"])
        let alerts = try Self.object("PrometheusRule", "harbor-replication", in: Self.replica)
        let exprs = (alerts.value("spec.groups")?[0]?["rules"]?.listValue ?? []).compactMap { $0["expr"]?.stringValue }
        #expect(exprs.contains { $0.contains("pod=~\"shipments-[0-9]+\"") } && exprs.contains { $0.contains("pod=~\"events-[0-9]+\"") },
                "each database's alerts watch its own instances")
        let tracking = try Self.container(of: Self.object("Deployment", "tracking-api"))
        #expect((tracking["env"]?.listValue ?? []).contains { $0["name"] == "DATABASE_HOST" && $0["value"] == "shipments-rw" })
    }

    @Test func theClustersOwnPrometheusOperatorsAndSchedulingAreUsed() throws {
        let scrape = try Self.object("NetworkPolicy", "allow-prometheus-to-portal")
        let from = scrape.value("spec.ingress")?[0]?["from"]?[0]
        #expect(from?["namespaceSelector"]?["matchLabels"] == ["kubernetes.io/metadata.name": "observability-system"])
        #expect(from?["podSelector"]?["matchLabels"] == ["app.kubernetes.io/name": "prometheus", "prometheus": "k8s"])
        let operatorPolicy = try Self.object("NetworkPolicy", "allow-cnpg-operator-to-events")
        #expect(operatorPolicy.value("spec.ingress")?[0]?["from"]?[0]?["namespaceSelector"]?["matchLabels"] == ["kubernetes.io/metadata.name": "postgres-operator"])
        let pod = try Self.object("Deployment", "rates").value("spec.template.spec")
        #expect(pod?["nodeSelector"] == ["node.harbor.example.org/pool": "apps"])
        #expect(pod?["tolerations"] == [["key": "dedicated", "operator": "Equal", "value": "apps", "effect": "NoSchedule"]])
        #expect(try Self.object("Cluster", "events").value("spec.affinity.nodeSelector") == ["node.harbor.example.org/pool": "apps"])
    }
}
