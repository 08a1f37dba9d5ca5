/// The RES family: resources fit.
let resRules: [any Rule.Type] = [
    RequestAboveLimit.self, QuotaTooSmall.self, StressAboveLimits.self, VPABounds.self,
    ReplicaBounds.self, DisruptionBudgetBlocksDrain.self, RedisClusterSize.self,
]
