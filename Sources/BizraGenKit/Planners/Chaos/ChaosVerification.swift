import BizraSpec

/// The check that ends every chaos run: it queries Prometheus and fails (exit 1) when the target
/// namespace missed what the SLA asks after chaos. With `sla.ihsanScore`, that is the average ihsan
/// score against the workflow's minimum (``IhsanScoreCheck``); without, the SLA's p95 latency and
/// error rate against their targets (``SLACheck``).
struct ChaosVerification {
    /// curl with a busybox shell, for the query.
    static let image = "curlimages/curl:8.10.1"

    /// The container's name, which is also the name of the workflow's verification Task.
    let containerName: String
    /// The POSIX shell script (shellcheck-clean).
    let script: String
    /// What a failed check says of the platform, for the chaos alert: "below its minimum".
    let shortfall: String
    let prometheusURL: String

    init(context: PlanContext, chaos: Chaos) {
        prometheusURL = Self.prometheusURL(context.spec)
        if let ihsan = context.spec.sla.ihsanScore {
            let check = IhsanScoreCheck(metric: ihsan.metric, namespace: context.namespace,
                                        minimum: chaos.workflow?.verify?.ihsanScoreMin ?? ihsan.duringChaos)
            containerName = IhsanScoreCheck.containerName
            script = check.script(prometheusURL: prometheusURL)
            shortfall = IhsanScoreCheck.shortfall
        } else {
            let check = SLACheck(spec: context.spec)
            containerName = SLACheck.containerName
            script = check.script(prometheusURL: prometheusURL)
            shortfall = SLACheck.shortfall
        }
    }

    /// The in-cluster Prometheus API, where KEDA and Tempo reach it too.
    static func prometheusURL(_ spec: Spec) -> String { ObservabilityStack.prometheusURL(spec) }

    /// The port of `prometheusURL`.
    var prometheusPort: Int { ObservabilityStack.port(of: prometheusURL) }

    /// The hardened container that runs the script.
    var container: YAMLValue {
        BatchContainer.script(name: containerName, image: Self.image, shell: "/bin/sh", script: script)
    }

    /// The request of a Prometheus instant query of `${query}` (the HTTP API's `/api/v1/query`),
    /// continued on a second line indented by `indent`.
    static func curlQuery(indent: String, query: String) -> String {
        """
        curl --silent --show-error --fail --max-time 30 --get \\
        \(indent)--data-urlencode "query=\(query)" "${prometheus_url}/api/v1/query"
        """
    }

    /// Prints the value of the first sample of an instant query's JSON response on stdin (none
    /// when the result is empty): `"value":[<time>,"<value>"]` in the HTTP API's result.
    static let sampleValue = #"sed -n 's/.*"value":\[[^,]*,"\([^"]*\)"\].*/\1/p'"#
}
