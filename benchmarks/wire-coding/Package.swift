// swift-tools-version: 6.2
// Decodes the client frames sent most often (a token move, a dice roll) and encodes the event of a move, many times
// each, and prints the time per message.
// Run by benchmarks/wire-coding.sh; SZ_REPO names another checkout to measure.
import PackageDescription

let package = Package(
    name: "wire-coding",
    dependencies: [.package(name: "sessionzero", path: Context.environment["SZ_REPO"] ?? "../..")],
    targets: [
        .executableTarget(
            name: "wire-coding",
            dependencies: [.product(name: "SZTabletop", package: "sessionzero")]
        )
    ]
)
