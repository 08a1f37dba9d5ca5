/// One `include` entry of the DR backup, as the DSL writes it: a word of the format
/// (`.kubernetesResources`), a database or the Redis cluster (`.database(postgres)`), or any of
/// these as a string literal. A name that resolves to nothing is REF001.
public struct BackupInclude: RawRepresentable, ExpressibleByStringLiteral, Hashable, Sendable {
    /// The entry as YAML writes it.
    public var rawValue: String
    /// The entry `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The entry the literal spells.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// `kubernetes-resources`: the namespace's objects.
    public static let kubernetesResources = BackupInclude(rawValue: "kubernetes-resources")
    /// `ground-truth-database`: the replicated database, else the first.
    public static let groundTruthDatabase = BackupInclude(rawValue: "ground-truth-database")
    /// `redis-snapshots`: the Redis cluster's snapshot.
    public static let redisSnapshots = BackupInclude(rawValue: "redis-snapshots")
    /// The words of the format, besides names.
    public static let words: [BackupInclude] = [.kubernetesResources, .groundTruthDatabase, .redisSnapshots]

    /// A database's dump (and its archived WALs).
    public static func database(_ database: Database) -> BackupInclude { BackupInclude(rawValue: database.name) }
    /// The Redis cluster's snapshot.
    public static func redis(_ redis: Redis) -> BackupInclude { BackupInclude(rawValue: redis.name) }
}

/// One thing the DR backup copies, by its `include` entry.
public enum BackupItem: Equatable, Sendable {
    /// `kubernetes-resources`: the namespace's objects.
    case resources
    /// A database's dump: named, or `ground-truth-database` (the replicated database, else the first).
    case database(Database)
    /// The Redis cluster's snapshot: named, or `redis-snapshots`.
    case redis(Redis)
}

extension Regions.Backup {
    /// Each `include` entry that names something of `spec`, with what it names, in the order
    /// written; an entry naming nothing is REF001's.
    public func items(in spec: Spec) -> [(entry: String, item: BackupItem)] {
        var items: [(entry: String, item: BackupItem)] = []
        for entry in include {
            switch entry {
            case "kubernetes-resources": items.append((entry, .resources))
            case "ground-truth-database": if let database = spec.groundTruthDatabase { items.append((entry, .database(database))) }
            case "redis-snapshots": if let redis = spec.caching?.redis { items.append((entry, .redis(redis))) }
            default:
                if let database = spec.database(named: entry) { items.append((entry, .database(database))) }
                else if let redis = spec.caching?.redis, redis.name == entry { items.append((entry, .redis(redis))) }
            }
        }
        return items
    }

    /// The databases it dumps (and whose WALs are archived), each once.
    public func databases(in spec: Spec) -> [Database] {
        var seen: Set<String> = []
        return items(in: spec).compactMap { if case let .database(database) = $0.item, seen.insert(database.name).inserted { database } else { nil } }
    }

    /// The Redis cluster it snapshots, if it does.
    public func redis(in spec: Spec) -> Redis? {
        items(in: spec).lazy.compactMap { if case let .redis(redis) = $0.item { redis } else { nil } }.first
    }
}

extension Spec {
    /// The database `ground-truth-database` means: the first replicated one, else the first.
    public var groundTruthDatabase: Database? {
        regions?.replication.postgres.lazy.compactMap { self.database(named: $0.source) }.first ?? databases.first
    }
}
