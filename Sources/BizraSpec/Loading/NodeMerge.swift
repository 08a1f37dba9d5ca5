/// The overlay rule of environments: maps merge deeply, lists of named items merge by name,
/// other lists and scalars are replaced by the overlay. An overlay item `{ name: x, $patch: delete }`
/// removes the base's item `x` (the directive of Kubernetes' strategic merge patches).
public enum NodeMerge {
    /// The key of a merge directive on a named item.
    public static let patchKey = "$patch"
    /// The directive that removes the item of that name.
    public static let deleteDirective = "delete"

    static func merge(_ base: SpecNode, _ overlay: SpecNode) -> SpecNode {
        switch (base, overlay) {
        case (.mapping(var left), .mapping(let right)):
            for pair in right.pairs {
                if let index = left.pairs.firstIndex(where: { $0.key.string == pair.key.string }) {
                    left.pairs[index].value = merge(left.pairs[index].value, pair.value)
                } else {
                    left.pairs.append(pair)
                }
            }
            return .mapping(left)
        case (.sequence(var left), .sequence(let right)) where isNamedList(left) && isNamedList(right):
            for item in right.items {
                let name = itemName(item)
                if isDeletion(item) {
                    left.items.removeAll { itemName($0) == name }
                } else if let index = left.items.firstIndex(where: { itemName($0) == name }) {
                    left.items[index] = merge(left.items[index], item)
                } else {
                    left.items.append(item)
                }
            }
            return .sequence(left)
        default:
            return overlay
        }
    }

    private static func isDeletion(_ node: SpecNode) -> Bool {
        if case .mapping(let mapping) = node { return mapping[patchKey]?.string == deleteDirective }
        return false
    }

    private static func itemName(_ node: SpecNode) -> String? {
        if case .mapping(let mapping) = node { return mapping["name"]?.string }
        return nil
    }

    private static func isNamedList(_ list: SpecNode.List) -> Bool {
        !list.items.isEmpty && list.items.allSatisfy { itemName($0) != nil }
    }
}
