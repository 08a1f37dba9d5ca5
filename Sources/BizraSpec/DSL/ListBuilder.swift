/// Collects the items of a list in the Swift DSL, with `if`, `for` and optional items.
@resultBuilder
public enum ListBuilder<Element> {
    /// One item.
    public static func buildExpression(_ element: Element) -> [Element] { [element] }
    /// A list of items, spliced in.
    public static func buildExpression(_ elements: [Element]) -> [Element] { elements }
    /// The items of a block, in order.
    public static func buildBlock(_ parts: [Element]...) -> [Element] { parts.flatMap { $0 } }
    /// An `if` without `else`: its items, or none.
    public static func buildOptional(_ part: [Element]?) -> [Element] { part ?? [] }
    /// The first branch of an `if`/`else` or `switch`.
    public static func buildEither(first: [Element]) -> [Element] { first }
    /// The second branch of an `if`/`else` or `switch`.
    public static func buildEither(second: [Element]) -> [Element] { second }
    /// The items of a `for` loop, in order.
    public static func buildArray(_ parts: [[Element]]) -> [Element] { parts.flatMap { $0 } }
}
