import Foundation
import SZCore
import Testing

@Suite struct SemanticVersionTests {
    /// The valid examples of semver.org's reference regex (the one with 23-digit numbers is left out:
    /// numbers must fit in UInt64 here).
    @Test(arguments: [
        "0.0.4", "1.2.3", "10.20.30", "1.1.2-prerelease+meta", "1.1.2+meta", "1.1.2+meta-valid", "1.0.0-alpha",
        "1.0.0-beta", "1.0.0-alpha.beta", "1.0.0-alpha.beta.1", "1.0.0-alpha.1", "1.0.0-alpha0.valid",
        "1.0.0-alpha.0valid", "1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay", "1.0.0-rc.1+build.1",
        "2.0.0-rc.1+build.123", "1.2.3-beta", "10.2.3-DEV-SNAPSHOT", "1.2.3-SNAPSHOT-123", "2.0.0+build.1848",
        "2.0.1-alpha.1227", "1.0.0-alpha+beta", "1.2.3----RC-SNAPSHOT.12.9.1--.12+788", "1.2.3----R-S.12.9.1--.12+meta",
        "1.2.3----RC-SNAPSHOT.12.9.1--.12", "1.0.0+0.build.1-rc.10000aaa-kk-0.1", "1.0.0-0A.is.legal",
        "18446744073709551615.18446744073709551615.18446744073709551615",
    ])
    func validVersionsRoundTrip(text: String) throws {
        #expect(try SemanticVersion(parsing: text).description == text)
    }

    @Test func partsAreExposed() throws {
        let version = try SemanticVersion(parsing: "1.2.3-beta.11+exp.sha.5114f85")
        #expect(version.major == 1 && version.minor == 2 && version.patch == 3)
        #expect(version.preRelease == [.alphanumeric("beta"), .numeric(11)])
        #expect(version.buildMetadata == ["exp", "sha", "5114f85"])
        #expect(version.isPreRelease)
        #expect(!SemanticVersion(1, 2, 3).isPreRelease)
    }

    @Test(arguments: [
        ("", "the version is empty"),
        ("1.02.3", "1.02.3: the minor version has a leading zero"),
        ("01.2.3", "01.2.3: the major version has a leading zero"),
        ("1.2.00", "1.2.00: the patch version has a leading zero"),
        ("v1.2.3", "v1.2.3: a version starts with its major number, without a leading 'v'"),
        ("1.2", "1.2: the patch version is missing"),
        ("1", "1: the minor version is missing"),
        ("1.2.", "1.2.: the patch version is missing"),
        ("1.2.3.4", "1.2.3.4: unexpected '.' after the patch version"),
        (" 1.2.3", " 1.2.3: expected a number for the major version, found ' '"),
        ("1.2.3 ", "1.2.3 : unexpected ' ' after the patch version"),
        ("1.x.3", "1.x.3: expected a number for the minor version, found 'x'"),
        ("1,2,3", "1,2,3: unexpected ',' after the major version"),
        ("1.2.3-", "1.2.3-: the pre-release is empty"),
        ("1.2.3-+b", "1.2.3-+b: the pre-release is empty"),
        ("1.2.3-alpha..1", "1.2.3-alpha..1: identifier 2 of the pre-release is empty"),
        ("1.2.3-alpha.", "1.2.3-alpha.: identifier 2 of the pre-release is empty"),
        ("1.2.3-01", "1.2.3-01: the pre-release identifier 01 has a leading zero"),
        (
            "1.2.3-al$pha",
            "1.2.3-al$pha: the pre-release contains '$', but identifiers may only use ASCII letters, digits and '-'"
        ),
        (
            "1.2.3-bêta",
            "1.2.3-bêta: the pre-release contains 'ê', but identifiers may only use ASCII letters, digits and '-'"
        ),
        ("1.2.3+", "1.2.3+: the build metadata is empty"),
        ("1.2.3+a..b", "1.2.3+a..b: identifier 2 of the build metadata is empty"),
        (
            "1.2.3+a+b",
            "1.2.3+a+b: the build metadata contains '+', but identifiers may only use ASCII letters, digits and '-'"
        ),
        (
            "18446744073709551616.0.0",
            "18446744073709551616.0.0: the major version 18446744073709551616 is larger than 18446744073709551615"
        ),
        (
            "1.0.0-99999999999999999999",
            "1.0.0-99999999999999999999: the pre-release identifier 99999999999999999999 is larger than 18446744073709551615"
        ),
    ])
    func invalidVersionsSayWhatIsWrong(text: String, expected: String) {
        let error = #expect(throws: SemanticVersionParseError.self) { try SemanticVersion(parsing: text) }
        #expect(error?.description == expected)
    }

    @Test func errorsPointAtTheOffendingByte() {
        let error = #expect(throws: SemanticVersionParseError.self) { try SemanticVersion(parsing: "1.2.3-a.01") }
        #expect(error?.offset == 8)
    }

    @Test func buildMetadataIsAllowedToHaveLeadingZeros() throws {
        #expect(try SemanticVersion(parsing: "1.0.0+001").buildMetadata == ["001"])
    }

    /// The precedence example of semver.org §11, plus the cases that naive parsers get wrong.
    @Test func precedenceFollowsTheSpecification() throws {
        let ordered = [
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
            "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.9.0", "1.10.0", "2.0.0",
        ]
        let versions = try ordered.map { try SemanticVersion(parsing: $0) }
        for (lower, higher) in zip(versions, versions.dropFirst()) {
            #expect(lower < higher, "\(lower) < \(higher)")
            #expect(!(higher < lower))
        }
        #expect(versions.shuffled().sorted() == versions)
        // "-1" is alphanumeric, so it sorts after every number.
        #expect(try SemanticVersion(parsing: "1.0.0-alpha.1") < SemanticVersion(parsing: "1.0.0-alpha.-1"))
        // ASCII order: upper case before lower case.
        #expect(try SemanticVersion(parsing: "1.0.0-RC") < SemanticVersion(parsing: "1.0.0-rc"))
        #expect(try SemanticVersion(parsing: "1.0.0-alpha.9") < SemanticVersion(parsing: "1.0.0-alpha.10"))
    }

    @Test func buildMetadataIsIgnoredForEqualityHashingAndOrderButKept() throws {
        let linux = try SemanticVersion(parsing: "1.0.0+linux")
        let mac = try SemanticVersion(parsing: "1.0.0+mac")
        #expect(linux == mac)
        #expect(!(linux < mac) && !(mac < linux))
        #expect(Set([linux, mac]).count == 1)
        #expect(linux.description == "1.0.0+linux")
        #expect(try SemanticVersion(parsing: "1.0.0-rc.1+a") < SemanticVersion(parsing: "1.0.0+b"))
    }

    @Test func codableAsAJSONString() throws {
        let versions = try [SemanticVersion(parsing: "1.2.3-rc.1+build.5"), SemanticVersion(0, 1, 0)]
        let data = try JSONEncoder().encode(versions)
        #expect(String(decoding: data, as: UTF8.self) == #"["1.2.3-rc.1+build.5","0.1.0"]"#)
        let decoded = try JSONDecoder().decode([SemanticVersion].self, from: data)
        #expect(decoded.map(\.description) == versions.map(\.description))
    }

    @Test func decodingRefusesAnInvalidVersionWithTheReason() {
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SemanticVersion.self, from: Data(#""1.02.3""#.utf8))
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription == "1.02.3: the minor version has a leading zero")
    }
}
