import BizraSpec

/// The chaos verification of a platform whose SLA has no ihsan score: the SLA's p95 latency and
/// error rate, each the query of its SLA alert (``SLAAlerts``) against its target. A target whose
/// series no service declares has no alert and is not checked here; REF003 reports it.
struct SLACheck {
    static let containerName = "verify-sla"
    static let shortfall = "outside its SLA"
    /// The targets checked, each with the variable that overrides its maximum.
    static let targets = [(slaPath: "sla.latency.p95", variable: "LATENCY_P95_MAX"),
                          (slaPath: "sla.errorRate", variable: "ERROR_RATE_MAX")]

    /// The SLA alerts of the checked targets, in `targets` order.
    let alerts: [(alert: SLAAlert, variable: String)]
    let namespace: String

    init(spec: Spec) {
        let derived = SLAAlerts.derive(from: spec)
        alerts = Self.targets.compactMap { target in
            derived.first { $0.slaPath == target.slaPath && $0.comparison == .above }.map { ($0, target.variable) }
        }
        namespace = spec.platform.namespace
    }

    /// Prometheus answers `NaN` for a ratio or quantile of no requests: no value to judge by, so
    /// the check fails as it does on an empty result. `PROMETHEUS_URL` and each target's variable
    /// override the spec's values.
    func script(prometheusURL: String) -> String {
        let checks = alerts.map { alert, variable in
            "check_at_most \(alert.slaPath) \(ShellWord.quoted(alert.query)) \"${\(variable):-\(NumberText.decimal(alert.threshold))}\"\n"
        }
        let targets = alerts.map { "\($0.alert.slaPath) \($0.alert.target)" }.joined(separator: ", ")
        return """
            #!/bin/sh
            # Fails when \(namespace) misses its SLA after chaos: \(targets).
            set -eu
            prometheus_url="${PROMETHEUS_URL:-\(prometheusURL)}"

            # Prints the value of the instant query $1; nothing when it has none.
            query_value() {
              response=$(\(ChaosVerification.curlQuery(indent: "    ", query: "$1")))
              printf '%s' "$response" | \(ChaosVerification.sampleValue)
            }

            # Fails when the query $2 of the target $1 has no value, or one above the maximum $3.
            check_at_most() {
              target=$1 query=$2 maximum=$3
              value=$(query_value "$query")
              case "$value" in
                '' | NaN)
                  echo "no value of ${target} for ${query}" >&2
                  exit 1
                  ;;
              esac
              if awk -v value="$value" -v maximum="$maximum" 'BEGIN { exit !(value + 0 > maximum + 0) }'; then
                echo "${target} ${value} is above ${maximum}" >&2
                exit 1
              fi
              echo "${target} ${value} meets ${maximum}"
            }


            """ + checks.joined()
    }
}
