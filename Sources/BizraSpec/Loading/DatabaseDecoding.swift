extension Decode {
    static var databases: (SpecNode, DecodeContext) -> [Database]? {
        items("database", checked({ r -> Database? in
            let name = r.required("name", Decode.string)
            let engine = r.optional("engine", default: .postgresql, enumeration(Database.Engine.self))
            let version = r.required("version", Decode.string)
            let instances = r.required("instances", Decode.int)
            let storage: ByteSize? = r.required("storage", Decode.unit)
            let resources = r.required("resources", Decode.resources("resources"))
            guard let (name, version, instances, storage, resources) = all(name, version, instances, storage, resources)
            else { return nil }
            var database = Database(name: name, engine: engine, version: version, instances: instances,
                                    storage: storage, resources: resources)
            database.source = r.source
            return database
        }, SpecValues.database))
    }
}
