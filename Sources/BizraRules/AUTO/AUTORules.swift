/// The AUTO family: autoscalers do not fight.
let autoRules: [any Rule.Type] = [CompetingAutoscalers.self, VPAFightsResourceTriggers.self, MultiSeriesTriggerQuery.self]
