import BizraSpec

/// REG005.
public struct CertificateChallengeAcrossRegions: Rule {
    public static let identifier = "REG005"
    public static let severity = Severity.error
    public static let summary = "a certificate issuer that solves HTTP-01 challenges for hosts that weighted DNS spreads over several regions, or ingress-nginx with no certificate issuer"
    public static let explanation = """
        Under ingress-nginx, TLS comes from a cert-manager Certificate for the public hosts, issued by \
        `platform.cluster.certificates.issuer`. An ACME HTTP-01 challenge is answered by the cluster that \
        receives the validation request; where Route 53 weights the hosts over several regions, that is \
        often another region's cluster, which knows nothing of the challenge, and issuance and every renewal \
        fail (cert-manager docs, "HTTP01": the challenge must be reachable on the public host). DNS-01 \
        proves the zone instead and works from every region: declare `solver: dns01` and give the issuer \
        a DNS-01 solver for the zone.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("platform:\n  cluster:\n    ingress: { controller: nginx }\n    certificates: { issuer: letsencrypt, solver: http01 }\n"),
        .overlay("platform:\n  cluster:\n    ingress: { controller: nginx }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("platform:\n  cluster:\n    ingress: { controller: nginx }\n    certificates: { issuer: letsencrypt, solver: dns01 }\n"),
        .overlay("platform:\n  cluster:\n    ingress: { controller: nginx }\n    certificates: { issuer: letsencrypt }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        let cluster = spec.platform.cluster
        guard cluster.ingress.controller == .nginx else { return [] }
        guard let certificates = cluster.certificates else {
            return [finding("ingress-nginx ends TLS with a cert-manager Certificate, but no issuer is declared; add platform.cluster.certificates: { issuer: NAME }",
                            at: cluster.ingress.source["controller"])]
        }
        let serving = spec.regions?.list.filter { $0.weight > 0 } ?? []
        guard certificates.solver == .http01, serving.count > 1, let regions = spec.regions else { return [] }
        return [finding("HTTP-01 challenges for hosts weighted over \(serving.map(\.name).joined(separator: ", ")) reach whichever region DNS picks, so issuance fails; use solver: dns01",
                        at: certificates.source["solver"],
                        notes: [.init("the regions are weighted here", at: regions.source["list"])])]
    }
}
