import Foundation
import SZCore
import Testing

@Suite struct VersionRangeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var range: String
        var accepts: [String]
        var refuses: [String]
        var testDescription: String { range }
    }

    @Test(arguments: [
        Case(
            range: "^1.2.3",
            accepts: ["1.2.3", "1.2.4", "1.9.9"],
            refuses: ["1.2.2", "2.0.0", "2.0.0-0", "1.5.0-beta"]
        ),
        Case(range: "^0.2.3", accepts: ["0.2.3", "0.2.9"], refuses: ["0.2.2", "0.3.0", "1.0.0"]),
        Case(range: "^0.0.3", accepts: ["0.0.3"], refuses: ["0.0.2", "0.0.4"]),
        Case(range: "^1.2", accepts: ["1.2.0", "1.9.0"], refuses: ["1.1.9", "2.0.0"]),
        Case(range: "^1", accepts: ["1.0.0", "1.99.0"], refuses: ["0.9.0", "2.0.0"]),
        Case(range: "^0.1", accepts: ["0.1.0", "0.1.7"], refuses: ["0.0.9", "0.2.0"]),
        Case(range: "^0.0", accepts: ["0.0.0", "0.0.9"], refuses: ["0.1.0"]),
        Case(range: "^0", accepts: ["0.0.0", "0.9.9"], refuses: ["1.0.0"]),
        Case(range: "~1.2.3", accepts: ["1.2.3", "1.2.9"], refuses: ["1.2.2", "1.3.0"]),
        Case(range: "~0.2.3", accepts: ["0.2.3", "0.2.9"], refuses: ["0.3.0"]),
        Case(range: "~1.2", accepts: ["1.2.0", "1.2.9"], refuses: ["1.1.9", "1.3.0"]),
        Case(range: "~1", accepts: ["1.0.0", "1.9.0"], refuses: ["2.0.0"]),
        Case(range: ">=1.2.0 <2.0.0", accepts: ["1.2.0", "1.9.9"], refuses: ["1.1.9", "2.0.0"]),
        Case(range: ">1", accepts: ["2.0.0", "3.1.0"], refuses: ["1.0.0", "1.9.9"]),
        Case(range: ">1.2", accepts: ["1.3.0"], refuses: ["1.2.9"]),
        Case(range: ">1.2.3", accepts: ["1.2.4"], refuses: ["1.2.3"]),
        Case(range: "<=2.1", accepts: ["0.0.0", "2.1.9"], refuses: ["2.2.0"]),
        Case(range: "<2.1", accepts: ["2.0.9"], refuses: ["2.1.0"]),
        Case(range: "<=1.2.3", accepts: ["1.2.3"], refuses: ["1.2.4"]),
        Case(range: "=1.2.3", accepts: ["1.2.3", "1.2.3+build.7"], refuses: ["1.2.4", "1.2.2"]),
        Case(range: "1.2.3", accepts: ["1.2.3"], refuses: ["1.2.4", "1.2.3-rc.1"]),
        Case(range: "=1.2", accepts: ["1.2.0", "1.2.5"], refuses: ["1.3.0"]),
        Case(range: ">=1.2, <1.5", accepts: ["1.2.0", "1.4.9"], refuses: ["1.1.0", "1.5.0"]),
        Case(range: ">= 1.2 , < 1.5", accepts: ["1.4.0"], refuses: ["1.5.0"]),
        Case(range: "^1.2 || ^3.0", accepts: ["1.3.0", "3.1.0"], refuses: ["2.0.0", "4.0.0"]),
        Case(range: "*", accepts: ["0.0.0", "99.0.0"], refuses: ["1.0.0-beta"]),
        Case(range: "x", accepts: ["1.0.0"], refuses: []),
        Case(range: "1.x", accepts: ["1.0.0", "1.9.0"], refuses: ["0.9.0", "2.0.0"]),
        Case(range: "1.2.*", accepts: ["1.2.0", "1.2.99"], refuses: ["1.3.0"]),
        Case(range: "1.X.x", accepts: ["1.5.0"], refuses: ["2.0.0"]),
        Case(range: "1", accepts: ["1.0.0", "1.9.0"], refuses: ["2.0.0"]),
        Case(range: "1.2", accepts: ["1.2.0", "1.2.9"], refuses: ["1.3.0"]),
        Case(range: "1.2.3 - 2.3.4", accepts: ["1.2.3", "2.3.4"], refuses: ["1.2.2", "2.3.5", "2.3.4-beta"]),
        Case(range: "1.2 - 2.3", accepts: ["1.2.0", "2.3.9"], refuses: ["1.1.9", "2.4.0"]),
        Case(range: "1.2.3 - 2", accepts: ["2.9.9"], refuses: ["3.0.0"]),
        Case(range: "* - 2", accepts: ["0.0.0", "2.9.9"], refuses: ["3.0.0"]),
        Case(range: ">*", accepts: [], refuses: ["0.0.0", "1.0.0"]),
        Case(range: "<0.0.0", accepts: [], refuses: ["0.0.0", "0.0.0-0"]),
        Case(
            range: ">18446744073709551615.18446744073709551615.18446744073709551615",
            accepts: [],
            refuses: ["18446744073709551615.18446744073709551615.18446744073709551615"]
        ),
        Case(range: "^18446744073709551615.0.0", accepts: ["18446744073709551615.5.0"], refuses: ["1.0.0"]),
    ])
    func rangesAcceptWhatNpmAccepts(testCase: Case) throws {
        let range = try VersionRange(parsing: testCase.range)
        for text in testCase.accepts {
            #expect(range.contains(try SemanticVersion(parsing: text)), "\(testCase.range) should accept \(text)")
        }
        for text in testCase.refuses {
            #expect(!range.contains(try SemanticVersion(parsing: text)), "\(testCase.range) should refuse \(text)")
        }
    }

    @Test(arguments: [
        Case(
            range: "^1.2.3-beta.2",
            accepts: ["1.2.3-beta.2", "1.2.3-beta.4", "1.2.3", "1.4.0"],
            refuses: ["1.2.3-beta.1", "1.2.4-beta.1", "2.0.0-alpha"]
        ),
        Case(
            range: ">1.2.3-alpha.3",
            accepts: ["1.2.3-alpha.7", "3.4.5"],
            refuses: ["1.2.3-alpha.3", "3.4.5-alpha.9"]
        ),
        Case(range: "<1.2.3-rc.1", accepts: ["1.2.3-beta", "1.2.2"], refuses: ["1.2.3-rc.1", "1.2.3", "1.2.2-beta"]),
        Case(range: "~1.2.3-beta.2", accepts: ["1.2.3-beta.3", "1.2.9"], refuses: ["1.3.0", "1.2.4-beta"]),
        Case(range: "=1.2.3-rc.1", accepts: ["1.2.3-rc.1"], refuses: ["1.2.3-rc.2", "1.2.3"]),
        Case(range: "<1.2 || >=1.2.0-beta <1.2.0", accepts: ["1.1.0", "1.2.0-beta.1"], refuses: ["1.2.0-alpha"]),
        Case(range: "<1.2 >=1.2.0-beta", accepts: [], refuses: ["1.2.0-beta", "1.1.0"]),
        Case(range: "1.2.3-beta - 1.2.3", accepts: ["1.2.3-beta.1", "1.2.3"], refuses: ["1.2.3-alpha", "1.2.4"]),
        // The pre-release must be named in the same alternative.
        Case(range: "^1.0.0 || 2.0.0-rc.1", accepts: ["2.0.0-rc.1"], refuses: ["1.1.0-rc.1", "2.0.0-rc.2"]),
    ])
    func preReleasesNeedToBeNamedInTheSameAlternative(testCase: Case) throws {
        try rangesAcceptWhatNpmAccepts(testCase: testCase)
    }

    @Test(arguments: [
        (">= 1.2.3   <2.0.0", ">=1.2.3, <2.0.0"),
        (">=1.2,<1.5", ">=1.2, <1.5"),
        ("^1.2||~3", "^1.2 || ~3"),
        ("1.2.3  -  2.3.4", "1.2.3 - 2.3.4"),
        ("1.X", "1.X"),
        ("=1.2.3+build", "=1.2.3+build"),
    ])
    func descriptionIsTheNormalisedSpelling(text: String, expected: String) throws {
        let range = try VersionRange(parsing: text)
        #expect(range.description == expected)
        #expect(try VersionRange(parsing: range.description) == range)
    }

    @Test func rangesAreEqualWhenTheyAcceptTheSameVersions() throws {
        let parse = { (text: String) throws in try VersionRange(parsing: text) }
        #expect(try parse("^1.2") == parse(">=1.2.0, <2.0.0"))
        #expect(try Set(["1.x", "~1", "^1", "1", "1.*.*", ">=1 <2"].map(parse)).count == 1)
        #expect(try parse("*") == parse(">=0.0.0"))
        #expect(try parse("^1.2") != parse("^1.3"))
        #expect(try VersionRange.caret(SemanticVersion(1, 2, 0)) == parse("^1.2"))
        #expect(VersionRange.caret(SemanticVersion(1, 2, 0)).description == "^1.2.0")
        #expect(VersionRange.exactly(SemanticVersion(1, 2, 0)).description == "=1.2.0")
        #expect(try VersionRange.exactly(SemanticVersion(1, 2, 0)) == parse("1.2.0"))
    }

    @Test(arguments: [
        ("", "the range is empty"),
        ("  ", "  : column 1: the range is empty"),
        ("^1.2 ||", "^1.2 ||: column 8: an alternative of '||' is empty"),
        ("|| ^1.2", "|| ^1.2: column 1: an alternative of '||' is empty"),
        ("^1.2 | ^2", "^1.2 | ^2: column 6: a single '|': alternatives are separated by '||'"),
        (">=1.02", ">=1.02: column 5: '1.02' is not a valid version: the minor version has a leading zero"),
        (
            "^1 || v1.2.3",
            "^1 || v1.2.3: column 7: 'v1.2.3' is not a valid version: a version starts with its major number, without a leading 'v'"
        ),
        (">=", ">=: column 1: '>=' is not followed by a version"),
        (">= , 1", ">= , 1: column 1: '>=' is not followed by a version"),
        (">=1,, <2", ">=1,, <2: column 5: a ',' must separate two comparators"),
        (", >=1", ", >=1: column 1: a ',' must separate two comparators"),
        (">=1,", ">=1,: column 4: a ',' must separate two comparators"),
        ("1.x.3", "1.x.3: column 1: a number cannot follow a wildcard in '1.x.3'"),
        (
            "^1.2-beta",
            "^1.2-beta: column 2: '1.2-beta': a pre-release or build metadata needs a full MAJOR.MINOR.PATCH version"
        ),
        ("1.2.3.4", "1.2.3.4: column 1: '1.2.3.4' has more than three numbers"),
        (">1 - 2", ">1 - 2: column 1: a hyphen range joins two versions, without operators"),
        (
            "1.2.3 - 2.3.4 - 5",
            "1.2.3 - 2.3.4 - 5: column 7: a hyphen range is written 'VERSION - VERSION', alone between '||'"
        ),
        (
            "~>1.2",
            "~>1.2: column 2: '>1.2' is not a valid version: expected a number for the major version, found '>'"
        ),
        (
            "^1.99999999999999999999",
            "^1.99999999999999999999: column 4: '1.99999999999999999999' is not a valid version: the minor version 99999999999999999999 is larger than 18446744073709551615"
        ),
        (
            ">=1.2.3 <2.0.0-al$pha",
            ">=1.2.3 <2.0.0-al$pha: column 18: '2.0.0-al$pha' is not a valid version: the pre-release contains '$', but identifiers may only use ASCII letters, digits and '-'"
        ),
    ])
    func invalidRangesSayWhatAndWhere(text: String, expected: String) {
        let error = #expect(throws: VersionRangeParseError.self) { try VersionRange(parsing: text) }
        #expect(error?.description == expected)
    }

    @Test func columnsCountCharactersNotBytes() {
        let error = #expect(throws: VersionRangeParseError.self) { try VersionRange(parsing: "^1.0.0-é || ^2") }
        #expect(error?.column == 8)
        #expect(error?.offset == 7)
    }

    @Test func codableAsAJSONString() throws {
        let data = Data(#"{"range": ">= 1.2 <2"}"#.utf8)
        let decoded = try JSONDecoder().decode([String: VersionRange].self, from: data)
        #expect(decoded["range"]?.description == ">=1.2, <2")
        let encoded = try JSONEncoder().encode(decoded["range"])
        #expect(String(decoding: encoded, as: UTF8.self) == #"">=1.2, <2""#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(VersionRange.self, from: Data(#""^1.02""#.utf8))
        }
    }
}
