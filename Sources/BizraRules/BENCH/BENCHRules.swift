/// The BENCH family: load tests match the SLA.
let benchRules: [any Rule.Type] = [InvalidEndpoint.self, ForeignBenchmarkTarget.self, InvalidRampingStages.self]
