/// The SEC family: nothing unsafe is emitted.
let secRules: [any Rule.Type] = [UnpinnedImage.self, SecretInConfig.self, UnboundedService.self]
