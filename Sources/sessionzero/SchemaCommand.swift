import ArgumentParser
import Foundation
import JSONSchema

struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Work with JSON Schemas (draft 2020-12 and draft-07).",
        subcommands: [Validate.self]
    )

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate JSON files against a JSON Schema.",
            discussion: """
                Exit status: 0 when every instance is valid, 1 when one is invalid, 2 when a file cannot be read, \
                is not JSON, or the schema itself is invalid.
                """
        )

        @Option(name: .long, help: "The schema file.")
        var schema: String

        @Option(name: .customLong("ref"), help: "Another schema the main one refers to (registered by its $id).")
        var references: [String] = []

        @Flag(name: .customLong("assert-format"), help: "Treat `format` as an assertion, not only an annotation.")
        var assertFormat = false

        @Flag(name: .long, help: "Print machine-readable JSON (the specification's basic output per instance).")
        var json = false

        @Argument(help: "The JSON files to validate.")
        var instances: [String]

        func validate() throws {
            guard !instances.isEmpty else { throw ValidationError("give at least one instance file to validate") }
        }

        func run() async throws {
            let compiled: CompiledSchema
            do {
                var registry = SchemaRegistry.standard
                for path in references {
                    let document = try JSONFile.read(path)
                    registry.register(document, uri: document["$id"]?.stringValue ?? JSONFile.uri(path))
                }
                compiled = try CompiledSchema(
                    try JSONFile.read(schema),
                    uri: JSONFile.uri(schema),
                    registry: registry,
                    options: .init(assertFormat: assertFormat)
                )
            } catch let error as JSONFile.ReadError {
                JSONFile.printError(error.description)
                throw CommandExit.usageOrInput
            } catch {
                JSONFile.printError("\(schema): invalid schema: \(error)")
                throw CommandExit.usageOrInput
            }

            var reports: [JSONValue] = []
            var anyInvalid = false
            var anyUnreadable = false
            for path in instances {
                let result: ValidationResult
                do {
                    result = compiled.validate(try JSONFile.read(path))
                } catch {
                    anyUnreadable = true
                    if json {
                        reports.append(["instance": .string(path), "error": .string(error.description)])
                    } else {
                        JSONFile.printError(error.description)
                    }
                    continue
                }
                anyInvalid = anyInvalid || !result.isValid
                if json {
                    var report: JSONObject = ["instance": .string(path)]
                    for (key, value) in result.basicOutput.objectValue! { report[key] = value }
                    reports.append(.object(report))
                } else {
                    print("\(path): \(result.isValid ? "valid" : "invalid")")
                    for line in result.lines { print("  " + line) }
                }
            }
            if json { print(JSONWriter.pretty(.array(reports)), terminator: "") }
            if anyUnreadable { throw CommandExit.usageOrInput }
            if anyInvalid { throw CommandExit.checkFailed }
        }
    }
}
