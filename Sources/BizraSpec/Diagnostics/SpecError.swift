/// A spec that could not be loaded: every finding that stopped it.
public struct SpecError: Error, Sendable, CustomStringConvertible {
    public var findings: [Finding]

    public init(_ findings: [Finding]) {
        self.findings = findings.sortedByLocation()
    }

    public var description: String {
        findings.map(\.description).joined(separator: "\n")
    }
}
