import Foundation
import JSONSchema
import SZCore
import Testing

@Suite struct PackManifestTests {
    static let manifestText = """
        {
          "id": "c9a3f9c8-8b8a-4f1f-9f3b-2d8c7f2c6c62", "name": "Example Pack", "version": "1.0.0",
          "author": "UserName", "license": "CC-BY-SA-4.0",
          "description": "A fantasy setting datapack containing items and NPCs.",
          "createdAt": "2025-10-15T00:00:00Z", "sessionZeroVersion": "1.0.0",
          "dependencies": [ { "id": "c2e6d0a4-2a8f-4a51-b36e-9f8f2c7b1d11", "name": "Core-Ruleset", "version": "1.2.0" } ]
        }
        """

    func manifest(replacing original: String = "", with replacement: String = "") throws -> PackManifest {
        try PackManifest(json: JSONParser().parse(Self.manifestText.replacing(original, with: replacement)))
    }

    @Test func readsTheSpecExampleWithDefaults() throws {
        let manifest = try manifest()
        #expect(manifest.id == UUID(uuidString: "c9a3f9c8-8b8a-4f1f-9f3b-2d8c7f2c6c62"))
        #expect(manifest.packType == .content)
        #expect(manifest.dependencies.map(\.effectiveRange) == ["^1.2.0"])
        #expect(manifest.json["packType"] == "content")
        #expect(manifest.json["id"] == "c9a3f9c8-8b8a-4f1f-9f3b-2d8c7f2c6c62")
    }

    @Test func aWrittenRangeIsKept() throws {
        let manifest = try manifest(
            replacing: #""version": "1.2.0" }"#,
            with: #""version": "1.2.0", "range": ">=1.2.0 <1.5.0" }"#
        )
        #expect(manifest.dependencies[0].range == ">=1.2.0 <1.5.0")
        #expect(manifest.dependencies[0].effectiveRange == ">=1.2.0 <1.5.0")
        #expect(try PackManifest(json: manifest.json) == manifest)
    }

    @Test(arguments: [
        "0.0.0", "1.2.3-alpha.1", "1.2.3-0.3.7", "1.0.0-x-y.z--", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85",
    ])
    func semanticVersionsAreAccepted(version: String) throws {
        #expect(try manifest(replacing: #""version": "1.0.0""#, with: "\"version\": \"\(version)\"").version == version)
    }

    @Test(arguments: [
        "1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0+", "1.0.0-a..b", "1.0.0 ", "1.0.0-al$pha",
    ])
    func malformedVersionsAreRefused(version: String) {
        let error = #expect(throws: DatapackDecodingError.self) {
            try manifest(replacing: #""version": "1.0.0""#, with: "\"version\": \"\(version)\"")
        }
        #expect(
            error?.description
                == "/version: \"\(version)\" is not a semantic version: expected MAJOR.MINOR.PATCH such as 1.0.0"
        )
    }

    @Test(arguments: ["*", "^1.2.0", "~1.2.0", "=1.2.0", ">=1.2.0 <1.5.0", ">=1.2.0, <1.5.0", ">1.0.0 , <=2.0.0-rc.1"])
    func rangesOfTheV1GrammarAreAccepted(range: String) throws {
        let manifest = try manifest(
            replacing: #""version": "1.2.0" }"#,
            with: "\"version\": \"1.2.0\", \"range\": \"\(range)\" }"
        )
        #expect(manifest.dependencies[0].range == range)
    }

    @Test(arguments: ["1.2.0", "^1.2", "1.x", ">=1.2.0,,<2.0.0", ">=1.2.0 ", "", "^1.2.0 || ^2.0.0"])
    func otherRangesAreRefused(range: String) {
        let error = #expect(throws: DatapackDecodingError.self) {
            try manifest(replacing: #""version": "1.2.0" }"#, with: "\"version\": \"1.2.0\", \"range\": \"\(range)\" }")
        }
        #expect(error?.pointer.description == "/dependencies/0/range")
    }

    @Test(arguments: [
        ("2025-10-15T00:00:00Z", true), ("2025-10-15T23:59:60.123+02:00", true), ("2025-10-15T00:00:00-05:30", true),
        ("2025-10-15", false), ("2025-13-01T00:00:00Z", false), ("2025-10-15 00:00:00Z", false),
        ("2025-10-15T24:00:00Z", false), ("2025-10-15T00:00:00", false), ("2025-10-15T00:00:00.Z", false),
    ])
    func createdAtIsAnRFC3339Timestamp(timestamp: String, isValid: Bool) {
        let decoded = try? manifest(replacing: "2025-10-15T00:00:00Z", with: timestamp)
        #expect((decoded != nil) == isValid)
    }

    @Test func packIDsAreLowercaseUUIDs() {
        let error = #expect(throws: DatapackDecodingError.self) {
            try manifest(replacing: "c9a3f9c8-8b8a", with: "C9A3F9C8-8B8A")
        }
        #expect(
            error?.description
                == #"/id: "C9A3F9C8-8B8A-4f1f-9f3b-2d8c7f2c6c62" is not a pack id: expected a lowercase UUID such as "#
                + "c9a3f9c8-8b8a-4f1f-9f3b-2d8c7f2c6c62"
        )
    }

    @Test func aMisspeltKeyGetsASuggestion() {
        let error = #expect(throws: DatapackDecodingError.self) {
            try manifest(replacing: #""license""#, with: #""licence""#)
        }
        #expect(
            error?.description
                == #"/licence: unknown key "licence" (did you mean "license"?); expected one of id, name, version, "#
                + "author, license, description, createdAt, sessionZeroVersion, packType, dependencies"
        )
    }

    @Test func dependenciesAreOtherPacksListedOnce() {
        let itself = #expect(throws: DatapackDecodingError.self) {
            try manifest(
                replacing: "c2e6d0a4-2a8f-4a51-b36e-9f8f2c7b1d11",
                with: "c9a3f9c8-8b8a-4f1f-9f3b-2d8c7f2c6c62"
            )
        }
        #expect(itself?.description == "/dependencies/0/id: a pack cannot depend on itself")
        let dependency =
            #"{ "id": "c2e6d0a4-2a8f-4a51-b36e-9f8f2c7b1d11", "name": "Core-Ruleset", "version": "1.2.0" }"#
        let twice = #expect(throws: DatapackDecodingError.self) {
            try manifest(replacing: dependency, with: dependency + ", " + dependency)
        }
        #expect(
            twice?.description
                == "/dependencies/1/id: pack c2e6d0a4-2a8f-4a51-b36e-9f8f2c7b1d11 is listed twice; give one version and range"
        )
    }

    @Test func unknownPackTypesAreRefused() {
        let error = #expect(throws: DatapackDecodingError.self) {
            try manifest(replacing: #""sessionZeroVersion""#, with: #""packType": "campaign", "sessionZeroVersion""#)
        }
        #expect(error?.description == #"/packType: unknown packType "campaign"; expected content or session"#)
    }
}
