/// A managed database cluster (PostgreSQL through CloudNativePG).
public struct Database: Equatable, Sendable {
    /// The database engine.
    public enum Engine: String, Equatable, Sendable, CaseIterable {
        /// PostgreSQL, through CloudNativePG.
        case postgresql
    }
    /// The database's name.
    public var name: String
    /// The engine (default postgresql).
    public var engine: Engine
    /// The engine's major version ("16").
    public var version: String
    /// Instances in the cluster.
    public var instances: Int
    /// Storage per instance.
    public var storage: ByteSize
    /// Each instance's resources.
    public var resources: Resources
    /// Where the database and each of its keys were written.
    public var source: SourceMap

    /// A database cluster, located at the place of the call.
    public init(name: String, engine: Engine = .postgresql, version: String, instances: Int,
                storage: ByteSize, resources: Resources,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.engine = engine
        self.version = version
        self.instances = instances
        self.storage = storage
        self.resources = resources
    }
}
