extension Decode {
    static var routes: (SpecNode, DecodeContext) -> [Route]? { items("route", named: false, checked(route, SpecValues.route)) }

    static func route(_ r: inout MapReader) -> Route? {
        let host = r.optional("host", Decode.hostName)
        let path = r.optional("path", default: "/", Decode.string)
        let service = r.required("service", Decode.string)
        let port = r.optional("port", Decode.string)
        let share = r.optional("share", Decode.unit) as Percent?
        guard let service else { return nil }
        var route = Route(host: host, path: path, service: service, port: port, share: share)
        route.source = r.source
        return route
    }
}
