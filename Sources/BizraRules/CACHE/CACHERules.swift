/// The CACHE family: caches do what they say.
let cacheRules: [any Rule.Type] = [InvalidCacheRegex.self, ShadowedCacheRule.self, OpenPurgeACL.self, EvictableQueue.self]
