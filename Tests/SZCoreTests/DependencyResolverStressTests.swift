import SZCore
import Testing

/// Seeded random universes, checked against an independent checker and a brute-force search.
@Suite struct DependencyResolverStressTests {
    /// Small universes (at most 5 packs of at most 6 versions) where trying every combination is cheap:
    /// the resolver must find a valid solution exactly when one exists, and explain itself otherwise.
    @Test func smallUniversesAgreeWithBruteForce() throws {
        var satisfiable = 0
        for seed in 0..<300 as Range<UInt64> {
            var random = SplitMix64(seed: seed)
            let universe = RandomUniverse(random: &random, packages: 5, maximumVersions: 6, maximumDependencies: 2)
            let expected = universe.bruteForceSolution()
            do {
                let resolution = try DependencyResolver().resolve(universe.root, versions: universe.provider)
                #expect(universe.violations(of: resolution.versions) == [], "seed \(seed)")
                #expect(expected != nil, "seed \(seed): resolved, but brute force found no solution")
                satisfiable += 1
            } catch {
                #expect(expected == nil, "seed \(seed): \(error) but brute force found \(String(describing: expected))")
                guard case .unsatisfiable(let explanation) = error else {
                    Issue.record("seed \(seed): \(error)")
                    continue
                }
                #expect(isWellFormed(explanation), "seed \(seed): \(explanation)")
            }
        }
        // Both outcomes are exercised.
        #expect((50..<250).contains(satisfiable))
    }

    /// Every line is one sentence of pub's shapes, possibly numbered, and the last one concludes.
    func isWellFormed(_ explanation: String) -> Bool {
        let lines = explanation.split(separator: "\n", omittingEmptySubsequences: false)
        let openings = ["Because ", "And because ", "So, because ", "Thus, "]
        let sentencesAreWellFormed = lines.allSatisfy { line in
            let sentence = line.hasPrefix("(") ? line.drop { $0 != " " }.dropFirst() : line[...]
            return line.isEmpty || (openings.contains { sentence.hasPrefix($0) } && sentence.hasSuffix("."))
        }
        return sentencesAreWellFormed && lines.last?.hasSuffix("version solving failed.") == true
    }

    /// A larger universe with a planted solution: 80 packs of 12 versions, dependencies going every
    /// way (cycles included). The resolver must find a valid solution within a modest step budget.
    @Test func aLargeUniverseResolvesQuicklyAndCorrectly() throws {
        var random = SplitMix64(seed: 2_024)
        let universe = RandomUniverse(
            random: &random,
            packages: 80,
            maximumVersions: 12,
            maximumDependencies: 4,
            planted: true
        )
        let resolver = DependencyResolver(maximumSteps: 5_000)
        let resolution = try resolver.resolve(universe.root, versions: universe.provider)
        #expect(universe.violations(of: resolution.versions) == [])
        #expect(resolution.versions.count > 10)
        // Same input, same answer.
        #expect(try resolver.resolve(universe.root, versions: universe.provider) == resolution)
    }
}

/// A deterministic generator (SplitMix64), so every run sees the same universes.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

struct RandomUniverse {
    let packages: [String: [PackageVersion]]
    let root: RootPackage

    var provider: InMemoryPackageVersionProvider { InMemoryPackageVersionProvider(packages) }

    /// With `planted`, one version of each pack is chosen first and the root's and chosen versions'
    /// dependencies all accept the chosen versions, so a solution exists.
    init(
        random: inout SplitMix64,
        packages count: Int,
        maximumVersions: Int,
        maximumDependencies: Int,
        planted plant: Bool = false
    ) {
        let ids = (0..<count).map { "pack-\($0)" }
        let rootVersion = SemanticVersion(1, 0, 0)
        // Packs may depend back on the root too, which has its one version.
        var versionLists: [String: [SemanticVersion]] = ["root": [rootVersion]]
        var planted: [String: SemanticVersion] = ["root": rootVersion]
        for id in ids {
            let pool = Self.versionPool.shuffled(using: &random)
            versionLists[id] = Array(pool.prefix(Int.random(in: 1...maximumVersions, using: &random))).sorted()
            if plant { planted[id] = versionLists[id]?.randomElement(using: &random) }
        }
        var packages: [String: [PackageVersion]] = [:]
        for id in ids {
            packages[id] = (versionLists[id] ?? []).map { version in
                let required = { (target: String) in planted[id] == version ? planted[target] : nil }
                let dependencies = (0..<Int.random(in: 0...maximumDependencies, using: &random)).compactMap { _ in
                    // Not itself: the resolver ignores such dependencies, the checks below would not.
                    let target = (ids + ["root"]).filter { $0 != id }.randomElement(using: &random) ?? id
                    return Self.dependency(
                        on: target,
                        versions: versionLists[target] ?? [],
                        including: required(target),
                        random: &random
                    )
                }
                return PackageVersion(version: version, dependencies: dependencies)
            }
        }
        let rootDependencies = (0..<Int.random(in: 1...3, using: &random)).compactMap { _ in
            let target = ids.randomElement(using: &random) ?? ids[0]
            return Self.dependency(
                on: target,
                versions: versionLists[target] ?? [],
                including: planted[target],
                random: &random
            )
        }
        self.packages = packages
        self.root = RootPackage(
            id: "root",
            name: "Root",
            version: SemanticVersion(1, 0, 0),
            dependencies: rootDependencies
        )
    }

    static let versionPool: [SemanticVersion] = {
        var pool: [SemanticVersion] = []
        for major in 0...2 {
            for minor in 0...2 {
                for patch in 0...1 { pool.append(SemanticVersion(UInt64(major), UInt64(minor), UInt64(patch))) }
            }
        }
        // A few pre-releases, so that the pre-release rule takes part.
        pool += ["1.1.0-beta.1", "2.0.0-rc.1"].compactMap { try? SemanticVersion(parsing: $0) }
        return pool
    }()

    /// A dependency with a range written around one of the target's versions (`required`, when given,
    /// must be accepted).
    private static func dependency(
        on target: String,
        versions: [SemanticVersion],
        including required: SemanticVersion?,
        random: inout SplitMix64
    ) -> PackageDependency? {
        let anchor = required ?? versions.randomElement(using: &random) ?? SemanticVersion(1, 0, 0)
        let other = versions.randomElement(using: &random) ?? anchor
        let candidates = [
            "^\(anchor)", "~\(anchor)", ">=\(anchor)", "\(anchor)", "<=\(anchor)",
            ">=\(min(anchor, other)), <=\(max(anchor, other))",
            "^\(anchor) || ^\(other)", "\(anchor.major).x", "*", ">\(anchor)", "<\(anchor)", "^\(other)",
        ]
        let accepted = candidates.shuffled(using: &random).lazy.compactMap { try? VersionRange(parsing: $0) }
        guard let range = accepted.first(where: { required.map($0.contains) ?? true }) else { return nil }
        return PackageDependency(id: target, name: "Pack \(target.dropFirst(5))", range: range)
    }

    /// Every way a proposed solution breaks the rules, in words; empty when it is valid.
    func violations(of solution: [String: SemanticVersion]) -> [String] {
        var problems: [String] = []
        var reachable: Set<String> = []
        var pending = root.dependencies
        while let dependency = pending.popLast() {
            if dependency.id == root.id {
                if !dependency.range.contains(root.version) {
                    problems.append("root \(root.version) is not in \(dependency.range)")
                }
                continue
            }
            guard let chosen = solution[dependency.id] else {
                problems.append("\(dependency.id) is needed but not chosen")
                continue
            }
            if !dependency.range.contains(chosen) {
                problems.append("\(dependency.id) \(chosen) is not in \(dependency.range)")
            }
            guard reachable.insert(dependency.id).inserted else { continue }
            guard let version = packages[dependency.id]?.first(where: { $0.version == chosen }) else {
                problems.append("\(dependency.id) \(chosen) does not exist")
                continue
            }
            pending += version.dependencies
        }
        for id in solution.keys where !reachable.contains(id) {
            problems.append("\(id) is chosen but not needed")
        }
        return problems
    }

    /// Tries every combination of "absent or one version" per package, abandoning a partial
    /// combination as soon as a dependency between packages already chosen fails. Unneeded extras
    /// are allowed here: dropping them never breaks anything.
    func bruteForceSolution() -> [String: SemanticVersion]? {
        let ids = packages.keys.sorted()
        var choice: [String: PackageVersion?] = [:]
        func holds(_ dependency: PackageDependency) -> Bool {
            if dependency.id == root.id { return dependency.range.contains(root.version) }
            guard let chosen = choice[dependency.id] else { return true }
            return chosen.map { dependency.range.contains($0.version) } ?? false
        }
        func search(_ position: Int) -> Bool {
            if position == ids.count { return true }
            let id = ids[position]
            for option in [nil] + (packages[id] ?? []) {
                choice[id] = .some(option)
                let chosenDependencies = choice.values.compactMap { $0 }.flatMap(\.dependencies)
                if (root.dependencies + chosenDependencies).allSatisfy(holds), search(position + 1) { return true }
            }
            choice[id] = nil
            return false
        }
        guard search(0) else { return nil }
        return choice.compactMapValues { $0?.version }
    }
}
