import BizraSpec
import Testing
@testable import BizraGenKit

@Suite struct ConfigSecretsPlannerTests {
    let objects = ConfigSecretsPlanner().objects(for: CoreFixture.context)

    @Test func configMapHoldsTheServiceConfigSorted() throws {
        let configMap = try #require(objects.coreObject("ConfigMap", "bizra-node0-config"))
        #expect(configMap.namespace == "bizra-production")
        #expect(configMap.coreField("data")?.mapValue?.keys == ["GROUND_TRUTH_PATH", "LOG_LEVEL"])
        #expect(configMap.coreField("data", "LOG_LEVEL") == "info")
    }

    @Test func eachClusterReadsItsOwnRegionsStoreWithoutCredentials() throws {
        for region in ["us-east-1", "eu-west-1", "ap-southeast-1", "ap-northeast-1"] {
            let inCluster = objects.filter { $0.placement.includes(region) }
            let store = try #require(inCluster.coreObject("SecretStore", "aws-secrets-manager"))
            #expect(store.apiVersion == "external-secrets.io/v1")
            let aws = store.coreField("spec", "provider", "aws")
            #expect(aws?["service"] == "SecretsManager")
            #expect(aws?["region"] == .string(region), "a region keeps its secrets when another fails")
            #expect(aws?["auth"] == nil, "without an account: the controller's own identity (EKS Pod Identity)")
            let account = try #require(inCluster.coreObject("ServiceAccount", "aws-secrets-manager"))
            #expect(account.annotations.isEmpty)
        }
    }

    @Test func withAnAccountTheStoreAssumesItsIRSARole() throws {
        var spec = CoreFixture.spec
        spec.platform.aws = .init(accountId: "210987654321")
        let objects = ConfigSecretsPlanner().objects(for: PlanContext(spec: spec))
        let store = try #require(objects.coreObject("SecretStore", "aws-secrets-manager"))
        #expect(store.coreField("spec", "provider", "aws", "auth", "jwt", "serviceAccountRef", "name") == "aws-secrets-manager")
        let account = try #require(objects.coreObject("ServiceAccount", "aws-secrets-manager"))
        #expect(account.annotations["eks.amazonaws.com/role-arn"] == "arn:aws:iam::210987654321:role/bizra-production-aws-secrets-manager",
                "external-secrets' jwt auth refuses a ServiceAccount without it")
        let dns = MultiRegionPlanner().objects(for: PlanContext(spec: spec)).first { $0.kind == "ServiceAccount" && $0.name == "external-dns" }
        #expect(dns?.annotations["eks.amazonaws.com/role-arn"] == "arn:aws:iam::210987654321:role/bizra-production-external-dns")
    }

    @Test func externalSecretMapsEachKeyToItsPathInTheStore() throws {
        let externalSecret = try #require(objects.coreObject("ExternalSecret", "bizra-node0-secrets"))
        #expect(externalSecret.coreField("spec", "refreshInterval") == "1h")
        #expect(externalSecret.coreField("spec", "secretStoreRef", "name") == "aws-secrets-manager")
        #expect(externalSecret.coreField("spec", "target", "name") == "bizra-node0-secrets")
        let data = try #require(externalSecret.coreField("spec", "data")?.listValue)
        #expect(data.map { $0["secretKey"]?.stringValue } == ["DATABASE_PASSWORD", "JWT_SECRET", "REDIS_PASSWORD"])
        #expect(data[1]["remoteRef"]?["key"] == "bizra/production/jwt-secret")
    }

    @Test func checksumFollowsTheConfigAndNothingElse() throws {
        let service = CoreFixture.node0
        let context = CoreFixture.context
        let checksum = try #require(ConfigSecretsPlanner.configChecksum(for: service, in: context))
        let configMap = try #require(ConfigSecretsPlanner.configMap(for: service, in: context))
        #expect(checksum == SHA256.hex(YAMLWriter.document(configMap.yaml)))

        var otherImage = service
        otherImage.image = "ghcr.io/bizra/node:v2.3.0"
        otherImage.replicas = 5
        #expect(ConfigSecretsPlanner.configChecksum(for: otherImage, in: context) == checksum)

        var otherConfig = service
        otherConfig.config["LOG_LEVEL"] = "debug"
        #expect(ConfigSecretsPlanner.configChecksum(for: otherConfig, in: context) != checksum)
    }
}
