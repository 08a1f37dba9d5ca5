import BizraSpec

/// The check that ends every chaos run: queries Prometheus for the target namespace's average
/// ihsan score and fails (exit 1) when it is below the workflow's minimum.
struct IhsanVerification {
    /// curl with a busybox shell, for the query.
    static let image = "curlimages/curl:8.10.1"
    static let containerName = "verify-ihsan-score"

    let namespace: String
    let minimum: Double
    let prometheusURL: String

    init(context: PlanContext, chaos: Chaos) {
        namespace = context.namespace
        minimum = chaos.workflow?.verifyIhsanScoreMin ?? context.spec.sla.ihsanScore.duringChaos
        prometheusURL = Self.prometheusURL(context.spec)
    }

    /// The in-cluster Prometheus API, where KEDA and Tempo reach it too.
    static func prometheusURL(_ spec: Spec) -> String { ObservabilityStack.prometheusURL }

    /// The port of `prometheusURL`.
    var prometheusPort: Int {
        prometheusURL.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) } ?? 9090
    }

    /// `avg(ahsan_compliance_score{namespace="<ns>"})`.
    var query: String { "avg(ahsan_compliance_score{namespace=\"\(namespace)\"})" }

    /// The POSIX shell script (shellcheck-clean); `PROMETHEUS_URL` and `IHSAN_SCORE_MIN` override the spec's values.
    var script: String {
        """
        #!/bin/sh
        # Fails when the ihsan score of \(namespace) is below the minimum after chaos.
        set -eu
        prometheus_url="${PROMETHEUS_URL:-\(prometheusURL)}"
        minimum="${IHSAN_SCORE_MIN:-\(NumberText.decimal(minimum))}"
        query='\(query)'
        response=$(curl --silent --show-error --fail --max-time 30 --get \\
          --data-urlencode "query=${query}" "${prometheus_url}/api/v1/query")
        score=$(printf '%s' "$response" | sed -n 's/.*"value":\\[[^,]*,"\\([^"]*\\)"\\].*/\\1/p')
        if [ -z "$score" ]; then
          echo "no ihsan score for ${query}" >&2
          exit 1
        fi
        if awk -v score="$score" -v minimum="$minimum" 'BEGIN { exit !(score + 0 < minimum + 0) }'; then
          echo "ihsan score ${score} is below ${minimum}" >&2
          exit 1
        fi
        echo "ihsan score ${score} meets ${minimum}"

        """
    }

    /// The hardened container that runs the script.
    var container: YAMLValue {
        BatchContainer.script(name: Self.containerName, image: Self.image, shell: "/bin/sh", script: script)
    }
}
