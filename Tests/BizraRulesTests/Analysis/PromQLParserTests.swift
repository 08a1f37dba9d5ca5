import BizraRules
import Testing

@Suite struct PromQLParserTests {
    @Test func referenceAlertParsesWithItsMetricsAndMatching() throws {
        let expression = try PromQLExpression(parsing: """
            histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.1
            and on() avg(ahsan_compliance_score) < 95
            """)
        #expect(expression.metricNames == ["http_request_duration_seconds_bucket", "ahsan_compliance_score"])
        #expect(expression.topLevelAggregation == nil)
        #expect(expression.returnsAtMostOneSeries)
    }

    @Test func triggerQueriesListMatchersAndTopLevelAggregation() throws {
        let expression = try PromQLExpression(parsing: #"sum(rate(http_requests_total{namespace="bizra-production", status=~"5.."}[1m] offset 5m))"#)
        #expect(expression.topLevelAggregation == "sum")
        #expect(expression.returnsAtMostOneSeries)
        let selector = try #require(expression.selectors.first)
        #expect(selector.metric == "http_requests_total")
        #expect(selector.matchers.map(\.label) == ["namespace", "status"])
        #expect(selector.matchers.map(\.op) == [.equal, .matches])
        #expect(selector.matchers[1].value == "5..")
    }

    @Test func groupedOrBareQueriesMayReturnSeveralSeries() throws {
        #expect(try !PromQLExpression(parsing: "rate(http_requests_total[1m])").returnsAtMostOneSeries)
        #expect(try !PromQLExpression(parsing: "sum by (route) (rate(http_requests_total[1m]))").returnsAtMostOneSeries)
        #expect(try !PromQLExpression(parsing: "topk(3, http_requests_total)").returnsAtMostOneSeries)
        #expect(try PromQLExpression(parsing: "sum without () (x) * 0 + scalar(y)").returnsAtMostOneSeries == false)
        #expect(try PromQLExpression(parsing: "max(up{job=\"redis\"}) - 1").returnsAtMostOneSeries)
    }

    @Test func syntaxErrorsCarryTheirColumn() {
        #expect(throws: PromQLSyntaxError("expected ')' to close 'sum(', found the end of the expression", line: 1, column: 34)) {
            try PromQLExpression(parsing: "sum(rate(http_requests_total[1m])")
        }
        #expect(throws: PromQLSyntaxError("expected a quoted value after 'route=~', found 'api'", line: 1, column: 33)) {
            try PromQLExpression(parsing: "rate(http_requests_total{route=~api}[5m])")
        }
        #expect(throws: PromQLSyntaxError("the expression ends where a value was expected", line: 2, column: 4)) {
            try PromQLExpression(parsing: "up\nand \n")
        }
    }

    @Test func unknownFunctionsSuggestTheClosestOne() {
        #expect(throws: PromQLSyntaxError("unknown function 'histogram_quantil'; did you mean 'histogram_quantile'?", line: 1, column: 1)) {
            try PromQLExpression(parsing: "histogram_quantil(0.9, x_bucket)")
        }
    }

    @Test func numbersStringsDurationsAndModifiersParse() throws {
        let expression = try PromQLExpression(parsing: """
            count_values("version", build_info) > bool 1e3 or vector(0) unless on(pod) group_left(node) kube_pod_info @ end()
            + -Inf - max_over_time(up[1h:5m]) ^ 2 ^ 0x1F
            """)
        #expect(expression.metricNames == ["build_info", "kube_pod_info", "up"])
    }
}
