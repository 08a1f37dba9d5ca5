/// The REF family: references resolve.
let refRules: [any Rule.Type] = [
    UnresolvedReference.self, UndeclaredPort.self, UnknownMetric.self, UndeclaredLabel.self,
    UnmountedVolume.self, InvalidPromQL.self,
]
