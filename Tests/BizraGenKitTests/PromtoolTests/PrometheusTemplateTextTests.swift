import Testing
@testable import BizraGenKit

@Suite("Prometheus template text")
struct PrometheusTemplateTextTests {
    @Test("$value prints as Go's %v of a float64")
    func goFloat() {
        #expect(PrometheusTemplateText.goFloat(0.2) == "0.2")
        #expect(PrometheusTemplateText.goFloat(95) == "95")
        #expect(PrometheusTemplateText.goFloat(89) == "89")
        #expect(PrometheusTemplateText.goFloat(0.0001) == "0.0001")
        #expect(PrometheusTemplateText.goFloat(0.00001) == "1e-05")
        #expect(PrometheusTemplateText.goFloat(123456) == "123456")
        #expect(PrometheusTemplateText.goFloat(1_500_000) == "1.5e+06")
        #expect(PrometheusTemplateText.goFloat(-2.5) == "-2.5")
        #expect(PrometheusTemplateText.goFloat(0.30000000000000004) == "0.30000000000000004")
    }

    @Test("humanizePercentage keeps four significant digits")
    func percentage() {
        #expect(PrometheusTemplateText.humanizePercentage(0.02) == "2%")
        #expect(PrometheusTemplateText.humanizePercentage(0.0016) == "0.16%")
        #expect(PrometheusTemplateText.humanizePercentage(0.019999999999999997) == "2%")
    }

    @Test("only the value templates are expanded")
    func expand() {
        #expect(PrometheusTemplateText.expand("is {{ $value }}s", value: 0.2) == "is 0.2s")
        #expect(PrometheusTemplateText.expand("{{ $value | humanizePercentage }} of", value: 0.01) == "1% of")
        #expect(PrometheusTemplateText.expand("{{ $labels.pod }}", value: 1) == "{{ $labels.pod }}")
    }
}
