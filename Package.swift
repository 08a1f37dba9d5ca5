// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "bizra-gen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bizra-gen", targets: ["bizra-gen"]),
        .library(name: "BizraSpec", targets: ["BizraSpec"]),
        .library(name: "BizraRules", targets: ["BizraRules"]),
        .library(name: "BizraGenKit", targets: ["BizraGenKit"]),
        .library(name: "BizraGenCLI", targets: ["BizraGenCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(name: "BizraSpec", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "BizraRules", dependencies: ["BizraSpec"]),
        .target(
            name: "BizraGenKit",
            dependencies: ["BizraSpec", "BizraRules", .product(name: "Mustache", package: "swift-mustache"),
                           .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "BizraGenCLI",
            dependencies: ["BizraGenKit", "BizraRules", "BizraSpec",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "bizra-gen", dependencies: ["BizraGenCLI"]),
        // What every test target shares: the repository's paths, the real tools, the leak check.
        .target(name: "BizraTestSupport", path: "Tests/BizraTestSupport"),
        .testTarget(name: "BizraSpecTests", dependencies: ["BizraSpec", "BizraTestSupport"]),
        .testTarget(name: "BizraRulesTests", dependencies: ["BizraRules", "BizraSpec", "BizraTestSupport"]),
        .testTarget(name: "BizraGenKitTests", dependencies: ["BizraGenKit", "BizraSpec", "BizraRules", "BizraTestSupport"],
                    exclude: ["Report/Fixtures"]),
        .testTarget(name: "BizraGenCLITests", dependencies: ["bizra-gen", "BizraGenCLI", "BizraSpec", "BizraTestSupport", .product(name: "Yams", package: "Yams")]),
    ]
)
