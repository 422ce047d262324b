import SZCore
import Testing

@Suite struct VersionSetTests {
    static let ranges = [
        "^1.2.3", "^0.2.3", "~1.2", ">=1.2.0 <2.0.0", ">1", "<=2.1", "1.2.3", "*", "1.x", "1.2.3 - 2.3.4",
        "^1.2.3-beta.2", "<1.2.3-rc.1", ">1.2.3-alpha.3", "^1.0.0 || ^3.0.0", "2.0.0-rc.1", "<0.1 || >=3",
        "1.2.3-beta - 1.2.3", "=0.0.0",
    ]

    static let samples = [
        "0.0.0-0", "0.0.0", "0.0.1", "0.1.0", "0.2.3", "0.2.9", "1.0.0-alpha", "1.0.0", "1.1.0", "1.2.0", "1.2.2",
        "1.2.3-alpha", "1.2.3-alpha.3", "1.2.3-alpha.7", "1.2.3-beta.2", "1.2.3-beta.4", "1.2.3-rc.1", "1.2.3",
        "1.2.4-beta", "1.2.4", "1.5.0", "1.9.9", "2.0.0-rc.1", "2.0.0", "2.1.5", "2.3.4", "2.3.5", "3.0.0",
        "3.4.5-alpha.9",
        "3.4.5", "18446744073709551615.18446744073709551615.18446744073709551615",
    ]

    func parse(_ text: String) throws -> VersionSet { try VersionRange(parsing: text).versions }

    @Test func setOperationsAgreeWithMembership() throws {
        let sets = try Self.ranges.map(parse)
        let versions = try Self.samples.map { try SemanticVersion(parsing: $0) }
        for left in sets {
            for version in versions {
                #expect(left.complement.contains(version) == !left.contains(version))
            }
            for right in sets {
                let union = left.union(right)
                let intersection = left.intersection(right)
                let difference = left.subtracting(right)
                for version in versions {
                    #expect(union.contains(version) == (left.contains(version) || right.contains(version)))
                    #expect(intersection.contains(version) == (left.contains(version) && right.contains(version)))
                    #expect(difference.contains(version) == (left.contains(version) && !right.contains(version)))
                }
                if left.isSubset(of: right) {
                    #expect(versions.allSatisfy { !left.contains($0) || right.contains($0) })
                }
                if left.isDisjoint(with: right) {
                    #expect(versions.allSatisfy { !(left.contains($0) && right.contains($0)) })
                }
                #expect(union.isSubset(of: left) == right.isSubset(of: left))
                #expect(left.union(right) == right.union(left))
                #expect(left.intersection(right).complement == left.complement.union(right.complement))
            }
            #expect(left.union(left.complement) == .any)
            #expect(left.intersection(left.complement).isEmpty)
            #expect(left.complement.complement == left)
        }
    }

    @Test func equalSetsAreEqualHoweverTheyWereBuilt() throws {
        #expect(try parse("^1.2") == parse(">=1.2.0 <1.5.0").union(parse(">=1.5.0 <2.0.0")))
        #expect(try parse("1.2.3") == VersionSet(exactly: SemanticVersion(1, 2, 3)))
        #expect(try parse("<1.2.4 >1.2.2") == parse("=1.2.3"))
        #expect(try parse("^1.0.0").subtracting(parse("^1.0.0")) == .empty)
        #expect(VersionSet.empty.complement == .any)
    }

    @Test(arguments: [
        ("^1.2", "^1.2.0"),
        ("~1.2.3", ">=1.2.3, <1.3.0"),
        (">=1.2.0 <1.5.0", ">=1.2.0, <1.5.0"),
        ("1.2.3", "1.2.3"),
        ("^0.2.3", "^0.2.3"),
        ("^0.0.3", "0.0.3"),
        ("*", "*"),
        (">1", ">=2.0.0"),
        ("<=2.1", "<2.2.0"),
        ("^1.0.0 || ^3.0.0", "^1.0.0 || ^3.0.0"),
        ("^1.2.3-beta.2", "^1.2.3-beta.2"),
        ("<1.2.3-rc.1", "<1.2.3 || >=1.2.3-0, <1.2.3-rc.1"),
        ("2.0.0-rc.1", "2.0.0-rc.1"),
        ("1.2.3-beta - 1.2.3", ">=1.2.3-beta, <1.2.4"),
        (">=1.2.3-beta <1.2.3-rc", ">=1.2.3-beta, <1.2.3-rc"),
        (">*", "none"),
    ])
    func descriptionsUseTheRangeSyntax(range: String, expected: String) throws {
        let set = try parse(range)
        #expect(set.description == expected)
        if expected != "none" {
            #expect(try parse(set.description) == set)
        }
    }

    @Test func descriptionsSayWhatTheSyntaxCannot() throws {
        #expect(VersionSet.any.description == "any")
        #expect(try parse("^1.0.0").complement.description == "<1.0.0 || >=2.0.0 || any pre-release")
        #expect(try parse("*").complement.description == "any pre-release")
    }

    @Test func everyDescriptionInTheSyntaxParsesBackToTheSameSet() throws {
        let sets = try Self.ranges.map(parse)
        let combinations = sets.flatMap { left in
            sets.flatMap { right in [left.union(right), left.intersection(right), left.subtracting(right)] }
        }
        for set in combinations where !set.isEmpty && !set.description.contains("pre-release") && set != .any {
            #expect(try parse(set.description) == set, "\(set.description)")
        }
    }
}
