extension Decode {
    static var routes: (SpecNode, DecodeContext) -> [Route]? { items("route", named: false, route) }

    static func route(_ r: inout MapReader) -> Route? {
        let host = r.optional("host", Decode.hostName)
        let path = r.optional("path", default: "/", Decode.pathPrefix)
        let service = r.required("service", Decode.string)
        let port = r.optional("port", Decode.string)
        let share = r.optional("share", Decode.unit) as Percent?
        guard let service else { return nil }
        var route = Route(host: host, path: path, service: service, port: port, share: share)
        route.source = r.source
        return route
    }

    /// An HTTP path prefix: absolute, without spaces.
    static func pathPrefix(_ node: SpecNode, _ context: DecodeContext) -> String? {
        guard let value = string(node, context) else { return nil }
        guard value.hasPrefix("/"), !value.contains(where: \.isWhitespace) else {
            context.report("SPEC002", "'\(value)' is not a path prefix; expected one that starts with '/', such as /api", at: node)
            return nil
        }
        return value
    }
}
