// swift-tools-version: 6.0
// The shop platform in the Swift DSL: a package that depends on bizra-gen by path and gets its
// whole command line (`swift run shop validate|build|diff|graph|report|schema|rules|explain`).
import PackageDescription

let package = Package(
    name: "Shop",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "bizra-gen", path: "../..")],
    targets: [
        .target(name: "ShopPlatform", dependencies: [.product(name: "BizraSpec", package: "bizra-gen")]),
        .executableTarget(name: "shop", dependencies: ["ShopPlatform", .product(name: "BizraGenCLI", package: "bizra-gen")]),
        // The same platform with deliberate mistakes, whose diagnostics point at this package's lines.
        .executableTarget(name: "shop-with-mistakes",
                          dependencies: ["ShopPlatform", .product(name: "BizraGenCLI", package: "bizra-gen")]),
    ]
)
