import BizraGenCLI
import BizraSpec
import ShopPlatform

/// `swift run shop build` writes what `bizra-gen build --spec starters/minimal` writes.
@main struct Shop: BizraGenCommand {
    static let environments = ShopPlatform.environments
    static func spec(environment: String?) throws -> Spec { try ShopPlatform.spec(environment: environment) }
}
