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
        .executable(name: "sessionzero-load", targets: ["sessionzero-load"]),
        .library(name: "JSONSchema", targets: ["JSONSchema"]),
        .library(name: "SZCore", targets: ["SZCore"]),
        .library(name: "SZDice", targets: ["SZDice"]),
        .library(name: "SZPacks", targets: ["SZPacks"]),
        .library(name: "SZStore", targets: ["SZStore"]),
        .library(name: "SZTabletop", targets: ["SZTabletop"]),
        .library(name: "SZServer", targets: ["SZServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
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
            name: "SZDice",
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
        .target(
            name: "SZTabletop",
            dependencies: [
                "JSONSchema", "SZCore", "SZDice", .product(name: "HashTreeCollections", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SZStore",
            dependencies: [
                "JSONSchema",
                "SZCore",
                "SZPacks",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SZServer",
            dependencies: [
                .product(name: "HashTreeCollections", package: "swift-collections"),
                "JSONSchema",
                "SZCore",
                "SZPacks",
                "SZStore",
                "SZTabletop",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/openapi.json"), .copy("Resources/fancyurl"), .copy("Client")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "sessionzero",
            dependencies: [
                "JSONSchema",
                "SZCore",
                "SZPacks",
                "SZServer",
                "SZStore",
                "SZTabletop",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "sessionzero-load",
            dependencies: [
                "SZTabletop",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
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
            name: "SZDiceTests",
            dependencies: ["SZDice"],
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
            name: "SZTabletopTests",
            dependencies: [
                "SZDice", "SZTabletop", .product(name: "HashTreeCollections", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SZStoreTests",
            dependencies: ["SZStore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SZServerTests",
            dependencies: [
                "JSONSchema",
                "SZCore",
                "SZPacks",
                "SZServer",
                "SZStore",
                "SZTabletop",
                "sessionzero-load",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
            ],
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
