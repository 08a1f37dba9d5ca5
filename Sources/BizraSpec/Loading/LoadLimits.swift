/// Bounds on hostile input (SPEC008): every spec file is checked against them before it is decoded.
public struct LoadLimits: Sendable, Equatable {
    /// Largest spec file, in bytes.
    public var maxFileBytes: Int
    /// Deepest nesting of mappings and sequences.
    public var maxDepth: Int
    /// Most nodes a document may hold once every alias is expanded.
    public var maxExpandedNodes: Int
    /// Most aliases in one file.
    public var maxAliases: Int

    /// Limits; the defaults admit any real platform and refuse alias bombs and runaway nesting.
    public init(maxFileBytes: Int = 4 << 20, maxDepth: Int = 64, maxExpandedNodes: Int = 500_000,
                maxAliases: Int = 1_000) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxExpandedNodes = maxExpandedNodes
        self.maxAliases = maxAliases
    }

    /// The limits every command uses.
    public static let `default` = LoadLimits()
}
