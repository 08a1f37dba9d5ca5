/// A public route: a host and path prefix of the load balancer to a service, or to Varnish,
/// which sends it on to its backend. The routes decide which services the peak reaches.
public struct Route: Equatable, Sendable {
    /// Nil: `platform.domain`.
    public var host: String?
    /// A path prefix, `/` for everything.
    public var path: String
    /// A service, or the Varnish cache in front of its backend.
    public var service: String
    /// The port name it reaches; nil: the service's `http` port, else its first (`http` for Varnish).
    public var port: String?
    /// The part of `sla.throughput.peak` it carries; nil: all of it (the capacity checks assume the worst).
    public var share: Percent?
    /// Where the route and each of its keys were written.
    public var source: SourceMap

    /// A route, located at the place of the call.
    public init(host: String? = nil, path: String = "/", service: some SpecReference, port: (any SpecReference)? = nil, share: Percent? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.host = host
        self.path = path
        self.service = service.referenceName
        self.port = port.referenceName
        self.share = share
    }
}

extension Spec {
    /// The public routes: those written, or `/` on the domain to Varnish (when it exists) or to
    /// the first service that listens.
    public var publicRoutes: [Route] {
        if !routes.isEmpty { return routes }
        if let varnish = caching?.varnish { return [Route(service: varnish.name)] }
        return services.first { !$0.isWorker }.map { [Route(service: $0.name)] } ?? []
    }

    /// The service a route's traffic lands on: its own, or Varnish's backend.
    public func routedService(_ route: Route) -> String {
        if let varnish = caching?.varnish, varnish.name == route.service { return varnish.backend.service }
        return route.service
    }

    /// The part of the peak, in percent, that `service` carries: its declared `capacity.share`,
    /// else what the public routes send it (at most 100%), else nil: it carries no declared traffic.
    public func carriedPercent(of service: Service) -> Double? {
        if let share = service.capacity?.share { return share.value }
        let routed = publicRoutes.filter { routedService($0) == service.name }
        guard !routed.isEmpty else { return nil }
        return min(100, routed.reduce(0) { $0 + ($1.share?.value ?? 100) })
    }
}
