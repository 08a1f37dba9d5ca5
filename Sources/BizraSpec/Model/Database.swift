/// A managed database cluster (PostgreSQL through CloudNativePG).
public struct Database: Equatable, Sendable {
    public enum Engine: String, Equatable, Sendable, CaseIterable {
        case postgresql
    }
    public var name: String
    public var engine: Engine
    public var version: String
    public var instances: Int
    public var storage: ByteSize
    public var resources: Resources
    public var source: SourceMap

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
