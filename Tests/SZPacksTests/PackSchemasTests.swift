import Foundation
import JSONSchema
import SZPacks
import Testing

/// The same cases `scripts/check-schemas-python.py` gives to Python's jsonschema: both validators must reach the
/// verdict the manifest expects, so they agree with each other.
@Suite struct PackSchemasTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let schema: String
        let instance: String
        let valid: Bool
        let why: String
        var testDescription: String { "\(instance) (\(why))" }
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func cases() throws -> [Case] {
        let manifest = try JSONParser().parse(Data(contentsOf: fixtures.appendingPathComponent("schema-cases.json")))
        return (manifest.arrayValue ?? []).map {
            Case(
                schema: $0["schema"]?.stringValue ?? "",
                instance: $0["instance"]?.stringValue ?? "",
                valid: $0["valid"] == true,
                why: $0["why"]?.stringValue ?? ""
            )
        }
    }

    @Test func everyPublishedSchemaCompilesWithItsStableID() throws {
        for name in PackSchemas.fileNames {
            #expect(PackSchemas.bundled.schema(named: name) != nil, "\(name) is not bundled")
            #expect(PackSchemas.bundled.documents[name]?["$id"] == .string(PackSchemas.baseURI + name))
            #expect(PackSchemas.bundled.documents[name]?["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        }
    }

    @Test(arguments: try cases())
    func verdictMatchesTheManifest(testCase: Case) throws {
        let schema = try #require(
            PackSchemas.bundled.schema(named: testCase.schema),
            "unknown schema \(testCase.schema)"
        )
        let instance = try JSONParser().parse(Data(contentsOf: Self.fixtures.appendingPathComponent(testCase.instance)))
        let result = schema.validate(instance)
        #expect(result.isValid == testCase.valid, "\(result.lines.joined(separator: "\n"))")
    }
}
