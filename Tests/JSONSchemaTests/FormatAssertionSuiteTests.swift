import Testing

@testable import JSONSchema

/// Runs every `{"format": F}` case of the official suite's optional/format folder through FormatAssertion.
@Suite struct FormatAssertionSuiteTests {
    static let definedFormats = [
        "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
        "uri", "uri-reference", "iri", "iri-reference", "uri-template", "uuid", "regex", "json-pointer",
        "relative-json-pointer",
    ]

    @Test func officialFormatCasesPass() throws {
        var passed: [String: Int] = [:]
        var failed: [String: [String]] = [:]
        for file in try OfficialTestSuite.files(in: "optional/format") {
            for test in try OfficialTestSuite.cases(in: file) {
                guard let format = Self.formatUnderTest(test.schema) else { continue }
                let result = test.data.stringValue.map { FormatAssertion.isValid($0, format: format) ?? true } ?? true
                if result == test.valid {
                    passed[format, default: 0] += 1
                } else {
                    failed[format, default: []].append(test.name)
                }
            }
        }
        for format in Set(passed.keys).union(failed.keys).sorted() {
            let failures = failed[format] ?? []
            print("format \(format): \(passed[format] ?? 0) passed, \(failures.count) failed")
            #expect(failures.isEmpty, "\(format) failures: \(failures)")
        }
        for format in Self.definedFormats {
            #expect(passed[format] ?? 0 > 0, "the suite has no passing case for \(format)")
        }
    }

    /// The format of a schema that is `{"format": F}`, optionally with `$schema`; nil for any other schema.
    private static func formatUnderTest(_ schema: JSONValue) -> String? {
        guard let keywords = schema.objectValue, let format = keywords["format"]?.stringValue else { return nil }
        return keywords.keys.allSatisfy({ $0 == "format" || $0 == "$schema" }) ? format : nil
    }
}
