import SZCore
import Testing

/// The resolver's work is bounded, and it treats the provider with care.
@Suite struct DependencyResolverBoundsTests {
    /// pack0 → pack1 → … → pack(n-1) → base ^2.0.0, while the root wants base ^1.0.0.
    func chain(_ length: Int) throws -> Universe {
        var universe = try Universe(["base 1.0.0": [:], "base 2.0.0": [:]])
        for index in 0..<length {
            let next = index + 1 == length ? ("base", "^2.0.0") : ("pack\(index + 1)", "^1.0.0")
            try universe.add("pack\(index)", "1.0.0", [next.0: next.1])
        }
        return universe
    }

    @Test func reachingTooManyPackagesStops() throws {
        let universe = try chain(30)
        let resolver = DependencyResolver(maximumPackages: 10)
        let error = #expect(throws: DependencyResolutionError.self) {
            try universe.resolve(Universe.root(["pack0": "^1.0.0"]), with: resolver)
        }
        #expect(error == .tooManyPackages(limit: 10))
        #expect(error?.description == "The dependencies reach more than 10 packages; resolution stopped there.")
    }

    @Test func takingTooManyStepsStops() throws {
        let universe = try chain(30)
        let resolver = DependencyResolver(maximumSteps: 5)
        let error = #expect(throws: DependencyResolutionError.self) {
            try universe.resolve(Universe.root(["pack0": "^1.0.0"]), with: resolver)
        }
        #expect(error == .tooManySteps(limit: 5))
    }

    @Test func aLongChainIsExplainedLineByLine() throws {
        let universe = try chain(40)
        let explanation = universe.explanation(of: try Universe.root(["pack0": "^1.0.0", "base": "^1.0.0"]))
        let lines = explanation?.split(separator: "\n") ?? []
        #expect(lines.count == 21)
        #expect(
            lines.first
                == "Because pack0 1.0.0 depends on pack1 ^1.0.0 which depends on pack2 ^1.0.0, pack0 1.0.0 requires pack2 ^1.0.0."
        )
        #expect(
            lines.dropLast().last
                == "And because pack38 1.0.0 depends on pack39 ^1.0.0 which depends on base ^2.0.0, pack0 1.0.0 requires base ^2.0.0."
        )
        #expect(lines.last == "So, because root depends on both pack0 ^1.0.0 and base ^1.0.0, version solving failed.")
    }

    @Test func aDerivationTooDeepToRetellListsItsFacts() throws {
        let universe = try chain(3)
        let root = try Universe.root(["pack0": "^1.0.0", "base": "^1.0.0"])
        let error = #expect(throws: DependencyResolutionError.self) {
            try universe.resolve(root, with: DependencyResolver(maximumExplanationDepth: 2))
        }
        #expect(
            error?.description == """
                Version solving failed after 4 deductions in a row, too many to retell. It rests on these facts:
                - pack0 1.0.0 depends on pack1 ^1.0.0
                - pack1 1.0.0 depends on pack2 ^1.0.0
                - pack2 1.0.0 depends on base ^2.0.0
                - root depends on pack0 ^1.0.0
                - root depends on base ^1.0.0
                """
        )
    }

    @Test func theProviderIsAskedOnceForEachReachedPackage() throws {
        final class CountingProvider: PackageVersionProvider {
            let universe: Universe
            var requests: [String] = []
            init(_ universe: Universe) { self.universe = universe }
            func versions(ofPackage id: String) -> [PackageVersion]? {
                requests.append(id)
                return universe.provider.versions(ofPackage: id)
            }
        }
        let provider = CountingProvider(
            try Universe([
                "a 1.0.0": ["b": "^1.0.0"],
                "a 1.1.0": ["b": "^1.0.0", "c": "^1.0.0"],
                "b 1.0.0": ["a": "^1.0.0"],
                "c 1.0.0": ["b": "^2.0.0"],
                "unreached 1.0.0": [:],
            ])
        )
        let resolution = try DependencyResolver().resolve(Universe.root(["a": "^1.0.0"]), versions: provider)
        #expect(resolution.versions == ["id-a": SemanticVersion(1, 0, 0), "id-b": SemanticVersion(1, 0, 0)])
        #expect(provider.requests.sorted() == ["id-a", "id-b", "id-c"])
    }

    @Test func versionsDifferingOnlyInBuildMetadataCountOnce() throws {
        let first = PackageVersion(
            version: try SemanticVersion(parsing: "1.0.0+first"),
            dependencies: [try Universe.dependency("extra", "^1.0.0")]
        )
        let second = PackageVersion(version: try SemanticVersion(parsing: "1.0.0+second"))
        let provider = InMemoryPackageVersionProvider([
            "id-a": [first, second],
            "id-extra": [PackageVersion(version: SemanticVersion(1, 0, 0))],
        ])
        let resolution = try DependencyResolver().resolve(Universe.root(["a": "*"]), versions: provider)
        #expect(resolution.versions["id-a"]?.description == "1.0.0+first")
        #expect(resolution.versions["id-extra"] == SemanticVersion(1, 0, 0))
    }
}
