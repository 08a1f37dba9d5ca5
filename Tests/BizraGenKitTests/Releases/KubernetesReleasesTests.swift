import Testing
@testable import BizraGenKit

@Suite struct KubernetesReleasesTests {
    @Test func aSupportedReleaseIsItself() {
        #expect(KubernetesReleases.nearest(to: "1.36").patch == "v1.36.4")
        #expect(KubernetesReleases.nearest(to: "1.37.0").minor == "1.37")
        #expect(KubernetesReleases.isSupported("1.35.2"))
    }

    @Test func aReleaseOutsideTheTableGetsTheNearestSupportedOne() {
        #expect(KubernetesReleases.nearest(to: "1.30").minor == "1.35")
        #expect(KubernetesReleases.nearest(to: "1.41").minor == "1.37")
        #expect(!KubernetesReleases.isSupported("1.34"))
        #expect(KubernetesReleases.kubectlImage(for: "1.30") == "registry.k8s.io/kubectl:v1.35.9")
    }
}
