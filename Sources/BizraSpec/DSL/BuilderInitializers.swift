/// Result-builder forms of the initialisers whose last argument is a list, for the Swift DSL.
extension Autoscaling {
    /// Autoscaling with its triggers in a trailing ``ListBuilder`` closure, located at the place of the call.
    public init(engine: Engine, min: Int, max: Int, pollingInterval: TimeSpan = .seconds(30),
                cooldown: TimeSpan = .minutes(5), vpa: VPA? = nil, @ListBuilder<Trigger> triggers: () -> [Trigger],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.init(engine: engine, min: min, max: max, pollingInterval: pollingInterval, cooldown: cooldown,
                  triggers: triggers(), vpa: vpa, fileID: fileID, line: line, column: column)
    }
}

extension Chaos {
    /// Chaos with its experiments in a trailing ``ListBuilder`` closure, located at the place of the call.
    public init(namespace: String, paused: Bool, allowProduction: Bool = false, schedule: Cron, target: String,
                workflow: Workflow? = nil, @ListBuilder<ChaosExperiment> experiments: () -> [ChaosExperiment],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.init(namespace: namespace, paused: paused, allowProduction: allowProduction, schedule: schedule,
                  target: target, experiments: experiments(), workflow: workflow,
                  fileID: fileID, line: line, column: column)
    }
}

extension Benchmarks {
    /// Benchmarks with their scenarios in a trailing ``ListBuilder`` closure, located at the place of the call.
    public init(target: String? = nil, headers: [String: String] = [:], expectHeader: String? = nil,
                endpoints: [Endpoint], @ListBuilder<Scenario> scenarios: () -> [Scenario],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.init(target: target, headers: headers, expectHeader: expectHeader, endpoints: endpoints,
                  scenarios: scenarios(), fileID: fileID, line: line, column: column)
    }
}

extension Varnish {
    /// Varnish with its rules (first match wins) in a trailing ``ListBuilder`` closure, located at the place of the call.
    public init(name: String, replicas: Int, memory: ByteSize, backend: Backend, grace: TimeSpan,
                purge: Purge? = nil, @ListBuilder<VarnishRule> rules: () -> [VarnishRule],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.init(name: name, replicas: replicas, memory: memory, backend: backend, grace: grace, rules: rules(),
                  purge: purge, fileID: fileID, line: line, column: column)
    }
}
