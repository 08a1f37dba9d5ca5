/// A spec that could not be loaded: every finding that stopped it.
public struct SpecError: Error, Sendable, CustomStringConvertible {
    /// The findings, sorted by location.
    public var findings: [Finding]

    /// An error of these findings.
    public init(_ findings: [Finding]) {
        self.findings = findings.sortedByLocation()
    }

    /// Every finding, one after the other.
    public var description: String {
        findings.map(\.description).joined(separator: "\n")
    }
}
