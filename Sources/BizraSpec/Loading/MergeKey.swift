/// YAML 1.1 merge keys: `<<: *common` gives a mapping the keys of the mapping (or list of mappings)
/// it names. Keys the mapping writes itself win over merged ones, and of a list the earlier mappings
/// win; merged values keep the locations they were written at (the anchor's lines).
enum MergeKey {
    /// The mappings one `<<` brings, and where in the mapping's pairs it was written.
    struct Merge {
        var position: Int
        var mappings: [SpecNode.Mapping]
    }

    /// Whether `node` is the merge key: `<<` written plain (quoted, it is an ordinary key).
    static func isMergeKey(_ node: SpecNode) -> Bool {
        node.isPlainScalar && node.string == "<<"
    }

    /// The mappings `value` merges, or the SPEC002 that refuses a value that is not a mapping or a list of them.
    static func mappings(in value: SpecNode) -> Result<[SpecNode.Mapping], Finding> {
        let hint = Finding.Note("anchor the shared keys (`common: &common { ... }`) and write `<<: *common`, or `<<: [*a, *b]`")
        switch value {
        case .mapping(let mapping):
            return .success([mapping])
        case .sequence(let list):
            var mappings: [SpecNode.Mapping] = []
            mappings.reserveCapacity(list.items.count)
            for item in list.items {
                guard case .mapping(let mapping) = item else {
                    return .failure(Finding(rule: "SPEC002", message: "the merge key '<<' takes a list of mappings; this item is \(item.kindDescription)",
                                            at: item.location, notes: [hint]))
                }
                mappings.append(mapping)
            }
            return .success(mappings)
        case .scalar:
            return .failure(Finding(rule: "SPEC002", message: "the merge key '<<' takes a mapping or a list of mappings, found \(value.kindDescription)",
                                    at: value.location, notes: [hint]))
        }
    }

    /// `pairs` with the keys `merge` brings inserted where its `<<` was written, but for those
    /// `pairs` already has or an earlier mapping of the merge brought.
    static func apply(_ merge: Merge, to pairs: [(key: SpecNode, value: SpecNode)]) -> [(key: SpecNode, value: SpecNode)] {
        var seen = Set(pairs.compactMap(\.key.string))
        var merged: [(key: SpecNode, value: SpecNode)] = []
        for mapping in merge.mappings {
            for pair in mapping.pairs {
                guard let key = pair.key.string else {
                    merged.append(pair)
                    continue
                }
                if seen.insert(key).inserted { merged.append(pair) }
            }
        }
        var result = pairs
        result.insert(contentsOf: merged, at: merge.position)
        return result
    }
}
