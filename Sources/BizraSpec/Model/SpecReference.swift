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

/// A value of the spec that other values refer to by its `name`.
public protocol NamedSpecValue: SpecReference {
    /// The name other values refer to it by.
    var name: String { get }
}

extension NamedSpecValue {
    /// Its name.
    public var referenceName: String { name }
}

extension Service: NamedSpecValue {}
extension Database: NamedSpecValue {}
extension ExternalEndpoint: NamedSpecValue {}
extension Redis: NamedSpecValue {}
extension Varnish: NamedSpecValue {}
extension Port: NamedSpecValue {}
extension Volume: NamedSpecValue {}
extension PriorityClass: NamedSpecValue {}
extension Regions.Region: NamedSpecValue {}
extension ChaosExperiment: NamedSpecValue {}

extension Optional where Wrapped == any SpecReference {
    /// The name, when there is a reference.
    var referenceName: String? { self?.referenceName }
}

extension Array where Element == any SpecReference {
    /// The names, in order.
    var referenceNames: [String] { map(\.referenceName) }
}
