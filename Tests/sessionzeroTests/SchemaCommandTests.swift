import Foundation
import JSONSchema
import Testing

@Suite struct SchemaCommandTests {
    let runner: CommandLineRunner

    init() throws {
        runner = try CommandLineRunner()
        try runner.write(
            "character.schema.json",
            #"{"type": "object", "properties": {"name": {"type": "string", "minLength": 2}, "hp": {"type": "integer"}}, "required": ["name"]}"#
        )
        try runner.write("good.json", #"{"name": "Aelric", "hp": 12}"#)
        try runner.write("bad.json", #"{"name": "A", "hp": "many"}"#)
    }

    @Test func validInstancesExitZero() throws {
        let outcome = try runner.run(["schema", "validate", "--schema", "character.schema.json", "good.json"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "good.json: valid\n")
    }

    @Test func invalidInstancesExitOneWithOneLinePerError() throws {
        let outcome = try runner.run([
            "schema", "validate", "--schema", "character.schema.json", "good.json", "bad.json",
        ])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardOutput == """
                good.json: valid
                bad.json: invalid
                  /name: is shorter than 2 characters [/properties/name/minLength]
                  /hp: expected integer, found string [/properties/hp/type]

                """
        )
    }

    @Test func jsonOutputIsTheBasicOutputFormat() throws {
        let outcome = try runner.run(["schema", "validate", "--json", "--schema", "character.schema.json", "bad.json"])
        #expect(outcome.status == 1)
        let reports = try JSONParser().parse(outcome.standardOutput).arrayValue ?? []
        #expect(reports.count == 1)
        #expect(reports.first?["instance"] == "bad.json")
        #expect(reports.first?["valid"] == false)
        #expect(reports.first?["errors"]?.arrayValue?.first?["keywordLocation"] == "/properties/name/minLength")
    }

    @Test func malformedJSONExitsTwoWithLineAndColumn() throws {
        try runner.write("broken.json", "{\n  \"name\": \"x\",\n}")
        let outcome = try runner.run(["schema", "validate", "--schema", "character.schema.json", "broken.json"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("broken.json:3:1: expected a quoted property name"))
    }

    @Test func missingFilesExitTwo() throws {
        let outcome = try runner.run(["schema", "validate", "--schema", "character.schema.json", "nowhere.json"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("nowhere.json: cannot read the file"))
    }

    @Test func invalidSchemasExitTwo() throws {
        try runner.write("wrong.schema.json", #"{"type": "strnig"}"#)
        let outcome = try runner.run(["schema", "validate", "--schema", "wrong.schema.json", "good.json"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("wrong.schema.json: invalid schema"))
    }

    @Test func usageErrorsExitTwo() throws {
        let outcome = try runner.run(["schema", "validate", "good.json"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("Missing expected argument '--schema <schema>'"))
    }

    @Test func formatAssertionIsOptIn() throws {
        try runner.write("date.schema.json", #"{"format": "date"}"#)
        try runner.write("date.json", #""2026-02-30""#)
        #expect(try runner.run(["schema", "validate", "--schema", "date.schema.json", "date.json"]).status == 0)
        let asserted = try runner.run([
            "schema", "validate", "--assert-format", "--schema", "date.schema.json", "date.json",
        ])
        #expect(asserted.status == 1)
    }

    @Test func referencedSchemasAreRegisteredByTheirID() throws {
        try runner.write(
            "common.schema.json",
            #"{"$id": "https://sessionzero.dev/schemas/v1/common.schema.json", "$defs": {"id": {"pattern": "^[a-z-]+$"}}}"#
        )
        try runner.write(
            "uses.schema.json",
            ##"{"$ref": "https://sessionzero.dev/schemas/v1/common.schema.json#/$defs/id"}"##
        )
        try runner.write("id.json", #""Not-An-Id""#)
        let outcome = try runner.run([
            "schema", "validate", "--schema", "uses.schema.json", "--ref", "common.schema.json", "id.json",
        ])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("does not match the pattern ^[a-z-]+$"))
    }
}
