import SZCore
import Testing

/// The worked examples of pub's doc/solver.md ("Examples"), then the cases datapacks add.
@Suite struct DependencyResolverTests {
    @Test func noConflicts() throws {
        let universe = try Universe([
            "foo 1.0.0": ["bar": "^1.0.0"],
            "bar 1.0.0": [:],
            "bar 2.0.0": [:],
        ])
        let solution = try universe.resolve(Universe.root(["foo": "^1.0.0"]))
        #expect(solution == ["foo": "1.0.0", "bar": "1.0.0"])
    }

    @Test func avoidingConflictDuringDecisionMaking() throws {
        let universe = try Universe([
            "foo 1.0.0": [:],
            "foo 1.1.0": ["bar": "^2.0.0"],
            "bar 1.0.0": [:],
            "bar 1.1.0": [:],
            "bar 2.0.0": [:],
        ])
        let solution = try universe.resolve(Universe.root(["foo": "^1.0.0", "bar": "^1.0.0"]))
        #expect(solution == ["foo": "1.0.0", "bar": "1.1.0"])
    }

    @Test func performingConflictResolution() throws {
        let universe = try Universe([
            "foo 1.0.0": [:],
            "foo 2.0.0": ["bar": "^1.0.0"],
            "bar 1.0.0": ["foo": "^1.0.0"],
        ])
        let solution = try universe.resolve(Universe.root(["foo": ">=1.0.0"]))
        #expect(solution == ["foo": "1.0.0"])
    }

    @Test func conflictResolutionWithAPartialSatisfier() throws {
        let universe = try Universe([
            "foo 1.0.0": [:],
            "foo 1.1.0": ["left": "^1.0.0", "right": "^1.0.0"],
            "left 1.0.0": ["shared": ">=1.0.0"],
            "right 1.0.0": ["shared": "<2.0.0"],
            "shared 2.0.0": [:],
            "shared 1.0.0": ["target": "^1.0.0"],
            "target 2.0.0": [:],
            "target 1.0.0": [:],
        ])
        let solution = try universe.resolve(Universe.root(["foo": "^1.0.0", "target": "^2.0.0"]))
        #expect(solution == ["foo": "1.0.0", "target": "2.0.0"])
    }

    @Test func linearErrorReporting() throws {
        let universe = try Universe([
            "foo 1.0.0": ["bar": "^2.0.0"],
            "bar 2.0.0": ["baz": "^3.0.0"],
            "baz 1.0.0": [:],
            "baz 3.0.0": [:],
        ])
        let explanation = universe.explanation(of: try Universe.root(["foo": "^1.0.0", "baz": "^1.0.0"]))
        // pub's text, except that a range covering one available version names it ("foo 1.0.0", not
        // "every version of foo"), and "both" lists root's dependencies in their written order.
        #expect(
            explanation == """
                Because foo 1.0.0 depends on bar ^2.0.0 which depends on baz ^3.0.0, foo 1.0.0 requires baz ^3.0.0.
                So, because root depends on both foo ^1.0.0 and baz ^1.0.0, version solving failed.
                """
        )
    }

    @Test func branchingErrorReporting() throws {
        let universe = try Universe([
            "foo 1.0.0": ["a": "^1.0.0", "b": "^1.0.0"],
            "foo 1.1.0": ["x": "^1.0.0", "y": "^1.0.0"],
            "a 1.0.0": ["b": "^2.0.0"],
            "b 1.0.0": [:],
            "b 2.0.0": [:],
            "x 1.0.0": ["y": "^2.0.0"],
            "y 1.0.0": [:],
            "y 2.0.0": [:],
        ])
        let explanation = universe.explanation(of: try Universe.root(["foo": "^1.0.0"]))
        // pub's text, with "foo 1.0.0" and "foo 1.1.0" for the ranges "foo <1.1.0" and "foo >=1.1.0".
        #expect(
            explanation == """
                Because foo 1.0.0 depends on a ^1.0.0 which depends on b ^2.0.0, foo 1.0.0 requires b ^2.0.0.
                (1) So, because foo 1.0.0 depends on b ^1.0.0, foo 1.0.0 is forbidden.

                Because foo 1.1.0 depends on x ^1.0.0 which depends on y ^2.0.0, foo 1.1.0 requires y ^2.0.0.
                And because foo 1.1.0 depends on y ^1.0.0, foo 1.1.0 is forbidden.
                And because foo 1.0.0 is forbidden (1), foo is forbidden.
                So, because root depends on foo ^1.0.0, version solving failed.
                """
        )
    }

    // MARK: Datapack cases

    @Test func incompatibleDependenciesAreExplainedWithDisplayNames() throws {
        let universe = try Universe([
            "Dungeon Extras 1.0.0": ["Core Rules": "^2.0.0"],
            "Monster Manual 1.1.0": ["Core Rules": "^1.2.0"],
            "Core Rules 1.2.0": [:],
            "Core Rules 1.3.0": [:],
            "Core Rules 2.0.0": [:],
        ])
        let root = try Universe.root(["Dungeon Extras": "^1.0.0", "Monster Manual": "^1.1.0"], name: "My Campaign")
        #expect(
            universe.explanation(of: root) == """
                Because Monster Manual 1.1.0 depends on Core Rules ^1.2.0 and Dungeon Extras 1.0.0 depends on \
                Core Rules ^2.0.0, Monster Manual 1.1.0 is incompatible with Dungeon Extras 1.0.0.
                So, because My Campaign depends on both Dungeon Extras ^1.0.0 and Monster Manual ^1.1.0, \
                version solving failed.
                """
        )
    }

    @Test func aMissingPackageIsNamed() throws {
        let universe = try Universe(["Monster Manual 1.0.0": ["Core Rules": "^1.0.0"]])
        let direct = try Universe.root(["Core Rules": "^1.0.0"], name: "My Campaign")
        #expect(
            universe.explanation(of: direct)
                == "Because My Campaign depends on Core Rules ^1.0.0 and Core Rules is not available, version solving failed."
        )
        let transitive = try Universe.root(["Monster Manual": "^1.0.0"], name: "My Campaign")
        #expect(
            universe.explanation(of: transitive) == """
                Because Monster Manual 1.0.0 depends on Core Rules ^1.0.0 and Core Rules is not available, \
                Monster Manual 1.0.0 is forbidden.
                So, because My Campaign depends on Monster Manual ^1.0.0, version solving failed.
                """
        )
    }

    @Test func aRangeNoVersionMatchesIsNamed() throws {
        let universe = try Universe(["Core Rules 1.0.0": [:], "Core Rules 2.0.0": [:]])
        let root = try Universe.root(["Core Rules": ">=3.0.0"], name: "My Campaign")
        #expect(
            universe.explanation(of: root) == """
                Because My Campaign depends on Core Rules >=3.0.0 and no version of Core Rules matches >=3.0.0, \
                version solving failed.
                """
        )
    }

    @Test func theHighestFittingVersionIsChosen() throws {
        let universe = try Universe([
            "Core Rules 1.0.0": [:], "Core Rules 1.9.3": [:], "Core Rules 1.5.0": [:], "Core Rules 2.0.0": [:],
        ])
        #expect(try universe.resolve(Universe.root(["Core Rules": "^1.0.0"])) == ["Core Rules": "1.9.3"])
    }

    @Test func preReleasesAreChosenOnlyWhenARangeNamesThem() throws {
        let universe = try Universe([
            "Core Rules 1.0.0": [:],
            "Core Rules 1.1.0": [:],
            "Core Rules 1.2.0-beta.1": [:],
            "Bestiary 1.0.0": ["Tables": "^2.0.0-rc.1"],
            "Tables 2.0.0-rc.1": [:],
            "Tables 2.0.0-rc.2": [:],
            "Tables 2.1.0-beta.1": [:],
        ])
        #expect(try universe.resolve(Universe.root(["Core Rules": "^1.0.0"])) == ["Core Rules": "1.1.0"])
        #expect(try universe.resolve(Universe.root(["Core Rules": "^1.2.0-beta.1"])) == ["Core Rules": "1.2.0-beta.1"])
        #expect(
            try universe.resolve(Universe.root(["Bestiary": "*"])) == ["Bestiary": "1.0.0", "Tables": "2.0.0-rc.2"]
        )
    }

    @Test func onlyPreReleasesAvailableIsExplained() throws {
        let universe = try Universe(["Tables 2.0.0-rc.1": [:]])
        #expect(
            universe.explanation(of: try Universe.root(["Tables": "^2.0.0"])) == """
                Because root depends on Tables ^2.0.0 and no version of Tables matches ^2.0.0, version solving failed.
                """
        )
    }

    @Test func cyclesResolve() throws {
        let universe = try Universe([
            "a 1.0.0": ["b": "^1.0.0"],
            "a 1.1.0": ["b": "^1.1.0"],
            "b 1.0.0": ["a": "^1.0.0"],
            "b 1.1.0": ["a": "^1.1.0", "b": "^1.0.0"],
            "c 1.0.0": ["root": "^1.0.0"],
        ])
        #expect(
            try universe.resolve(Universe.root(["a": "^1.0.0", "c": "*"])) == [
                "a": "1.1.0", "b": "1.1.0", "c": "1.0.0",
            ]
        )
    }

    @Test func aLongCycleResolves() throws {
        var universe = try Universe()
        for index in 0..<60 {
            for version in ["1.0.0", "1.1.0", "2.0.0"] {
                try universe.add("pack\(index)", version, ["pack\((index + 1) % 60)": "^1.0.0"])
            }
        }
        let solution = try universe.resolve(Universe.root(["pack0": "*"]))
        #expect(solution.count == 60)
        #expect(solution.values.allSatisfy { $0 == "1.1.0" })
    }

    @Test func aDependencyBackOnTheRootMustAcceptItsVersion() throws {
        let universe = try Universe(["Core Rules 1.0.0": ["My Pack": "^2.0.0"]])
        let root = try Universe.root(["Core Rules": "^1.0.0"], name: "My Pack", version: "1.4.0")
        #expect(
            universe.explanation(of: root) == """
                Because My Pack depends on Core Rules ^1.0.0 which depends on My Pack ^2.0.0, \
                My Pack ^2.0.0 is required but My Pack is 1.4.0, so version solving failed.
                """
        )
    }

    @Test func packsWithTheSameNameAreToldApartByID() throws {
        let universe = try Universe(["Monster Manual 1.0.0": ["Core Rules": "^1.0.0"], "Other 1.0.0": [:]])
        // A second pack, id-Other, also calls itself Core Rules.
        let other = PackageDependency(id: "id-Other", name: "Core Rules", range: try VersionRange(parsing: "^1.0.0"))
        var root = try Universe.root(["Monster Manual": "^1.0.0"], name: "My Campaign")
        root.dependencies.append(other)
        #expect(
            universe.explanation(of: root) == """
                Because Monster Manual 1.0.0 depends on Core Rules (id-Core Rules) ^1.0.0 and \
                Core Rules (id-Core Rules) is not available, Monster Manual 1.0.0 is forbidden.
                So, because My Campaign depends on Monster Manual ^1.0.0, version solving failed.
                """
        )
    }
}
