import Foundation

/// What a decoding pass found of the decoder and the format disagreeing, mapping by mapping: the
/// pure-Swift proof that the one description of the format (``SpecSchema``) is what the YAML
/// decoder reads. Off in normal loads; the format's tests switch it on.
final class FormatAudit: @unchecked Sendable {
    /// One disagreement, by the mapping's description ("service 'web'").
    var drift: [String] { lock.withLock { recorded } }
    /// How many mappings were compared.
    var mappings: Int { lock.withLock { compared } }
    private var recorded: [String] = []
    private var compared = 0
    private let lock = NSLock()

    /// Compares one mapping: the keys the decoder read and required with the format's `shape`.
    func compare(_ what: String, shape: SchemaNode?, asked: Set<String>, required: Set<String>, resolved: Bool) {
        var found: [String] = []
        defer { lock.withLock { compared += 1; recorded += found } }
        guard let shape else {
            found.append("\(what): the decoder read a mapping the format does not describe")
            return
        }
        let keys = Set(shape.properties.map(\.name))
        if resolved, asked != keys {
            found.append("\(what): only the decoder reads \(asked.subtracting(keys).sorted()), only the format has \(keys.subtracting(asked).sorted())")
        }
        let formatRequired = Set(shape.properties.filter(\.required).map(\.name))
        if resolved, !formatRequired.isSubset(of: required) {
            found.append("\(what): the format requires \(formatRequired.subtracting(required).sorted()), which the decoder reads as optional")
        }
    }
}
