// swift-tools-version: 6.2
// Decodes the client frames sent most often (a token move, a dice roll) many times and prints the time per frame.
// Run by benchmarks/frame-decoding.sh; SZ_REPO names another checkout to measure.
import PackageDescription

let package = Package(
    name: "frame-decoding",
    dependencies: [.package(name: "sessionzero", path: Context.environment["SZ_REPO"] ?? "../..")],
    targets: [
        .executableTarget(
            name: "frame-decoding",
            dependencies: [.product(name: "SZTabletop", package: "sessionzero")]
        )
    ]
)
