import BizraSpec

/// The names a reference may point at, with where each is declared: the other end of a reference,
/// for notes and did-you-mean.
public struct Declarations: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var location: SourceLocation?
    }
    /// "service", "priority class", "region"...
    public var kind: String
    public var entries: [Entry] {
        didSet { names = Set(entries.map(\.name)) }
    }
    /// The declared names, so that `contains` stays constant-time at any size.
    private var names: Set<String>
    /// Where the list of them is written (or would be).
    public var listLocation: SourceLocation?

    public init(kind: String, entries: [Entry], listLocation: SourceLocation?) {
        self.kind = kind
        self.entries = entries
        self.names = Set(entries.map(\.name))
        self.listLocation = listLocation
    }

    public func contains(_ name: String) -> Bool { names.contains(name) }
    /// The declared names, in the order declared.
    public var declaredNames: [String] { entries.map(\.name) }

    /// The message and notes for `name` not resolving:
    /// `dependsOn entry 'postgress' of bizra-node0 is not a declared database; did you mean 'postgres'?`.
    public func unresolved(_ name: String, as role: String, of owner: String? = nil) -> (message: String, notes: [Finding.Note]) {
        let suggestion = DidYouMean.suggestion(for: name, among: declaredNames)
        var message = "\(role) '\(name)'\(owner.map { " of \($0)" } ?? "") is not a declared \(kind)"
        if let suggestion { message += "; did you mean '\(suggestion)'?" }
        var notes: [Finding.Note] = []
        if let suggestion, let entry = entries.first(where: { $0.name == suggestion }) {
            notes.append(.init("'\(suggestion)' is declared here", at: entry.location))
        } else if entries.isEmpty {
            notes.append(.init("no \(kind) is declared", at: listLocation))
        } else {
            notes.append(.init("declared: \(declaredNames.quotedList)", at: listLocation))
        }
        return (message, notes)
    }

    // MARK: The declarations of a spec

    public static func services(_ spec: Spec) -> Declarations {
        Declarations(kind: "service", entries: spec.services.map { Entry(name: $0.name, location: $0.source.node) },
                     listLocation: spec.source["services"])
    }

    /// What a service may depend on: services, databases, the Redis cluster, Varnish and external endpoints.
    public static func dependencies(_ spec: Spec) -> Declarations {
        var entries = spec.services.map { Entry(name: $0.name, location: $0.source.node) }
        entries += spec.databases.map { Entry(name: $0.name, location: $0.source.node) }
        if let redis = spec.caching?.redis { entries.append(Entry(name: redis.name, location: redis.source["name"])) }
        if let varnish = spec.caching?.varnish { entries.append(Entry(name: varnish.name, location: varnish.source["name"])) }
        entries += spec.external.map { Entry(name: $0.name, location: $0.source.node) }
        return Declarations(kind: "service, database, cache or external endpoint", entries: entries, listLocation: spec.source["services"])
    }

    /// What a backup may include: its own words, the databases and the Redis cluster.
    public static func backupIncludes(_ spec: Spec) -> Declarations {
        var entries = Regions.Backup.knownIncludes.map { Entry(name: $0, location: nil) }
        entries += spec.databases.map { Entry(name: $0.name, location: $0.source.node) }
        if let redis = spec.caching?.redis { entries.append(Entry(name: redis.name, location: redis.source["name"])) }
        return Declarations(kind: "backup content (\(Regions.Backup.knownIncludes.joined(separator: ", ")), a database or the Redis cluster)",
                            entries: entries, listLocation: spec.regions?.backup?.source["include"])
    }

    public static func databases(_ spec: Spec) -> Declarations {
        Declarations(kind: "database", entries: spec.databases.map { Entry(name: $0.name, location: $0.source.node) },
                     listLocation: spec.source["databases"])
    }

    public static func redis(_ spec: Spec) -> Declarations {
        let redis = spec.caching?.redis
        return Declarations(kind: "Redis cluster", entries: redis.map { [Entry(name: $0.name, location: $0.source["name"])] } ?? [],
                            listLocation: spec.caching?.source["redis"] ?? spec.source.node)
    }

    public static func priorityClasses(_ spec: Spec) -> Declarations {
        Declarations(kind: "priority class",
                     entries: spec.platform.priorityClasses.map { Entry(name: $0.name, location: $0.source.node) },
                     listLocation: spec.platform.source["priorityClasses"])
    }

    public static func regions(_ regions: Regions) -> Declarations {
        Declarations(kind: "region", entries: regions.list.map { Entry(name: $0.name, location: $0.source.node) },
                     listLocation: regions.source["list"])
    }

    public static func experiments(_ chaos: Chaos) -> Declarations {
        Declarations(kind: "chaos experiment", entries: chaos.experiments.map { Entry(name: $0.name, location: $0.source.node) },
                     listLocation: chaos.source["experiments"])
    }

    public static func ports(_ service: Service) -> Declarations {
        Declarations(kind: "port of \(service.name)", entries: service.ports.map { Entry(name: $0.name, location: $0.source.node) },
                     listLocation: service.source["ports"])
    }

    public static func volumes(_ service: Service) -> Declarations {
        Declarations(kind: "volume of \(service.name)", entries: service.volumes.map { Entry(name: $0.name, location: $0.source.node) },
                     listLocation: service.source["volumes"])
    }
}
