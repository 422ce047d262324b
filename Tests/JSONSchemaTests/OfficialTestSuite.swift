import Foundation
import JSONSchema

/// The JSON-Schema-Test-Suite checkout that lives beside the repository, in `../shared/testdata/`.
enum OfficialTestSuite {
    struct Case {
        let file: String
        let group: String
        let description: String
        let schema: JSONValue
        let data: JSONValue
        let valid: Bool

        var name: String { "\(file): \(group) / \(description)" }
    }

    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    static let draft2020Folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // JSONSchemaTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .deletingLastPathComponent()  // the folder that holds shared/
        .appendingPathComponent("shared/testdata/json-schema-test-suite/tests/draft2020-12")

    /// Every test case of one suite file, `path` relative to the draft 2020-12 folder.
    static func cases(in path: String) throws -> [Case] {
        let url = draft2020Folder.appendingPathComponent(path)
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw LoadError(description: "the JSON Schema test suite file is missing; looked for \(url.path)")
        }
        let groups = try JSONParser().parse(bytes)
        var cases: [Case] = []
        for group in groups.arrayValue ?? [] {
            for test in group["tests"]?.arrayValue ?? [] {
                guard let schema = group["schema"], let data = test["data"], let valid = test["valid"]?.boolValue
                else { throw LoadError(description: "\(url.path): a test lacks schema, data or valid") }
                cases.append(
                    Case(
                        file: path,
                        group: group["description"]?.stringValue ?? "?",
                        description: test["description"]?.stringValue ?? "?",
                        schema: schema,
                        data: data,
                        valid: valid
                    )
                )
            }
        }
        guard !cases.isEmpty else { throw LoadError(description: "\(url.path) holds no test cases") }
        return cases
    }

    /// The names of the files in a suite folder, sorted, `folder` relative to the draft 2020-12 folder.
    static func files(in folder: String) throws -> [String] {
        let url = draft2020Folder.appendingPathComponent(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            throw LoadError(description: "the JSON Schema test suite folder is missing; looked for \(url.path)")
        }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
    }
}
