import Foundation
import JSONSchema
import Testing

/// Runs the official JSON-Schema-Test-Suite, kept beside the repository in `../shared/testdata` (or where
/// `SZ_SHARED_DIR` points).
struct OfficialTestSuite {
    struct Outcome {
        var passed = 0
        var failures: [String] = []
        var total: Int { passed + failures.count }
    }

    let root: URL

    static var defaultSharedFolder: URL {
        ProcessInfo.processInfo.environment["SZ_SHARED_DIR"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared")
    }

    init(sharedFolder: URL = OfficialTestSuite.defaultSharedFolder) throws {
        root = sharedFolder.appendingPathComponent("testdata/json-schema-test-suite").standardizedFileURL
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("tests").path) else {
            throw SuiteMissing(path: root.path)
        }
    }

    struct SuiteMissing: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "the JSON-Schema-Test-Suite was not found at \(path); set SZ_SHARED_DIR to the folder holding testdata/"
        }
    }

    /// The suite's `remotes/` documents as if served at http://localhost:1234/, plus the bundled meta-schemas.
    func registry() throws -> SchemaRegistry {
        var registry = SchemaRegistry.standard
        let remotes = root.appendingPathComponent("remotes")
        let enumerator = FileManager.default.enumerator(at: remotes, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where url.pathExtension == "json" {
            let relative = url.standardizedFileURL.path.dropFirst(remotes.standardizedFileURL.path.count + 1)
            registry.register(try JSONParser().parse(Data(contentsOf: url)), uri: "http://localhost:1234/" + relative)
        }
        return registry
    }

    func files(in folder: String) throws -> [URL] {
        let directory = root.appendingPathComponent("tests").appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func run(_ files: [URL], options: CompiledSchema.Options = .init()) throws -> Outcome {
        let registry = try registry()
        var outcome = Outcome()
        for file in files {
            guard case .array(let cases) = try JSONParser().parse(Data(contentsOf: file)) else {
                outcome.failures.append("\(file.lastPathComponent): not an array of test cases")
                continue
            }
            for testCase in cases {
                let caseName = "\(file.lastPathComponent) / \(testCase["description"]?.stringValue ?? "?")"
                let tests = testCase["tests"]?.arrayValue ?? []
                let schema: CompiledSchema
                do {
                    schema = try CompiledSchema(testCase["schema"] ?? .null, registry: registry, options: options)
                } catch {
                    outcome.failures += tests.map { "\(caseName) / \($0["description"]?.stringValue ?? "?"): \(error)" }
                    continue
                }
                for test in tests {
                    let expected = test["valid"] == .bool(true)
                    let data = test["data"] ?? .null
                    let quick = schema.isValid(data)
                    let detailed = schema.validate(data)
                    if quick == expected && detailed.isValid == expected && detailed.errors.isEmpty == expected {
                        outcome.passed += 1
                    } else {
                        outcome.failures.append(
                            "\(caseName) / \(test["description"]?.stringValue ?? "?"): expected \(expected ? "valid" : "invalid")"
                                + " \(detailed.lines.joined(separator: "; "))"
                        )
                    }
                }
            }
        }
        return outcome
    }
}

@Suite struct OfficialTestSuiteTests {
    @Test func aMissingSuiteFailsAndSaysWhereItLooked() {
        let error = #expect(throws: OfficialTestSuite.SuiteMissing.self) {
            try OfficialTestSuite(sharedFolder: URL(fileURLWithPath: "/nonexistent/shared"))
        }
        #expect(error?.description.contains("/nonexistent/shared/testdata/json-schema-test-suite") == true)
    }

    @Test func everyRequiredDraft2020_12TestPasses() throws {
        let suite = try OfficialTestSuite()
        let outcome = try suite.run(suite.files(in: "draft2020-12"))
        #expect(
            outcome.failures.isEmpty,
            "\(outcome.failures.count) failures:\n\(outcome.failures.joined(separator: "\n"))"
        )
        #expect(outcome.total == 1_299)
    }

    @Test func everyRequiredDraft7TestPasses() throws {
        let suite = try OfficialTestSuite()
        let outcome = try suite.run(suite.files(in: "draft7"), options: .init(defaultDraft: .draft7))
        #expect(
            outcome.failures.isEmpty,
            "\(outcome.failures.count) failures:\n\(outcome.failures.joined(separator: "\n"))"
        )
        #expect(outcome.total == 927)
    }

    @Test func optionalDraft2020_12BehaviourWeSupportPasses() throws {
        let suite = try OfficialTestSuite()
        let names = [
            "bignum.json", "float-overflow.json", "ecmascript-regex.json", "non-bmp-regex.json", "unknownKeyword.json",
            "refOfUnknownKeyword.json", "id.json", "anchor.json", "no-schema.json", "format-assertion.json",
        ]
        let files = try suite.files(in: "draft2020-12/optional").filter { names.contains($0.lastPathComponent) }
        #expect(files.count == names.count)
        let outcome = try suite.run(files)
        #expect(
            outcome.failures.isEmpty,
            "\(outcome.failures.count) failures:\n\(outcome.failures.joined(separator: "\n"))"
        )
    }

    @Test func formatAssertionSuitePasses() throws {
        let suite = try OfficialTestSuite()
        let files = try suite.files(in: "draft2020-12/optional/format")
        var failures: [String] = []
        var summary: [String] = []
        for file in files {
            let outcome = try suite.run([file], options: .init(assertFormat: true))
            summary.append("\(file.deletingPathExtension().lastPathComponent) \(outcome.passed)/\(outcome.total)")
            failures += outcome.failures
        }
        print("format assertion: " + summary.joined(separator: ", "))
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.joined(separator: "\n"))")
    }
}
