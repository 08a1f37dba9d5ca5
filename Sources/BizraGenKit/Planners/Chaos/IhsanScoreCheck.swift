import BizraSpec

/// The chaos verification of a platform whose SLA has an ihsan score: the namespace's average score
/// (`sla.ihsanScore.metric`) against the workflow's minimum, `verify.ihsanScoreMin` else
/// `sla.ihsanScore.duringChaos`.
struct IhsanScoreCheck {
    static let containerName = "verify-ihsan-score"
    static let shortfall = "below its minimum"

    let metric: String
    let namespace: String
    let minimum: Double

    /// `avg(<metric>{namespace="<ns>"})`, the query of the ihsan score alert.
    var query: String { SLAAlerts.ihsanScoreQuery(metric: metric, namespace: namespace) }

    /// `PROMETHEUS_URL` and `IHSAN_SCORE_MIN` override the spec's values.
    func script(prometheusURL: String) -> String {
        """
        #!/bin/sh
        # Fails when the ihsan score of \(namespace) is below the minimum after chaos.
        set -eu
        prometheus_url="${PROMETHEUS_URL:-\(prometheusURL)}"
        minimum="${IHSAN_SCORE_MIN:-\(NumberText.decimal(minimum))}"
        query=\(ShellWord.quoted(query))
        response=$(\(ChaosVerification.curlQuery(indent: "  ", query: "${query}")))
        score=$(printf '%s' "$response" | \(ChaosVerification.sampleValue))
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
}
