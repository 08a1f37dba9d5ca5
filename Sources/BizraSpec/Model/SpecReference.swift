/// Something a spec value names: a service, database, external endpoint, cache, port, volume,
/// priority class, region or experiment, referred to by its name (REF001 when nothing of that
/// name exists).
///
/// In the Swift DSL, pass the value itself wherever the format takes a name, or its name as a
/// string literal; the two are the same spec:
///
///     let postgres = Database(name: "postgres", version: "16", instances: 3, storage: .gibibytes(100), resources: ...)
///     Service(name: "api", ..., dependsOn: [postgres, "redis-cluster"])
///
/// A value passed this way cannot be misspelt; the model keeps its name, as YAML does.
public protocol SpecReference: Sendable {
    /// The name the reference stands for.
    var referenceName: String { get }
}

extension String: SpecReference {
    /// The string itself.
    public var referenceName: String { self }
}

extension Service: SpecReference {
    /// The service's name.
    public var referenceName: String { name }
}

extension Database: SpecReference {
    /// The database's name.
    public var referenceName: String { name }
}

extension ExternalEndpoint: SpecReference {
    /// The endpoint's name.
    public var referenceName: String { name }
}

extension Redis: SpecReference {
    /// The Redis cluster's name.
    public var referenceName: String { name }
}

extension Varnish: SpecReference {
    /// Varnish's name.
    public var referenceName: String { name }
}

extension Port: SpecReference {
    /// The port's name.
    public var referenceName: String { name }
}

extension Volume: SpecReference {
    /// The volume's name.
    public var referenceName: String { name }
}

extension PriorityClass: SpecReference {
    /// The priority class's name.
    public var referenceName: String { name }
}

extension Regions.Region: SpecReference {
    /// The region's name.
    public var referenceName: String { name }
}

extension ChaosExperiment: SpecReference {
    /// The experiment's name.
    public var referenceName: String { name }
}

extension Optional where Wrapped == any SpecReference {
    /// The name, when there is a reference.
    var referenceName: String? { self?.referenceName }
}

extension Array where Element == any SpecReference {
    /// The names, in order.
    var referenceNames: [String] { map(\.referenceName) }
}
