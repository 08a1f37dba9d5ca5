/// The REG family: regions are coherent.
let regRules: [any Rule.Type] = [RegionWeightsTotal.self, PrimaryRegionServes.self, RegionListedTwice.self, CanaryTooLarge.self,
                                  CertificateChallengeAcrossRegions.self, HostOutsideZone.self]
