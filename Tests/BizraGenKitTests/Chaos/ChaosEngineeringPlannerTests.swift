import BizraTestSupport
import BizraSpec
import Foundation
import Testing
@testable import BizraGenKit

@Suite("Chaos engineering (08)")
struct ChaosEngineeringPlannerTests {
    typealias F = ResilienceFixture
    let objects = ChaosEngineeringPlanner().objects(for: PlanContext(spec: ResilienceFixture.spec))

    @Test func oneObjectPerExperimentOfItsKind() {
        let expected = [
            ("NetworkChaos", "network-latency"), ("PodChaos", "pod-failure"), ("StressChaos", "cpu-stress"),
            ("StressChaos", "memory-stress"), ("IOChaos", "io-latency"), ("HTTPChaos", "http-fault"),
        ]
        for (kind, name) in expected {
            let object = F.find(objects, kind, name)
            #expect(object != nil, "\(kind)/\(name)")
            #expect(object?.namespace == "chaos-testing")
            #expect(F.value(object, "spec.selector.namespaces") == ["bizra-production"])
            #expect(F.value(object, "spec.selector.labelSelectors.app.kubernetes.io/name") == nil) // keys hold dots: check the map
            #expect(F.value(object, "spec.selector.labelSelectors")?.mapValue?["app.kubernetes.io/name"] == "bizra-node0")
        }
    }

    @Test func experimentFieldsComeFromTheSpec() {
        let network = F.find(objects, "NetworkChaos", "network-latency")
        #expect(F.value(network, "spec.action") == "delay")
        #expect(F.value(network, "spec.delay.latency") == "100ms")
        #expect(F.value(network, "spec.delay.jitter") == "10ms")
        #expect(F.value(network, "spec.duration") == "3m")
        let pod = F.find(objects, "PodChaos", "pod-failure")
        #expect(F.value(pod, "spec.action") == "pod-failure")
        #expect(F.value(pod, "spec.mode") == "one")
        #expect(F.value(pod, "spec.duration") == "2m")
        let cpu = F.find(objects, "StressChaos", "cpu-stress")
        #expect(F.value(cpu, "spec.stressors.cpu.workers") == 2)
        #expect(F.value(cpu, "spec.stressors.cpu.load") == 80)
        let memory = F.find(objects, "StressChaos", "memory-stress")
        #expect(F.value(memory, "spec.stressors.memory.size") == "512MiB")
        #expect(F.value(memory, "spec.stressors.memory.workers") == 1)
        let io = F.find(objects, "IOChaos", "io-latency")
        #expect(F.value(io, "spec.action") == "latency")
        #expect(F.value(io, "spec.delay") == "100ms")
        #expect(F.value(io, "spec.percent") == 50)
        #expect(F.value(io, "spec.volumePath") == "/data")
        let http = F.find(objects, "HTTPChaos", "http-fault")
        #expect(F.value(http, "spec.target") == "Request")
        #expect(F.value(http, "spec.port") == 8080)
        #expect(F.value(http, "spec.path") == "/api/*")
        #expect(F.value(http, "spec.abort") == true)
    }

    @Test func pausedChaosCarriesThePauseAnnotation() {
        for kind in ["NetworkChaos", "PodChaos", "StressChaos", "IOChaos", "HTTPChaos", "Schedule"] {
            for object in objects where object.kind == kind {
                #expect(object.annotations["experiment.chaos-mesh.org/pause"] == "true", "\(kind)/\(object.name)")
            }
        }
        var spec = F.spec
        spec.chaos?.paused = false
        let running = ChaosEngineeringPlanner().objects(for: PlanContext(spec: spec))
        #expect(running.allSatisfy { $0.annotations["experiment.chaos-mesh.org/pause"] == nil })
        #expect(F.value(F.find(running, "Job", "resilience-test-verify"), "spec.suspend") == false)
    }

    @Test func pausedChaosHasNoStandaloneWorkflowThatWouldRunOnApply() throws {
        #expect(F.find(objects, "Workflow", "resilience-test") == nil)
        var spec = F.spec
        spec.chaos?.paused = false
        let running = ChaosEngineeringPlanner().objects(for: PlanContext(spec: spec))
        let workflow = try #require(F.find(running, "Workflow", "resilience-test"))
        #expect(F.value(workflow, "spec") == F.value(F.find(running, "Schedule", "resilience-test"), "spec.workflow"))
    }

    @Test func workflowRunsTheStepsInOrderThenVerifies() throws {
        let schedule = try #require(F.find(objects, "Schedule", "resilience-test"))
        #expect(F.value(schedule, "spec.workflow.entry") == "resilience-test")
        let templates = try #require(F.value(schedule, "spec.workflow.templates")?.listValue)
        let entry = try #require(templates.first { $0["name"] == "resilience-test" })
        #expect(entry["templateType"] == "Serial")
        #expect(entry["children"] == ["network-latency", "pod-failure", "cpu-stress", "http-fault", "verify-ihsan-score"])
        let step = try #require(templates.first { $0["name"] == "cpu-stress" })
        #expect(step["templateType"] == "StressChaos")
        #expect(step["deadline"] == "3m")
        #expect(step["stressChaos"]?["stressors"]?["cpu"]?["load"] == 80)
        let verify = try #require(templates.first { $0["name"] == "verify-ihsan-score" })
        #expect(verify["templateType"] == "Task")
        let script = try #require(verify["task"]?["container"]?["command"]?[2]?.stringValue)
        #expect(script.contains("query='avg(ahsan_compliance_score{namespace=\"bizra-production\"})'"))
        #expect(script.contains("IHSAN_SCORE_MIN:-95}"))
        #expect(verify["task"]?["container"]?["securityContext"] == ContainerHardening.containerSecurityContext)
    }

    @Test func verificationThresholdDefaultsToTheSLADuringChaos() throws {
        var spec = F.spec
        spec.chaos?.workflow?.verify = nil
        spec.sla.ihsanScore?.duringChaos = 91.5
        let job = F.find(ChaosEngineeringPlanner().objects(for: PlanContext(spec: spec)), "Job", "resilience-test-verify")
        let script = try #require(F.value(job, "spec.template.spec.containers.0.command.2")?.stringValue)
        #expect(script.contains("IHSAN_SCORE_MIN:-91.5}"))
    }

    @Test func scheduleEmbedsTheWorkflow() throws {
        let schedule = try #require(F.find(objects, "Schedule", "resilience-test"))
        #expect(F.value(schedule, "spec.schedule") == "0 2 * * 0")
        #expect(F.value(schedule, "spec.type") == "Workflow")
        #expect(F.value(schedule, "spec.concurrencyPolicy") == "Forbid")
    }

    @Test func verificationJobIsHardenedAndHasItsOwnServiceAccount() throws {
        let job = try #require(F.find(objects, "Job", "resilience-test-verify"))
        #expect(F.value(job, "spec.suspend") == true)
        #expect(F.value(job, "spec.template.spec.serviceAccountName") == "resilience-test-verify")
        #expect(F.value(job, "spec.template.spec.securityContext") == ContainerHardening.podSecurityContext)
        let container = try #require(F.value(job, "spec.template.spec.containers.0"))
        #expect(container["securityContext"] == ContainerHardening.containerSecurityContext)
        #expect(container["resources"]?["limits"] != nil)
        #expect(container["readinessProbe"] != nil && container["livenessProbe"] != nil)
        #expect(F.find(objects, "ServiceAccount", "resilience-test-verify") != nil)
        #expect(!objects.contains { $0.kind.contains("ClusterRole") })
    }

    @Test(.enabled(if: Tools.isInstalled("promtool"), "needs promtool: make tools installs it")) func alertsUseTheSLADuringChaos() throws {
        let rule = try #require(F.find(objects, "PrometheusRule", "bizra-chaos"))
        let rules = try #require(F.value(rule, "spec.groups.0.rules")?.listValue)
        let ihsan = try #require(rules.first { $0["alert"] == "IhsanDegradedDuringChaos" })
        #expect(ihsan["expr"]?.stringValue?.hasPrefix("avg(ahsan_compliance_score{namespace=\"bizra-production\"}) < 95 ") == true)
        let phases = ["injecting", "running", "finished", "paused", "deleting"] // chaos-mesh pkg/status/status.go
        for rule in rules {
            let expr = rule["expr"]?.stringValue ?? ""
            for phase in expr.matches(of: /phase="([a-z]+)"/).map({ String($0.1) }) {
                #expect(phases.contains(phase), "\(rule["alert"] ?? "") queries a phase Chaos Mesh never reports: \(phase)")
            }
            #expect(!expr.contains("increase(chaos_controller_manager_chaos_experiments"), "the experiments metric is a gauge")
        }
        let failed = try #require(rules.first { $0["alert"] == "ChaosExperimentFailed" })
        #expect(failed["expr"]?.stringValue?.contains(#"phase="injecting""#) == true && failed["for"] == "10m")
        let verification = try #require(rules.first { $0["alert"] == "ChaosVerificationFailed" })
        #expect(verification["expr"]?.stringValue?.contains(#"kube_pod_status_phase{namespace="chaos-testing",phase="Failed"}"#) == true,
                "the Schedule's Task runs as a bare Pod, not the suspended Job")
        let result = try F.checkRules(rule); do {
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test(.enabled(if: Tools.isInstalled("shellcheck"), "needs shellcheck: make tools installs it")) func verificationScriptPassesShellcheck() throws {
        let job = F.find(objects, "Job", "resilience-test-verify")
        let script = try #require(F.value(job, "spec.template.spec.containers.0.command.2")?.stringValue)
        let result = try F.shellcheck(script); do {
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test(.enabled(if: Tools.isInstalled("validate-manifests"), "needs validate-manifests: make tools installs it")) func manifestValidatesAgainstTheCRDs() throws {
        let result = try F.validate(objects, as: "08-chaos-engineering.yaml"); do {
            #expect(result.status == 0, "\(result.output)")
            #expect(result.output.contains(" 0 problems"), "\(result.output)")
        }
    }
}
