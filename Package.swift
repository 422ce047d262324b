// swift-tools-version: 6.2
import PackageDescription

// A computed var rather than a let: SwiftPM shares one settings array across targets otherwise
// (swiftlang/swift-package-manager#6597).
var swiftSettings: [SwiftSetting] {
    [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}

let package = Package(
    name: "SessionZero",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sessionzero", targets: ["sessionzero"]),
        .library(name: "JSONSchema", targets: ["JSONSchema"]),
        .library(name: "SZCore", targets: ["SZCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "JSONSchema",
            resources: [.copy("MetaSchemas")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SZCore",
            dependencies: ["JSONSchema"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SZPacks",
            dependencies: [
                "JSONSchema",
                "SZCore",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Schemas")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "sessionzero",
            dependencies: [
                "JSONSchema",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JSONSchemaTests",
            dependencies: ["JSONSchema"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SZCoreTests",
            dependencies: ["SZCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SZPacksTests",
            dependencies: [
                "SZPacks",
                // Test-only: an independent zlib-based implementation to check that our codec interoperates.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "sessionzeroTests",
            dependencies: ["JSONSchema", "sessionzero"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
