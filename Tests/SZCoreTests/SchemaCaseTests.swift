import Foundation
import JSONSchema
import SZCore
import Testing

/// The model accepts exactly what the published JSON Schemas accept: every case of the schema-case
/// manifest (which scripts/check-schemas-python.py checks against Python's jsonschema) gets the same
/// verdict from the model's decoders.
@Suite struct SchemaCaseTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var schema: String
        var instance: String
        var valid: Bool
        var why: String

        var testDescription: String { "\(instance) (\(why))" }
    }

    static let fixtures = "Tests/SZPacksTests/Fixtures/"

    static func cases() throws -> [Case] {
        let manifest = try RepositoryFiles.json(fixtures + "schema-cases.json")
        return (manifest.arrayValue ?? []).compactMap { item in
            guard let schema = item["schema"]?.stringValue, let instance = item["instance"]?.stringValue,
                let valid = item["valid"]?.boolValue
            else { return nil }
            return Case(schema: schema, instance: instance, valid: valid, why: item["why"]?.stringValue ?? "")
        }
    }

    /// Decodes `json` as the document type that `schema` describes.
    static func decode(_ json: JSONValue, as schema: String) throws -> (any DatapackDocument)? {
        switch schema {
        case "szpack.schema.json": try PackManifest(json: json)
        case "dataset.schema.json": try Dataset(json: json)
        case "character-template.schema.json": try CharacterTemplate(json: json)
        case "session-template.schema.json": try SessionTemplate(json: json)
        case "character-instance.schema.json": try Instance(json: json, kind: .character)
        case "session-pack.schema.json":
            json["szType"] == .string(SessionSnapshot.szType)
                ? try SessionSnapshot(json: json) : try Instance(json: json, kind: .session)
        default: nil
        }
    }

    @Test func everySchemaHasValidAndInvalidCases() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 60)
        for schema in Set(cases.map(\.schema)) {
            #expect(cases.count { $0.schema == schema && $0.valid } >= 1, "\(schema) needs a valid case")
            #expect(cases.count { $0.schema == schema && !$0.valid } >= 4, "\(schema) needs 4 invalid cases")
        }
    }

    @Test(arguments: try cases())
    func modelAgreesWithTheSchemaVerdict(testCase: Case) throws {
        let json = try RepositoryFiles.json(Self.fixtures + testCase.instance)
        do {
            let document = try #require(try Self.decode(json, as: testCase.schema), "unknown schema \(testCase.schema)")
            #expect(testCase.valid, "the model accepts what the schema refuses: \(testCase.why)")
            let reencoded = try #require(try Self.decode(document.json, as: testCase.schema))
            #expect(reencoded.json == document.json, "writing and reading a document keeps its content")
        } catch let error as DatapackDecodingError {
            #expect(!testCase.valid, "the model refuses what the schema accepts: \(error)")
        }
    }
}
