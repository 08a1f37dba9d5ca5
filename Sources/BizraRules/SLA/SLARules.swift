/// The SLA family: targets are coherent and reachable.
let slaRules: [any Rule.Type] = [
    LatencyPercentileOrder.self, PercentageRange.self, SustainedAbovePeak.self, ReplicationLagAlert.self,
    BackupGapAboveRPO.self, DNSFailoverAboveRTO.self, RegionCapacityShortfall.self, RegionLossCapacity.self,
    ScaleOutTooSlow.self, LoadTestConcurrencyShortfall.self, BenchmarkBelowPeak.self,
    ChaosVerificationThreshold.self, TriggerActivationAboveThreshold.self,
]
