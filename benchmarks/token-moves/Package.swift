// swift-tools-version: 6.2
// Applies token moves to game states of growing size, with the room's stored copy kept beside the changed one, and
// prints the time per move. Run by benchmarks/token-moves.sh; SZ_REPO names another checkout to measure.
import PackageDescription

let package = Package(
    name: "token-moves",
    dependencies: [.package(name: "sessionzero", path: Context.environment["SZ_REPO"] ?? "../..")],
    targets: [
        .executableTarget(
            name: "token-moves",
            dependencies: [
                .product(name: "SZDice", package: "sessionzero"),
                .product(name: "SZTabletop", package: "sessionzero"),
            ]
        )
    ]
)
